/**
 * 2. A full model run for 10,000 lines × 20 partners × 5 years, as a ratio
 * to the naive float loop doing the same 50,000 allocations.
 *
 * "Full run" = checkModelBudgets(model): validation of every input,
 * profiling over the years (pro-rata + indexation, exact fractions),
 * apportionment by largest remainder, the per-line-year trace data (basis
 * components, each partner's figures and weights, totals, the year factor),
 * the balance self-check, totals, partners within others, the budget check
 * and the stated totals. The per-charge *text* of a trace (explainCharge) is
 * rendered on demand when a user asks about a charge, so it is measured
 * separately: per charge, and for all 1,000,000 charges (traceAll).
 */
import {
  apportionPrepared,
  checkModelBudgets,
  explainCharge,
  largestRemainder,
  runModel,
  traceAll,
  validateModel,
  type ApportionResult,
  type ModelInput,
} from "../../src/engine";
import { floatPenniesLost, floatSplit } from "../lib/baselines";
import { benchModel } from "../lib/model";
import { compare, ratio, timeMedian, type Case, type Comparison } from "../lib/timing";

export const RUN_CASES = {
  float: "naive float loop over the run's allocations",
  engine: "engine largestRemainder over the same",
  full: "full run (checkModelBudgets)",
} as const;

export interface ModelRunResult {
  readonly lines: number;
  readonly partners: number;
  readonly years: number;
  readonly allocations: number;
  readonly charges: number;
  readonly timing: Comparison;
  /** Full run time ÷ float loop time (target ≤ 5). */
  readonly fullVsFloat: number;
  readonly engineVsFloat: number;
  readonly phasesMs: Readonly<Record<string, number>>;
  readonly trace: {
    /** Median µs to explain one charge (on demand, as the task pane's Explain does). */
    readonly explainOneUs: number;
    /** traceAll over every charge, ms (median of a few runs) and as a ratio to the float loop. */
    readonly traceAllMs: number;
    readonly traceAllVsFloat: number;
  };
  readonly exactness: {
    readonly balanced: boolean;
    readonly floatPenniesLost: number;
    readonly floatAllocationsOff: number;
    readonly budgetLines: number;
    readonly flags: number;
  };
}

function allocationsOf(result: ApportionResult): { pence: number; pounds: number; weights: number[] }[] {
  return result.lineYears.map((ly) => ({ pence: ly.profile.amount, pounds: ly.profile.amount / 100, weights: ly.weights.map(Number) }));
}

/** What one run gives, worked out before the timings (so nothing of it stays on the heap while they run). */
function firstRun(model: ModelInput): {
  allocs: ReturnType<typeof allocationsOf>;
  years: number;
  charges: number;
  exactness: ModelRunResult["exactness"];
} {
  const first = checkModelBudgets(model);
  if (!first.ok) throw new Error(`bench model run failed: ${JSON.stringify(first.errors.slice(0, 3))}`);
  const result = first.value.run.result;
  const allocs = allocationsOf(result);
  let lost = 0;
  let off = 0;
  for (const a of allocs) {
    const l = floatPenniesLost(a.pence, floatSplit(a.pounds, a.weights));
    lost += l;
    if (l !== 0) off++;
  }
  return {
    allocs,
    years: result.settings.lastYear - result.settings.firstYear + 1,
    charges: result.lineYears.reduce((n, ly) => n + ly.partners.length, 0),
    exactness: {
      balanced: result.balance.balanced,
      floatPenniesLost: lost,
      floatAllocationsOff: off,
      budgetLines: first.value.budgets.lines.length,
      flags: first.value.flags.length,
    },
  };
}

export function benchModelRun(options: { rounds: number; warmup: number; traceRounds: number; model?: ModelInput }): ModelRunResult {
  const model = options.model ?? benchModel();
  const { allocs, years, charges, exactness } = firstRun(model);
  const cases: Case[] = [
    {
      name: RUN_CASES.float,
      ops: allocs.length,
      run: () => {
        let s = 0;
        for (const a of allocs) s += floatSplit(a.pounds, a.weights)[0] as number;
        return s;
      },
    },
    {
      name: RUN_CASES.engine,
      ops: allocs.length,
      run: () => {
        let s = 0;
        for (const a of allocs) s += largestRemainder(a.pence, a.weights)[0] as number;
        return s;
      },
    },
    {
      name: RUN_CASES.full,
      ops: allocs.length,
      run: () => {
        const r = checkModelBudgets(model);
        return r.ok ? r.value.budgets.lines.length : -1;
      },
    },
  ];
  const timing = compare(cases, { reference: RUN_CASES.float, rounds: options.rounds, warmup: options.warmup });
  const phase = (f: () => number): number => timeMedian(f, { rounds: Math.max(3, options.rounds >> 1), warmup: 1 }).medianMs;
  const prepared = validateModel(model);
  if (!prepared.ok) throw new Error(`bench model is invalid: ${JSON.stringify(prepared.errors.slice(0, 3))}`);
  const phasesMs: Record<string, number> = {
    "validateModel (parse and check every input)": phase(() => (validateModel(model).ok ? 1 : 0)),
    "apportionPrepared (profile, split, trace data, totals, balance)": phase(() => (apportionPrepared(prepared.value).ok ? 1 : 0)),
    "runModel (validate + apportion + within partners + totals)": phase(() => (runModel(model).ok ? 1 : 0)),
    "checkModelBudgets (runModel + budget check + stated totals)": phase(() => (checkModelBudgets(model).ok ? 1 : 0)),
  };
  // Explaining single charges, spread over the result (after the timings: this builds every charge).
  const r = apportionPrepared(prepared.value);
  if (!r.ok) throw new Error("bench model run failed");
  const result = r.value;
  const step = Math.max(1, Math.floor(result.charges.length / 2000));
  const picks = result.charges.filter((_, i) => i % step === 0);
  const explain = timeMedian(
    () => {
      let s = 0;
      for (const c of picks) s += explainCharge(result, c).working.length;
      return s;
    },
    { rounds: 5, warmup: 1 },
  );
  const floatMs = timing.cases.find((c) => c.name === RUN_CASES.float)?.medianMs ?? Number.NaN;
  const traceAllMs = timeMedian(() => traceAll(result).length, { rounds: options.traceRounds, warmup: 0 }).medianMs;
  return {
    lines: model.costLines.length,
    partners: model.partners.length,
    years,
    allocations: allocs.length,
    charges,
    timing,
    fullVsFloat: ratio(timing, RUN_CASES.full, RUN_CASES.float),
    engineVsFloat: ratio(timing, RUN_CASES.engine, RUN_CASES.float),
    phasesMs,
    trace: { explainOneUs: (explain.medianMs * 1000) / picks.length, traceAllMs, traceAllVsFloat: traceAllMs / floatMs },
    exactness,
  };
}
