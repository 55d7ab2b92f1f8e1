import type { DateInput } from "../dates";
import type { DecimalInput } from "../decimal";
import type { EngineError, Where } from "../errors";
import type { CostLineInput, PartnerInput, ScenarioChange, ScenarioInput } from "../model";
import { errs, ok, type Result } from "../result";
import { SCENARIO_CHANGE_KINDS } from "./apply";

/**
 * Scenarios as text, so they can be stored in a workbook cell or file and
 * replayed exactly. Numbers may be JSON numbers or decimal text: a JSON
 * number reads back as the same double, which the engine reads at its
 * shortest decimal form (0.1 stays 0.1), and text is read exactly, so a
 * stored scenario gives the same pennies every time.
 */

/** The scenario as JSON text (two-space indented, fields in the order given). */
export function serializeScenario(scenario: ScenarioInput): string {
  return JSON.stringify(scenario, null, 2);
}

/** Reads a scenario from JSON text; see {@link readScenario} for what is checked. */
export function parseScenario(text: string): Result<ScenarioInput> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return errs([{ kind: "shapeMismatch", expected: "scenario JSON", actual: e instanceof Error ? e.message : String(e), at: { entity: "scenario", field: "text" } }]);
  }
  return readScenario(value);
}

type Obj = Readonly<Record<string, unknown>>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return typeof v === "string" ? `text "${v}"` : typeof v;
}

/** Reads typed fields out of one JSON object, collecting every problem. */
class Fields {
  constructor(
    private readonly obj: Obj,
    private readonly at: (field: string) => Where,
    private readonly problems: EngineError[],
    private readonly prefix = "",
  ) {}

  private bad(key: string, expected: string): undefined {
    this.problems.push({ kind: "shapeMismatch", expected, actual: describe(this.obj[key]), at: this.at(this.prefix + key) });
    return undefined;
  }

  private missing(key: string): undefined {
    this.problems.push({ kind: "missingValue", at: this.at(this.prefix + key) });
    return undefined;
  }

  /** Reports any field not in `allowed` (a misspelt field would otherwise be silently ignored). */
  only(allowed: readonly string[]): void {
    for (const k of Object.keys(this.obj)) if (!allowed.includes(k)) this.problems.push({ kind: "shapeMismatch", expected: `one of the fields ${allowed.join(", ")}`, actual: `"${k}"`, at: this.at(this.prefix + k) });
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.obj, key) && this.obj[key] !== undefined;
  }

  text(key: string): string | undefined {
    const v = this.obj[key];
    if (v === undefined) return this.missing(key);
    return typeof v === "string" ? v : this.bad(key, "text");
  }

  optText(key: string): string | null | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return v;
    return typeof v === "string" ? v : this.bad(key, "text or null");
  }

  number(key: string): DecimalInput | undefined {
    const v = this.obj[key];
    if (v === undefined) return this.missing(key);
    return (typeof v === "number" && Number.isFinite(v)) || typeof v === "string" ? v : this.bad(key, "a number or decimal text");
  }

  optNumber(key: string): DecimalInput | null | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return v;
    return this.number(key);
  }

  date(key: string): DateInput | null | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return v;
    return (typeof v === "number" && Number.isFinite(v)) || typeof v === "string" ? v : this.bad(key, "a date (YYYY-MM-DD or an Excel serial number) or null");
  }

  bool(key: string): boolean | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    return typeof v === "boolean" ? v : this.bad(key, "true or false");
  }

  texts(key: string): string[] | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? v : this.bad(key, "a list of text");
  }

  numbers(key: string): Record<string, DecimalInput> | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (!isObj(v) || !Object.values(v).every((x) => (typeof x === "number" && Number.isFinite(x)) || typeof x === "string")) return this.bad(key, "an object of numbers");
    return { ...(v as Record<string, DecimalInput>) };
  }

  object(key: string): Fields | undefined {
    const v = this.obj[key];
    if (v === undefined) return this.missing(key);
    return isObj(v) ? new Fields(v, this.at, this.problems, `${this.prefix}${key}.`) : this.bad(key, "an object");
  }
}

/** Copies only the fields that are present, so a read scenario has exactly the fields of the original. */
function present<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

function readPartner(f: Fields): PartnerInput | undefined {
  f.only(["id", "name", "host"]);
  const id = f.text("id");
  const name = f.optText("name");
  const host = f.bool("host");
  return id === undefined ? undefined : present({ id, name: name ?? undefined, host });
}

const LINE_FIELDS = ["ref", "description", "service", "category", "nature", "amount", "start", "end", "basis", "appliesTo", "excludes", "indexationRate", "indexationBaseYear"];

function readLine(f: Fields): CostLineInput | undefined {
  f.only(LINE_FIELDS);
  const ref = f.text("ref");
  const category = f.text("category");
  const nature = f.text("nature");
  const basis = f.text("basis");
  const amount = f.has("amount") ? f.optNumber("amount") : f.number("amount");
  const start = f.has("start") ? f.date("start") : (f.text("start") ?? undefined);
  const line = present({
    ref,
    description: f.optText("description") ?? undefined,
    service: f.optText("service") ?? undefined,
    category,
    nature,
    amount,
    start,
    end: f.date("end"),
    basis,
    appliesTo: f.texts("appliesTo"),
    excludes: f.texts("excludes"),
    indexationRate: f.optNumber("indexationRate"),
    indexationBaseYear: f.optText("indexationBaseYear"),
  });
  if (ref === undefined || category === undefined || nature === undefined || basis === undefined || amount === undefined || start === undefined) return undefined;
  return line as CostLineInput;
}

function readChange(f: Fields, kind: ScenarioChange["kind"]): ScenarioChange | undefined {
  switch (kind) {
    case "setAmount": {
      f.only(["kind", "line", "amount"]);
      const line = f.text("line");
      const amount = f.number("amount");
      return line === undefined || amount === undefined ? undefined : { kind, line, amount };
    }
    case "setDates": {
      f.only(["kind", "line", "start", "end"]);
      const line = f.text("line");
      return line === undefined ? undefined : present({ kind, line, start: f.date("start"), end: f.date("end") });
    }
    case "setBasis": {
      f.only(["kind", "line", "basis"]);
      const line = f.text("line");
      const basis = f.text("basis");
      return line === undefined || basis === undefined ? undefined : { kind, line, basis };
    }
    case "setDriver": {
      f.only(["kind", "driver", "partner", "year", "value"]);
      const driver = f.text("driver");
      const partner = f.text("partner");
      const year = f.optText("year");
      const value = f.number("value");
      return driver === undefined || partner === undefined || value === undefined ? undefined : present({ kind, driver, partner, year, value });
    }
    case "addPartner": {
      f.only(["kind", "partner", "drivers", "percentages", "within"]);
      const p = f.object("partner");
      const partner = p === undefined ? undefined : readPartner(p);
      const drivers = f.numbers("drivers");
      const percentages = f.numbers("percentages");
      const within = f.optText("within");
      return partner === undefined ? undefined : present({ kind, partner, drivers, percentages, within });
    }
    case "removePartner": {
      f.only(["kind", "partner"]);
      const partner = f.text("partner");
      return partner === undefined ? undefined : { kind, partner };
    }
    case "addLine": {
      f.only(["kind", "line"]);
      const l = f.object("line");
      const line = l === undefined ? undefined : readLine(l);
      return line === undefined ? undefined : { kind, line };
    }
    case "removeLine": {
      f.only(["kind", "line"]);
      const line = f.text("line");
      return line === undefined ? undefined : { kind, line };
    }
    case "uplift": {
      f.only(["kind", "percent", "category", "nature", "service"]);
      const percent = f.number("percent");
      return percent === undefined ? undefined : present({ kind, percent, category: f.optText("category"), nature: f.optText("nature"), service: f.optText("service") });
    }
  }
}

/**
 * Checks that a value (parsed JSON, or data from anywhere else) has the
 * shape of a scenario: a name, an optional description and a list of
 * changes, each of a known kind with the fields that kind needs, of the right
 * types, and no others (a misspelt field would otherwise be silently
 * ignored). Returns a fresh scenario holding exactly the fields read, or
 * every problem found. Whether the changes make sense for a model is checked
 * when the scenario is applied.
 */
export function readScenario(value: unknown): Result<ScenarioInput> {
  const problems: EngineError[] = [];
  if (!isObj(value)) return errs([{ kind: "shapeMismatch", expected: "a scenario object", actual: describe(value), at: { entity: "scenario", field: "text" } }]);
  const nameValue = value.name;
  const name = typeof nameValue === "string" && nameValue.trim() !== "" ? nameValue : undefined;
  const top = new Fields(value, (field) => (name === undefined ? { entity: "scenario", field } : { entity: "scenario", key: name.trim(), field }), problems);
  top.only(["name", "description", "changes"]);
  if (name === undefined) problems.push({ kind: "missingValue", at: { entity: "scenario", field: "name" } });
  const description = top.optText("description");
  const list = value.changes;
  const changes: ScenarioChange[] = [];
  if (!Array.isArray(list)) {
    problems.push({ kind: "shapeMismatch", expected: "a list of changes", actual: describe(list), at: { entity: "scenario", ...(name === undefined ? {} : { key: name.trim() }), field: "changes" } });
  } else {
    list.forEach((raw: unknown, i) => {
      const kind = isObj(raw) ? raw.kind : undefined;
      const known = SCENARIO_CHANGE_KINDS.find((k) => k === kind);
      const at = (field: string): Where => ({ entity: "scenario", ...(name === undefined ? {} : { key: name.trim() }), index: i + 1, field: `change ${i + 1}${known === undefined ? "" : ` (${known})`}: ${field}` });
      if (!isObj(raw)) return problems.push({ kind: "shapeMismatch", expected: "a change object", actual: describe(raw), at: at("change") });
      if (known === undefined) return problems.push({ kind: "invalidChoice", value: typeof kind === "string" ? kind : describe(kind), allowed: SCENARIO_CHANGE_KINDS, at: at("kind") });
      const change = readChange(new Fields(raw, at, problems), known);
      if (change !== undefined) changes.push(change);
    });
  }
  if (problems.length > 0 || name === undefined) return errs(problems);
  return ok(present({ name, description: description ?? undefined, changes }));
}
