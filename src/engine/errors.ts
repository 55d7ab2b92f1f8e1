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
  | "supportUsage"
  | "partnerService"
  | "argument"
  | "capitalOption"
  // Into each council's books (src/engine/journals, docs/journals.md).
  | "coding"
  | "hostCoding"
  | "ledger"
  | "ledgerColumn"
  | "vat"
  // In-year monitoring (src/engine/monitoring, docs/monitoring.md).
  | "monitoring"
  | "actual"
  | "forecast"
  | "profile"
  // Leaving and disputes (src/engine/exits, docs/exits.md).
  | "leaver"
  | "exitLine"
  | "exitCost"
  | "dispute";

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
  /** A charged partner × line × category × nature that no coding row (not even the partner's default) codes. */
  | {
      readonly kind: "codingMissing";
      readonly partner: string;
      readonly line: string;
      readonly service: string;
      readonly yearLabel: string;
      readonly amount: string;
      readonly at: Where;
    }
  /** Two equally specific coding rows give one charge different codes. */
  | {
      readonly kind: "codingAmbiguous";
      readonly partner: string;
      readonly line: string;
      readonly rows: readonly number[];
      readonly at: Where;
    }
  /** A journal or invoice needs a code (creditor, VAT, debtor, income, reserve) the ledger inputs do not give. */
  | { readonly kind: "ledgerCodeMissing"; readonly partner: string; readonly code: string; readonly needed: string; readonly at: Where }
  /** Journals need a host (the partner that invoices the others). */
  | { readonly kind: "journalsNeedHost"; readonly at: Where }
  /** A ledger posting by service whose charge for a year and category has no service list to spread it onto. */
  | {
      readonly kind: "journalsByServiceNoList";
      readonly partner: string;
      readonly yearLabel: string;
      readonly category: string;
      readonly amount: string;
      readonly at: Where;
    }
  /** A custom layout named by a ledger has no columns, or lacks an amount column. */
  | { readonly kind: "layoutIncomplete"; readonly layout: string; readonly missing: string; readonly at: Where }
  /** A journal whose debits do not equal its credits, or whose control total does not tie to the allocations: never written. */
  | {
      readonly kind: "journalUnbalanced";
      readonly ledger: string;
      readonly journal: string;
      readonly debits: string;
      readonly credits: string;
      readonly at: Where;
    }
  | { readonly kind: "noPartners"; readonly at: Where }
  /** Nobody sharing a cost is a member when it falls (see docs/membership.md). */
  | { readonly kind: "noMembers"; readonly basis: string; readonly when: string; readonly at: Where }
  /** A support usage row names a service, but the model has no support services at all (the table is missing or empty). */
  | { readonly kind: "noSupportServices"; readonly service: string; readonly at: Where }
  /** An outturn for a year that is not one of the model's years: nothing was charged for it to settle against. */
  | { readonly kind: "outturnYearOutside"; readonly year: string; readonly first: string; readonly last: string; readonly at: Where }
  /** An outturn whose year, category (and service) has no charges to share it by: no line, or no partner a member. */
  | {
      readonly kind: "nothingCharged";
      readonly year: string;
      readonly what: string;
      readonly reason: "noMembers" | "noLines";
      readonly at: Where;
    }
  /** A membership date with a time of day (a fractional serial): membership is by whole days. */
  | { readonly kind: "timeOfDay"; readonly value: string; readonly time: string; readonly at: Where }
  /** A cost line whose Excludes names partners its Applies to names. */
  | { readonly kind: "appliesAndExcludes"; readonly partners: readonly string[]; readonly at: Where }
  /** A scenario that removes the host. */
  | { readonly kind: "removeHost"; readonly partner: string; readonly at: Where }
  /** Two comparison settings naming one scenario. */
  | { readonly kind: "sameComparison"; readonly scenario: string; readonly at: Where }
  /** An ongoing line charged directly to a partner that is a member for only part of a year it runs in. */
  | { readonly kind: "directPartMember"; readonly partner: string; readonly year: string; readonly at: Where }
  | { readonly kind: "yearRange"; readonly from: string; readonly to: string; readonly at: Where }
  | { readonly kind: "outOfRange"; readonly value: string; readonly expected: string; readonly at: Where }
  | { readonly kind: "shapeMismatch"; readonly expected: string; readonly actual: string; readonly at: Where }
  | { readonly kind: "divideByZero"; readonly at: Where }
  | { readonly kind: "unknownCostLine"; readonly line: string; readonly at: Where }
  /** Spend (an actual or a forecast) on a cost line that charges nobody in the year monitored: it could not be shared. */
  | { readonly kind: "lineNotCharged"; readonly line: string; readonly at: Where }
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
  | { readonly kind: "unknownScenario"; readonly scenario: string; readonly known: readonly string[]; readonly at: Where }
  /** A partner's service line listed twice for one year (PartnerServices table; `first` is the earlier row's position). */
  | {
      readonly kind: "duplicateServiceLine";
      readonly partner: string;
      readonly service: string;
      readonly year: string;
      readonly first: number;
      readonly at: Where;
    }
  /** One partner's service lines for one year measured in different units (users and FTE cannot be added). */
  | {
      readonly kind: "mixedMeasures";
      readonly partner: string;
      readonly year: string;
      readonly measures: readonly string[];
      readonly at: Where;
    }
  /** A capital financing field (Financing, Asset life, In use from, MRP method, Interest rate) on a revenue line. */
  | { readonly kind: "capitalFieldOnRevenue"; readonly field: string; readonly at: Where }
  /** Capital financing on an ongoing capital line: each year's spend is its own asset, so its own one-off line. */
  | { readonly kind: "capitalFinancingOngoing"; readonly at: Where }
  /** A financed capital line missing a value it needs ("Financing", "Asset life", "Interest rate"). */
  | { readonly kind: "capitalNeeds"; readonly what: string; readonly financing: string; readonly at: Where }
  /** An MRP method or interest rate on a line not financed by borrowing: only borrowing is repaid through MRP. */
  | { readonly kind: "notBorrowing"; readonly field: string; readonly financing: string; readonly at: Where }
  /** An asset said to come into use before the capital is spent. */
  | { readonly kind: "inUseBeforeSpend"; readonly inUse: string; readonly start: string; readonly at: Where }
  /** A capital option set against a line that is not a capital line financed by borrowing. */
  | { readonly kind: "optionLineNotBorrowing"; readonly line: string; readonly what: string; readonly at: Where }
  /** A disputed amount larger than the partner's charge for the line and year (or a charge it never paid). */
  | { readonly kind: "disputeExceedsCharge"; readonly amount: string; readonly charged: string; readonly at: Where }
  /** A recovery over years and lines nobody paid anything for: there are no shares to credit it by. */
  | { readonly kind: "nothingPaid"; readonly what: string; readonly at: Where };

/** The most financial years a model may span (inclusive). */
export const MAX_MODEL_YEARS = 100;

/** The money cap, £1,000,000,000,000.00, as text for messages. */
const CAP_TEXT = "£1,000,000,000,000.00";

/** A line outside the model's years: in the model but charged to no one. */
export interface OutsideYearsWarning {
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
}

/**
 * Things worth knowing that do not stop a run: each names where it is, like
 * an error. Each is a result that would surprise a reader of the figures if
 * nothing were said: a line charged to no one, a partner never a member in
 * the model's years, a negative outturn, a model with no cost lines, a date
 * or setting that has no effect.
 */
export type EngineWarning =
  | OutsideYearsWarning
  | {
      readonly kind: "neverMember";
      readonly partner: string;
      /** "joins 1 April 2030" or "left 31 March 2019". */
      readonly when: string;
      readonly side: "before" | "after";
      readonly first: string;
      readonly last: string;
      readonly at: Where;
    }
  | {
      readonly kind: "negativeOutturn";
      readonly year: string;
      readonly category: string;
      readonly amount: string;
      /** Carry-forward is on: the variance becomes part of next year's charges. */
      readonly carried: boolean;
      readonly at: Where;
    }
  | { readonly kind: "noCostLines"; readonly at: Where }
  | {
      readonly kind: "withinDateIgnored";
      readonly partner: string;
      readonly parent: string;
      /** "joins" before its parent joins, or "leaves" after its parent leaves. */
      readonly side: "joins" | "leaves";
      readonly own: string;
      readonly parents: string;
      readonly at: Where;
    }
  | { readonly kind: "supportYearOutside"; readonly year: string; readonly first: string; readonly last: string; readonly at: Where }
  | { readonly kind: "orderIgnored"; readonly method: string; readonly at: Where }
  /**
   * A partner with a service list whose recharge for a year and category could not be spread onto
   * its services (no service lines for that year, or every basis value zero): the amount is left
   * unrecharged, and the Service recharges check says so.
   */
  | {
      readonly kind: "servicesUnrecharged";
      readonly partner: string;
      readonly year: string;
      readonly category: string;
      readonly amount: string;
      readonly reason: "noLines" | "allZero";
      readonly at: Where;
    };

/** The one message for each warning kind. */
export function warningMessage(w: EngineWarning): string {
  const where = describeWhere(w.at);
  switch (w.kind) {
    case "outsideYears":
      return outsideMessage(where, w);
    case "neverMember":
      return (
        `${where}: "${w.partner}" ${w.when}, ${w.side} the model's years (${w.first} to ${w.last}), so it is a member in none ` +
        `of them and is charged nothing; its usage and percentages are shared by the others. Check the date, or remove the partner.`
      );
    case "negativeOutturn":
      return (
        `${where}: the ${w.year} ${w.category} outturn is negative (£${w.amount}): the service took in more than it spent, ` +
        `so the whole of what the partners were charged and more is returned as an underspend` +
        `${w.carried ? ", and with carry-forward on it is taken off their next year's charges" : ""}. Check the sign.`
      );
    case "noCostLines":
      return (
        `${where}: the model has no cost lines, so there is nothing to apportion and every charge is zero; ` +
        `add lines to the Costs table.`
      );
    case "withinDateIgnored":
      return (
        `${where}: "${w.partner}" ${w.side} on ${w.own}, ${w.side === "joins" ? "before" : "after"} "${w.parent}" ` +
        `${w.side === "joins" ? "joins" : "leaves"} (${w.parents}); within "${w.parent}" it is charged only while ` +
        `"${w.parent}" is a member, so this date has no effect. Use ${w.parents} or a date ${w.side === "joins" ? "after" : "before"} it.`
      );
    case "supportYearOutside":
      return (
        `${where}: ${w.year} is not one of the model's years (${w.first} to ${w.last}), so this usage figure is never used; ` +
        `change the year or leave it blank for every year.`
      );
    case "orderIgnored":
      return `${where}: a step-down order is set, but the support method is ${w.method}, so the order is not used.`;
    case "servicesUnrecharged":
      return (
        `${where}: "${w.partner}" is charged £${w.amount} of ${w.category} in ${w.year}, but ` +
        (w.reason === "noLines"
          ? `its service list has no lines for ${w.year} (and none for every year)`
          : `every basis value of its service lines for ${w.year} is zero`) +
        `, so that amount is not recharged to any service; add its service lines for ${w.year}.`
      );
  }
}

function outsideMessage(where: string, w: OutsideYearsWarning): string {
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
  partnerService: "Partner service",
  argument: "Argument",
  capitalOption: "Capital option",
  coding: "Coding",
  hostCoding: "Host coding",
  ledger: "Ledger",
  ledgerColumn: "Ledger column",
  vat: "VAT",
  monitoring: "Monitoring",
  actual: "Actual",
  forecast: "Forecast",
  profile: "Profile",
  leaver: "Leaver",
  exitLine: "Exit line",
  exitCost: "Exit cost",
  dispute: "Dispute",
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
    case "duplicateServiceLine":
      return (
        `${where}: "${e.partner}" lists service "${e.service}" ${e.year === "" ? "for every year" : `for ${e.year}`} more ` +
        `than once (first in the table's row ${e.first}); give each service one row per year.`
      );
    case "mixedMeasures":
      return (
        `${where}: "${e.partner}"'s service lines ${e.year === "" ? "for every year" : `for ${e.year}`} are measured in ` +
        `${e.measures.map((m) => `"${m}"`).join(" and ")}; one partner's basis values for a year must all be in one measure, ` +
        `or the shares mean nothing.`
      );
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
    case "codingMissing":
      return (
        `${where}: partner "${e.partner}" is charged ${e.amount} for cost line "${e.line}"` +
        `${e.service === "" ? "" : ` (service "${e.service}")`} in ${e.yearLabel}, but no Coding row gives its cost centre and account; ` +
        `add a row for it, or a default row naming the partner alone.`
      );
    case "codingAmbiguous":
      return (
        `${where}: Coding rows ${e.rows.join(" and ")} are equally specific for partner "${e.partner}", cost line "${e.line}", ` +
        `and give different codes; make one more specific or remove one.`
      );
    case "ledgerCodeMissing":
      return `${where}: partner "${e.partner}" needs ${e.code} ${e.needed}; give it in the ledger inputs.`;
    case "journalsNeedHost":
      return `${where}: journals and invoices need a host (the partner that invoices the others); mark one partner as host.`;
    case "journalsByServiceNoList":
      return (
        `${where}: partner "${e.partner}" posts its journal by service, but its ${e.yearLabel} ${e.category} charge ` +
        `(${e.amount}) has no service list to spread it onto (PartnerServices rows for ${e.yearLabel} or every year, ` +
        `with a value above zero); add them, or set By service to No.`
      );
    case "layoutIncomplete":
      return `${where}: ledger layout "${e.layout}" ${e.missing}.`;
    case "journalUnbalanced":
      return (
        `${where}: the ${e.journal} journal for "${e.ledger}" would not balance or tie to the allocations ` +
        `(debits ${e.debits}, credits ${e.credits}), so it was not written.`
      );
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
    case "lineNotCharged":
      return (
        `${where}: cost line "${e.line}" charges no partner in the year monitored, so spend on it cannot be shared; ` +
        `map the spend to a line that runs in the year, or check the line's dates.`
      );
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
    case "noSupportServices":
      return (
        `${where}: "${e.service}" is not a support service: the model has none (the SupportServices table is missing or ` +
        `empty); add "${e.service}" there, or remove this usage row.`
      );
    case "outturnYearOutside":
      return (
        `${where}: ${e.year} is not one of the model's years (${e.first} to ${e.last}), so nothing was charged for it to ` +
        `settle against; change the year, or the model's years.`
      );
    case "nothingCharged":
      return e.reason === "noMembers"
        ? `${where}: no partner was a member in ${e.year} (see the Partners table's Joins and Leaves dates), so nobody was ` +
            `charged for ${e.what} and the outturn cannot be shared; check the year or the dates.`
        : `${where}: nothing was charged for ${e.what} (no cost line falls in it), so the outturn cannot be shared in proportion ` +
            `to contributions; check the year, category and service, or share it by a basis (Settings, Year-end share basis).`;
    case "timeOfDay":
      return (
        `${where}: ${e.value} is a date with a time of day (${e.time}); membership is by whole days, so give the date alone ` +
        `(the day it starts or ends).`
      );
    case "appliesAndExcludes":
      return (
        `${where}: ${e.partners.map((x) => `"${x}"`).join(", ")} ${e.partners.length === 1 ? "is" : "are"} named in both ` +
        `Applies to and Excludes; say who shares the line in one of them only.`
      );
    case "removeHost":
      return (
        `${where}: "${e.partner}" is the host (it employs the staff and holds the budget), so a scenario cannot remove it; ` +
        `make another partner the host first (an addPartner with host=Yes in the same scenario).`
      );
    case "sameComparison":
      return (
        `${where}: "Compare: first" and "Compare: second" both name "${e.scenario}", so every difference would be zero; ` +
        `name two different scenarios (blank means the base model).`
      );
    case "unknownScenario":
      return (
        `${where}: there is no scenario named "${e.scenario}" in the Scenarios ` +
        `table${e.known.length === 0 ? " (it has none)" : `; it has ${e.known.map((k) => `"${k}"`).join(", ")}`}.`
      );
    case "capitalFieldOnRevenue":
      return (
        `${where}: only a capital line is financed (Financing, Asset life, In use from, MRP method, Interest rate); this ` +
        `line is revenue, so leave its ${e.field} blank, or make the line capital.`
      );
    case "capitalFinancingOngoing":
      return (
        `${where}: capital financing is for a one-off capital cost (one asset, one date); this line is ongoing, so enter ` +
        `each year's capital spend as its own one-off line with its own financing.`
      );
    case "capitalNeeds":
      return `${where}: a capital line financed by ${e.financing} needs its ${e.what}.`;
    case "notBorrowing":
      return (
        `${where}: this line is financed by ${e.financing}, which is not repaid through MRP and bears no interest; ` +
        `leave its ${e.field} blank, or set Financing to borrowing.`
      );
    case "inUseBeforeSpend":
      return `${where}: the asset comes into use on ${e.inUse}, before the capital is spent on ${e.start}; check both dates.`;
    case "optionLineNotBorrowing":
      return (
        `${where}: cost line "${e.line}" ${e.what}; a cloud option is set against a one-off capital line financed by ` +
        `borrowing, whose MRP and interest it would replace.`
      );
    case "disputeExceedsCharge":
      return (
        `${where}: £${e.amount} is disputed, but the partner was charged £${e.charged} on this line in this year; ` +
        `a dispute can hold no more than the charge it disputes.`
      );
    case "nothingPaid":
      return `${where}: nobody paid anything for ${e.what}, so there are no shares to credit the recovery by; check the line and years.`;
  }
}
