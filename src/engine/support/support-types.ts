import type { Decimal } from "../decimal";
import type { FinancialYear } from "../financial-year";
import type { Pence, UnitPence } from "../money";

// The support services' shared types, apart from the modules that read and validate them so that
// the prepared model (which carries a PreparedSupportModel) imports no validator.

/** The allocation methods, in the order they are usually taught. */
export const SUPPORT_METHODS = ["direct", "step-down", "reciprocal"] as const;

/** How support services that serve each other are allocated. */
export type SupportMethod = (typeof SUPPORT_METHODS)[number];

/** A validated support service. */
export interface SupportService {
  readonly id: string;
  readonly label: string;
  /** Its own cost, in pence. */
  readonly cost: Pence;
  /** Usage by each user (partner or other service), self-use left out. */
  readonly usage: ReadonlyMap<string, Decimal>;
}

/** A validated support model. */
export interface PreparedSupport {
  /** Sorted by id. */
  readonly partners: readonly string[];
  /** In input order. */
  readonly services: readonly SupportService[];
  readonly method: SupportMethod;
  /** Step-down: the order chosen; otherwise the input order. */
  readonly order: readonly string[];
  readonly unit: UnitPence;
}

/** A support service of a validated model. */
export interface SupportServiceDef {
  readonly id: string;
  readonly label: string;
}

/** The support services of a validated model: what the "support:<service>" basis redistributes by. */
export interface PreparedSupportModel {
  /** In input order (the default step-down order). */
  readonly services: readonly SupportServiceDef[];
  /** Service → year (undefined: every year) → user → usage. A user without a figure uses none of it. */
  readonly usage: ReadonlyMap<string, ReadonlyMap<FinancialYear | undefined, ReadonlyMap<string, Decimal>>>;
  readonly method: SupportMethod;
  /** The order services are closed in (step-down); the input order otherwise. */
  readonly order: readonly string[];
}
