import type { EngineError } from "../errors";
import type { ModelInput, ScenarioChange } from "../model";
import { validateModel } from "../validate";
import { checkIdCharacters } from "../validate-limits";
import { idOf, type ChangeWhere } from "./draft";

/** The cost line fields each change sets; the fields it is answerable for. */
const FIELDS_SET: Partial<Record<ScenarioChange["kind"], readonly string[] | "all">> = {
  setBasis: ["basis"],
  setCategory: ["category"],
  setDates: ["start", "end"],
  setAmount: ["amount"],
  addLine: "all",
};

/** A line a change set, and where the change is. */
export interface TouchedLine {
  readonly fields: readonly string[] | "all";
  readonly at: ChangeWhere;
}

/** Records that a change set fields of a line (later changes to the same field take the blame). */
export function touch(
  touched: Map<string, Map<string, ChangeWhere> | { all: ChangeWhere }>,
  change: ScenarioChange,
  at: ChangeWhere,
): void {
  const fields = FIELDS_SET[change.kind];
  if (fields === undefined) return;
  const ref = change.kind === "addLine" ? idOf(change.line.ref) : "line" in change ? idOf(change.line) : "";
  if (ref === "") return;
  if (fields === "all") {
    touched.set(ref, { all: at });
    return;
  }
  const entry = touched.get(ref);
  const map = entry instanceof Map ? entry : new Map<string, ChangeWhere>();
  for (const f of fields) map.set(f, at);
  if (!(entry instanceof Map) && entry !== undefined) return; // an added line keeps its addLine row
  touched.set(ref, map);
}

/** A cost line field as the scenario row field that holds it. */
function rowField(field: string | undefined): string {
  return field === "ref" ? "line" : (field ?? "line");
}

/**
 * Validates the cost lines a scenario set (a new basis, new dates, an added
 * line) against the model the scenario produced, and reports each problem at
 * the scenario change that caused it: the Scenarios row and the column
 * holding the bad value, not the base model's Costs row (or no cell at all,
 * for an added line). Problems in fields the scenario did not set stay with
 * the base model, which reports them itself.
 */
export function checkTouchedLines(model: ModelInput, touched: Map<string, Map<string, ChangeWhere> | { all: ChangeWhere }>): EngineError[] {
  if (touched.size === 0) return [];
  const lines = model.costLines.filter((l) => touched.has(idOf(l.ref)));
  if (lines.length === 0) return [];
  const out: EngineError[] = [];
  // An added line's reference must not clash but for case with another line's (checked against the whole model).
  for (const [ref, entry] of touched) {
    if (entry instanceof Map) continue;
    const other = model.costLines.map((l) => idOf(l.ref)).find((x) => x !== ref && x.toLowerCase() === ref.toLowerCase());
    if (other !== undefined) out.push({ kind: "caseClash", id: ref, other, at: entry.all("line") });
  }
  const checked = validateModel({
    ...model,
    costLines: lines,
    budgets: [],
    statedTotals: [],
    scenarios: [],
    outturns: [],
    withinPartners: [],
  });
  if (checked.ok) return out;
  for (const e of checked.errors) {
    if (e.at.entity !== "costLine" || e.at.key === undefined) continue;
    const entry = touched.get(e.at.key);
    if (entry === undefined) continue;
    const field = e.at.field ?? "";
    const at = entry instanceof Map ? entry.get(field) : entry.all;
    if (at === undefined) continue;
    out.push({ ...e, at: at(rowField(e.at.field)) });
  }
  return out;
}

/**
 * The ids of partners a scenario adds, checked as the Partners table's are:
 * no list separator, and not the same as another partner's but for case. At
 * the change's Partner cell (the model's own check would point at the
 * Partners table, where the partner is not).
 */
export function checkAddedPartners(model: ModelInput, added: readonly { readonly id: string; readonly at: ChangeWhere }[]): EngineError[] {
  if (added.length === 0) return [];
  const all = [...model.partners.map((p) => idOf(p.id)), ...(model.withinPartners ?? []).map((w) => idOf(w.partner.id))];
  const out: EngineError[] = [];
  for (const { id, at } of added) {
    out.push(...checkIdCharacters(id, at("partner")));
    const other = all.find((x) => x !== id && x.toLowerCase() === id.toLowerCase());
    if (other !== undefined) out.push({ kind: "caseClash", id, other, at: at("partner") });
  }
  return out;
}
