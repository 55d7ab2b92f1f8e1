import type { CostLineInput } from "../../../engine";
import { cellDate, cellDecimal, cellList, cellText } from "../cell-values";
import { optText, type ReadContext } from "./table-rows";

/** Reads the Costs table: one cost line per row, with the row of each. */
export function readCosts(ctx: ReadContext): { costLines: CostLineInput[]; costRows: { ref: string; row: number }[] } {
  const { parsed } = ctx;
  const costLines: CostLineInput[] = [];
  const costRows: { ref: string; row: number }[] = [];
  for (const r of parsed.get("costs")?.rows ?? []) {
    const ref = cellText(r.get("ref"));
    const description = optText(r.get("description"));
    const service = optText(r.get("service"));
    const end = cellDate(r.get("end"));
    const appliesTo = cellList(r.get("appliesTo"));
    const excludes = cellList(r.get("excludes"));
    const indexationRate = cellDecimal(r.get("indexationRate"));
    const indexationBaseYear = optText(r.get("indexationBaseYear"));
    costLines.push({
      ref,
      ...(description === undefined ? {} : { description }),
      ...(service === undefined ? {} : { service }),
      category: cellText(r.get("category")),
      nature: cellText(r.get("nature")),
      amount: cellDecimal(r.get("amount")),
      start: cellDate(r.get("start")),
      ...(end === undefined ? {} : { end }),
      basis: cellText(r.get("basis")),
      ...(appliesTo.length === 0 ? {} : { appliesTo }),
      ...(excludes.length === 0 ? {} : { excludes }),
      ...(indexationRate === undefined ? {} : { indexationRate }),
      ...(indexationBaseYear === undefined ? {} : { indexationBaseYear }),
    });
    costRows.push({ ref, row: r.row });
  }
  return { costLines, costRows };
}
