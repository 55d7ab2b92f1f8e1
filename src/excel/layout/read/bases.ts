import type { BasisInput, DecimalInput, MixComponentInput } from "../../../engine";
import { isEmptyCell, type CellValue } from "../cells";
import { cellDecimal, cellText } from "../cell-values";
import { dict, optText, type ReadContext } from "./table-rows";

/**
 * Reads the Bases table: one row per share or mix component, grouped by basis id in order of appearance. Shares of partners within others
 * are their figures, not shares.
 */
export function readBases(
  ctx: ReadContext,
  withinIds: ReadonlySet<string>,
): { bases: BasisInput[]; basisRows: Record<string, number[]>; withinPercents: Map<string, Record<string, DecimalInput>> } {
  const { parsed } = ctx;
  const invalid = ctx.invalid;
  const withinPercents = new Map<string, Record<string, DecimalInput>>();
  const basisOrder: string[] = [];
  const basisParts = new Map<
    string,
    { kind: "percentages" | "mix"; label?: string; items: { item: string; percent: CellValue | undefined }[] }
  >();
  const basisRows = dict<number[]>();
  for (const r of parsed.get("bases")?.rows ?? []) {
    const id = cellText(r.get("id"));
    const kindText = cellText(r.get("kind")).toLowerCase();
    if (id === "") {
      invalid("bases", r, "id", r.get("id"), "a basis id");
      continue;
    }
    const kind = kindText === "percentages" || kindText === "percentage" ? "percentages" : kindText === "mix" ? "mix" : undefined;
    const existing = basisParts.get(id);
    if (kind === undefined && !(kindText === "" && existing !== undefined)) {
      invalid("bases", r, "kind", r.get("kind"), "percentages or mix");
      continue;
    }
    if (existing !== undefined && kind !== undefined && existing.kind !== kind) {
      invalid("bases", r, "kind", r.get("kind"), `${existing.kind}, as on the basis's first row`);
      continue;
    }
    const entry = existing ?? { kind: kind ?? "percentages", items: [] };
    if (existing === undefined) {
      basisOrder.push(id);
      basisParts.set(id, entry);
    }
    const label = optText(r.get("label"));
    if (label !== undefined && entry.label === undefined) entry.label = label;
    const item = cellText(r.get("item"));
    const rows = (basisRows[id] ??= []);
    if (item !== "" || !isEmptyCell(r.get("percent"))) {
      entry.items.push({ item, percent: r.get("percent") });
      rows.push(r.row);
    } else if (rows.length === 0) rows.push(r.row);
  }
  const bases: BasisInput[] = basisOrder.map((id) => {
    const b = basisParts.get(id);
    const label = b?.label;
    if (b?.kind === "mix") {
      const components: MixComponentInput[] = b.items.map((i) => ({ source: i.item, weight: cellDecimal(i.percent) }));
      return { id, kind: "mix", ...(label === undefined ? {} : { label }), components };
    }
    const shares = (b?.items ?? []).filter((i) => {
      if (!withinIds.has(i.item)) return true;
      const rec = withinPercents.get(i.item) ?? dict<DecimalInput>();
      const pct = cellDecimal(i.percent);
      if (pct !== undefined) rec[id] = pct;
      withinPercents.set(i.item, rec);
      return false;
    });
    return {
      id,
      kind: "percentages",
      ...(label === undefined ? {} : { label }),
      shares: shares.map((i) => ({ partner: i.item, percent: cellDecimal(i.percent) })),
    };
  });
  return { bases, basisRows, withinPercents };
}
