import type { EngineError } from "../errors";
import type { ModelInput } from "../model";
import type { Pence } from "../money";
import { runModel, type ModelRun } from "../run-model";
import { isBlank } from "../decimal";
import { compareIds, parseChoice } from "../parse-helpers";
import { SUPPORT_METHODS, type SupportMethod } from "./read-support";
import { DEFAULT_SUPPORT_METHOD } from "./validate-support";

/** One partner's support-service charges under each method. */
export interface SupportMethodRow {
  readonly partner: string;
  /** Aligned with {@link SupportMethodComparison.methods}; undefined where that method could not be run. */
  readonly amounts: readonly (Pence | undefined)[];
}

/** What each partner would pay for the support services under each method: "how much does the choice move each charge?" */
export interface SupportMethodComparison {
  readonly methods: readonly SupportMethod[];
  /** The method the model uses. */
  readonly current: SupportMethod;
  /** The step-down order used for the step-down column. */
  readonly order: readonly string[];
  /** Sorted by partner id. */
  readonly rows: readonly SupportMethodRow[];
  /** Each method's total (the same for every method that ran: everything reaches the partners). */
  readonly totals: readonly (Pence | undefined)[];
  /** Why a method could not be run, by method. */
  readonly problems: Readonly<Partial<Record<SupportMethod, readonly EngineError[]>>>;
}

/** Each partner's charges for the support services' lines in a run, by partner id. */
export function supportCharges(run: ModelRun): Map<string, Pence> {
  const out = new Map<string, Pence>();
  for (const ly of run.result.lineYears) {
    if (!ly.basis.startsWith("support:")) continue;
    ly.partners.forEach((p, i) => out.set(p, (out.get(p) ?? 0) + (ly.shares[i] ?? 0)));
  }
  return out;
}

/**
 * Runs a model under each of the three methods (everything else unchanged;
 * step-down in the model's order) and sets each partner's support-service
 * charges side by side. `current` is the model's own run, reused. Undefined
 * when the model has no support services.
 */
export function compareSupportMethods(model: ModelInput, current?: ModelRun): SupportMethodComparison | undefined {
  const support = model.support;
  if (support === undefined) return undefined;
  // The method the model uses, as validation reads it ("Step down" is step-down): the run says it, else read it the same way.
  const parsed = isBlank(support.method)
    ? undefined
    : parseChoice<SupportMethod>(support.method, SUPPORT_METHODS, { entity: "settings", field: "supportMethod" });
  const method = current?.result.support?.method ?? (parsed?.ok === true ? parsed.value : DEFAULT_SUPPORT_METHOD);
  const problems: Partial<Record<SupportMethod, readonly EngineError[]>> = {};
  const charges = SUPPORT_METHODS.map((m) => {
    const run =
      m === method && current !== undefined
        ? { ok: true as const, value: current }
        : runModel({ ...model, support: { ...support, method: m } });
    if (!run.ok) {
      problems[m] = run.errors;
      return undefined;
    }
    return supportCharges(run.value);
  });
  const partners = [...new Set(charges.flatMap((c) => [...(c?.keys() ?? [])]))].sort(compareIds);
  const rows = partners.map((partner) => ({ partner, amounts: charges.map((c) => (c === undefined ? undefined : (c.get(partner) ?? 0))) }));
  const totals = charges.map((c) => (c === undefined ? undefined : [...c.values()].reduce((a, b) => a + b, 0)));
  const order = (support.order ?? []).length > 0 ? [...(support.order ?? [])] : support.services.map((s) => s.id);
  return { methods: SUPPORT_METHODS, current: method, order, rows, totals, problems };
}
