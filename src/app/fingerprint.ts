import type { ModelInput } from "../engine";
import type { RunSettings } from "../excel";
import { sha256Hex } from "./sha256";

/** The groups of input tables a fingerprint names (DriverList and Drivers are one group: the drivers). */
export const FINGERPRINT_TABLES = [
  "Partners",
  "Costs",
  "Drivers",
  "Bases",
  "Budgets",
  "StatedTotals",
  "Outturns",
  "Scenarios",
  "Settings",
  "Support",
  "Services",
  "Options",
  "Journals",
  "Monitoring",
  "Exits",
  "Disputes",
] as const;

/**
 * The recipe a fingerprint follows, recorded with each run in the Run log.
 * Recipe 1 (logs written before the column existed) put the run settings (Run
 * scenario, Compare: first, Compare: second) in the Settings group; recipe 2
 * leaves them out: the Run log records the run's own scenario and
 * comparison, so choosing what the next run compares never voids a run or
 * its sign-off. A recorded run is always compared with the inputs now under
 * its own recipe, so old logs keep the meaning they had.
 */
export type FingerprintRecipe = 1 | 2;

/** The recipe new runs record. */
export const FINGERPRINT_RECIPE: FingerprintRecipe = 2;

/**
 * The groups recorded only for a model that has what they cover, each with
 * the test of whether it does, so that a model without them keeps the
 * fingerprint it had before they existed. One table serves both the
 * fingerprint (groupsOf) and the Run log's check of a recorded fingerprint.
 */
const OPTIONAL_GROUPS: Readonly<Record<string, (model: ModelInput) => boolean>> = {
  Support: (m) => m.support !== undefined,
  Services: (m) => (m.partnerServices ?? []).length > 0,
  Options: (m) => (m.capitalOptions?.length ?? 0) > 0,
  Journals: (m) => m.journals !== undefined,
  Monitoring: (m) => m.monitoring !== undefined,
  Exits: (m) => m.exits !== undefined,
  Disputes: (m) => (m.disputes ?? []).length > 0,
};

/** The names of {@link OPTIONAL_GROUPS}. */
export const OPTIONAL_FINGERPRINT_TABLES: ReadonlySet<string> = new Set(Object.keys(OPTIONAL_GROUPS));

/** The groups a model without what they cover leaves out of its fingerprint. */
type OptionalGroup = "Support" | "Services" | "Options" | "Journals" | "Exits" | "Disputes";

/** One of {@link FINGERPRINT_TABLES}. */
export type FingerprintTable = (typeof FINGERPRINT_TABLES)[number];

/** A SHA-256 of the model's inputs, and one per table so that a change can be named. */
export interface InputsFingerprint {
  /** 64 hex digits over every table's canonical form. */
  readonly value: string;
  /** Support, Services, Options and Journals are each absent for a model without what they cover. */
  readonly tables: Readonly<Record<Exclude<FingerprintTable, OptionalGroup>, string>> & {
    readonly Support?: string;
    readonly Services?: string;
    /** Absent for a model without capital-versus-cloud options (docs/capital.md). */
    readonly Options?: string;
    /** Absent for a model without journals inputs (the Coding and Ledgers sheets; docs/journals.md). */
    readonly Journals?: string;
    /** Absent for a model without monitoring inputs (the Actuals sheet; docs/monitoring.md). */
    readonly Monitoring?: string;
    /** Absent for a model without exits (the Exits sheet; docs/exits.md). */
    readonly Exits?: string;
    /** Absent for a model without disputes (the Disputes sheet; docs/exits.md). */
    readonly Disputes?: string;
  };
}

/** The first 12 hex digits, as shown on output sheets. */
export function shortFingerprint(fp: string): string {
  return fp.slice(0, 12);
}

/**
 * The canonical form of each input table group, as the engine reads it (the
 * model read from the workbook, so the three adapters agree): every value is
 * trimmed text, numbers written as plain decimals, blanks left out, object
 * keys sorted, and every list sorted (row order does not change a result)
 * except a scenario's changes (which apply in order). See docs/assurance.md.
 */
export function canonicalTables(
  model: ModelInput,
  run: RunSettings,
  recipe: FingerprintRecipe = FINGERPRINT_RECIPE,
): Record<FingerprintTable, string> {
  // The true-up rule and basis versions (docs/versions.md) only when given, so a model without them keeps its fingerprint.
  const settings = {
    settings: model.settings,
    tolerance: model.tolerance,
    yearEnd: model.yearEnd,
    ...(model.trueUp === undefined ? {} : { trueUp: model.trueUp }),
  };
  return {
    Partners: canonical({ partners: model.partners, withinPartners: model.withinPartners }),
    Costs: canonical(model.costLines),
    Drivers: canonical(model.drivers),
    Bases: canonical(model.basisVersions === undefined ? model.bases : { bases: model.bases, versions: model.basisVersions }),
    Budgets: canonical(model.budgets),
    StatedTotals: canonical(model.statedTotals),
    Outturns: canonical(model.outturns),
    Scenarios: canonical(model.scenarios),
    Settings: canonical(recipe === 1 ? { ...settings, run } : settings),
    Support: canonical(model.support),
    // Each row keeps its position: the largest-remainder tie-break favours the earlier service, so order counts.
    Services: canonical((model.partnerServices ?? []).map((r, i) => ({ ...r, position: i + 1 }))),
    Options: canonical(model.capitalOptions),
    Journals: canonical(model.journals),
    Monitoring: canonical(model.monitoring),
    Exits: canonical(model.exits),
    Disputes: canonical(model.disputes),
  };
}

/**
 * The groups a model's fingerprint covers: Support only when the model has
 * support services, Services only when it has partner service lists, Options
 * only when it has capital-versus-cloud options, so a
 * model without them keeps the fingerprint it had before they existed (and
 * its recorded runs stay current).
 */
function groupsOf(model: ModelInput): readonly FingerprintTable[] {
  return FINGERPRINT_TABLES.filter((t) => OPTIONAL_GROUPS[t]?.(model) ?? true);
}

/** The fingerprint of a model's inputs under a recipe (recipe 1 also covers the run settings). */
export function fingerprintInputs(model: ModelInput, run: RunSettings, recipe: FingerprintRecipe = FINGERPRINT_RECIPE): InputsFingerprint {
  const forms = canonicalTables(model, run, recipe);
  const groups = groupsOf(model);
  const tables = Object.fromEntries(groups.map((t) => [t, sha256Hex(forms[t])])) as Record<FingerprintTable, string>;
  const value = sha256Hex(groups.map((t) => `${t}\n${forms[t]}\n`).join(""));
  return { value, tables };
}

/** The tables whose fingerprints differ, in table order. */
export function changedTables(before: Readonly<Partial<Record<string, string>>>, after: InputsFingerprint["tables"]): FingerprintTable[] {
  return FINGERPRINT_TABLES.filter((t) => before[t] !== after[t]);
}

/** Canonical JSON text of a value (see {@link canonicalTables}). */
export function canonical(value: unknown): string {
  return JSON.stringify(normalise(value, "")) ?? "null";
}

function normalise(value: unknown, key: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") {
    const t = value.trim();
    return t === "" ? undefined : t;
  }
  if (typeof value === "number") return Number.isFinite(value) ? decimalText(value) : String(value);
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => normalise(v, "")).filter((v) => v !== undefined);
    // A scenario's changes apply in order, and a ledger layout's columns are its upload order.
    if (key === "changes" || key === "columns") return items;
    return items
      .map((v) => [JSON.stringify(v), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  }
  if (typeof value === "object") {
    // Decimal-like values (decimal.js) canonicalise as their text.
    if (
      typeof (value as { toFixed?: unknown }).toFixed === "function" &&
      typeof (value as { toString: () => string }).toString === "function"
    )
      return (value as { toString: () => string }).toString();
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = normalise((value as Record<string, unknown>)[k], k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  return String(value);
}

// A number as plain decimal text with no exponent: 1e21 → "1000000000000000000000", 1.5e-7 → "0.00000015".
function decimalText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mant = "", expText = "0"] = s.toLowerCase().split("e");
  const exp = Number(expText);
  const neg = mant.startsWith("-");
  const [int = "", frac = ""] = mant.replace("-", "").split(".");
  const digits = int + frac;
  const point = int.length + exp;
  const body =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? "-" : "") + body;
}
