/**
 * Every way the engine can reject input, as plain data. Messages live in one
 * place ({@link errorMessage}) so the custom functions, the task pane and the
 * command-line tool all say the same thing about the same problem.
 */

/** What kind of input an error points at. */
export type Entity =
  | "partner"
  | "driver"
  | "costLine"
  | "basis"
  | "budget"
  | "settings"
  | "scenario"
  | "supportService"
  | "argument";

/**
 * Where a problem is: the entity, its key (cost line reference, partner id,
 * basis id…), the field, and for lists the 1-based position. The workbook
 * layer turns this into a cell address such as `Costs!F12`.
 */
export interface Where {
  readonly entity: Entity;
  readonly key?: string;
  readonly field?: string;
  readonly index?: number;
  /** The partner a value belongs to, where that locates it (driver tables, budgets). */
  readonly partner?: string;
  /** The financial year a value belongs to, where that locates it. */
  readonly year?: string;
}

/** The discriminated union of engine errors. */
export type EngineError =
  | { readonly kind: "unknownPartner"; readonly partner: string; readonly at: Where }
  | { readonly kind: "duplicatePartner"; readonly partner: string; readonly at: Where }
  | { readonly kind: "duplicateId"; readonly id: string; readonly at: Where }
  | { readonly kind: "percentagesNotHundred"; readonly basis: string; readonly total: string; readonly at: Where }
  | { readonly kind: "weightsNotHundred"; readonly basis: string; readonly total: string; readonly at: Where }
  | { readonly kind: "negativeValue"; readonly value: string; readonly at: Where }
  | { readonly kind: "notANumber"; readonly value: string; readonly at: Where }
  | { readonly kind: "allDriversZero"; readonly basis: string; readonly at: Where }
  | { readonly kind: "missingValue"; readonly at: Where }
  | { readonly kind: "endBeforeStart"; readonly start: string; readonly end: string; readonly at: Where }
  | { readonly kind: "unknownYear"; readonly text: string; readonly at: Where }
  | { readonly kind: "invalidDate"; readonly text: string; readonly at: Where }
  | { readonly kind: "unknownBasis"; readonly basis: string; readonly at: Where }
  | { readonly kind: "unknownDriver"; readonly driver: string; readonly at: Where }
  | { readonly kind: "amountPrecision"; readonly amount: string; readonly unit: string; readonly at: Where }
  | { readonly kind: "invalidUnit"; readonly text: string; readonly at: Where }
  | { readonly kind: "invalidChoice"; readonly value: string; readonly allowed: readonly string[]; readonly at: Where }
  | { readonly kind: "amountTooLarge"; readonly amount: string; readonly at: Where }
  | { readonly kind: "noPartners"; readonly at: Where }
  /** Nobody sharing a cost is a member when it falls (see docs/membership.md). */
  | { readonly kind: "noMembers"; readonly basis: string; readonly when: string; readonly at: Where }
  /** An ongoing line charged directly to a partner that is a member for only part of a year it runs in. */
  | { readonly kind: "directPartMember"; readonly partner: string; readonly year: string; readonly at: Where }
  | { readonly kind: "yearRange"; readonly from: string; readonly to: string; readonly at: Where }
  | { readonly kind: "outOfRange"; readonly value: string; readonly expected: string; readonly at: Where }
  | { readonly kind: "shapeMismatch"; readonly expected: string; readonly actual: string; readonly at: Where }
  | { readonly kind: "divideByZero"; readonly at: Where }
  | { readonly kind: "unknownCostLine"; readonly line: string; readonly at: Where }
  /** A run setting or request names a scenario that is not stored; `known` lists those that are. */
  | { readonly kind: "unknownScenario"; readonly scenario: string; readonly known: readonly string[]; readonly at: Where };

/** The kinds of engine error. */
export type EngineErrorKind = EngineError["kind"];

const ENTITY_LABEL: Record<Entity, string> = {
  partner: "Partner",
  driver: "Driver",
  costLine: "Cost line",
  basis: "Basis",
  budget: "Budget",
  settings: "Setting",
  scenario: "Scenario",
  supportService: "Support service",
  argument: "Argument",
};

/** Describes a location in words, e.g. `Cost line "EKH-01", amount`. */
export function describeWhere(at: Where): string {
  const parts: string[] = [];
  if (at.entity === "argument") {
    parts.push(`argument ${at.field ?? "?"}`);
    if (at.index !== undefined) parts.push(`position ${at.index}`);
    return parts.join(", ");
  }
  parts.push(at.key !== undefined ? `${ENTITY_LABEL[at.entity]} "${at.key}"` : ENTITY_LABEL[at.entity]);
  if (at.partner !== undefined) parts.push(`partner "${at.partner}"`);
  if (at.year !== undefined) parts.push(`year ${at.year}`);
  if (at.field !== undefined) parts.push(at.field);
  if (at.key === undefined && at.index !== undefined) parts.push(`row ${at.index}`);
  return parts.join(", ");
}

/** The one message for each error kind: what is wrong, where, and what to do. */
export function errorMessage(e: EngineError): string {
  const where = describeWhere(e.at);
  switch (e.kind) {
    case "unknownPartner":
      return `${where}: partner "${e.partner}" is not in the partner list.`;
    case "duplicatePartner":
      return `${where}: partner "${e.partner}" appears more than once.`;
    case "duplicateId":
      return `${where}: "${e.id}" is used more than once; each must be unique.`;
    case "percentagesNotHundred":
      return `${where}: percentages for basis "${e.basis}" total ${e.total}%, not 100%.`;
    case "weightsNotHundred":
      return `${where}: weights for basis "${e.basis}" total ${e.total}%, not 100%.`;
    case "negativeValue":
      return `${where}: ${e.value} is negative; it must be zero or more.`;
    case "notANumber":
      return `${where}: "${e.value}" is not a number.`;
    case "allDriversZero":
      return `${where}: every driver value for "${e.basis}" is zero, so there is nothing to split by.`;
    case "missingValue":
      return `${where}: a value is required.`;
    case "endBeforeStart":
      return `${where}: end date ${e.end} is before start date ${e.start}.`;
    case "unknownYear":
      return `${where}: "${e.text}" is not a financial year; write it like 2020/21.`;
    case "invalidDate":
      return `${where}: "${e.text}" is not a date; use a date cell or YYYY-MM-DD.`;
    case "unknownBasis":
      return `${where}: basis "${e.basis}" is not defined.`;
    case "unknownDriver":
      return `${where}: driver "${e.driver}" is not defined.`;
    case "amountPrecision":
      return `${where}: ${e.amount} is not a whole number of the rounding unit ${e.unit}; round it first.`;
    case "invalidUnit":
      return `${where}: "${e.text}" is not a rounding unit; use 0.01 (penny), 1 (pound) or 1000 (£000).`;
    case "invalidChoice":
      return `${where}: "${e.value}" is not one of ${e.allowed.map((a) => `"${a}"`).join(", ")}.`;
    case "amountTooLarge":
      return `${where}: ${e.amount} is larger than the £1,000,000,000,000.00 the engine accepts.`;
    case "noPartners":
      return `${where}: there are no partners to share the cost.`;
    case "noMembers":
      return `${where}: none of the partners sharing it by "${e.basis}" is a member ${e.when} (see the Partners table's Joins and Leaves dates), so nobody can be charged for it.`;
    case "directPartMember":
      return `${where}: it is charged directly to "${e.partner}", which is a member for only part of ${e.year}; give the line a Start or End date on the day "${e.partner}" joins or leaves, so it is not charged for time it was not a member.`;
    case "yearRange":
      return `${where}: the first year ${e.from} is after the last year ${e.to}.`;
    case "outOfRange":
      return `${where}: ${e.value} is out of range; expected ${e.expected}.`;
    case "shapeMismatch":
      return `${where}: expected ${e.expected} but got ${e.actual}.`;
    case "divideByZero":
      return `${where}: division by zero.`;
    case "unknownCostLine":
      return `${where}: cost line "${e.line}" is not in the model.`;
    case "unknownScenario":
      return `${where}: there is no scenario named "${e.scenario}" in the Scenarios table${e.known.length === 0 ? " (it has none)" : `; it has ${e.known.map((k) => `"${k}"`).join(", ")}`}.`;
  }
}
