// @vitest-environment jsdom
import "./support/setup";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderTaskpane } from "./support/harness";

/** Sending a workbook on is offered once it has results: calculate and write them first. */
async function writeRun(user: { click(el: Element): Promise<void> }): Promise<void> {
  await user.click(await screen.findByRole("button", { name: "Calculate" }));
  await user.click(await screen.findByRole("button", { name: "Write to workbook" }));
  await screen.findByText("Results written");
}
import { at, everything, sharedFormulasWorkbook } from "../support/shared-formulas-fixture";

describe("Run screen: Send without the add-in", () => {
  it("asks with the counts and that it cannot be undone, then replaces the =SHARED formulas with their values", async () => {
    // The pane on its usual workbook, with the formula commands of the Office.js adapter over a fake Excel holding formulas.
    const excel = await sharedFormulasWorkbook();
    const { user } = await renderTaskpane({
      screen: "run",
      port: () => ({
        findSharedFormulas: excel.port.findSharedFormulas,
        sharedFormulasToValues: excel.port.sharedFormulasToValues,
      }),
    });
    await writeRun(user);
    const before = everything(excel);
    await user.click(await screen.findByRole("button", { name: "Replace =SHARED formulas with values…" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Replace =SHARED formulas with values?" });
    expect(dialog).toHaveTextContent("Replace 5 =SHARED formulas on 2 sheets (Workings (4) and Notes (1))");
    expect(dialog).toHaveTextContent("7 cells will change");
    expect(dialog).toHaveTextContent("This cannot be undone");
    // Cancel changes nothing.
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(everything(excel)).toBe(before);
    await user.click(screen.getByRole("button", { name: "Replace =SHARED formulas with values…" }));
    await user.click(await screen.findByRole("button", { name: "Replace them" }));
    expect(await screen.findByText("Formulas replaced")).toBeInTheDocument();
    expect(screen.getByText(/Replaced 5 =SHARED formulas \(7 cells\) on 2 sheets/)).toBeInTheDocument();
    expect(at(excel, "Notes", 2, 2)?.formula).toBeUndefined();
    expect(at(excel, "Workings", 1, 0)?.formula).toBe("=SUM(B1:B3)");
  });

  it("says so where formulas do not calculate (the browser preview's in-memory workbook)", async () => {
    const { user } = await renderTaskpane({ screen: "run" });
    // Not offered before the workbook has results.
    await screen.findByRole("button", { name: "Calculate" });
    expect(screen.queryByRole("button", { name: "Replace =SHARED formulas with values…" })).toBeNull();
    await writeRun(user);
    await user.click(await screen.findByRole("button", { name: "Replace =SHARED formulas with values…" }));
    expect(await screen.findByText("Nothing was replaced")).toBeInTheDocument();
    expect(screen.getByText(/done in Excel, where the formulas calculate/)).toBeInTheDocument();
  });
});
