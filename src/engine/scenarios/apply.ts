import type { EngineError, Where } from "../errors";
import type { CostLineInput, ModelInput, ScenarioChange, ScenarioInput } from "../model";
import { parseDecimal } from "../decimal";
import { parseUnit } from "../money";
import { errs, ok, type Result } from "../result";
import { checkAddedPartners, checkTouchedLines, touch } from "./check-lines";
import { fromDraft, idOf, toDraft, type ChangeWhere, type Draft } from "./draft";
import { setCategory, setFinancing } from "./capital-changes";
import { addLine, removeLine, setAmount, setBasis, setDates, uplift } from "./line-changes";
import { addPartner, removePartner, setDriver } from "./partner-changes";
import { setSupportMethod, setSupportUsage } from "./support-changes";
import { checkPartnerLeaves, withLeavingPartners } from "./leave-changes";
import { checkVersionChange, withVersionChanges } from "./version-changes";

/** The kinds of scenario change, in the order they are documented. */
export const SCENARIO_CHANGE_KINDS: readonly ScenarioChange["kind"][] = [
  "setAmount",
  "setDates",
  "setBasis",
  "setDriver",
  "addPartner",
  "removePartner",
  "partnerLeaves",
  "addLine",
  "removeLine",
  "uplift",
  "setSupportMethod",
  "setSupportUsage",
  "setCategory",
  "setFinancing",
  "setVersion",
  "setTrueUpTolerance",
];

/** The place of one change in a scenario, for error messages: `Scenario "Cloud +20%", change 2 (uplift): percent`. */
export function changeWhere(scenario: string, index: number, kind: string): (field: string) => Where {
  return (field) => ({ entity: "scenario", key: scenario, index: index + 1, field: `change ${index + 1} (${kind}): ${field}` });
}

/**
 * Applies a scenario to a base model and returns the changed model. Pure: the
 * base is never modified, the same inputs always give the same model, and
 * both are plain data, so a scenario stored in a workbook replays exactly.
 *
 * Changes apply in order, each to the result of the ones before (so a
 * scenario can add a partner and then set its drivers). Every change is
 * checked against the model as it stands at that point, and every problem is
 * reported, each naming the scenario, the change's position and kind, and
 * the field. The returned model is not itself validated: apportioning it
 * (see `runModel`) does that, as for any model.
 */
export function applyScenario(base: ModelInput, scenario: ScenarioInput): Result<ModelInput> {
  const draft = toDraft(base);
  const name = typeof scenario.name === "string" ? scenario.name.trim() : "";
  // Uplifted one-off amounts are rounded to the model's unit; an unreadable unit is reported by validation later.
  const unitResult = parseUnit(base.settings.unit, { entity: "settings", field: "unit" });
  const unit = unitResult.ok ? unitResult.value : 1;
  const problems: EngineError[] = [];
  const touched = new Map<string, Map<string, ChangeWhere> | { all: ChangeWhere }>();
  const added: { id: string; at: ChangeWhere }[] = [];
  scenario.changes.forEach((change, i) => {
    const at = changeWhere(name, i, String(change.kind));
    problems.push(
      ...(change.kind === "partnerLeaves" ? checkPartnerLeaves(draft, base, change, at) : applyChange(draft, change, at, unit)),
    );
    touch(touched, change, at);
    if (change.kind === "addPartner" && typeof change.partner.id === "string") added.push({ id: change.partner.id.trim(), at });
  });
  if (problems.length > 0) return errs(problems);
  // Versions and the true-up rule are not part of the draft: they apply, in order, to the model it makes.
  // A leaver is recorded on the exits, whose rules its run applies (docs/exits.md).
  const model = withLeavingPartners(
    withVersionChanges(withApplicableOptions(base, fromDraft(base, draft)), scenario.changes),
    scenario.changes,
  );
  // Lines and partners the scenario added or set are checked here, so their problems point at the scenario's rows.
  const changeProblems = [...checkAddedPartners(model, added), ...checkTouchedLines(model, touched)];
  return changeProblems.length > 0 ? errs(changeProblems) : ok(model);
}

/** The fields of a cost line that decide whether a capital-versus-cloud option can be set against it. */
function optionFields(l: CostLineInput | undefined): string {
  return l === undefined ? "" : JSON.stringify([String(l.amount), l.category, l.nature, l.financing ?? null]);
}

/** A one-off capital line financed by borrowing, with capital to finance: what an option compares against. */
function takesOption(l: CostLineInput | undefined): boolean {
  if (l === undefined) return false;
  const amount = parseDecimal(l.amount);
  const word = (v: unknown): string => (typeof v === "string" ? v.trim().toLowerCase() : "");
  return word(l.category) === "capital" && word(l.financing) === "borrowing" && amount !== undefined && !amount.isZero();
}

/**
 * Drops the capital-versus-cloud options whose line this scenario changed so
 * that it has no borrowed capital left to compare (the line removed, its
 * amount set to zero, made revenue or financed otherwise): the scenario has
 * itself taken the option, so there is nothing to appraise (docs/capital.md).
 * An option against a line the scenario left alone stays, and any problem it
 * has is the base model's, reported there.
 */
function withApplicableOptions(base: ModelInput, model: ModelInput): ModelInput {
  const options = model.capitalOptions;
  if (options === undefined || options.length === 0) return model;
  const before = new Map(base.costLines.map((l) => [idOf(l.ref), l]));
  const after = new Map(model.costLines.map((l) => [idOf(l.ref), l]));
  const kept = options.filter((o) => {
    const ref = idOf(o.line);
    const line = after.get(ref);
    return optionFields(before.get(ref)) === optionFields(line) || takesOption(line);
  });
  if (kept.length === options.length) return model;
  return { ...model, capitalOptions: kept };
}

function applyChange(d: Draft, c: ScenarioChange, at: (field: string) => Where, unit: number): EngineError[] {
  switch (c.kind) {
    case "setVersion":
    case "setTrueUpTolerance":
      return checkVersionChange(d, c, at);
    case "setAmount":
      return setAmount(d, c, at);
    case "setDates":
      return setDates(d, c, at);
    case "setBasis":
      return setBasis(d, c, at);
    case "setDriver":
      return setDriver(d, c, at);
    case "addPartner":
      return addPartner(d, c, at);
    case "removePartner":
      return removePartner(d, c, at);
    case "partnerLeaves":
      return []; // checked by the caller, which has the base model's years
    case "addLine":
      return addLine(d, c, at);
    case "removeLine":
      return removeLine(d, c, at);
    case "uplift":
      return uplift(d, c, at, unit);
    case "setSupportMethod":
      return setSupportMethod(d, c, at);
    case "setSupportUsage":
      return setSupportUsage(d, c, at);
    case "setCategory":
      return setCategory(d, c, at);
    case "setFinancing":
      return setFinancing(d, c, at);
    default: {
      // Reachable only from untyped data (a scenario built outside the workbook layer, which checks the Change column).
      const kind = (c as { kind?: unknown }).kind;
      return [{ kind: "invalidChoice", value: String(kind), allowed: SCENARIO_CHANGE_KINDS, at: at("kind") }];
    }
  }
}
