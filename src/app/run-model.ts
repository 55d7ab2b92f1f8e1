import type { EngineError, ModelBudgetReport, Result } from "../engine";
import type { RunOutputs } from "../excel";
import { checkModel } from "./check-model";
import { dedupeProblems, engineProblems, hasErrors, type Problem } from "./problems";
import { resolveRun, type RunRequest } from "./run-request";
import { compareManyScenarios, compareScenarios } from "./compare-scenarios";
import type { ModelSession } from "./session";

/** One step of a run, for progress displays. */
export type RunStep = "model" | "comparison";

/** The words for each step, the same in every client. */
export const RUN_STEP_LABELS: Readonly<Record<RunStep, string>> = {
  model: "Calculating the charges and the budget check",
  comparison: "Comparing scenarios",
};

/** The outputs of a finished run: always with its budget check. */
export type FinishedOutputs = RunOutputs & {
  readonly budget: ModelBudgetReport;
  /** The comparison of two made (first, second; "" is the base model): recorded in the Run log with the run. */
  readonly pair?: readonly [string, string];
};

/** A run that worked: the outputs to write, and the warnings found on the way. */
export interface RunDone {
  readonly ok: true;
  readonly outputs: FinishedOutputs;
  /** Problems that do not stop the run (other scenarios that no longer apply). */
  readonly warnings: readonly Problem[];
}

/** A run that could not be done, with every problem (errors first). */
export interface RunFailed {
  readonly ok: false;
  readonly problems: readonly Problem[];
}

/**
 * A run of a model as steps, so a client can show progress and stop between
 * them: check (every problem; errors stop the run), the model (the chosen
 * scenario with its budget check) and, when there is a comparison, the
 * comparison with its "do no harm" check. Each model or scenario is run once
 * in the session however many steps use it.
 */
export interface RunPlan {
  readonly steps: readonly RunStep[];
  /** The problems that stop the run (none: the steps may run). */
  readonly blocking: readonly Problem[];
  /** Problems that do not stop it. */
  readonly warnings: readonly Problem[];
  /** Runs one step; returns the problems if it failed. */
  run(step: RunStep): readonly Problem[] | undefined;
  /** The outputs once every step has run. */
  outputs(): FinishedOutputs;
}

/**
 * What the model step produces: the chosen scenario's run and budget check and,
 * for a model with support services, each method's charges.
 */
export type ModelStepOutputs = Pick<FinishedOutputs, "run" | "budget" | "supportMethods">;

/**
 * The model step of a run, for the scenario named ("" is the base model): its budget report (the
 * session keeps it, so a request never runs the model twice) and, for a model with support
 * services, what each partner would pay under each method, beside what it pays. The task pane's
 * screens show the same outputs before anything is written.
 */
export function modelStep(session: ModelSession, scenario: string): Result<ModelStepOutputs> {
  const report = session.report(scenario);
  if (!report.ok) return report;
  const supportMethods = session.supportMethods(scenario);
  return { ok: true, value: { run: report.value.run, budget: report.value, ...(supportMethods === undefined ? {} : { supportMethods }) } };
}

/** Plans a run: checks the model, then offers its steps. `readProblems` are those found reading the workbook. */
export function planRun(session: ModelSession, readProblems: readonly Problem[], request: RunRequest = {}): RunPlan {
  const problems = checkModel(session, readProblems, request);
  const blocking = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const { run, compare, many } = resolveRun(session, request);
  const locate = session.read.locate;
  const fail = (errors: readonly EngineError[]): Problem[] => dedupeProblems(engineProblems(errors, locate));
  // The Settings table's Title goes to the foot of every output page.
  const title = session.read.title.trim();
  let outputs: Partial<FinishedOutputs> = { ...(run.name === "" ? {} : { scenario: run.name }), ...(title === "" ? {} : { title }) };
  return {
    steps: blocking.length > 0 ? [] : compare === undefined && many === undefined ? ["model"] : ["model", "comparison"],
    blocking,
    warnings,
    run(step) {
      if (step === "model") {
        const step = modelStep(session, run.name);
        if (!step.ok) return fail(step.errors);
        outputs = { ...outputs, ...step.value };
        return undefined;
      }
      if (many !== undefined) {
        const side = compareManyScenarios(
          session,
          many.map((m) => m.name),
        );
        if (!side.ok) return dedupeProblems(side.problems);
        outputs = { ...outputs, many: side.many };
        return undefined;
      }
      if (compare === undefined) return undefined;
      const compared = compareScenarios(session, compare[0].name, compare[1].name);
      if (!compared.ok) return dedupeProblems(compared.problems);
      outputs = {
        ...outputs,
        comparison: compared.comparison,
        pair: [compare[0].name, compare[1].name],
        ...(compared.doNoHarm === undefined ? {} : { doNoHarm: compared.doNoHarm }),
      };
      return undefined;
    },
    outputs() {
      if (outputs.run === undefined || outputs.budget === undefined) throw new Error("planRun: outputs() before the model step");
      return { ...outputs, run: outputs.run, budget: outputs.budget };
    },
  };
}

/** Runs every step of a plan at once (the command line; tests). */
export function runPlanned(plan: RunPlan): RunDone | RunFailed {
  if (hasErrors(plan.blocking)) return { ok: false, problems: plan.blocking };
  for (const step of plan.steps) {
    const problems = plan.run(step);
    if (problems !== undefined) return { ok: false, problems };
  }
  return { ok: true, outputs: plan.outputs(), warnings: plan.warnings };
}
