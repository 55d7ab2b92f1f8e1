/**
 * Every way the engine can reject input, as plain data. Messages live in one
 * place ({@link errorMessage}) so the custom functions, the task pane and the
 * command-line tool all say the same thing about the same problem.
 */

/** What kind of input an error points at. */
export type Entity =
  "partner" | "driver" | "costLine" | "basis" | "budget" | "settings" | "scenario" | "supportService" | "supportUsage" | "argument";

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
  | {
      readonly kind: "unknownPartner";
      readonly partner: string;
      /** A partner id that matches ignoring case, when there is one (ids are case-sensitive). */
      readonly similar?: string;
      readonly at: Where;
    }
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
  | {
      readonly kind: "unknownBasis";
      readonly basis: string;
      /** The basis that was probably meant (a support service's id typed without "support:"). */
      readonly similar?: string;
      readonly at: Where;
    }
  | { readonly kind: "unknownDriver"; readonly driver: string; readonly at: Where }
  /** A support service's cost that no partner sharing the line uses, directly or through other services. */
  | { readonly kind: "supportUnreached"; readonly service: string; readonly partners: readonly string[]; readonly at: Where }
  /** A "support:<service>" basis naming no support service of the model. */
  | { readonly kind: "unknownSupportService"; readonly service: string; readonly known: readonly string[]; readonly at: Where }
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
  /** A date before 1 January 1900 or after 31 December 9999 (or an Excel serial outside 1…2,958,465). */
  | { readonly kind: "dateOutOfRange"; readonly text: string; readonly at: Where }
  /** The model's years span more than {@link MAX_MODEL_YEARS}. */
  | { readonly kind: "tooManyYears"; readonly from: string; readonly to: string; readonly years: number; readonly at: Where }
  /** A line's amount in one year (after pro-rating and indexation) passes the money cap. */
  | { readonly kind: "yearAmountTooLarge"; readonly amount: string; readonly year: string; readonly at: Where }
  /** The model's charges, added up, pass what the engine can total exactly. */
  | { readonly kind: "modelTotalTooLarge"; readonly at: Where }
  /** A partner said to be within itself. */
  | { readonly kind: "withinItself"; readonly partner: string; readonly at: Where }
  /** A partner within another that is itself within a third (a chain, or a cycle). */
  | { readonly kind: "withinWithin"; readonly partner: string; readonly parent: string; readonly at: Where }
  /** A direct charge to a partner the line excludes (or does not apply to). */
  | { readonly kind: "excludedPartner"; readonly partner: string; readonly at: Where }
  /** Two ids or references that differ only in case. */
  | { readonly kind: "caseClash"; readonly id: string; readonly other: string; readonly at: Where }
  /** An id holding a character that separates lists (a comma or semicolon). */
  | { readonly kind: "badIdCharacter"; readonly id: string; readonly character: string; readonly at: Where }
  /** A run setting or request names a scenario that is not stored; `known` lists those that are. */
  | { readonly kind: "unknownScenario"; readonly scenario: string; readonly known: readonly string[]; readonly at: Where };

/** The most financial years a model may span (inclusive). */
export const MAX_MODEL_YEARS = 100;

/** The money cap, £1,000,000,000,000.00, as text for messages. */
const CAP_TEXT = "£1,000,000,000,000.00";

/**
 * Things worth knowing that do not stop a run: each names where it is, like
 * an error. A one-off cost dated outside the model's years, or an ongoing
 * line wholly outside them, is in the model but charged to no one.
 */
export type EngineWarning = {
  readonly kind: "outsideYears";
  readonly line: string;
  readonly nature: "one-off" | "ongoing";
  /** The line's dates as ISO text: a one-off's date, or an ongoing line's start and end ("" for none). */
  readonly start: string;
  readonly end: string;
  /** The line's amount (the cost, or the annual charge) as decimal pounds. */
  readonly amount: string;
  /** "before" the first year or "after" the last. */
  readonly side: "before" | "after";
  /** The model's first and last years, as labels. */
  readonly first: string;
  readonly last: string;
  readonly at: Where;
};

/** The one message for each warning kind. */
export function warningMessage(w: EngineWarning): string {
  const where = describeWhere(w.at);
  const span = `${w.first} to ${w.last}`;
  if (w.nature === "one-off") {
    return (
      `${where}: the one-off cost of £${w.amount} dated ${w.start} falls ${w.side} the model's years (${span}), so it is ` +
      `charged to no one; change the date or the years.`
    );
  }
  const dates = w.end === "" ? `from ${w.start}` : `from ${w.start} to ${w.end}`;
  return (
    `${where}: the ongoing charge of £${w.amount} a year ${dates} lies wholly ${w.side} the model's years (${span}), so it ` +
    `is charged to no one; change the dates or the years.`
  );
}

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
  supportUsage: "Support usage",
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
      return (
        `${where}: partner "${e.partner}" is not in the partner ` +
        `list${e.similar === undefined ? "" : ` (ids are case-sensitive: did you mean "${e.similar}"?)`}.`
      );
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
      return `${where}: basis "${e.basis}" is not defined${e.similar === undefined ? "" : ` (did you mean "${e.similar}"?)`}.`;
    case "unknownDriver":
      return `${where}: driver "${e.driver}" is not defined.`;
    case "supportUnreached":
      return (
        `${where}: the cost of support service "${e.service}" cannot reach the partners sharing this line ` +
        `(${e.partners.join(", ")}): none of them uses it, or a service it passes its cost to. ` +
        `Add their usage on the Support sheet, or change who shares the line.`
      );
    case "unknownSupportService":
      if (e.service === "") return `${where}: the model has no support services; add them on the Support sheet first.`;
      return e.known.length === 0
        ? `${where}: "support:${e.service}" names a support service, but the model has none; add it to the Support sheet.`
        : `${where}: "${e.service}" is not a support service; the model has ${e.known.map((k) => `"${k}"`).join(", ")}.`;
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
      return (
        `${where}: none of the partners sharing it by "${e.basis}" is a member ${e.when} (see the Partners table's Joins ` +
        `and Leaves dates), so nobody can be charged for it.`
      );
    case "directPartMember":
      return (
        `${where}: it is charged directly to "${e.partner}", which is a member for only part of ${e.year}; give the line a ` +
        `Start or End date on the day "${e.partner}" joins or leaves, so it is not charged for time it was not a member.`
      );
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
    case "dateOutOfRange":
      return `${where}: ${e.text} is outside the dates Excel can hold (1 January 1900 to 31 December 9999, serials 1 to 2958465).`;
    case "tooManyYears":
      return `${where}: ${e.from} to ${e.to} is ${e.years} years; a model may span at most ${MAX_MODEL_YEARS} years.`;
    case "yearAmountTooLarge":
      return (
        `${where}: the charge for ${e.year} comes to £${e.amount} after pro-rating and indexation, larger than the ` +
        `${CAP_TEXT} the engine accepts in one year; lower the amount, the indexation or the years.`
      );
    case "modelTotalTooLarge":
      return (
        `${where}: with this line the model's charges add up to more than £45,035,996,273,704.95, the most the engine ` +
        `totals exactly; split the model or lower the amounts.`
      );
    case "withinItself":
      return `${where}: partner "${e.partner}" cannot be within itself; name another partner, or leave Within blank.`;
    case "withinWithin":
      return (
        `${where}: "${e.parent}" is itself within another partner, so "${e.partner}" cannot be within it (a chain or a ` +
        `cycle); name a partner that shares the service in its own right.`
      );
    case "excludedPartner":
      return (
        `${where}: partner "${e.partner}" is excluded from this line (by Applies to or Excludes), so it cannot take a ` +
        `direct charge of it.`
      );
    case "caseClash":
      return (
        `${where}: "${e.id}" differs from "${e.other}" only in capital letters; ids and references are case-sensitive, so ` +
        `make them differ in more than case or use the same spelling.`
      );
    case "badIdCharacter":
      return `${where}: "${e.id}" contains "${e.character}", which separates items in lists; choose an id without commas or semicolons.`;
    case "unknownScenario":
      return (
        `${where}: there is no scenario named "${e.scenario}" in the Scenarios ` +
        `table${e.known.length === 0 ? " (it has none)" : `; it has ${e.known.map((k) => `"${k}"`).join(", ")}`}.`
      );
  }
}
