import { parseDate } from "../dates";
import { isBlank } from "../decimal";
import type { EngineError, Where } from "../errors";
import type { ModelInput, ScenarioChange } from "../model";
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
    const found = d.bases.find((b) => b.id.trim() === basis);
    if (basis === "") problems.push({ kind: "missingValue", at: at("basis") });
    else if (found === undefined || found.kind !== "percentages") problems.push({ kind: "unknownBasis", basis, at: at("basis") });
    if (isBlank(c.validFrom)) problems.push({ kind: "missingValue", at: at("start") });
    else {
      const day = parseDate(c.validFrom, at("start"));
      if (!day.ok) problems.push(...day.errors);
    }
    if (Object.keys(c.percentages).length === 0) problems.push({ kind: "missingValue", at: at("details") });
    return problems;
  }
  const blank = isBlank(c.points) && isBlank(c.percent) && isBlank(c.timing);
  return blank ? [{ kind: "missingValue", at: at("details") }] : [];
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
  for (const c of changes) {
    if (c.kind === "setVersion") {
      const list = (versions ??= [...(model.basisVersions ?? [])]);
      const kept = list.filter((v) => !(v.basis.trim() === c.basis.trim() && sameDay(v.validFrom, c.validFrom)));
      const validFrom = typeof c.validFrom === "string" || typeof c.validFrom === "number" ? c.validFrom : null;
      const shares = Object.entries(c.percentages).map(([partner, percent]) => ({ partner, percent }));
      versions = [...kept, { basis: c.basis.trim(), validFrom, shares }];
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
  if (versions === undefined && trueUp === undefined) return model;
  return {
    ...model,
    ...(versions === undefined ? {} : { basisVersions: versions }),
    ...(trueUp === undefined ? {} : { trueUp }),
  };
}
