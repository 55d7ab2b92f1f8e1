import { basisChoices, parseFinancialYear, fyLabel, type ModelInput } from "../../engine";
import type { CellValue, RangeRef, SheetSpec } from "./cells";
import type { ListName } from "./input-tables";
import { LISTS_SHEET, TAB_COLORS, TEXT_FORMAT } from "./names";

/** The Lists sheet and where each of its lists is, for the input validations to refer to. */
export interface ListsSheet {
  readonly spec: SheetSpec;
  /** Each list's cells (without its header); undefined when the list is empty. */
  readonly ranges: Readonly<Record<ListName, RangeRef | undefined>>;
}

const ORDER: readonly { name: ListName; header: string }[] = [
  { name: "bases", header: "Bases" },
  { name: "partners", header: "Partners" },
  { name: "years", header: "Years" },
  { name: "drivers", header: "Drivers" },
  { name: "supportServices", header: "Support services" },
  { name: "supportUsers", header: "Support users" },
];

/** The years a model covers, as labels; empty when the settings do not name valid years. */
export function modelYears(model: ModelInput | undefined): string[] {
  if (model === undefined) return [];
  const at = { entity: "settings" } as const;
  const a = parseFinancialYear(model.settings.firstYear, at);
  const b = parseFinancialYear(model.settings.lastYear, at);
  if (!a.ok || !b.ok || a.value > b.value || b.value - a.value > 50) return [];
  const out: string[] = [];
  for (let y = a.value; y <= b.value; y++) out.push(fyLabel(y));
  return out;
}

/** Builds the Lists sheet: one column per list, a header row, then the choices. */
export function buildListsSheet(model: ModelInput | undefined): ListsSheet {
  const lists: Record<ListName, string[]> = {
    // Every basis a cost line can name in this model: each kind of basis offers its own (src/engine/bases/).
    bases: basisChoices(model ?? { partners: [] }).map((c) => c.value),
    partners: (model?.partners ?? []).map((p) => p.id),
    years: modelYears(model),
    drivers: (model?.drivers ?? []).map((d) => d.id),
    supportServices: (model?.support?.services ?? []).map((s) => s.id),
    // A support service is used by partners and by the other services.
    supportUsers: [...(model?.support?.services ?? []).map((s) => s.id), ...(model?.partners ?? []).map((p) => p.id)],
  };
  const height = Math.max(1, ...ORDER.map((o) => lists[o.name].length));
  const values: CellValue[][] = [ORDER.map((o) => o.header)];
  for (let r = 0; r < height; r++) values.push(ORDER.map((o) => lists[o.name][r] ?? ""));
  const ranges = {} as Record<ListName, RangeRef | undefined>;
  ORDER.forEach((o, c) => {
    const n = lists[o.name].length;
    ranges[o.name] = n === 0 ? undefined : { sheet: LISTS_SHEET, row: 1, col: c, rows: n, cols: 1 };
  });
  const spec: SheetSpec = {
    name: LISTS_SHEET,
    kind: "lists",
    role: "lists",
    blocks: [
      { row: 0, col: 0, values: [values[0] ?? []], style: "header" },
      { row: 1, col: 0, values: values.slice(1), formats: ORDER.map(() => TEXT_FORMAT) },
      {
        row: 0,
        col: ORDER.length + 1,
        values: [["Drop-down choices for the input tables, kept by the add-in. Creating a new model rewrites this sheet."]],
        style: "note",
      },
    ],
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freezeRows: 1,
    columnWidths: [120, 80, 70, 90, 100, 100],
    tabColor: TAB_COLORS.lists,
  };
  return { spec, ranges };
}
