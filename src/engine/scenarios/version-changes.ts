import { parseDate } from "../dates";
import { isBlank } from "../decimal";
import type { EngineError, Where } from "../errors";
import type { DriverInput, ModelInput, ScenarioChange } from "../model";
import type { BasisVersionInput, TrueUpInput } from "../versions/input";
import type { Draft } from "./draft";

type VersionChange = Extract<ScenarioChange, { kind: "setVersion" | "setTrueUpTolerance" }>;

/**
 * Checks a setVersion or setTrueUpTolerance change against the model as the
 * scenario has made it so far (docs/versions.md): a version names a
 * percentages basis and a Valid from date; a tolerance names something to set.
 * Its figures are checked with the model, as the Bases table's are.
 */
export function checkVersionChange(d: Draft, c: VersionChange, at: (field: string) => Where): EngineError[] {
  if (c.kind === "setVersion") {
    const basis = typeof c.basis === "string" ? c.basis.trim() : "";
    const problems: EngineError[] = [];
    const target = versionTarget(d, basis);
    if (basis === "") problems.push({ kind: "missingValue", at: at("basis") });
    else if (target === undefined) problems.push({ kind: "unknownBasis", basis, at: at("basis") });
    if (isBlank(c.validFrom)) problems.push({ kind: "missingValue", at: at("start") });
    else {
      const day = parseDate(c.validFrom, at("start"));
      if (!day.ok) problems.push(...day.errors);
    }
    // The figures the target takes, and only those: percent.<partner> for percentages, weight.<source> for a mix,
    // value.<partner> for a driver.
    const given = { percentages: figures(c.percentages), mix: figures(c.weights), driver: figures(c.values) };
    const own = target === undefined ? undefined : given[target.kind];
    const others = target === undefined ? [] : (Object.keys(given) as (keyof typeof given)[]).filter((k) => k !== target.kind);
    if (target !== undefined && (own === 0 || others.some((k) => given[k] > 0))) {
      const keys = [
        ...Object.keys(c.percentages).map((k) => `percent.${k}`),
        ...Object.keys(c.weights ?? {}).map((k) => `weight.${k}`),
        ...Object.keys(c.values ?? {}).map((k) => `value.${k}`),
      ];
      problems.push({
        kind: "shapeMismatch",
        expected: `${DETAILS_WANTED[target.kind]} (${basis} is ${TARGET_WORDS[target.kind]})`,
        actual: keys.length === 0 ? "none" : keys.join(", "),
        at: at("details"),
      });
    } else if (target === undefined && given.percentages + given.mix + given.driver === 0)
      problems.push({ kind: "missingValue", at: at("details") });
    return problems;
  }
  const blank = isBlank(c.points) && isBlank(c.percent) && isBlank(c.timing);
  return blank ? [{ kind: "missingValue", at: at("details") }] : [];
}

/** What a version's Details must give, by what it re-bases. */
const DETAILS_WANTED = {
  percentages: "percent.<partner>=<percent> for each partner",
  mix: "weight.<source>=<weight> for each source of the mix",
  driver: "value.<partner>=<value> for each partner whose value changes",
} as const;

const TARGET_WORDS = { percentages: "a percentages basis", mix: "a mix", driver: "a driver" } as const;

function figures(r: Readonly<Record<string, unknown>> | undefined): number {
  return r === undefined ? 0 : Object.keys(r).length;
}

/** What a setVersion change re-bases: a percentages basis or a mix (by id), or a driver ("driver:users" or "users"). */
function versionTarget(d: Draft, basis: string): { kind: "percentages" | "mix" | "driver"; id: string } | undefined {
  const found = d.bases.find((b) => b.id.trim() === basis);
  if (found !== undefined) return { kind: found.kind === "mix" ? "mix" : "percentages", id: basis };
  const id = basis.startsWith("driver:") ? basis.slice("driver:".length).trim() : basis;
  return d.drivers.some((x) => x.id.trim() === id) ? { kind: "driver", id } : undefined;
}

function sameDay(a: unknown, b: unknown): boolean {
  const x = parseDate(a, { entity: "argument" });
  const y = parseDate(b, { entity: "argument" });
  return x.ok && y.ok ? x.value === y.value : String(a) === String(b);
}

/**
 * The model with a scenario's version and true-up changes applied in order:
 * a version replaces the model's version of that basis on the same day (or
 * is added), a tolerance replaces the model's (or the basis's) and a timing
 * the model's.
 */
export function withVersionChanges(model: ModelInput, changes: readonly ScenarioChange[]): ModelInput {
  let versions: BasisVersionInput[] | undefined;
  let trueUp: TrueUpInput | undefined;
  let drivers: DriverInput[] | undefined;
  for (const c of changes) {
    if (c.kind === "setVersion") {
      const validFrom = typeof c.validFrom === "string" || typeof c.validFrom === "number" ? c.validFrom : null;
      const basis = c.basis.trim();
      const id = basis.startsWith("driver:") ? basis.slice("driver:".length).trim() : basis;
      const isBasis = (model.bases ?? []).some((b) => b.id.trim() === basis);
      if (!isBasis && c.values !== undefined) {
        // A driver's values from the date, every year: each replaces that partner's value dated the same day.
        const values = Object.entries(c.values);
        drivers = (drivers ?? [...(model.drivers ?? [])]).map((dr) =>
          dr.id.trim() !== id
            ? dr
            : {
                ...dr,
                values: [
                  ...dr.values.filter(
                    (v) =>
                      !(v.validFrom != null && values.some(([p]) => p === v.partner) && v.year == null && sameDay(v.validFrom, validFrom)),
                  ),
                  ...values.map(([partner, value]) => ({ partner, value, validFrom })),
                ],
              },
        );
        continue;
      }
      const list = (versions ??= [...(model.basisVersions ?? [])]);
      const kept = list.filter((v) => !(v.basis.trim() === basis && sameDay(v.validFrom, c.validFrom)));
      const version: BasisVersionInput =
        c.weights !== undefined && Object.keys(c.weights).length > 0
          ? { basis, validFrom, components: Object.entries(c.weights).map(([source, weight]) => ({ source, weight })) }
          : { basis, validFrom, shares: Object.entries(c.percentages).map(([partner, percent]) => ({ partner, percent })) };
      versions = [...kept, version];
    } else if (c.kind === "setTrueUpTolerance") {
      const t: TrueUpInput = trueUp ?? model.trueUp ?? {};
      const tolerance = {
        ...(isBlank(c.points) ? {} : { points: c.points }),
        ...(isBlank(c.percent) ? {} : { percent: c.percent }),
      };
      const touched = !isBlank(c.points) || !isBlank(c.percent);
      const basis = typeof c.basis === "string" ? c.basis.trim() : "";
      const timing = isBlank(c.timing) ? {} : { timing: c.timing };
      // With a basis, the tolerance and the timing are that basis's own (what it had is kept where the change is blank).
      const before = (t.byBasis ?? []).find((b) => b.basis.trim() === basis);
      trueUp =
        basis === ""
          ? { ...t, ...(touched ? { tolerance } : {}), ...timing }
          : {
              ...t,
              byBasis: [
                ...(t.byBasis ?? []).filter((b) => b.basis.trim() !== basis),
                { ...(before ?? {}), ...(touched ? { points: null, percent: null, ...tolerance } : {}), ...timing, basis },
              ],
            };
    }
  }
  if (versions === undefined && trueUp === undefined && drivers === undefined) return model;
  return {
    ...model,
    ...(drivers === undefined ? {} : { drivers }),
    ...(versions === undefined ? {} : { basisVersions: versions }),
    ...(trueUp === undefined ? {} : { trueUp }),
  };
}
