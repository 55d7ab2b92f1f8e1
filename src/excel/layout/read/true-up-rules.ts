import type { TrueUpInput } from "../../../engine";
import { cellDecimal, cellText } from "../cell-values";
import { optText, type ReadContext } from "./table-rows";

/** One basis's own true-up rule as the engine reads it (`ModelInput.trueUp.byBasis`). */
export type TrueUpRuleInput = NonNullable<TrueUpInput["byBasis"]>[number];

/**
 * Reads the TrueUpRules table (docs/versions.md): a basis's own true-up
 * tolerance and timing, one row a basis, each with its row so a bad value is
 * located at its cell. The engine checks the values (a basis it does not
 * know, a negative tolerance, a timing that is neither choice).
 */
export function readTrueUpRules(ctx: ReadContext): {
  trueUpRules: TrueUpRuleInput[];
  trueUpRuleRows: { basis: string; row: number }[];
} {
  const trueUpRules: TrueUpRuleInput[] = [];
  const trueUpRuleRows: { basis: string; row: number }[] = [];
  for (const r of ctx.parsed.get("trueUpRules")?.rows ?? []) {
    const basis = cellText(r.get("basis"));
    const points = cellDecimal(r.get("points"));
    const percent = cellDecimal(r.get("percent"));
    const timing = optText(r.get("timing"));
    trueUpRules.push({
      basis,
      ...(points === undefined ? {} : { points }),
      ...(percent === undefined ? {} : { percent }),
      ...(timing === undefined ? {} : { timing }),
    });
    trueUpRuleRows.push({ basis, row: r.row });
  }
  return { trueUpRules, trueUpRuleRows };
}
