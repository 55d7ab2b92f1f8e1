// @vitest-environment jsdom
import "./support/setup";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  BUDGET_STATUS_TEXT,
  budgetFlagMessage,
  checkModelBudgets,
  errorMessage,
  formatMoney,
  type BudgetStatus,
  type ModelInput,
} from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_HOUSING, type SampleModel } from "../../src/samples";
import { renderTaskpane } from "./support/harness";

function report(model: ModelInput) {
  const r = checkModelBudgets(model);
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}

describe("Budget screen", () => {
  it("shows each partner's recharge against budget with the engine's variance and status", async () => {
    const { user } = await renderTaskpane({ screen: "budget" });
    const expected = report(BRENT_LEWISHAM_SOUTHWARK.model);
    const lew = await screen.findByRole("table", { name: "Recharge against budget: London Borough of Lewisham (LEW)" });
    const lines = expected.budgets.lines.filter((l) => l.partner === "LEW");
    const rows = within(lew).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(lines.length);
    lines.forEach((l, i) => {
      const row = rows[i] as HTMLElement;
      // The row label says the year and kind, with the status beneath it.
      expect(within(row).getByRole("rowheader")).toHaveTextContent(`${l.yearLabel} ${l.category}`);
      expect(within(row).getByRole("rowheader")).toHaveTextContent(BUDGET_STATUS_TEXT[l.status]);
      const cells = within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent);
      expect(cells[0]).toBe(l.budget === undefined ? "None" : formatMoney(l.budget));
      expect(cells[1]).toBe(formatMoney(l.recharge));
      if (l.variance !== undefined) expect(cells[2]).toContain(`${l.percentText ?? "–"}`);
    });
    const counts = new Map<BudgetStatus, number>();
    for (const l of expected.budgets.lines) counts.set(l.status, (counts.get(l.status) ?? 0) + 1);
    for (const [k, n] of counts) expect(screen.getByRole("status")).toHaveTextContent(`${n} ${BUDGET_STATUS_TEXT[k]}`);

    await user.selectOptions(screen.getByRole("combobox", { name: "Partner" }), "London Borough of Brent (BRE)");
    expect(screen.queryByRole("table", { name: /^Recharge against budget: .*LEW/ })).toBeNull();
    expect(screen.getByRole("table", { name: /^Recharge against budget: .*Brent/ })).toBeInTheDocument();
  });

  it("heads each column with what is in it, and says Within tolerance (over) for Thanet's +£2,000 capital, as the sheet does", async () => {
    await renderTaskpane({ sample: EAST_KENT_HOUSING, screen: "budget" });
    const tdc = await screen.findByRole("table", { name: "Recharge against budget: Thanet District Council (TDC)" });
    const [head, ...rows] = within(tdc).getAllByRole("row");
    expect(
      within(head as HTMLElement)
        .getAllByRole("columnheader")
        .map((c) => c.textContent),
    ).toEqual(["Year, kind, status", "Budget", "Recharge", "Variance"]);
    const label = (r: HTMLElement): string | null => within(r).getByRole("rowheader").textContent;
    expect(rows.map(label)).toEqual([
      "2020/21 capitalWithin tolerance (over)",
      "2020/21 revenueWithin tolerance (over)",
      "2021/22 revenueOver budget",
      "2022/23 revenue (Housing system)No budget",
    ]);
    const cells = within(rows[0] as HTMLElement)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells[0]).toBe("£150,000.00");
    expect(cells[1]).toBe("£152,000.00");
    expect(cells[2]).toBe("+£2,000.001.33%");
    expect(screen.queryByText("Within budget")).toBeNull();
    // 2022/23 is charged (for the housing system) but has no budget: a row of its own, "No budget", with nothing set aside and no variance.
    expect(
      within(rows[3] as HTMLElement)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["None", "£20,500.00", ""]);
    expect(screen.getByRole("status")).toHaveTextContent("4 No budget");
  });

  it("lists the engine's flags and shares a year-end underspend among the partners", async () => {
    // The sample with a revenue outturn £59,000 under what was charged in 2020/21, and a budget missing.
    const base = BRENT_LEWISHAM_SOUTHWARK.model;
    const charged = report(base)
      .run.rows.filter((r) => r.yearLabel === "2020/21" && r.category === "revenue")
      .reduce((a, r) => a + r.amount, 0);
    const model: ModelInput = {
      ...base,
      budgets: (base.budgets ?? []).filter((b) => !(b.partner === "SOU" && b.year === "2022/23")),
      outturns: [{ year: "2020/21", category: "revenue", amount: (charged - 5_900_000) / 100 }],
    };
    const sample: SampleModel = { ...BRENT_LEWISHAM_SOUTHWARK, model };
    await renderTaskpane({ sample, screen: "budget" });
    const expected = report(model);
    const flags = await screen.findByRole("list", { name: "Budget flags" });
    expect(
      within(flags)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(expected.flags.map(budgetFlagMessage));
    const settlement = expected.yearEnd?.settlements[0];
    expect(settlement?.variance).toBe(-5_900_000);
    expect(screen.getByRole("heading", { name: /2020\/21 revenue: Underspend £59,000\.00/ })).toBeInTheDocument();
    const shares = screen.getByRole("table", { name: /^Shares: 2020\/21 revenue/ });
    for (const sh of settlement?.shares ?? []) {
      expect(within(shares).getByRole("row", { name: new RegExp(`\\(${sh.partner}\\)`) })).toHaveTextContent(formatMoney(sh.share));
    }
  });
});

describe("Budget screen: partner statements", () => {
  async function writeResults(user: Awaited<ReturnType<typeof renderTaskpane>>["user"]): Promise<void> {
    await user.click(await screen.findByRole("button", { name: "Calculate" }));
    await user.click(await screen.findByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText("Results written")).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Budget" }));
  }

  it("writes the chosen partner's statement sheet into the workbook, once the results are written", async () => {
    const { user, port, workbook } = await renderTaskpane({ screen: "budget" });
    // Before the results are written there is no recorded run to state.
    expect(await screen.findByRole("button", { name: "Write statement sheets" })).toBeDisabled();
    expect(screen.getByText(/Write the results first/)).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Run" }));
    await writeResults(user);
    await user.selectOptions(screen.getByRole("combobox", { name: "Statement for" }), "London Borough of Lewisham (LEW)");
    await user.click(screen.getByRole("button", { name: "Write statement sheet" }));
    expect(await screen.findByText("Wrote Statement \u2013 LEW.")).toBeInTheDocument();
    expect(port.writeStatements).toHaveBeenCalledTimes(1);
    expect(workbook.sheetNames().filter((n) => n.startsWith("Statement"))).toEqual(["Statement \u2013 LEW"]);
    const sheets = await port.readOutputs();
    const lew = sheets.ok ? sheets.value.find((s) => s.name === "Statement \u2013 LEW") : undefined;
    expect(lew?.values[0]?.[0]).toBe("Recharge statement: London Borough of Lewisham (LEW)");
  });

  it("says why nothing was written when a sheet of the user's has a statement's name", async () => {
    const { user, workbook } = await renderTaskpane({
      screen: "run",
      before: (wb) => {
        wb.addSheet("Statement \u2013 SOU", true);
        wb.setCellValue("Statement \u2013 SOU!A1", "my own notes");
      },
    });
    await writeResults(user);
    await user.click(await screen.findByRole("button", { name: "Write statement sheets" }));
    expect(await screen.findByText("No statement was written")).toBeInTheDocument();
    expect(screen.getByText(/Statement \u2013 SOU/)).toBeInTheDocument();
    expect(workbook.sheetNames().filter((n) => n.startsWith("Statement"))).toEqual(["Statement \u2013 SOU"]);
  });
});
