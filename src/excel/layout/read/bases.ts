import { parseDate, versionKey, type BasisInput, type BasisVersionInput, type DecimalInput, type MixComponentInput } from "../../../engine";
import { isEmptyCell, type CellValue } from "../cells";
import { cellDate, cellDecimal, cellText } from "../cell-values";
import { dict, optText, type ReadContext } from "./table-rows";

/** One basis's rows as read. */
interface BasisParts {
  kind: "percentages" | "mix";
  label?: string;
  items: { item: string; percent: CellValue | undefined }[];
  /** Rows with a Valid from date: later versions (docs/versions.md), by version key. */
  versions: Map<string, { validFrom: CellValue; items: { item: string; percent: CellValue | undefined }[] }>;
}

/**
 * Reads the Bases table: one row per share or mix component, grouped by basis id in order of appearance. Shares of partners within others
 * are their figures, not shares.
 */
export function readBases(
  ctx: ReadContext,
  withinIds: ReadonlySet<string>,
): {
  bases: BasisInput[];
  basisRows: Record<string, number[]>;
  withinPercents: Map<string, Record<string, DecimalInput>>;
  basisVersions: BasisVersionInput[];
} {
  const { parsed } = ctx;
  const invalid = ctx.invalid;
  const withinPercents = new Map<string, Record<string, DecimalInput>>();
  const basisOrder: string[] = [];
  const basisParts = new Map<string, BasisParts>();
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
    const entry: BasisParts = existing ?? { kind: kind ?? "percentages", items: [], versions: new Map() };
    if (existing === undefined) {
      basisOrder.push(id);
      basisParts.set(id, entry);
    }
    const label = optText(r.get("label"));
    if (label !== undefined && entry.label === undefined) entry.label = label;
    const item = cellText(r.get("item"));
    const validFrom = r.get("validFrom");
    if (validFrom !== undefined && !isEmptyCell(validFrom)) {
      // A later version's rows are keyed as the engine names the version, so a problem points at them.
      const key = versionKey(id, cellDate(validFrom) ?? validFrom);
      const version = entry.versions.get(key) ?? { validFrom, items: [] };
      entry.versions.set(key, version);
      version.items.push({ item, percent: r.get("percent") });
      (basisRows[key] ??= []).push(r.row);
      if (basisRows[id] === undefined) basisRows[id] = [];
      continue;
    }
    const rows = (basisRows[id] ??= []);
    if (item !== "" || !isEmptyCell(r.get("percent"))) {
      entry.items.push({ item, percent: r.get("percent") });
      rows.push(r.row);
    } else if (rows.length === 0) rows.push(r.row);
  }
  const basisVersions: BasisVersionInput[] = [];
  for (const id of basisOrder) {
    const b = basisParts.get(id);
    if (b === undefined || b.versions.size === 0) continue;
    const dated = [...b.versions.entries()].map(([key, v]) => {
      const d = parseDate(cellDate(v.validFrom) ?? v.validFrom, { entity: "argument" });
      return { key, v, day: d.ok ? d.value : Number.MAX_SAFE_INTEGER };
    });
    dated.sort((a, c) => a.day - c.day);
    // No undated rows: the earliest version is the basis's own figures (in force from the start).
    if (b.items.length === 0) {
      const first = dated.shift();
      if (first !== undefined) {
        b.items.push(...first.v.items);
        basisRows[id] = [...(basisRows[first.key] ?? [])];
      }
    }
    for (const { v } of dated) {
      const validFrom = cellDate(v.validFrom) ?? cellText(v.validFrom);
      basisVersions.push(
        b.kind === "mix"
          ? { basis: id, validFrom, components: v.items.map((i) => ({ source: i.item, weight: cellDecimal(i.percent) })) }
          : { basis: id, validFrom, shares: v.items.map((i) => ({ partner: i.item, percent: cellDecimal(i.percent) })) },
      );
    }
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
  return { bases, basisRows, withinPercents, basisVersions };
}
