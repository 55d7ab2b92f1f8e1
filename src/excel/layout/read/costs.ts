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
    // Capital financing (docs/capital.md): read as written; the engine says what is wrong with them.
    const financing = optText(r.get("financing"));
    const assetLife = cellDecimal(r.get("assetLife"));
    const inUseFrom = cellDate(r.get("inUseFrom"));
    const mrpMethod = optText(r.get("mrpMethod"));
    const interestRate = cellDecimal(r.get("interestRate"));
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
      ...(financing === undefined ? {} : { financing }),
      ...(assetLife === undefined ? {} : { assetLife }),
      ...(inUseFrom === undefined ? {} : { inUseFrom }),
      ...(mrpMethod === undefined ? {} : { mrpMethod }),
      ...(interestRate === undefined ? {} : { interestRate }),
    });
    costRows.push({ ref, row: r.row });
  }
  return { costLines, costRows };
}
