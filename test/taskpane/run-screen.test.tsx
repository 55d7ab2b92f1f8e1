// @vitest-environment jsdom
import "./support/setup";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../../src/engine";
import { workbookProblemMessage } from "../../src/excel/problems";
import type { WorkbookPort } from "../../src/excel/port";
import { deferred, engineRun, renderTaskpane, tableCell } from "./support/harness";

const OUTPUTS = ["Summary", "Allocations", "Budget check", "Scenario comparison", "Trace", "Charts"];

function outputSheets(names: readonly string[]): string[] {
  return names.filter((n) => OUTPUTS.includes(n));
}

describe("Run screen", () => {
  it("previews the engine's totals in £ before writing, then writes the result sheets", async () => {
    const { user, port, workbook } = await renderTaskpane({ screen: "run" });
    await user.click(await screen.findByRole("button", { name: "Calculate" }));
    const write = await screen.findByRole("button", { name: "Write to workbook" });
    expect(screen.getByText("Preview: nothing written yet")).toBeInTheDocument();
    expect(port.writeOutputs).not.toHaveBeenCalled();
    expect(outputSheets(workbook.sheetNames())).toEqual([]);

    // Every partner's figure for the year shown (the latest) and each kind is the engine's, to the penny.
    const run = engineRun();
    const latest = run.result.totals.reduce((a, t) => (t.year > a.year ? t : a)).yearLabel;
    expect(screen.getByRole("combobox", { name: "Year shown" })).toHaveValue(latest);
    for (const partner of run.result.partners) {
      const table = screen.getByRole("table", { name: `Totals to be written: ${partner.name} (${partner.id}), ${latest}` });
      const years = within(table)
        .getAllByRole("columnheader")
        .slice(1)
        .map((h) => h.textContent);
      const row = within(table).getByRole("row", { name: /^Revenue ongoing/ });
      const cells = within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent);
      const expected = years.map((y) =>
        formatMoney(
          run.result.totals
            .filter((t) => t.partner === partner.id && t.yearLabel === y && t.category === "revenue" && t.nature === "ongoing")
            .reduce((a, t) => a + t.amount, 0),
        ),
      );
      expect(cells).toEqual(expected);
      expect(cells.every((c) => /^-?£[\d,]+\.\d\d$/.test(c ?? ""))).toBe(true);
    }
    expect(
      screen.getByText(new RegExp(`${formatMoney(run.result.balance.totalIn).replace(/[£.$]/g, "\\$&")} to share`)),
    ).toBeInTheDocument();

    await user.click(write);
    expect(await screen.findByText("Results written")).toBeInTheDocument();
    expect(port.writeOutputs).toHaveBeenCalledTimes(1);
    expect(outputSheets(workbook.sheetNames()).sort()).toEqual([...OUTPUTS].sort());
  });

  it("keeps Calculate disabled while the model has errors", async () => {
    await renderTaskpane({
      screen: "run",
      before: (wb) => wb.setCellValue(tableCell(wb, "Costs", "Amount", 1), "not money"),
    });
    expect(await screen.findByText("The model has errors")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Calculate" })).toBeDisabled();
  });

  it("cancelling at the preview writes nothing", async () => {
    const { user, port, workbook } = await renderTaskpane({ screen: "run" });
    await user.click(await screen.findByRole("button", { name: "Calculate" }));
    await screen.findByRole("button", { name: "Write to workbook" });
    // The calculation has finished: no Cancel, but the preview can be discarded.
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Discard the preview" }));
    expect(await screen.findByText(workbookProblemMessage({ kind: "cancelled" }))).toBeInTheDocument();
    expect(port.writeOutputs).not.toHaveBeenCalled();
    expect(outputSheets(workbook.sheetNames())).toEqual([]);
  });

  it("shows progress while a slow step runs, and Cancel then leaves the workbook untouched", async () => {
    const gate = deferred();
    const { user, port, workbook } = await renderTaskpane({
      screen: "run",
      port: (real) => ({
        checkOutputs: async () => {
          await gate.promise;
          return real.checkOutputs();
        },
      }),
    });
    await user.click(await screen.findByRole("button", { name: "Calculate" }));
    // Progress shows from the first step; the gate holds the last one open.
    expect(await screen.findByText(/^Step 3 of 3: Checking the result sheets/)).toBeInTheDocument();
    const bar = screen.getByRole("progressbar");
    expect(bar).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    gate.resolve();
    expect(await screen.findByText(workbookProblemMessage({ kind: "cancelled" }))).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole("button", { name: "Write to workbook" })).toBeNull();
    expect(port.writeOutputs).not.toHaveBeenCalled();
    expect(outputSheets(workbook.sheetNames())).toEqual([]);
  });

  it("cancelling during the write aborts it through the port's signal: nothing half-written", async () => {
    const gate = deferred();
    let seen: AbortSignal | undefined;
    const { user, workbook } = await renderTaskpane({
      screen: "run",
      port: (real): Partial<WorkbookPort> => ({
        writeOutputs: async (outputs, options) => {
          seen = options?.signal;
          await gate.promise;
          return real.writeOutputs(outputs, options);
        },
      }),
    });
    await user.click(await screen.findByRole("button", { name: "Calculate" }));
    await user.click(await screen.findByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText(/Writing the result sheets/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(seen?.aborted).toBe(true);
    gate.resolve();
    expect(await screen.findByText(workbookProblemMessage({ kind: "cancelled" }))).toBeInTheDocument();
    expect(outputSheets(workbook.sheetNames())).toEqual([]);
  });

  it("asks before replacing result sheets the user has edited", async () => {
    const { user, port, workbook } = await renderTaskpane({ screen: "run" });
    await user.click(await screen.findByRole("button", { name: "Calculate" }));
    await user.click(await screen.findByRole("button", { name: "Write to workbook" }));
    await screen.findByText("Results written");

    workbook.setCellValue("Summary!B2", "my note");
    await user.click(screen.getByRole("button", { name: "Calculate" }));
    await screen.findByRole("button", { name: "Write to workbook" });
    expect(screen.getByText("Edited result sheets")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog).toHaveTextContent(workbookProblemMessage({ kind: "outputsEdited", sheets: ["Summary"] }));
    expect(workbook.view("Summary")?.text(1, 1)).toBe("my note");
    // The safe answer has the focus: Enter keeps the user's sheets.
    await waitFor(() => expect(within(dialog).getByRole("button", { name: "Cancel", hidden: true })).toHaveFocus());

    await user.click(within(dialog).getByRole("button", { name: "Replace them", hidden: true }));
    expect(await screen.findByText("Results written")).toBeInTheDocument();
    await waitFor(() =>
      expect(port.writeOutputs).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ replaceEdited: true })),
    );
    expect(workbook.view("Summary")?.text(1, 1)).not.toBe("my note");
  });
});
