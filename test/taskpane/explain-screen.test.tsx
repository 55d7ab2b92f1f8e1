// @vitest-environment jsdom
import "./support/setup";
import userEvent from "@testing-library/user-event";
import { act, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { checkModelBudgets, explainCharge, formatMoney, partnerNames, runScenario, type ScenarioInput } from "../../src/engine";
import { basisInWords } from "../../src/excel";
import { ALLOCATION_HEADER_ROW } from "../../src/excel/layout/outputs/allocations";
import type { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { formatExactPounds } from "../../src/taskpane/format";
import { lineWords } from "../../src/taskpane/model-words";
import { renderTaskpane } from "./support/harness";

const base = BRENT_LEWISHAM_SOUTHWARK.model;

/** The Allocations cell (zero-based row and column) of a charge: its line-year's row, its partner's column. */
function allocationCell(workbook: MemoryWorkbook, ref: string, partner: string, year: string): { row: number; col: number } {
  const v = workbook.view("Allocations");
  if (!v) throw new Error("no Allocations sheet");
  const values = v.values();
  const header = values[ALLOCATION_HEADER_ROW] ?? [];
  const col = (h: string): number => header.findIndex((x) => String(x) === h);
  const row = values.findIndex((r, i) => i > ALLOCATION_HEADER_ROW && r[col("Ref")] === ref && r[col("Year")] === year);
  if (row < 0 || col(`${partner} (£)`) < 0) throw new Error(`no allocation cell for ${ref} ${partner} ${year}`);
  return { row, col: col(`${partner} (£)`) };
}

describe("Explain screen", () => {
  it("explains the selected Allocations cell with the engine's trace (basis, drivers, exact share, rounding)", async () => {
    const budget = checkModelBudgets(base);
    if (!budget.ok) throw new Error("engine failed");
    const { workbook, selection } = await renderTaskpane({
      screen: "explain",
      before: async (_wb, port) => {
        const w = await port.writeOutputs({ run: budget.value.run, budget: budget.value });
        if (!w.ok) throw new Error("write failed");
      },
    });
    const charge = budget.value.run.result.charges.find(
      (c) => c.partner === "LEW" && c.yearLabel === "2020/21" && budget.value.run.result.lineYears[c.lineYear]?.basis !== "equal",
    );
    if (!charge) throw new Error("no LEW charge");
    const trace = explainCharge(budget.value.run.result, charge);
    const at = allocationCell(workbook, charge.lineRef, "LEW", "2020/21");
    await screen.findByRole("button", { name: "Explain the selected cell" });
    act(() => {
      workbook.select("Allocations", at.row, at.col, 1, 1);
      selection.notify();
    });
    const card = await screen.findByRole("group", {
      // The line by its reference and description ("BLS-01: Shared ICT service: …"), never the reference alone.
      name: `How London Borough of Lewisham (LEW)'s charge for ${lineWords(charge.lineRef, base)} in 2020/21 was derived`,
    });
    expect(card).toHaveTextContent(formatMoney(trace.share));
    // The basis in the same words as the output sheets (the Allocations' Basis column), its code among the exact figures.
    const ly = budget.value.run.result.lineYears[charge.lineYear];
    if (ly === undefined) throw new Error("no line-year");
    expect(card).toHaveTextContent(`Basis${basisInWords(ly, base, partnerNames(base))}`);
    // The exact figures are one click away.
    await userEvent.setup().click(within(card).getByRole("button", { name: "Show the exact figures" }));
    expect(card).toHaveTextContent(trace.basis);
    expect(card).toHaveTextContent(formatExactPounds(trace.exactShare));
    expect(card).toHaveTextContent(formatExactPounds(trace.adjustment));
    expect(card).toHaveTextContent(formatMoney(trace.share));
    const drivers = within(card).getByRole("table", { name: "Driver values" });
    for (const comp of trace.components)
      expect(within(drivers).getByRole("row", { name: new RegExp(comp.label.replace(/[()]/g, "\\$&")) })).toHaveTextContent(comp.value);
  });

  it("explains what is already selected when the screen opens (a change reported before it listened is not lost)", async () => {
    const budget = checkModelBudgets(base);
    if (!budget.ok) throw new Error("engine failed");
    const charge = budget.value.run.result.charges.find((c) => c.partner === "SOU" && c.yearLabel === "2020/21");
    if (!charge) throw new Error("no SOU charge");
    await renderTaskpane({
      screen: "explain",
      before: async (wb, port) => {
        const w = await port.writeOutputs({ run: budget.value.run, budget: budget.value });
        if (!w.ok) throw new Error("write failed");
        // Selected before the pane exists: no selection event will ever arrive for it.
        const at = allocationCell(wb, charge.lineRef, "SOU", "2020/21");
        wb.select("Allocations", at.row, at.col, 1, 1);
      },
    });
    expect(
      await screen.findByRole("group", {
        name: `How London Borough of Southwark (SOU)'s charge for ${lineWords(charge.lineRef, base)} in 2020/21 was derived`,
      }),
    ).toBeInTheDocument();
  });

  it("says so when the selected cell is not a charge", async () => {
    const { user, workbook } = await renderTaskpane({ screen: "explain" });
    workbook.select("Partners", 0, 0, 1, 1);
    await user.click(await screen.findByRole("button", { name: "Explain the selected cell" }));
    expect(await screen.findByText(/^Partners!A1 is not a charge/)).toBeInTheDocument();
  });

  it("explains a partner within another: the parent's trace and how its share was divided", async () => {
    const within_ = (base.scenarios ?? []).find((s) => s.name === "Lewisham Homes within Lewisham") as ScenarioInput;
    const run = runScenario(base, within_);
    if (!run.ok) throw new Error("engine failed");
    const { workbook, selection } = await renderTaskpane({
      screen: "explain",
      before: async (wb, port) => {
        const settings = await port.readRunSettings();
        if (!settings.ok) throw new Error("no run settings");
        await port.writeRunSettings({ ...settings.value, scenario: within_.name });
        const w = await port.writeOutputs({ run: run.value, scenario: within_.name });
        if (!w.ok) throw new Error("write failed");
        void wb;
      },
    });
    const split = run.value.within[0];
    if (!split) throw new Error("no split");
    const at = allocationCell(workbook, split.lineRef, "LH", split.yearLabel);
    await screen.findByRole("button", { name: "Explain the selected cell" });
    act(() => {
      workbook.select("Allocations", at.row, at.col, 1, 1);
      selection.notify();
    });
    expect(await screen.findByText(/Lewisham Homes \(LH\) pays part of London Borough of Lewisham \(LEW\)'s share/)).toBeInTheDocument();
    const table = screen.getByRole("table", { name: /was divided$/ });
    expect(within(table).getByRole("row", { name: /Lewisham Homes/ })).toHaveTextContent(formatMoney(split.parts[0]?.amount ?? 0));
  });
});
