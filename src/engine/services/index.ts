import type { CategoryTotal } from "../budget/charge-rows";
import type { EngineError } from "../errors";
import type { ModelInput } from "../model";
import { errs, ok, type Result } from "../result";
import type { ModelRun } from "../run-model";
import { spreadOntoServices, type ServiceRechargeReport } from "./spread";
import { validatePartnerServices } from "./validate-services";

export type { PartnerServiceInput } from "./input";
export {
  THOUSAND,
  serviceSplitsOf,
  spreadOntoServices,
  spreadRecharge,
  type PartnerServiceSplit,
  type RoLineAmount,
  type ServiceRechargeReport,
  type ServiceShare,
  type UnrechargedReason,
} from "./spread";
export { validatePartnerServices, type PreparedServices, type ServiceLineDef, type ServiceList } from "./validate-services";

/** The partner ids service lines may name: the partners and the partners within others. */
function partnerIdsOf(model: ModelInput): Set<string> {
  return new Set([...model.partners.map((p) => p.id.trim()), ...(model.withinPartners ?? []).map((w) => w.partner.id.trim())]);
}

/**
 * A model's recharges spread onto each partner's services: undefined when
 * the model has no PartnerServices rows (nothing to spread, and nothing
 * changes); every problem with the rows at once otherwise.
 */
export function serviceRecharges(model: ModelInput, totals: readonly CategoryTotal[]): Result<ServiceRechargeReport> | undefined {
  const rows = model.partnerServices ?? [];
  if (rows.length === 0) return undefined;
  const problems: EngineError[] = [];
  const prepared = validatePartnerServices(rows, partnerIdsOf(model), (e) => problems.push(e));
  if (prepared === undefined) return errs(problems);
  return ok(spreadOntoServices(prepared, totals));
}

const OF_RUN = new WeakMap<ModelRun, Result<ServiceRechargeReport> | undefined>();

/**
 * {@link serviceRecharges} of a run (its model and totals, partners within
 * others included), worked out once per run: the one function every output
 * (sheet, statement, `--json`, journals by service cost centre) reads.
 */
export function serviceRechargesOfRun(run: ModelRun): Result<ServiceRechargeReport> | undefined {
  if (OF_RUN.has(run)) return OF_RUN.get(run);
  const report = serviceRecharges(run.model, run.totals);
  OF_RUN.set(run, report);
  return report;
}
