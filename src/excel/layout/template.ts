import type { DateInput, ModelInput, SettingsInput } from "../../engine";
import type { WorkbookProblem } from "../problems";
import type { Block, CellValue, RangeRef, SheetSpec, TableSpec, ValidationSpec } from "./cells";
import { dateToCell, decimalToCell, listCell, yesNo } from "./cell-values";
import { columnFormat, INPUT_TABLES, SETTINGS, type ListName, type SettingDef, type SettingKey, type TableDef } from "./input-tables";
import { buildListsSheet } from "./lists-sheet";
import { INPUT_SHEETS, PERCENT_FIGURE_FORMAT, MONEY_FORMAT, TAB_COLORS, TABLE_STYLE, TEXT_FORMAT, type InputSheetKind } from "./names";
import type { RunSettings } from "./run-settings";
import { scenariosToRows } from "./scenario-rows";

/** Notes written into the tables' Note columns, e.g. to say which figures are illustrative. */
export interface TemplateNotes {
  readonly partners?: Readonly<Record<string, string>>;
  readonly drivers?: Readonly<Record<string, string>>;
  readonly costLines?: Readonly<Record<string, string>>;
  readonly bases?: Readonly<Record<string, string>>;
  /** By budget position (0-based) in `model.budgets`. */
  readonly budgets?: Readonly<Record<number, string>>;
  /** By stated total label. */
  readonly statedTotals?: Readonly<Record<string, string>>;
  /** By outturn position (0-based) in `model.outturns`. */
  readonly outturns?: Readonly<Record<number, string>>;
  /** By support service id. */
  readonly supportServices?: Readonly<Record<string, string>>;
  /** By usage position (0-based) in `model.support.usage`. */
  readonly supportUsage?: Readonly<Record<number, string>>;
  /** By row position (0-based) in `model.partnerServices`. */
  readonly partnerServices?: Readonly<Record<number, string>>;
}

interface TablePart {
  readonly blocks: Block[];
  readonly table: TableSpec;
  readonly validations: ValidationSpec[];
  readonly widths: Map<number, number>;
}

/** Lays out one table: a header block, a body block with per-column formats, validations on the body. */
function tablePart(
  def: TableDef,
  rows: readonly (readonly CellValue[])[],
  lists: Readonly<Record<ListName, RangeRef | undefined>>,
  extraHeaders: readonly string[] = [],
): TablePart {
  const headers = [...def.columns.map((c) => c.header), ...extraHeaders];
  const width = headers.length;
  const body = rows.length > 0 ? rows.map((r) => headers.map((_, i) => r[i] ?? "")) : [headers.map(() => "")];
  const formats = [...def.columns.map((c) => columnFormat(c.kind)), ...extraHeaders.map(() => null)];
  const validations: ValidationSpec[] = [];
  def.columns.forEach((c, i) => {
    const at = { row: def.row + 1, col: def.col + i, rows: body.length, cols: 1 };
    if (c.choices !== undefined) {
      validations.push({
        ...at,
        source: { kind: "values", values: c.choices },
        strict: true,
        message: `Choose one of: ${c.choices.join(", ")}.`,
      });
    } else if (c.list !== undefined) {
      const range = lists[c.list];
      if (range !== undefined)
        validations.push({
          ...at,
          source: { kind: "range", range },
          strict: false,
          message: `Not in the list on the Lists sheet; check it is defined.`,
        });
    }
  });
  const widths = new Map<number, number>();
  def.columns.forEach((c, i) => widths.set(def.col + i, c.width));
  extraHeaders.forEach((_, i) => widths.set(def.col + def.columns.length + i, 80));
  return {
    blocks: [
      { row: def.row, col: def.col, values: [headers] },
      { row: def.row + 1, col: def.col, values: body, formats },
    ],
    table: { name: def.name, row: def.row, col: def.col, rows: body.length + 1, cols: width, style: TABLE_STYLE },
    validations,
    widths,
  };
}

function sheet(kind: InputSheetKind, parts: readonly TablePart[]): SheetSpec {
  const widths = new Map<number, number>();
  for (const p of parts) for (const [c, w] of p.widths) widths.set(c, w);
  const maxCol = Math.max(0, ...widths.keys());
  const columnWidths: number[] = [];
  for (let c = 0; c <= maxCol; c++) columnWidths.push(widths.get(c) ?? 24);
  return {
    name: INPUT_SHEETS[kind],
    kind,
    role: "input",
    blocks: parts.flatMap((p) => p.blocks),
    tables: parts.map((p) => p.table),
    validations: parts.flatMap((p) => p.validations),
    conditionalFormats: [],
    charts: [],
    freezeRows: 1,
    columnWidths,
    tabColor: TAB_COLORS.input,
  };
}

/** What the Support sheet says beside its tables (a note, not part of any table). */
export const SUPPORT_SHEET_NOTE =
  "Support services that serve each other and the partners. A service's costs are cost lines on the Costs sheet " +
  "whose Basis is support:<service> (e.g. support:ICT); Usage is how much each partner or other service uses it, in " +
  "any measure (only the proportions matter). The method is in Settings: reciprocal (default), step-down or direct.";

/** The Support sheet with its note beside the tables. */
function supportSheet(spec: SheetSpec): SheetSpec {
  const col = Math.max(spec.columnWidths.length, 10);
  return { ...spec, blocks: [...spec.blocks, { row: 0, col, values: [[SUPPORT_SHEET_NOTE]], style: "note" }] };
}

/** What the Partner services sheet says beside its table (a note, not part of any table). */
export const SERVICES_SHEET_NOTE =
  "Optional. Each partner's own services, to spread its recharge onto them (CIPFA SeRCOP: support costs fully " +
  "recharged to the services that use them). RO line or heading: the revenue outturn line or SeRCOP service heading " +
  "the service reports under. Basis value: users, FTE… in one Measure per partner and year (only the proportions " +
  "matter). Year blank: every year without rows of its own. See docs/service-recharges.md.";

/** The Partner services sheet with its note beside the table. */
function servicesSheet(spec: SheetSpec): SheetSpec {
  const col = Math.max(spec.columnWidths.length, 9);
  return { ...spec, blocks: [...spec.blocks, { row: 0, col, values: [[SERVICES_SHEET_NOTE]], style: "note" }] };
}

/** The value a setting row holds for a model. */
function settingValue(key: SettingKey, model: ModelInput | undefined, run: RunSettings, title: string): CellValue {
  const s: SettingsInput | undefined = model?.settings;
  switch (key) {
    case "firstYear":
      return s?.firstYear ?? "";
    case "lastYear":
      return s?.lastYear ?? "";
    case "unit":
      return decimalToCell(s?.unit) === "" ? "penny" : decimalToCell(s?.unit);
    case "proRata":
      return s?.proRata ?? "days";
    case "indexationRate":
      return decimalToCell(s?.indexationRate);
    case "indexationBaseYear":
      return s?.indexationBaseYear ?? "";
    case "zeroDriverFallback":
      return s?.zeroDriverFallback ?? "error";
    case "discountRate":
      return decimalToCell(s?.discountRate);
    case "toleranceAmount":
      return decimalToCell(model?.tolerance?.amount);
    case "tolerancePercent":
      return decimalToCell(model?.tolerance?.percent);
    case "yearEndBasis":
      return model?.yearEnd?.basis ?? "";
    case "carryForward":
      return model?.yearEnd?.carryForward === true ? "Yes" : "No";
    case "supportMethod":
      return model?.support?.method ?? (model?.support === undefined ? "" : "reciprocal");
    case "supportOrder":
      return listCell(model?.support?.order ?? undefined);
    case "runScenario":
      return run.scenario;
    case "compareFirst":
      return run.compareFirst;
    case "compareSecond":
      return run.compareSecond;
    case "preparedBy":
      return "";
    case "title":
      return title;
    case "journalYear":
      return model?.journals?.year ?? "";
    case "yearEndAccruals":
      return model?.journals?.accrual ?? "";
    case "trueUpPoints":
      return decimalToCell(model?.trueUp?.tolerance?.points);
    case "trueUpPercent":
      return decimalToCell(model?.trueUp?.tolerance?.percent);
    case "monitoringYear":
      return model?.monitoring?.year ?? "";
    case "trueUpTiming":
      return model?.trueUp?.timing ?? "";
  }
}

/** The number format of a setting's Value cell. */
export function settingFormat(def: SettingDef): string | null {
  switch (def.kind) {
    case "year":
    case "choice":
    case "text":
    case "yesno":
      return TEXT_FORMAT;
    case "percent":
      return PERCENT_FIGURE_FORMAT;
    case "money":
      return MONEY_FORMAT;
    case "unit":
      return null;
  }
}

function settingsPart(model: ModelInput | undefined, run: RunSettings, title: string): TablePart {
  const def = INPUT_TABLES.settings;
  const blocks: Block[] = [{ row: def.row, col: def.col, values: [def.columns.map((c) => c.header)] }];
  const validations: ValidationSpec[] = [];
  SETTINGS.forEach((s, i) => {
    const row = def.row + 1 + i;
    blocks.push({
      row,
      col: def.col,
      values: [[s.label, settingValue(s.key, model, run, title), s.note]],
      formats: [TEXT_FORMAT, settingFormat(s), TEXT_FORMAT],
    });
    if (s.choices !== undefined) {
      validations.push({
        row,
        col: def.col + 1,
        rows: 1,
        cols: 1,
        source: { kind: "values", values: s.choices },
        strict: s.kind === "choice" || s.kind === "yesno",
        message: `Choose one of: ${s.choices.join(", ")}.`,
      });
    }
  });
  const widths = new Map<number, number>();
  def.columns.forEach((c, i) => widths.set(def.col + i, c.width));
  return {
    blocks,
    table: { name: def.name, row: def.row, col: def.col, rows: SETTINGS.length + 1, cols: def.columns.length, style: TABLE_STYLE },
    validations,
    widths,
  };
}

/** True when some driver value has a Valid from date or a status (docs/versions.md). */
function hasDatedValues(model: ModelInput): boolean {
  return (model.drivers ?? []).some((d) => d.values.some((v) => (v.validFrom ?? "") !== "" || (v.status ?? "") !== ""));
}

/**
 * Driver value rows: one per partner (and per year where values are year-specific, and per Valid from date
 * and status where values have them), one column per driver.
 */
function driverValueRows(model: ModelInput): CellValue[][] {
  const drivers = model.drivers ?? [];
  const dated = hasDatedValues(model);
  const keys: { partner: string; year: string; validFrom?: DateInput; status?: string }[] = [];
  const tag = (v: { validFrom?: DateInput | null; status?: string | null }): string =>
    `${String(v.validFrom ?? "")}\u0000${v.status ?? ""}`;
  const index = new Map<string, number>();
  const order = new Map(model.partners.map((p, i) => [p.id, i]));
  for (const d of drivers) {
    for (const v of d.values) {
      const key = `${v.partner}\u0000${v.year ?? ""}\u0000${tag(v)}`;
      if (!index.has(key)) {
        index.set(key, keys.length);
        keys.push({
          partner: v.partner,
          year: v.year ?? "",
          ...(v.validFrom === undefined || v.validFrom === null ? {} : { validFrom: v.validFrom }),
          ...(v.status === undefined || v.status === null ? {} : { status: v.status }),
        });
      }
    }
  }
  const within = new Map((model.withinPartners ?? []).map((w) => [w.partner.id, w]));
  (model.withinPartners ?? []).forEach((w, i) => {
    if (Object.keys(w.drivers ?? {}).length > 0) {
      order.set(w.partner.id, model.partners.length + i);
      keys.push({ partner: w.partner.id, year: "" });
    }
  });
  const sorted = keys
    .map((k, i) => ({ ...k, i }))
    .sort(
      (a, b) =>
        (order.get(a.partner) ?? 1e9) - (order.get(b.partner) ?? 1e9) || (a.year < b.year ? -1 : a.year > b.year ? 1 : 0) || a.i - b.i,
    );
  return sorted.map((k) => [
    k.partner,
    k.year,
    ...drivers.map((d) => {
      const w = k.year === "" ? within.get(k.partner) : undefined;
      if (w !== undefined) return decimalToCell(w.drivers?.[d.id]);
      const v = d.values.find((x) => x.partner === k.partner && (x.year ?? "") === k.year && tag(x) === tag(k));
      return v === undefined ? "" : decimalToCell(v.value);
    }),
    ...(dated ? [dateToCell(k.validFrom), k.status ?? ""] : []),
  ]);
}

/** Checks the model can be written as the fixed tables. */
function writable(model: ModelInput): WorkbookProblem[] {
  const problems: WorkbookProblem[] = [];
  const fixed = new Set(INPUT_TABLES.drivers.columns.map((c) => c.header.toLowerCase()));
  for (const d of model.drivers ?? []) {
    if (fixed.has(d.id.trim().toLowerCase()))
      problems.push({
        kind: "unwritableModel",
        detail: `a driver may not be called "${d.id}", which is a fixed column of the Drivers table.`,
      });
    if (d.id.trim() === "") problems.push({ kind: "unwritableModel", detail: "a driver has no id." });
  }
  const seen = new Set<string>();
  for (const d of model.drivers ?? []) {
    const k = d.id.trim().toLowerCase();
    if (seen.has(k))
      problems.push({ kind: "unwritableModel", detail: `two drivers are called "${d.id}" (Excel column headers ignore case).` });
    seen.add(k);
  }
  return problems;
}

/** The run settings a new model starts with: base model, no comparison. */
export const DEFAULT_RUN_SETTINGS: RunSettings = { scenario: "", compareFirst: "", compareSecond: "" };

/**
 * Lays out a model as the input sheets (Partners, Drivers, Costs, Bases,
 * Budgets, Settings, Scenarios) plus the Lists sheet their drop-downs use.
 * With no model, the sheets are created empty (one blank row per table) and
 * the settings carry their defaults.
 */
export function buildInputSheets(
  model: ModelInput | undefined,
  options: { readonly notes?: TemplateNotes; readonly run?: RunSettings; readonly title?: string } = {},
): { ok: true; sheets: SheetSpec[] } | { ok: false; problems: WorkbookProblem[] } {
  if (model !== undefined) {
    const problems = writable(model);
    if (problems.length > 0) return { ok: false, problems };
  }
  const notes = options.notes ?? {};
  const lists = buildListsSheet(model);
  const L = lists.ranges;
  const T = INPUT_TABLES;
  const partners = tablePart(
    T.partners,
    [
      ...(model?.partners ?? []).map((p) => [
        p.id,
        p.name ?? "",
        yesNo(p.host),
        "",
        dateToCell(p.joins),
        dateToCell(p.leaves),
        notes.partners?.[p.id] ?? "",
      ]),
      ...(model?.withinPartners ?? []).map((w) => [
        w.partner.id,
        w.partner.name ?? "",
        yesNo(w.partner.host),
        w.within,
        dateToCell(w.partner.joins),
        dateToCell(w.partner.leaves),
        notes.partners?.[w.partner.id] ?? "",
      ]),
    ],
    L,
  );
  const driverList = tablePart(
    T.driverList,
    (model?.drivers ?? []).map((d) => [
      d.id,
      d.label ?? "",
      yesNo(d.illustrative),
      d.source ?? "",
      dateToCell(d.asAt),
      notes.drivers?.[d.id] ?? "",
    ]),
    L,
  );
  const dated = model === undefined ? false : hasDatedValues(model);
  const driverValues = tablePart(
    T.drivers,
    model === undefined ? [] : driverValueRows(model),
    L,
    // Valid from and Status only for a model that has dated or actual values (docs/versions.md), so others keep their layout.
    [...(model?.drivers ?? []).map((d) => d.id), ...(dated ? ["Valid from", "Status"] : [])],
  );
  const costs = tablePart(
    T.costs,
    (model?.costLines ?? []).map((l) => [
      l.ref,
      l.description ?? "",
      l.service ?? "",
      l.category,
      l.nature,
      decimalToCell(l.amount),
      dateToCell(l.start),
      dateToCell(l.end),
      l.basis,
      listCell(l.appliesTo),
      listCell(l.excludes),
      decimalToCell(l.indexationRate),
      l.indexationBaseYear ?? "",
      notes.costLines?.[l.ref] ?? "",
      l.financing ?? "",
      decimalToCell(l.assetLife),
      dateToCell(l.inUseFrom),
      l.mrpMethod ?? "",
      decimalToCell(l.interestRate),
    ]),
    L,
  );
  const capitalOptions = tablePart(
    T.capitalOptions,
    (model?.capitalOptions ?? []).map((o) => [
      o.name,
      o.line,
      decimalToCell(o.subscription),
      decimalToCell(o.setUp),
      decimalToCell(o.exit),
      decimalToCell(o.years),
      "",
    ]),
    L,
  );
  // A basis's own true-up rule (docs/versions.md): written only for a model that has one, so others keep their layout.
  const rules = model?.trueUp?.byBasis ?? [];
  const trueUpRules = tablePart(
    T.trueUpRules,
    rules.map((b) => [b.basis, decimalToCell(b.points), decimalToCell(b.percent), b.timing ?? "", ""]),
    L,
  );
  // A new workbook gets the Options table to fill in; a model without options does not need one.
  const withOptions = model === undefined || (model.capitalOptions?.length ?? 0) > 0;
  const basisRows: CellValue[][] = [];
  for (const b of model?.bases ?? []) {
    const note = notes.bases?.[b.id] ?? "";
    const items: [string, CellValue][] =
      b.kind === "percentages"
        ? b.shares.map((s) => [s.partner, decimalToCell(s.percent)])
        : b.components.map((c) => [c.source, decimalToCell(c.weight)]);
    if (items.length === 0) basisRows.push([b.id, b.kind, "", "", b.label ?? "", note]);
    if (b.kind === "percentages") {
      for (const w of model?.withinPartners ?? []) {
        const pct = w.percentages?.[b.id];
        if (pct !== undefined) items.push([w.partner.id, decimalToCell(pct)]);
      }
    }
    items.forEach(([item, pct], i) => basisRows.push([b.id, b.kind, item, pct, i === 0 ? (b.label ?? "") : "", i === 0 ? note : ""]));
    // Later versions (docs/versions.md): the same rows with their Valid from date.
    for (const v of (model?.basisVersions ?? []).filter((x) => x.basis === b.id)) {
      const rows: [string, CellValue][] =
        b.kind === "percentages"
          ? (v.shares ?? []).map((x) => [x.partner, decimalToCell(x.percent)])
          : (v.components ?? []).map((x) => [x.source, decimalToCell(x.weight)]);
      for (const [item, pct] of rows) basisRows.push([b.id, b.kind, item, pct, "", "", dateToCell(v.validFrom)]);
    }
  }
  const bases = tablePart(T.bases, basisRows, L);
  const budgets = tablePart(
    T.budgets,
    (model?.budgets ?? []).map((b, i) => [
      b.partner,
      b.year,
      b.category,
      b.service ?? "",
      decimalToCell(b.amount),
      notes.budgets?.[i] ?? "",
    ]),
    L,
  );
  const stated = tablePart(
    T.statedTotals,
    (model?.statedTotals ?? []).map((s) => [
      s.label,
      listCell(s.lines),
      s.year ?? "",
      decimalToCell(s.amount),
      decimalToCell(s.unit),
      notes.statedTotals?.[s.label] ?? "",
    ]),
    L,
  );
  const outturns = tablePart(
    T.outturns,
    (model?.outturns ?? []).map((o, i) => [o.year, o.category, o.service ?? "", decimalToCell(o.amount), notes.outturns?.[i] ?? ""]),
    L,
  );
  const scenarioRows = scenariosToRows(model?.scenarios ?? []).map((r) => [
    r.scenario,
    r.description,
    r.change,
    r.line,
    r.partner,
    r.driver,
    r.year,
    r.value,
    r.basis,
    r.start,
    r.end,
    r.details,
  ]);
  const scenarios = tablePart(T.scenarios, scenarioRows, L);
  const supportServices = tablePart(
    T.supportServices,
    (model?.support?.services ?? []).map((sv) => [sv.id, sv.label ?? "", notes.supportServices?.[sv.id] ?? ""]),
    L,
  );
  const supportUsage = tablePart(
    T.supportUsage,
    (model?.support?.usage ?? []).map((u, i) => [u.service, u.by, u.year ?? "", decimalToCell(u.value), notes.supportUsage?.[i] ?? ""]),
    L,
  );
  // A new workbook gets the Support sheet to fill in; a model without support services does not need one.
  const withSupport = model === undefined || model.support !== undefined;
  const support = withSupport ? [supportSheet(sheet("support", [supportServices, supportUsage]))] : [];
  const partnerServices = tablePart(
    T.partnerServices,
    (model?.partnerServices ?? []).map((r, i) => [
      r.partner,
      r.year ?? "",
      r.service,
      r.heading,
      r.costCentre ?? "",
      r.measure ?? "",
      decimalToCell(r.value),
      notes.partnerServices?.[i] ?? "",
    ]),
    L,
  );
  // A new workbook gets the sheet to fill in; a model without service lists does not need one.
  const withServices = model === undefined || (model.partnerServices ?? []).length > 0;
  const services = withServices ? [servicesSheet(sheet("services", [partnerServices]))] : [];
  const journals = journalSheets(model, L);
  const monitoring = monitoringSheets(model, L);
  const exits = exitSheets(model, L);
  const sheets: SheetSpec[] = [
    sheet("partners", [partners]),
    sheet("drivers", [driverList, driverValues]),
    sheet("costs", withOptions ? [costs, capitalOptions] : [costs]),
    sheet("bases", rules.length > 0 ? [bases, trueUpRules] : [bases]),
    sheet("budgets", [budgets, stated, outturns]),
    sheet("settings", [settingsPart(model, options.run ?? DEFAULT_RUN_SETTINGS, options.title ?? "")]),
    sheet("scenarios", [scenarios]),
    ...support,
    ...services,
    ...journals,
    ...monitoring,
    ...exits,
    lists.spec,
  ];
  return { ok: true, sheets };
}

/**
 * The Exits and Disputes sheets (docs/exits.md): a new workbook gets them to
 * fill in; a model gets each only when it has exits, or disputes.
 */
function exitSheets(model: ModelInput | undefined, L: Readonly<Record<ListName, RangeRef | undefined>>): SheetSpec[] {
  const x = model?.exits;
  const d = model?.disputes;
  const out: SheetSpec[] = [];
  if (model === undefined || x !== undefined) {
    const leavers = tablePart(
      INPUT_TABLES.leavers,
      (x?.leavers ?? []).map((l) => [
        textCell(l.partner),
        dateToCell(l.notice),
        dateToCell(l.leaves),
        decimalToCell(l.noticeMonths),
        textCell(l.committed),
      ]),
      L,
    );
    const lines = tablePart(
      INPUT_TABLES.exitLines,
      (x?.lines ?? []).map((l) => [textCell(l.line), textCell(l.onExit), dateToCell(l.committedTo)]),
      L,
    );
    const costs = tablePart(
      INPUT_TABLES.exitCosts,
      (x?.costs ?? []).map((c) => [
        textCell(c.partner),
        textCell(c.description),
        decimalToCell(c.amount),
        dateToCell(c.date),
        textCell(c.category),
      ]),
      L,
    );
    out.push(sheet("exits", [leavers, lines, costs]));
  }
  if (model === undefined || d !== undefined) {
    const disputes = tablePart(
      INPUT_TABLES.disputes,
      (d ?? []).map((r) => [
        textCell(r.ref),
        textCell(r.line),
        textCell(r.partner),
        textCell(r.year),
        textCell(r.toYear),
        decimalToCell(r.amount),
        dateToCell(r.raisedOn),
        textCell(r.status),
        textCell(r.outcome),
      ]),
      L,
    );
    out.push(sheet("disputes", [disputes]));
  }
  return out;
}

/** A text cell of the journals tables: blank for null or undefined. */
function textCell(v: string | boolean | number | null | undefined): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  return v;
}

/**
 * The Coding and Ledgers sheets (docs/journals.md): a new workbook gets them
 * to fill in; a model without journals inputs does not need them.
 */
function journalSheets(model: ModelInput | undefined, L: Readonly<Record<ListName, RangeRef | undefined>>): SheetSpec[] {
  const j = model?.journals;
  if (model !== undefined && j === undefined) return [];
  const coding = tablePart(
    INPUT_TABLES.coding,
    (j?.coding ?? []).map((c) => [c.partner, c.line, c.service, c.category, c.nature, c.costCentre, c.account].map(textCell)),
    L,
  );
  const hostCoding = tablePart(
    INPUT_TABLES.hostCoding,
    (j?.hostCoding ?? []).map((h) => [h.partner, h.costCentre, h.account, h.debtor].map(textCell)),
    L,
  );
  const vatLines = tablePart(
    INPUT_TABLES.vatLines,
    (j?.vat ?? []).map((v) => [v.line, v.treatment].map(textCell)),
    L,
  );
  const ledgers = tablePart(
    INPUT_TABLES.ledgers,
    (j?.ledgers ?? []).map((l) => [
      textCell(l.partner),
      textCell(l.layout),
      textCell(l.creditor),
      textCell(l.vatAccount),
      textCell(l.reserveAccount),
      textCell(l.section33),
      textCell(l.vatNumber),
      textCell(l.frequency),
      dateToCell(l.firstInvoice),
      decimalToCell(l.termsDays),
      textCell(l.prefix),
      textCell(l.byService),
    ]),
    L,
  );
  const columns = tablePart(
    INPUT_TABLES.ledgerColumns,
    (j?.columns ?? []).map((c) => [c.layout, c.header, c.field, c.value].map(textCell)),
    L,
  );
  return [sheet("coding", [coding, hostCoding, vatLines]), sheet("ledgers", [ledgers, columns])];
}

/**
 * The Actuals sheet (docs/monitoring.md): the Actuals, Forecast, Profile and
 * Mapping tables. A new workbook gets it to fill in (or to import a ledger
 * export into); a model without monitoring does not need it.
 */
function monitoringSheets(model: ModelInput | undefined, L: Readonly<Record<ListName, RangeRef | undefined>>): SheetSpec[] {
  const m = model?.monitoring;
  if (model !== undefined && m === undefined) return [];
  const actuals = tablePart(
    INPUT_TABLES.actuals,
    (m?.actuals ?? []).map((a) => [decimalToCell(a.period), textCell(a.line), decimalToCell(a.amount), textCell(a.source)]),
    L,
  );
  const forecasts = tablePart(
    INPUT_TABLES.forecasts,
    (m?.forecasts ?? []).map((f) => [decimalToCell(f.period), textCell(f.line), decimalToCell(f.amount), textCell(f.note)]),
    L,
  );
  const profiles = tablePart(
    INPUT_TABLES.profiles,
    (m?.profiles ?? []).map((p) => [textCell(p.line), decimalToCell(p.period), decimalToCell(p.weight)]),
    L,
  );
  const mapping = tablePart(
    INPUT_TABLES.mapping,
    (m?.mapping ?? []).map((r) => [textCell(r.costCentre), textCell(r.account), textCell(r.line)]),
    L,
  );
  return [sheet("monitoring", [actuals, forecasts, profiles, mapping])];
}
