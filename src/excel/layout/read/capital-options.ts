import type { CapitalOptionInput } from "../../../engine";
import { cellDecimal, cellText } from "../cell-values";
import type { ReadContext } from "./table-rows";

/** Reads the Options table (capital versus cloud, docs/capital.md): one option per row, with the row of each. */
export function readCapitalOptions(ctx: ReadContext): {
  capitalOptions: CapitalOptionInput[];
  capitalOptionRows: { name: string; row: number }[];
} {
  const capitalOptions: CapitalOptionInput[] = [];
  const capitalOptionRows: { name: string; row: number }[] = [];
  for (const r of ctx.parsed.get("capitalOptions")?.rows ?? []) {
    const name = cellText(r.get("name"));
    const setUp = cellDecimal(r.get("setUp"));
    const exit = cellDecimal(r.get("exit"));
    const years = cellDecimal(r.get("years"));
    capitalOptions.push({
      name,
      line: cellText(r.get("line")),
      subscription: cellDecimal(r.get("subscription")),
      ...(setUp === undefined ? {} : { setUp }),
      ...(exit === undefined ? {} : { exit }),
      ...(years === undefined ? {} : { years }),
    });
    capitalOptionRows.push({ name, row: r.row });
  }
  return { capitalOptions, capitalOptionRows };
}
