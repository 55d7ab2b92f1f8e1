// @vitest-environment jsdom
import "./support/setup";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderTaskpane, tableCell } from "./support/harness";

describe("Check screen", () => {
  it("says the sample model is ready and lets the user go on to Run", async () => {
    const { user } = await renderTaskpane({ screen: "check" });
    expect(await screen.findByText("No problems")).toBeInTheDocument();
    const run = screen.getByRole("button", { name: "Run" });
    expect(run).toBeEnabled();
    await user.click(run);
    expect(await screen.findByRole("heading", { name: "Run" })).toBeInTheDocument();
  });

  it("lists a broken input with its cell, selects the cell via the port when clicked, and disables Run", async () => {
    let address = "";
    const { user, port, workbook } = await renderTaskpane({
      screen: "check",
      before: (wb) => {
        address = tableCell(wb, "Costs", "Amount", 2);
        wb.setCellValue(address, "twelve pounds");
      },
    });
    const list = await screen.findByRole("list", { name: "Problems" });
    const problem = within(list).getByRole("button", { name: new RegExp(`^${address.replace(/[$!]/g, "\\$&")}`) });
    expect(problem).toHaveTextContent("twelve pounds");
    expect(screen.getByRole("button", { name: "Run" })).toBeDisabled();
    expect(screen.getByText(/1 error/)).toBeInTheDocument();

    await user.click(problem);
    expect(port.selectCell).toHaveBeenCalledWith(address);
    const sel = workbook.selection();
    expect(sel && `${sel.sheet}`).toBe("Costs");

    // Fix it in the workbook and check again: the problem goes, Run comes back.
    workbook.setCellValue(address, 1200);
    await user.click(screen.getByRole("button", { name: "Check again" }));
    expect(await screen.findByText("No problems")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Run" })).toBeEnabled();
  });

  it("reports an engine validation error (a negative driver) at its cell", async () => {
    const { user, port } = await renderTaskpane({
      screen: "check",
      before: (wb) => {
        // The driver for a partner goes negative: the engine rejects it, and the workbook layer locates it.
        wb.setCellValue(tableCell(wb, "Drivers", "tickets", 1), -5);
      },
    });
    const list = await screen.findByRole("list", { name: "Problems" });
    const items = within(list).getAllByRole("button");
    expect(items.length).toBeGreaterThan(0);
    const first = items[0] as HTMLElement;
    expect(first.textContent).toMatch(/^Drivers!/);
    await user.click(first);
    expect(port.selectCell).toHaveBeenCalledWith(expect.stringMatching(/^Drivers!/));
  });
});

describe("Check screen and run settings", () => {
  it("reports a run setting that names a scenario not in the Scenarios table", async () => {
    await renderTaskpane({
      screen: "check",
      before: async (_wb, port) => {
        const s = await port.readRunSettings();
        if (!s.ok) throw new Error("no run settings");
        await port.writeRunSettings({ ...s.value, scenario: "No such scenario" });
      },
    });
    const list = await screen.findByRole("list", { name: "Problems" });
    // Located at the Settings table's "Run scenario" value cell, so activating it selects that cell.
    const item = within(list).getByText(
      /^Settings![A-Z]+\d+: Setting "Run scenario": there is no scenario named "No such scenario" in the Scenarios table/,
    );
    expect(item.closest("button")).not.toBeNull();
    expect(screen.getByRole("button", { name: "Run" })).toBeDisabled();
  });
});
