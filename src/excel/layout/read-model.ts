import type { BasisInput, BudgetInput, CostLineInput, DecimalInput, DriverInput, DriverValueInput, MixComponentInput, ModelInput, OutturnInput, PartnerInput, ScenarioChange, ScenarioInput, SettingsInput, StatedTotalInput, ToleranceInput, WithinPartnerInput, YearEndInput } from "../../engine";
import type { WorkbookProblem } from "../problems";
import { locate } from "./address";
import { isEmptyCell, type CellValue, type Grid } from "./cells";
import { checkTableCells } from "./cell-checks";
import { cellDate, cellDecimal, cellList, cellText, cellYesNo } from "./cell-values";
import { CHANGE_KINDS, INPUT_TABLES, SETTINGS, TABLE_ORDER, type ColumnDef, type SettingKey, type TableDef } from "./input-tables";
import type { TableKey } from "./names";
import type { ModelOrigins, TableOrigin } from "./origins";
import type { RunSettings } from "./run-settings";
import { rowToChange, type ScenarioRow } from "./scenario-rows";

/** An input table as an adapter reads it: where it is and its values, header row first. */
export interface RawTable {
  readonly name: string;
  readonly sheet: string;
  /** Zero-based position of the header row's first cell. */
  readonly row: number;
  readonly col: number;
  readonly values: Grid;
}

/** What reading the input tables gives: the model, where each part came from, and any workbook problems. */
export interface ModelTables {
  readonly model: ModelInput;
  readonly origins: ModelOrigins;
  readonly runSettings: RunSettings;
  /** The Settings table's "Prepared by" (blank when not given): who the Run log records as preparing a run. */
  readonly preparedBy: string;
  /** The Settings table's "Title" (blank when not given): printed at the foot of every output page. */
  readonly title: string;
  /** Table and cell problems; the model is still built from everything readable. */
  readonly problems: readonly WorkbookProblem[];
  /** Optional tables that are not in the workbook (read as empty). */
  readonly absentTables: readonly string[];
}

/** A record keyed by user-typed ids, with no prototype (so an id such as "constructor" is just an id). */
function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Header text normalised for matching: case, spaces and punctuation other than £ and % ignored. */
export function normaliseHeader(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9£%]/g, "");
}

interface Columns {
  /** Column key → absolute column. */
  readonly byKey: Map<string, number>;
  /** Columns beyond the fixed ones: header text and absolute column. */
  readonly extra: { header: string; col: number }[];
}

function matchColumns(def: TableDef, raw: RawTable, problems: WorkbookProblem[]): Columns {
  const header = raw.values[0] ?? [];
  const byKey = new Map<string, number>();
  const extra: { header: string; col: number }[] = [];
  const names = new Map<string, ColumnDef>();
  for (const c of def.columns) for (const h of [c.header, ...(c.aliases ?? [])]) names.set(normaliseHeader(h), c);
  header.forEach((h, i) => {
    const text = cellText(h);
    const abs = raw.col + i;
    const c = names.get(normaliseHeader(text));
    if (c === undefined) {
      if (text !== "" && def.dynamicColumns) {
        if (extra.some((e) => normaliseHeader(e.header) === normaliseHeader(text))) {
          problems.push({ kind: "duplicateColumn", table: def.name, column: text, at: locate({ sheet: raw.sheet, row: raw.row, col: abs }) });
        } else extra.push({ header: text, col: abs });
      }
      return;
    }
    if (byKey.has(c.key)) {
      problems.push({ kind: "duplicateColumn", table: def.name, column: c.header, at: locate({ sheet: raw.sheet, row: raw.row, col: abs }) });
      return;
    }
    byKey.set(c.key, abs);
  });
  for (const c of def.columns) {
    if (c.required && !byKey.has(c.key)) problems.push({ kind: "missingColumn", table: def.name, column: c.header, at: locate({ sheet: raw.sheet, row: raw.row, col: raw.col }) });
  }
  return { byKey, extra };
}

/** One body row of a table with its absolute sheet row. */
interface Row {
  readonly row: number;
  get(key: string): CellValue | undefined;
  at(col: number): CellValue | undefined;
}

function bodyRows(raw: RawTable, cols: Columns): Row[] {
  const out: Row[] = [];
  for (let r = 1; r < raw.values.length; r++) {
    const values = raw.values[r] ?? [];
    if (values.every((v) => v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) continue;
    out.push({
      row: raw.row + r,
      get: (key) => {
        const c = cols.byKey.get(key);
        return c === undefined ? undefined : values[c - raw.col];
      },
      at: (c) => values[c - raw.col],
    });
  }
  return out;
}

function origin(raw: RawTable, cols: Columns): TableOrigin {
  return { sheet: raw.sheet, headerRow: raw.row, firstCol: raw.col, columns: Object.fromEntries(cols.byKey) };
}

function optText(v: CellValue | undefined): string | undefined {
  const t = cellText(v);
  return t === "" ? undefined : t;
}

/**
 * Reads a model from the input tables. Tables are found by name and columns
 * by header text (so users may reorder columns or add their own); wholly
 * blank rows are skipped. Every problem is collected rather than stopping at
 * the first, and the model is built from everything that could be read, so
 * the engine's own validation can report the rest against the right cells.
 */
export function readModelTables(tables: ReadonlyMap<string, RawTable>): ModelTables {
  const problems: WorkbookProblem[] = [];
  const absent: string[] = [];
  const tableOrigins: Partial<Record<TableKey, TableOrigin>> = {};
  const parsed = new Map<TableKey, { raw: RawTable; cols: Columns; rows: Row[] }>();
  for (const key of TABLE_ORDER) {
    const def = INPUT_TABLES[key];
    const found = tables.get(def.name);
    if (found === undefined) {
      if (def.required) problems.push({ kind: "missingTable", table: def.name, sheet: def.sheet });
      else absent.push(def.name);
      continue;
    }
    // Cells no column could accept (over-long text, NaN, Excel errors) are reported and read as blank.
    const checked = checkTableCells(found, (found.values[0] ?? []).map((h) => cellText(h)));
    problems.push(...checked.problems);
    const raw: RawTable = checked.values === found.values ? found : { ...found, values: checked.values };
    const cols = matchColumns(def, raw, problems);
    parsed.set(key, { raw, cols, rows: bodyRows(raw, cols) });
    tableOrigins[key] = origin(raw, cols);
  }
  const invalid = (key: TableKey, row: Row, column: string, value: CellValue | undefined, expected: string): void => {
    const t = parsed.get(key);
    const def = INPUT_TABLES[key];
    const c = t?.cols.byKey.get(column) ?? t?.raw.col ?? 0;
    const header = def.columns.find((x) => x.key === column)?.header ?? column;
    problems.push({ kind: "invalidCell", table: def.name, column: header, value: cellText(value), expected, at: locate({ sheet: t?.raw.sheet ?? def.sheet, row: row.row, col: c }) });
  };

  // Partners.
  // Partners; a partner with "Within" filled in pays part of that partner's share (Lewisham Homes within Lewisham).
  const partners: PartnerInput[] = [];
  const partnerRows: { id: string; row: number }[] = [];
  const withinOrder: { partner: PartnerInput; within: string }[] = [];
  for (const r of parsed.get("partners")?.rows ?? []) {
    const host = cellYesNo(r.get("host"));
    if (host === undefined) invalid("partners", r, "host", r.get("host"), "Yes or No");
    const id = cellText(r.get("id"));
    const name = optText(r.get("name"));
    // Joins and Leaves: optional dates of membership (blank: always a member on that side).
    const joins = cellDate(r.get("joins"));
    const leaves = cellDate(r.get("leaves"));
    const partner: PartnerInput = {
      id,
      ...(name === undefined ? {} : { name }),
      ...(host === true ? { host: true } : {}),
      ...(joins === undefined ? {} : { joins }),
      ...(leaves === undefined ? {} : { leaves }),
    };
    const within = optText(r.get("within"));
    if (within !== undefined && id !== "") withinOrder.push({ partner, within });
    else partners.push(partner);
    partnerRows.push({ id, row: r.row });
  }
  const withinIds = new Set(withinOrder.map((w) => w.partner.id));
  const withinDrivers = new Map<string, Record<string, DecimalInput>>();
  const withinPercents = new Map<string, Record<string, DecimalInput>>();

  // Drivers: the list (labels, illustrative) and the wide table of values.
  const driverOrder: string[] = [];
  const driverMeta = new Map<string, { label?: string; illustrative: boolean }>();
  const driverListRows = dict<number>();
  for (const r of parsed.get("driverList")?.rows ?? []) {
    const id = cellText(r.get("id"));
    const illustrative = cellYesNo(r.get("illustrative"));
    if (illustrative === undefined) invalid("driverList", r, "illustrative", r.get("illustrative"), "Yes or No");
    if (id === "") {
      invalid("driverList", r, "id", r.get("id"), "a driver id");
      continue;
    }
    if (driverMeta.has(id) && driverListRows[id] !== undefined) {
      invalid("driverList", r, "id", r.get("id"), `each driver once ("${id}" is already on row ${(driverListRows[id] ?? 0) + 1})`);
      continue;
    }
    if (!driverMeta.has(id)) driverOrder.push(id);
    const label = optText(r.get("label"));
    driverMeta.set(id, { ...(label === undefined ? {} : { label }), illustrative: illustrative === true });
    driverListRows[id] = r.row;
  }
  const values = parsed.get("drivers");
  const driverColumns = dict<number>();
  for (const e of values?.cols.extra ?? []) {
    driverColumns[e.header] = e.col;
    if (!driverMeta.has(e.header)) {
      driverOrder.push(e.header);
      driverMeta.set(e.header, { illustrative: false });
    }
  }
  const driverValues = new Map<string, DriverValueInput[]>();
  const driverValueCells = dict<{ row: number; col: number }[]>();
  const driverValueRows: { partner: string; year: string; row: number }[] = [];
  for (const r of values?.rows ?? []) {
    const partner = cellText(r.get("partner"));
    const year = optText(r.get("year"));
    driverValueRows.push({ partner, year: year ?? "", row: r.row });
    if (withinIds.has(partner)) {
      if (year !== undefined) {
        invalid("drivers", r, "year", r.get("year"), `blank: the figures of a partner within another apply to every year`);
        continue;
      }
      const rec = withinDrivers.get(partner) ?? dict<DecimalInput>();
      for (const e of values?.cols.extra ?? []) {
        const v = cellDecimal(r.at(e.col));
        if (v !== undefined) rec[e.header] = v;
      }
      withinDrivers.set(partner, rec);
      continue;
    }
    for (const e of values?.cols.extra ?? []) {
      const v = cellDecimal(r.at(e.col));
      if (v === undefined) continue;
      const list = driverValues.get(e.header) ?? [];
      list.push({ partner, ...(year === undefined ? {} : { year }), value: v });
      driverValues.set(e.header, list);
      (driverValueCells[e.header] ??= []).push({ row: r.row, col: e.col });
    }
  }
  const drivers: DriverInput[] = driverOrder.map((id) => {
    const meta = driverMeta.get(id);
    return {
      id,
      ...(meta?.label === undefined ? {} : { label: meta.label }),
      ...(meta?.illustrative === true ? { illustrative: true } : {}),
      values: driverValues.get(id) ?? [],
    };
  });

  // Cost lines.
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

  // Bases: one row per share or mix component, grouped by basis id in order of appearance.
  const basisOrder: string[] = [];
  const basisParts = new Map<string, { kind: "percentages" | "mix"; label?: string; items: { item: string; percent: CellValue | undefined }[] }>();
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
    return { id, kind: "percentages", ...(label === undefined ? {} : { label }), shares: shares.map((i) => ({ partner: i.item, percent: cellDecimal(i.percent) })) };
  });

  // Budgets and stated totals.
  const budgets: BudgetInput[] = [];
  const budgetRows: number[] = [];
  for (const r of parsed.get("budgets")?.rows ?? []) {
    const service = optText(r.get("service"));
    budgets.push({ partner: cellText(r.get("partner")), year: cellText(r.get("year")), category: cellText(r.get("category")), ...(service === undefined ? {} : { service }), amount: cellDecimal(r.get("amount")) });
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
    outturns.push({ year: cellText(r.get("year")), category: cellText(r.get("category")), ...(service === undefined ? {} : { service }), amount: cellDecimal(r.get("amount")) });
    outturnRows.push(r.row);
  }

  // Settings: one row per setting, found by its label.
  const settingValues = new Map<SettingKey, CellValue | undefined>();
  const settingRows: Partial<Record<SettingKey, number>> = {};
  const byLabel = new Map(SETTINGS.flatMap((s) => [[normaliseHeader(s.label), s] as const, [normaliseHeader(s.key), s] as const]));
  const settingsTable = parsed.get("settings");
  for (const r of settingsTable?.rows ?? []) {
    const label = cellText(r.get("setting"));
    const def = byLabel.get(normaliseHeader(label));
    if (def === undefined) {
      problems.push({ kind: "unknownSetting", setting: label, at: locate({ sheet: settingsTable?.raw.sheet ?? "", row: r.row, col: settingsTable?.cols.byKey.get("setting") ?? 0 }) });
      continue;
    }
    if (settingValues.has(def.key)) {
      invalid("settings", r, "setting", r.get("setting"), `each setting once ("${def.label}" repeats)`);
      continue;
    }
    settingValues.set(def.key, r.get("value"));
    settingRows[def.key] = r.row;
  }
  if (settingsTable !== undefined) {
    for (const s of SETTINGS) if (s.required && !settingValues.has(s.key)) problems.push({ kind: "missingSetting", setting: s.label, table: INPUT_TABLES.settings.name });
  }
  const sv = (k: SettingKey): CellValue | undefined => {
    const v = settingValues.get(k);
    return v === "" ? undefined : v;
  };
  const settings: SettingsInput = {
    firstYear: cellText(sv("firstYear")),
    lastYear: cellText(sv("lastYear")),
    ...(cellDecimal(sv("unit")) === undefined ? {} : { unit: cellDecimal(sv("unit")) }),
    ...(optText(sv("proRata")) === undefined ? {} : { proRata: optText(sv("proRata")) }),
    ...(cellDecimal(sv("indexationRate")) === undefined ? {} : { indexationRate: cellDecimal(sv("indexationRate")) }),
    ...(optText(sv("indexationBaseYear")) === undefined ? {} : { indexationBaseYear: optText(sv("indexationBaseYear")) }),
    ...(optText(sv("zeroDriverFallback")) === undefined ? {} : { zeroDriverFallback: optText(sv("zeroDriverFallback")) }),
  };
  const tolAmount = cellDecimal(sv("toleranceAmount"));
  const tolPercent = cellDecimal(sv("tolerancePercent"));
  const tolerance: ToleranceInput | undefined =
    tolAmount === undefined && tolPercent === undefined ? undefined : { ...(tolAmount === undefined ? {} : { amount: tolAmount }), ...(tolPercent === undefined ? {} : { percent: tolPercent }) };
  const yearEndBasis = optText(sv("yearEndBasis"));
  const carry = sv("carryForward");
  const carryForward = cellYesNo(carry);
  if (carryForward === undefined) {
    const row = settingRows.carryForward;
    if (row !== undefined) invalid("settings", { row, get: () => undefined, at: () => undefined }, "value", carry, "Yes or No");
  }
  const yearEnd: YearEndInput | undefined =
    yearEndBasis === undefined && carryForward !== true ? undefined : { ...(yearEndBasis === undefined ? {} : { basis: yearEndBasis }), ...(carryForward === true ? { carryForward: true } : {}) };
  const runSettings: RunSettings = { scenario: cellText(sv("runScenario")), compareFirst: cellText(sv("compareFirst")), compareSecond: cellText(sv("compareSecond")) };

  // Scenarios: rows grouped by name in order of first appearance.
  const scenarioOrder: string[] = [];
  const scenarioMap = new Map<string, { description?: string; changes: ScenarioChange[] }>();
  const scenarioRows = dict<number[]>();
  const scenarioFirstRows = dict<number>();
  const sc = parsed.get("scenarios");
  for (const r of sc?.rows ?? []) {
    const name = cellText(r.get("scenario"));
    if (name === "") {
      invalid("scenarios", r, "scenario", r.get("scenario"), "the scenario's name");
      continue;
    }
    let entry = scenarioMap.get(name);
    if (entry === undefined) {
      entry = { changes: [] };
      scenarioMap.set(name, entry);
      scenarioOrder.push(name);
      scenarioFirstRows[name] = r.row;
    }
    const description = optText(r.get("description"));
    if (description !== undefined && entry.description === undefined) entry.description = description;
    const row: ScenarioRow = {
      scenario: r.get("scenario") ?? "",
      description: r.get("description") ?? "",
      change: r.get("change") ?? "",
      line: r.get("line") ?? "",
      partner: r.get("partner") ?? "",
      driver: r.get("driver") ?? "",
      year: r.get("year") ?? "",
      value: r.get("value") ?? "",
      basis: r.get("basis") ?? "",
      start: r.get("start") ?? "",
      end: r.get("end") ?? "",
      details: r.get("details") ?? "",
    };
    // A row with values but no change kind would be silently ignored: say so at its Change cell.
    const filled = (["line", "partner", "driver", "year", "value", "basis", "start", "end", "details"] as const).filter((k) => cellText(row[k]) !== "");
    if (cellText(row.change) === "" && filled.length > 0) {
      invalid("scenarios", r, "change", row.change, `a change kind (one of ${CHANGE_KINDS.join(", ")}) for a row with ${filled.join(", ")} filled in`);
      continue;
    }
    const change = rowToChange(row);
    if (!change.ok) {
      invalid("scenarios", r, change.problem.column, row[change.problem.column], change.problem.expected);
      continue;
    }
    if (change.change !== undefined) {
      entry.changes.push(change.change);
      (scenarioRows[name] ??= []).push(r.row);
    }
  }
  const scenarios: ScenarioInput[] = scenarioOrder.map((name) => {
    const e = scenarioMap.get(name);
    return { name, ...(e?.description === undefined ? {} : { description: e.description }), changes: e?.changes ?? [] };
  });

  const withinPartners: WithinPartnerInput[] = withinOrder.map((w) => {
    const drivers = withinDrivers.get(w.partner.id);
    const percentages = withinPercents.get(w.partner.id);
    return {
      partner: w.partner,
      within: w.within,
      ...(drivers === undefined ? {} : { drivers: { ...drivers } }),
      ...(percentages === undefined ? {} : { percentages: { ...percentages } }),
    };
  });
  const model: ModelInput = {
    partners,
    drivers,
    bases,
    costLines,
    settings,
    budgets,
    statedTotals,
    ...(tolerance === undefined ? {} : { tolerance }),
    scenarios,
    ...(withinPartners.length === 0 ? {} : { withinPartners }),
    ...(outturns.length === 0 ? {} : { outturns }),
    ...(yearEnd === undefined ? {} : { yearEnd }),
  };
  const origins: ModelOrigins = {
    tables: tableOrigins,
    partnerRows,
    costRows,
    driverListRows,
    driverColumns,
    driverValueCells,
    driverValueRows,
    basisRows,
    budgetRows,
    statedTotalRows,
    outturnRows,
    settingRows,
    scenarioRows,
    scenarioFirstRows,
  };
  return { model, origins, runSettings, preparedBy: cellText(sv("preparedBy")), title: cellText(sv("title")), problems, absentTables: absent };
}
