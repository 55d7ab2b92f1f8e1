import type { CostLineInput, DecimalInput, PartnerInput, ScenarioChange, ScenarioInput } from "../../engine";
import type { CellValue } from "./cells";
import { cellDate, cellDecimal, cellList, cellText, cellYesNo, dateToCell, decimalToCell, listCell } from "./cell-values";
import { formatDetails, parseDetails, type DetailPairs } from "./details";
import { CHANGE_KINDS } from "./input-tables";

/** One row of the Scenarios table, by column key. */
export interface ScenarioRow {
  readonly scenario: CellValue;
  readonly description: CellValue;
  readonly change: CellValue;
  readonly line: CellValue;
  readonly partner: CellValue;
  readonly driver: CellValue;
  readonly year: CellValue;
  readonly value: CellValue;
  readonly basis: CellValue;
  readonly start: CellValue;
  readonly end: CellValue;
  readonly details: CellValue;
}

const BLANK: ScenarioRow = {
  scenario: "",
  description: "",
  change: "",
  line: "",
  partner: "",
  driver: "",
  year: "",
  value: "",
  basis: "",
  start: "",
  end: "",
  details: "",
};

function text(v: string | null | undefined): string {
  return v ?? "";
}

function changeRow(c: ScenarioChange): Partial<ScenarioRow> {
  switch (c.kind) {
    case "setAmount":
      return { line: c.line, value: decimalToCell(c.amount) };
    case "setDates":
      return { line: c.line, start: dateToCell(c.start), end: dateToCell(c.end) };
    case "setBasis":
      return { line: c.line, basis: c.basis };
    case "setDriver":
      return { driver: c.driver, partner: c.partner, year: text(c.year), value: decimalToCell(c.value) };
    case "addPartner": {
      const pairs: [string, string][] = [];
      if (c.partner.name !== undefined) pairs.push(["name", c.partner.name]);
      if (c.partner.host === true) pairs.push(["host", "Yes"]);
      if (c.within !== undefined && c.within !== null) pairs.push(["within", c.within]);
      for (const [k, v] of Object.entries(c.drivers ?? {})) pairs.push([`driver.${k}`, String(v)]);
      for (const [k, v] of Object.entries(c.percentages ?? {})) pairs.push([`percent.${k}`, String(v)]);
      return { partner: c.partner.id, start: dateToCell(c.partner.joins ?? undefined), details: formatDetails(pairs) };
    }
    case "removePartner":
      return { partner: c.partner, end: dateToCell(c.leaves ?? undefined) };
    case "partnerLeaves":
      return { partner: c.partner, start: dateToCell(c.notice ?? undefined), end: dateToCell(c.leaves ?? undefined) };
    case "addLine": {
      const l = c.line;
      const pairs: [string, string][] = [];
      if (l.description !== undefined) pairs.push(["description", l.description]);
      if (l.service !== undefined) pairs.push(["service", l.service]);
      pairs.push(["category", l.category], ["nature", l.nature]);
      if (l.appliesTo !== undefined) pairs.push(["appliesTo", String(listCell(l.appliesTo))]);
      if (l.excludes !== undefined) pairs.push(["excludes", String(listCell(l.excludes))]);
      if (l.indexationRate !== undefined && l.indexationRate !== null) pairs.push(["indexationRate", String(l.indexationRate)]);
      if (l.indexationBaseYear !== undefined && l.indexationBaseYear !== null) pairs.push(["indexationBaseYear", l.indexationBaseYear]);
      return {
        line: l.ref,
        value: decimalToCell(l.amount),
        start: dateToCell(l.start),
        end: dateToCell(l.end),
        basis: l.basis,
        details: formatDetails(pairs),
      };
    }
    case "removeLine":
      return { line: c.line };
    case "uplift": {
      const pairs: [string, string][] = [];
      if (c.category !== undefined && c.category !== null) pairs.push(["category", c.category]);
      if (c.nature !== undefined && c.nature !== null) pairs.push(["nature", c.nature]);
      if (c.service !== undefined && c.service !== null) pairs.push(["service", c.service]);
      return { value: decimalToCell(c.percent), details: formatDetails(pairs) };
    }
    case "setSupportMethod": {
      const pairs: [string, string][] = [["method", c.method]];
      const order = (c.order ?? []).filter((id) => id.trim() !== "");
      if (order.length > 0) pairs.push(["order", String(listCell(order))]);
      return { details: formatDetails(pairs) };
    }
    case "setSupportUsage":
      return { partner: c.by, year: text(c.year), value: decimalToCell(c.value), details: formatDetails([["service", c.service]]) };
    case "setCategory":
      return { line: c.line, details: formatDetails([["category", c.category]]) };
    case "setVersion":
      return {
        basis: c.basis,
        start: dateToCell(c.validFrom ?? undefined),
        details: formatDetails([
          ...Object.entries(c.percentages).map(([k, v]): [string, string] => [`percent.${k}`, String(v)]),
          ...Object.entries(c.weights ?? {}).map(([k, v]): [string, string] => [`weight.${k}`, String(v)]),
          ...Object.entries(c.values ?? {}).map(([k, v]): [string, string] => [`value.${k}`, String(v)]),
        ]),
      };
    case "setTrueUpTolerance": {
      const pairs: [string, string][] = [];
      if (c.points !== undefined && c.points !== null) pairs.push(["points", String(c.points)]);
      if (c.percent !== undefined && c.percent !== null) pairs.push(["percent", String(c.percent)]);
      if (c.timing !== undefined && c.timing !== null) pairs.push(["timing", c.timing]);
      return { basis: text(c.basis), details: formatDetails(pairs) };
    }
    case "setFinancing": {
      const pairs: [string, string][] = [["financing", c.financing]];
      for (const k of ["assetLife", "inUseFrom", "mrpMethod", "interestRate"] as const) {
        const v = c[k];
        if (v !== undefined && v !== null && String(v).trim() !== "") pairs.push([k, String(v)]);
      }
      return { line: c.line, details: formatDetails(pairs) };
    }
  }
}

/** Scenarios as table rows: one row per change; the description goes on the scenario's first row. */
export function scenariosToRows(scenarios: readonly ScenarioInput[]): ScenarioRow[] {
  const rows: ScenarioRow[] = [];
  for (const s of scenarios) {
    if (s.changes.length === 0) {
      rows.push({ ...BLANK, scenario: s.name, description: text(s.description) });
      continue;
    }
    s.changes.forEach((c, i) => {
      rows.push({ ...BLANK, ...changeRow(c), scenario: s.name, description: i === 0 ? text(s.description) : "", change: c.kind });
    });
  }
  return rows;
}

/** Why a scenario row could not be read: the column at fault and what it should hold. */
export interface ScenarioRowProblem {
  readonly column: keyof ScenarioRow;
  readonly value: string;
  readonly expected: string;
}

type RowResult = { ok: true; change: ScenarioChange | undefined } | { ok: false; problem: ScenarioRowProblem };

function need(row: ScenarioRow, column: keyof ScenarioRow, expected: string): string | ScenarioRowProblem {
  const t = cellText(row[column]);
  return t === "" ? { column, value: "", expected } : t;
}

function needDecimal(row: ScenarioRow, column: keyof ScenarioRow, expected: string): DecimalInput | ScenarioRowProblem {
  const d = cellDecimal(row[column]);
  return d === undefined ? { column, value: "", expected } : d;
}

/** Detail text as a model number: canonical numbers (as the add-in writes them) become numbers again, so a scenario round-trips exactly. */
function detailNumber(text: string): DecimalInput {
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) && String(n) === text ? n : text;
}

function isProblem(x: unknown): x is ScenarioRowProblem {
  return typeof x === "object" && x !== null && "expected" in x;
}

function detailsOf(
  row: ScenarioRow,
  allowed: readonly string[],
  prefixes: readonly string[] = [],
): Map<string, string> | ScenarioRowProblem {
  const raw = cellText(row.details);
  const parsed = parseDetails(raw);
  if (!parsed.ok) return { column: "details", value: raw, expected: `key=value pairs separated by semicolons (${parsed.reason})` };
  const out = new Map<string, string>();
  for (const [k, v] of parsed.pairs) {
    const known = allowed.includes(k) || prefixes.some((p) => k.startsWith(p) && k.length > p.length);
    if (!known)
      return {
        column: "details",
        value: raw,
        expected: `only ${[...allowed, ...prefixes.map((p) => `${p}<id>`)].join(", ")} (not "${k}")`,
      };
    if (out.has(k)) return { column: "details", value: raw, expected: `each key once ("${k}" repeats)` };
    out.set(k, v);
  }
  return out;
}

/** Reads one row of the Scenarios table as a change; a row with no change kind carries only a description. */
export function rowToChange(row: ScenarioRow): RowResult {
  const kindText = cellText(row.change);
  if (kindText === "") return { ok: true, change: undefined };
  const kind = CHANGE_KINDS.find((k) => k.toLowerCase() === kindText.toLowerCase());
  if (kind === undefined)
    return { ok: false, problem: { column: "change", value: kindText, expected: `one of ${CHANGE_KINDS.join(", ")}` } };
  const fail = (problem: ScenarioRowProblem): RowResult => ({ ok: false, problem });
  const optText = (v: CellValue): string | undefined => (cellText(v) === "" ? undefined : cellText(v));
  switch (kind) {
    case "setAmount": {
      const line = need(row, "line", "the cost line reference");
      const amount = needDecimal(row, "value", "the new amount");
      if (isProblem(line)) return fail(line);
      if (isProblem(amount)) return fail(amount);
      return { ok: true, change: { kind, line, amount } };
    }
    case "setDates": {
      const line = need(row, "line", "the cost line reference");
      if (isProblem(line)) return fail(line);
      const start = cellDate(row.start);
      const end = cellDate(row.end);
      return { ok: true, change: { kind, line, ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) } };
    }
    case "setBasis": {
      const line = need(row, "line", "the cost line reference");
      const basis = need(row, "basis", "the new basis");
      if (isProblem(line)) return fail(line);
      if (isProblem(basis)) return fail(basis);
      return { ok: true, change: { kind, line, basis } };
    }
    case "setDriver": {
      const driver = need(row, "driver", "the driver id");
      const partner = need(row, "partner", "the partner id");
      const value = needDecimal(row, "value", "the new driver value");
      if (isProblem(driver)) return fail(driver);
      if (isProblem(partner)) return fail(partner);
      if (isProblem(value)) return fail(value);
      const year = optText(row.year);
      return { ok: true, change: { kind, driver, partner, ...(year === undefined ? {} : { year }), value } };
    }
    case "addPartner": {
      const id = need(row, "partner", "the new partner's id");
      if (isProblem(id)) return fail(id);
      const d = detailsOf(row, ["name", "host", "within"], ["driver.", "percent."]);
      if (isProblem(d)) return fail(d);
      const host = d.get("host");
      const hostFlag = host === undefined ? undefined : cellYesNo(host);
      if (hostFlag === undefined && host !== undefined)
        return fail({ column: "details", value: cellText(row.details), expected: "host=Yes or host=No" });
      const name = d.get("name");
      // The Start column is the day it joins (blank: a member from the start).
      const joins = cellDate(row.start);
      // The End column is the day it leaves (blank: it stays); the engine refuses an End before the Start.
      const leaves = cellDate(row.end);
      const partner: PartnerInput = {
        id,
        ...(name === undefined ? {} : { name }),
        ...(hostFlag === true ? { host: true } : {}),
        ...(joins === undefined ? {} : { joins }),
        ...(leaves === undefined ? {} : { leaves }),
      };
      const drivers: Record<string, DecimalInput> = {};
      const percentages: Record<string, DecimalInput> = {};
      for (const [k, v] of d) {
        if (k.startsWith("driver.")) drivers[k.slice(7)] = detailNumber(v);
        if (k.startsWith("percent.")) percentages[k.slice(8)] = detailNumber(v);
      }
      const within = d.get("within");
      return {
        ok: true,
        change: {
          kind,
          partner,
          ...(Object.keys(drivers).length > 0 ? { drivers } : {}),
          ...(Object.keys(percentages).length > 0 ? { percentages } : {}),
          ...(within === undefined ? {} : { within }),
        },
      };
    }
    case "removePartner": {
      const partner = need(row, "partner", "the partner id");
      if (isProblem(partner)) return fail(partner);
      // The End column is its last day as a member (blank: removed from the first model year on).
      const leaves = cellDate(row.end);
      return { ok: true, change: { kind, partner, ...(leaves === undefined ? {} : { leaves }) } };
    }
    case "partnerLeaves": {
      const partner = need(row, "partner", "the leaving partner's id");
      if (isProblem(partner)) return fail(partner);
      // End is the leave date (its last day as a member); Start, when given, the day it gave notice.
      const notice = cellDate(row.start);
      return { ok: true, change: { kind, partner, leaves: cellDate(row.end), ...(notice === undefined ? {} : { notice }) } };
    }
    case "addLine": {
      const ref = need(row, "line", "the new line's reference");
      if (isProblem(ref)) return fail(ref);
      const d = detailsOf(row, [
        "description",
        "service",
        "category",
        "nature",
        "appliesTo",
        "excludes",
        "indexationRate",
        "indexationBaseYear",
      ]);
      if (isProblem(d)) return fail(d);
      const get = (k: string): string | undefined => d.get(k);
      const line: CostLineInput = {
        ref,
        category: get("category") ?? "",
        nature: get("nature") ?? "",
        amount: cellDecimal(row.value),
        start: cellDate(row.start),
        basis: cellText(row.basis),
        ...(get("description") === undefined ? {} : { description: get("description") }),
        ...(get("service") === undefined ? {} : { service: get("service") }),
        ...(cellDate(row.end) === undefined ? {} : { end: cellDate(row.end) }),
        ...(get("appliesTo") === undefined ? {} : { appliesTo: cellList(get("appliesTo")) }),
        ...(get("excludes") === undefined ? {} : { excludes: cellList(get("excludes")) }),
        ...(get("indexationRate") === undefined ? {} : { indexationRate: detailNumber(get("indexationRate") ?? "") }),
        ...(get("indexationBaseYear") === undefined ? {} : { indexationBaseYear: get("indexationBaseYear") }),
      };
      return { ok: true, change: { kind, line } };
    }
    case "removeLine": {
      const line = need(row, "line", "the cost line reference");
      if (isProblem(line)) return fail(line);
      return { ok: true, change: { kind, line } };
    }
    case "setCategory": {
      const line = need(row, "line", "the cost line reference");
      if (isProblem(line)) return fail(line);
      const d = detailsOf(row, ["category"]);
      if (isProblem(d)) return fail(d);
      const category = d.get("category");
      if (category === undefined)
        return fail({ column: "details", value: cellText(row.details), expected: "category=capital or category=revenue" });
      return { ok: true, change: { kind, line, category } };
    }
    case "setFinancing": {
      const line = need(row, "line", "the cost line reference");
      if (isProblem(line)) return fail(line);
      const d = detailsOf(row, ["financing", "assetLife", "inUseFrom", "mrpMethod", "interestRate"]);
      if (isProblem(d)) return fail(d);
      const financing = d.get("financing");
      if (financing === undefined)
        return fail({
          column: "details",
          value: cellText(row.details),
          expected:
            "financing=borrowing, revenue contribution, capital receipts or grant (and assetLife=, mrpMethod=, interestRate=, inUseFrom=)",
        });
      const assetLife = d.get("assetLife");
      const inUseFrom = d.get("inUseFrom");
      const mrpMethod = d.get("mrpMethod");
      const interestRate = d.get("interestRate");
      return {
        ok: true,
        change: {
          kind,
          line,
          financing,
          ...(assetLife === undefined ? {} : { assetLife: detailNumber(assetLife) }),
          ...(inUseFrom === undefined ? {} : { inUseFrom }),
          ...(mrpMethod === undefined ? {} : { mrpMethod }),
          ...(interestRate === undefined ? {} : { interestRate: detailNumber(interestRate) }),
        },
      };
    }
    case "uplift": {
      const percent = needDecimal(row, "value", "the uplift in percent");
      if (isProblem(percent)) return fail(percent);
      const d = detailsOf(row, ["category", "nature", "service"]);
      if (isProblem(d)) return fail(d);
      const category = d.get("category");
      const nature = d.get("nature");
      const service = d.get("service");
      return {
        ok: true,
        change: {
          kind,
          percent,
          ...(category === undefined ? {} : { category }),
          ...(nature === undefined ? {} : { nature }),
          ...(service === undefined ? {} : { service }),
        },
      };
    }
    case "setSupportMethod": {
      const d = detailsOf(row, ["method", "order"]);
      if (isProblem(d)) return fail(d);
      const method = d.get("method");
      if (method === undefined)
        return fail({ column: "details", value: cellText(row.details), expected: "method=direct, method=step-down or method=reciprocal" });
      const order = d.get("order");
      return { ok: true, change: { kind, method, ...(order === undefined ? {} : { order: cellList(order) }) } };
    }
    case "setVersion": {
      const basis = need(row, "basis", "the percentages basis, mix or driver re-based");
      if (isProblem(basis)) return fail(basis);
      const validFrom = cellDate(row.start);
      if (validFrom === undefined) return fail({ column: "start", value: cellText(row.start), expected: "the day the version holds from" });
      const d = detailsOf(row, [], ["percent.", "weight.", "value."]);
      if (isProblem(d)) return fail(d);
      // percent.<partner> for a percentages basis, weight.<source> for a mix, value.<partner> for a driver (docs/versions.md).
      const percentages: Record<string, DecimalInput> = {};
      const weights: Record<string, DecimalInput> = {};
      const values: Record<string, DecimalInput> = {};
      for (const [k, v] of d) {
        const dot = k.indexOf(".");
        (({ percent: percentages, weight: weights, value: values }) as Record<string, Record<string, DecimalInput>>)[k.slice(0, dot)]![
          k.slice(dot + 1)
        ] = v;
      }
      if (d.size === 0)
        return fail({
          column: "details",
          value: cellText(row.details),
          expected: "percent.<partner>=<percent> (percentages), weight.<source>=<weight> (a mix) or value.<partner>=<value> (a driver)",
        });
      return {
        ok: true,
        change: {
          kind,
          basis,
          validFrom,
          percentages,
          ...(Object.keys(weights).length === 0 ? {} : { weights }),
          ...(Object.keys(values).length === 0 ? {} : { values }),
        },
      };
    }
    case "setTrueUpTolerance": {
      const d = detailsOf(row, ["points", "percent", "timing"]);
      if (isProblem(d)) return fail(d);
      const basis = optText(row.basis);
      const points = d.get("points");
      const percent = d.get("percent");
      const timing = d.get("timing");
      if (points === undefined && percent === undefined && timing === undefined)
        return fail({ column: "details", value: cellText(row.details), expected: "points=<n>, percent=<n> or timing=same year|next year" });
      return {
        ok: true,
        change: {
          kind,
          ...(basis === undefined ? {} : { basis }),
          ...(points === undefined ? {} : { points }),
          ...(percent === undefined ? {} : { percent }),
          ...(timing === undefined ? {} : { timing }),
        },
      };
    }
    case "setSupportUsage": {
      const by = need(row, "partner", "the user: a partner or another support service");
      const value = needDecimal(row, "value", "the new usage figure");
      if (isProblem(by)) return fail(by);
      if (isProblem(value)) return fail(value);
      const d = detailsOf(row, ["service"]);
      if (isProblem(d)) return fail(d);
      const service = d.get("service");
      if (service === undefined)
        return fail({ column: "details", value: cellText(row.details), expected: "service=<the support service used>" });
      const year = optText(row.year);
      return { ok: true, change: { kind, service, by, ...(year === undefined ? {} : { year }), value } };
    }
  }
}

/** The detail pairs of a change, for display (e.g. in a task pane list). */
export function changeDetails(c: ScenarioChange): DetailPairs {
  const d = changeRow(c).details;
  if (typeof d !== "string" || d === "") return [];
  const parsed = parseDetails(d);
  return parsed.ok ? parsed.pairs : [];
}
