// @vitest-environment jsdom
import "./support/setup";
import { act, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { checkModelBudgets, errorMessage, explainCharge } from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { formatMoney } from "../../src/taskpane/format";
import { lineWords } from "../../src/taskpane/model-words";
import { engineRun, renderTaskpane } from "./support/harness";

const names = new Map(BRENT_LEWISHAM_SOUTHWARK.model.partners.map((p) => [p.id, p.name ?? p.id]));
const label = (id: string): string => `${names.get(id)} (${id})`;

describe("Explain a total (chosen in the pane)", () => {
  it("lists the partner's charges for the year, adding up to the engine's totals, each explainable", async () => {
    const { user } = await renderTaskpane({ screen: "explain" });
    const run = engineRun();
    const year = run.totals[0]?.yearLabel ?? "";
    await user.selectOptions(await screen.findByRole("combobox", { name: "Partner" }), label("LEW"));
    await user.selectOptions(screen.getByRole("combobox", { name: "Year" }), year);

    const list = await screen.findByRole("list", {
      name: `Charges behind ${label("LEW")}, ${year}`,
    });
    const expected = run.rows.filter((r) => r.partner === "LEW" && r.yearLabel === year);
    expect(within(list).getAllByRole("listitem")).toHaveLength(expected.length);
    // The sum shown is the engine's total for LEW that year (its category totals, worked out separately).
    const total = run.totals.filter((t) => t.partner === "LEW" && t.yearLabel === year).reduce((a, t) => a + t.amount, 0);
    expect(
      screen.getByText(`${expected.length} charges behind ${label("LEW")}, ${year}: ${formatMoney(total)} in all.`),
    ).toBeInTheDocument();

    // Explain the first: the same card as for a charge selected on the sheet, with the engine's trace.
    const first = expected[0];
    if (!first) throw new Error("no charges");
    const item = within(list).getAllByRole("listitem")[0] as HTMLElement;
    expect(item).toHaveTextContent(formatMoney(first.amount));
    await user.click(
      within(item).getByRole("button", {
        name:
          `Explain ${lineWords(first.lineRef, BRENT_LEWISHAM_SOUTHWARK.model)}` +
          `${first.service !== "" ? ` (${first.service})` : ""}, ${year}`,
      }),
    );
    const card = within(item).getByRole("group", {
      name: /^How .* was derived$/,
    });
    const charge = run.result.charges.find((c) => c.lineRef === first.lineRef && c.partner === "LEW" && c.yearLabel === year);
    if (!charge) throw new Error("no core charge");
    const trace = explainCharge(run.result, charge);
    expect(card).toHaveTextContent(formatMoney(trace.share));
    expect(trace.share).toBe(first.amount);
    // And it closes again.
    await user.click(within(item).getByRole("button", { name: /^Hide how / }));
    expect(within(item).queryByRole("group")).toBeNull();
  });
});

describe("Explain a total selected on the Summary sheet", () => {
  it("lists the charges behind the selected total; they add up to the figure in the cell", async () => {
    const budget = checkModelBudgets(BRENT_LEWISHAM_SOUTHWARK.model);
    if (!budget.ok) throw new Error("engine failed");
    const { workbook, selection } = await renderTaskpane({
      screen: "explain",
      before: async (_wb, port) => {
        const w = await port.writeOutputs({
          run: budget.value.run,
          budget: budget.value,
        });
        if (!w.ok) throw new Error("write failed");
      },
    });
    const view = workbook.view("Summary");
    if (!view) throw new Error("no Summary sheet");
    const values = view.values();
    const row = values.findIndex((r) => r[0] === "LEW" && r[2] === "All years");
    expect(row).toBeGreaterThan(0);
    const cell = values[row]?.[9];
    if (typeof cell !== "number") throw new Error(`Summary total is ${String(cell)}`);
    await screen.findByRole("button", { name: "Explain the selected cell" });
    act(() => {
      workbook.select("Summary", row, 9, 1, 1);
      selection.notify();
    });
    const list = await screen.findByRole("list", {
      name: /^Charges behind the total in Summary!/,
    });
    const expected = budget.value.run.rows.filter((r) => r.partner === "LEW");
    expect(within(list).getAllByRole("listitem").length).toBe(Math.min(expected.length, 100));
    expect(screen.getByText(/^\d+ charges behind the total in Summary!/)).toHaveTextContent(
      `${expected.length} charges behind the total in Summary!`,
    );
    expect(screen.getByText(/^\d+ charges behind the total in Summary!/)).toHaveTextContent(
      `: ${formatMoney(Math.round(cell * 100))} in all.`,
    );
  });
});

describe("Explain a budget line", () => {
  it("lists the charges behind each budget line: they add up to the budget check's recharge", async () => {
    const { user } = await renderTaskpane({ screen: "budget" });
    const report = checkModelBudgets(BRENT_LEWISHAM_SOUTHWARK.model);
    if (!report.ok) throw new Error(report.errors.map(errorMessage).join("\n"));
    const chooser = await screen.findByRole("combobox", {
      name: "Budget line",
    });
    const options = within(chooser).getAllByRole("option").slice(1);
    expect(options).toHaveLength(report.value.budgets.lines.length);
    for (const [i, line] of report.value.budgets.lines.entries()) {
      await user.selectOptions(chooser, options[i] as HTMLOptionElement);
      const summary = await screen.findByText(new RegExp(`behind ${escape(label(line.partner))}: ${line.yearLabel} `));
      expect(summary.textContent, `${line.partner} ${line.yearLabel} ${line.category}`).toMatch(
        new RegExp(`: ${escape(formatMoney(line.recharge))} in all\\.$`),
      );
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
