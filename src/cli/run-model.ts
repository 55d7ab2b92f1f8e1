import { applyScenario, checkModelBudgets, compareScenarios, doNoHarm, errorMessage, type EngineError, type ModelBudgetReport, type ScenarioInput, type Where } from "../engine";
import type { CellLocation } from "../excel/layout/cells";
import { INPUT_TABLES, TABLE_ORDER } from "../excel/layout/input-tables";
import type { RunOutputs } from "../excel/layout/outputs";
import type { ModelRead, WorkbookPort } from "../excel/port";
import { workbookProblemMessage, type WorkbookProblem } from "../excel/problems";

/** One problem as the command line lists it: the cell it is in (if known) and what is wrong. */
export interface CliProblem {
  /** A1 address with sheet, e.g. `Costs!F12`. */
  readonly address?: string;
  readonly message: string;
}

/** The problem as one line: `Costs!F12: Cost line "X", amount: …`. */
export function problemLine(p: CliProblem): string {
  return p.address === undefined || p.message.startsWith(`${p.address}:`) ? p.message : `${p.address}: ${p.message}`;
}

/** Workbook problems (their messages already name their cell). */
export function fromWorkbook(problems: readonly WorkbookProblem[]): CliProblem[] {
  return problems.map((p) => ({ message: workbookProblemMessage(p), ...("at" in p ? { address: p.at.address } : {}) }));
}

/** Engine errors, each located to its cell where the workbook can say. */
export function fromEngine(errors: readonly EngineError[], locate: (where: Where) => CellLocation | undefined): CliProblem[] {
  return errors.map((e) => {
    const at = locate(e.at);
    return { message: errorMessage(e), ...(at === undefined ? {} : { address: at.address }) };
  });
}

/** What was asked of a run. */
export interface RunRequest {
  /** A scenario to run instead of the one in the run settings ("" for the base model). */
  readonly scenario?: string;
}

/** A run that worked: the outputs to write, and what was read. */
export interface RunDone {
  readonly ok: true;
  readonly read: ModelRead;
  readonly outputs: RunOutputs;
  readonly budget: ModelBudgetReport;
}

/** A run that could not be done: every problem, or the reason the workbook has no model. */
export type RunFailed = { readonly ok: false; readonly kind: "noModel"; readonly message: string } | { readonly ok: false; readonly kind: "problems"; readonly problems: readonly CliProblem[] };

const named = (scenarios: readonly ScenarioInput[], name: string): ScenarioInput | null => (name === "" ? null : (scenarios.find((s) => s.name === name) ?? null));

/**
 * Reads the model through the port and runs it as the add-in's "Run" does:
 * the chosen scenario (from `--scenario`, else the Settings table's run
 * settings) with its budget check, then the scenario comparison (the run
 * settings' pair; with `--scenario` and no pair set, the base model against
 * that scenario) and, when the compared scenario adds a partner, the "do no
 * harm" check. Every problem is collected, each with its cell address.
 */
export async function runWorkbook(port: WorkbookPort, request: RunRequest = {}): Promise<RunDone | RunFailed> {
  const status = await port.inspect();
  if (!status.ok) return { ok: false, kind: "problems", problems: fromWorkbook(status.problems) };
  if (!status.value.hasModel) {
    const required = new Set(TABLE_ORDER.filter((k) => INPUT_TABLES[k].required).map((k) => INPUT_TABLES[k].name));
    const missing = status.value.tables.filter((t) => !t.present && required.has(t.name)).map((t) => t.name);
    return { ok: false, kind: "noModel", message: `the workbook has no model: the table${missing.length === 1 ? "" : "s"} ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing (create a model with --sample or the add-in's "New model").` };
  }
  const readResult = await port.readModel();
  if (!readResult.ok) return { ok: false, kind: "problems", problems: fromWorkbook(readResult.problems) };
  const read = readResult.value;
  const problems: CliProblem[] = fromWorkbook(read.problems);
  const base = read.model;
  const scenarios = base.scenarios ?? [];
  const chosenName = request.scenario ?? read.runSettings.scenario;
  const chosen = named(scenarios, chosenName);
  if (chosenName !== "" && chosen === null) {
    const known = scenarios.map((s) => `"${s.name}"`).join(", ");
    problems.push({ message: `There is no scenario named "${chosenName}" in the Scenarios table${known === "" ? " (it has none)" : `; it has ${known}`}.` });
  }
  const model = chosen === null ? { ok: true as const, value: base } : applyScenario(base, chosen);
  if (!model.ok) problems.push(...fromEngine(model.errors, read.locate));
  const checked = model.ok ? checkModelBudgets(model.value) : undefined;
  if (checked !== undefined && !checked.ok) problems.push(...fromEngine(checked.errors, read.locate));
  if (checked === undefined || !checked.ok || problems.length > 0) return { ok: false, kind: "problems", problems: dedupe(problems) };

  const settings = read.runSettings;
  const pair: [ScenarioInput | null, ScenarioInput | null] | undefined =
    settings.compareSecond !== "" ? [named(scenarios, settings.compareFirst), named(scenarios, settings.compareSecond)] : chosen !== null && request.scenario !== undefined ? [null, chosen] : undefined;
  let outputs: RunOutputs = { run: checked.value.run, budget: checked.value, ...(chosen === null ? {} : { scenario: chosen.name }) };
  if (pair !== undefined) {
    const comparison = compareScenarios(base, pair[0], pair[1]);
    if (!comparison.ok) return { ok: false, kind: "problems", problems: dedupe(fromEngine(comparison.errors, read.locate)) };
    outputs = { ...outputs, comparison: comparison.value };
    const second = pair[1];
    if (second !== null && second.changes.some((c) => c.kind === "addPartner")) {
      const harm = doNoHarm(base, second);
      if (!harm.ok) return { ok: false, kind: "problems", problems: dedupe(fromEngine(harm.errors, read.locate)) };
      outputs = { ...outputs, doNoHarm: harm.value };
    }
  }
  return { ok: true, read, outputs, budget: checked.value };
}

function dedupe(problems: readonly CliProblem[]): CliProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = problemLine(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
