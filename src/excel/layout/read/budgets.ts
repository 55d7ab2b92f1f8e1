import type { BudgetInput, OutturnInput, StatedTotalInput } from "../../../engine";
import { cellDecimal, cellList, cellText } from "../cell-values";
import { optText, type ReadContext } from "./table-rows";

/** The Budgets, StatedTotals and Outturns tables read, with the row of each entry. */
export interface BudgetsRead {
  readonly budgets: BudgetInput[];
  readonly budgetRows: number[];
  readonly statedTotals: StatedTotalInput[];
  readonly statedTotalRows: { label: string; row: number }[];
  readonly outturns: OutturnInput[];
  readonly outturnRows: number[];
}

/** Reads the budgets, the stated totals and the outturns. */
export function readBudgets(ctx: ReadContext): BudgetsRead {
  const { parsed } = ctx;
  const budgets: BudgetInput[] = [];
  const budgetRows: number[] = [];
  for (const r of parsed.get("budgets")?.rows ?? []) {
    const service = optText(r.get("service"));
    budgets.push({
      partner: cellText(r.get("partner")),
      year: cellText(r.get("year")),
      category: cellText(r.get("category")),
      ...(service === undefined ? {} : { service }),
      amount: cellDecimal(r.get("amount")),
    });
    budgetRows.push(r.row);
  }
  const statedTotals: StatedTotalInput[] = [];
  const statedTotalRows: { label: string; row: number }[] = [];
  for (const r of parsed.get("statedTotals")?.rows ?? []) {
    const year = optText(r.get("year"));
    const unit = cellDecimal(r.get("unit"));
    statedTotals.push({
      label: cellText(r.get("label")),
      lines: cellList(r.get("lines")),
      ...(year === undefined ? {} : { year }),
      amount: cellDecimal(r.get("amount")),
      ...(unit === undefined ? {} : { unit }),
    });
    statedTotalRows.push({ label: cellText(r.get("label")), row: r.row });
  }
  const outturns: OutturnInput[] = [];
  const outturnRows: number[] = [];
  for (const r of parsed.get("outturns")?.rows ?? []) {
    const service = optText(r.get("service"));
    outturns.push({
      year: cellText(r.get("year")),
      category: cellText(r.get("category")),
      ...(service === undefined ? {} : { service }),
      amount: cellDecimal(r.get("amount")),
    });
    outturnRows.push(r.row);
  }
  return { budgets, budgetRows, statedTotals, statedTotalRows, outturns, outturnRows };
}
