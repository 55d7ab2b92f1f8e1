import type { MonitoringInput } from "./monitoring/inputs";
import type { DateInput } from "./dates";
import type { DecimalInput } from "./decimal";
import type { PartnerServiceInput } from "./services/input";
import type { JournalsInput } from "./journals/inputs";
import type { BasisVersionInput, TrueUpInput } from "./versions/input";
import type { DisputeInput, ExitsInput } from "./exits/inputs";

/**
 * The model as a user supplies it (from workbook tables, JSON or code).
 * Everything is loosely typed on purpose (numbers or text, possibly blank):
 * {@link validateModel} checks it all and reports every problem at once.
 */

/** A body that shares the service and pays a share: a council, or an ALMO such as Lewisham Homes. */
export interface PartnerInput {
  /** Short unique code used everywhere else, e.g. "LBH". */
  readonly id: string;
  /** Full name, e.g. "London Borough of Havering". */
  readonly name?: string;
  /** The partner that employs the staff and holds the budget. */
  readonly host?: boolean;
  /**
   * The first day it is a member (inclusive); blank means it always was. It
   * pays nothing for costs before it (see docs/membership.md).
   */
  readonly joins?: DateInput | null;
  /** The last day it is a member (inclusive); blank means it stays. It pays nothing for costs after it. */
  readonly leaves?: DateInput | null;
}

/** One value of a usage driver for one partner, optionally for one financial year only. */
export interface DriverValueInput {
  readonly partner: string;
  /** "2021/22"; blank means every year without a year-specific value. */
  readonly year?: string | null;
  readonly value: DecimalInput | null | undefined;
  /**
   * The first day the value holds (docs/versions.md): from that day it replaces
   * the partner's value for the same year (or every year). Blank: the value as ever.
   */
  readonly validFrom?: DateInput | null;
  /**
   * "estimate" (blank) or "actual": the charge is made on estimates; an actual
   * value of a year is compared with them for the true-up (docs/versions.md).
   */
  readonly status?: string | null;
}

/** A usage driver: tickets, users, devices, homes, FTE… */
export interface DriverInput {
  readonly id: string;
  readonly label?: string;
  /** True where the figures are made up for illustration (shown as such in outputs). */
  readonly illustrative?: boolean;
  /** Where the figures came from ("ServiceNow ticket export"), for the methodology paper. */
  readonly source?: string;
  /** The date the figures were taken (ISO text or an Excel serial), for the methodology paper. */
  readonly asAt?: DateInput | null;
  readonly values: readonly DriverValueInput[];
}

/** One component of a weighted mix: a source basis and its weight in percent. */
export interface MixComponentInput {
  /** A basis reference: "equal", "driver:users", a percentage basis id… (not another mix). */
  readonly source: string;
  /** Percent, e.g. 40 for 40%. The weights of a mix must total 100. */
  readonly weight: DecimalInput | null | undefined;
}

/** A named basis defined in the model (the built-in ones need no definition). */
export type BasisInput =
  | {
      readonly id: string;
      readonly kind: "percentages";
      readonly label?: string;
      /** Percent per partner from the inter-authority agreement; must total 100. */
      readonly shares: readonly { readonly partner: string; readonly percent: DecimalInput | null | undefined }[];
    }
  | {
      readonly id: string;
      readonly kind: "mix";
      readonly label?: string;
      readonly components: readonly MixComponentInput[];
    };

/** Capital buys assets; revenue pays running costs. They never mix. */
export type Category = "capital" | "revenue";
/** One-off costs fall in one year; ongoing charges recur. */
export type Nature = "one-off" | "ongoing";

/** The categories, in display order. */
export const CATEGORIES: readonly Category[] = ["capital", "revenue"];
/** The natures, in display order. */
export const NATURES: readonly Nature[] = ["one-off", "ongoing"];

/** A cost to be shared. */
export interface CostLineInput {
  /** Unique reference, e.g. "EKH-01". */
  readonly ref: string;
  readonly description?: string;
  readonly service?: string;
  readonly category: string;
  readonly nature: string;
  /** One-off: the cost. Ongoing: the annual charge. In pounds. */
  readonly amount: DecimalInput | null | undefined;
  /** One-off: the date the cost falls. Ongoing: the date the charge starts. */
  readonly start: DateInput | null | undefined;
  /** Ongoing only: the last day charged (inclusive); blank means it continues. */
  readonly end?: DateInput | null;
  /**
   * How to split it: "equal", "direct:<partner>", "driver:<driver>" (or just the
   * driver id), or the id of a percentages or mix basis.
   */
  readonly basis: string;
  /** Partner ids the cost applies to; blank means all partners. */
  readonly appliesTo?: readonly string[];
  /** Partner ids excluded from this cost (e.g. a partner that outsources card payments). */
  readonly excludes?: readonly string[];
  /** Annual indexation in percent for an ongoing charge (overrides the model's). */
  readonly indexationRate?: DecimalInput | null;
  /** The year whose charge is unindexed (defaults to the model's, then to the start year). */
  readonly indexationBaseYear?: string | null;
  /**
   * Set only on a line the engine made to carry a year-end settlement
   * forward: where it came from (the outturn row, the variance and the
   * basis it was shared by), shown in the trace.
   */
  readonly settlement?: string;
  /**
   * Capital lines only (docs/capital.md): how the capital is financed:
   * "borrowing", "revenue contribution", "capital receipts" or "grant".
   * Blank on every capital field: the line has no capital financing schedule.
   */
  readonly financing?: string | null;
  /** Capital only: the asset's life in whole years (1 to 60), over which borrowing is repaid through MRP. */
  readonly assetLife?: DecimalInput | null;
  /** Capital only: the day the asset comes into use (blank: the line's Start); MRP starts the financial year after. */
  readonly inUseFrom?: DateInput | null;
  /** Capital, borrowing only: "equal instalments" (blank) or "annuity". */
  readonly mrpMethod?: string | null;
  /** Capital, borrowing only: the interest rate on the borrowing, in percent a year (e.g. 4.5). */
  readonly interestRate?: DecimalInput | null;
}

/** Model-wide settings. */
export interface SettingsInput {
  /** First financial year to profile, e.g. "2020/21". */
  readonly firstYear: string;
  /** Last financial year to profile, inclusive. */
  readonly lastYear: string;
  /** Rounding unit: 0.01 (default), 1, 1000, or "penny" / "pound" / "thousand". */
  readonly unit?: DecimalInput | null;
  /** Part-year convention: "days" (default) or "months". */
  readonly proRata?: string | null;
  /** Default annual indexation for ongoing charges, in percent (e.g. 3). */
  readonly indexationRate?: DecimalInput | null;
  /** Default base year for indexation; blank means each line's start year. */
  readonly indexationBaseYear?: string | null;
  /** What to do when every driver is zero: "error" (default) or "equal". */
  readonly zeroDriverFallback?: string | null;
  /** The discount rate for the capital-versus-cloud options, in percent (e.g. 3.5); blank: undiscounted. */
  readonly discountRate?: DecimalInput | null;
}

/** Everything the engine needs to produce charges. */
export interface ModelInput {
  readonly partners: readonly PartnerInput[];
  readonly drivers?: readonly DriverInput[];
  readonly bases?: readonly BasisInput[];
  readonly costLines: readonly CostLineInput[];
  readonly settings: SettingsInput;
  /** Budgets for the budget check (see the budget module). */
  readonly budgets?: readonly BudgetInput[];
  /** Totals typed by users, checked against their lines. */
  readonly statedTotals?: readonly StatedTotalInput[];
  /** Budget tolerance. */
  readonly tolerance?: ToleranceInput;
  /** Named what-if scenarios stored with the model. */
  readonly scenarios?: readonly ScenarioInput[];
  /**
   * Bodies that pay part of another partner's share rather than sharing the
   * service in their own right (Lewisham Homes within Lewisham). The core
   * apportionment charges the partner they sit within (the "parent") the
   * whole combined share; the scenario module's `runModel` then carves each
   * one's part out of the parent's share.
   */
  readonly withinPartners?: readonly WithinPartnerInput[];
  /** What the shared service actually spent, for the year-end settlement. */
  readonly outturns?: readonly OutturnInput[];
  /** How a year-end under- or overspend is shared, and whether it is carried forward. */
  readonly yearEnd?: YearEndInput;
  /**
   * Support services that serve each other and the partners (ICT serves HR,
   * HR serves ICT). Their costs are the cost lines whose basis is
   * "support:<service>"; see docs/support-services.md.
   */
  readonly support?: SupportInput;
  /**
   * Each partner's own service lines and the basis it spreads its recharge
   * over them by (users, FTE…), for the Service recharges sheet and the RO
   * view; see docs/service-recharges.md. Blank: no service split.
   */
  readonly partnerServices?: readonly PartnerServiceInput[];
  /** Capital-versus-cloud options, each set against a capital line (see docs/capital.md). */
  readonly capitalOptions?: readonly CapitalOptionInput[];
  /**
   * How the run goes into each partner's books: coding, ledger layouts,
   * invoicing and VAT (src/engine/journals, docs/journals.md). Absent: the
   * model has no journals.
   */
  readonly journals?: JournalsInput;
  /** Later versions of percentages and mix bases, each valid from a date (docs/versions.md). */
  readonly basisVersions?: readonly BasisVersionInput[];
  /** The true-up of charges made on estimated drivers once the actuals are known (docs/versions.md). */
  readonly trueUp?: TrueUpInput;
  /**
   * In-year monitoring of one year: actuals by period and line, forecasts and
   * profiles (src/engine/monitoring, docs/monitoring.md). Absent: the model
   * has no monitoring.
   */
  readonly monitoring?: MonitoringInput;
  /**
   * Partners leaving: notice and leave dates, how each line behaves when a
   * partner leaves, and exit costs (src/engine/exits, docs/exits.md). Absent:
   * the model has no exits.
   */
  readonly exits?: ExitsInput;
  /** Disputed charges and recoveries from third parties (docs/exits.md). Absent: none. */
  readonly disputes?: readonly DisputeInput[];
}

/**
 * A cloud alternative to a capital line financed by borrowing: an ongoing
 * subscription, a one-off set-up cost and an exit cost, compared per partner
 * with the line's MRP and interest over a number of years.
 */
export interface CapitalOptionInput {
  /** A short name, e.g. "Cloud First: network". */
  readonly name: string;
  /** The capital line the cloud option replaces (its reference on the Costs table). */
  readonly line: string;
  /** The cloud subscription, in pounds a year. */
  readonly subscription: DecimalInput | null | undefined;
  /** One-off revenue set-up cost in the first year, in pounds (blank: none). */
  readonly setUp?: DecimalInput | null;
  /** One-off exit cost in the last year, in pounds (blank: none). */
  readonly exit?: DecimalInput | null;
  /** Years compared, from the year the capital is spent (blank: to the last MRP year, so every MRP year is in). */
  readonly years?: DecimalInput | null;
}

/** A support service of the model (its costs are cost lines with basis "support:<id>"). */
export interface SupportServiceRowInput {
  /** Short unique code, e.g. "ICT". It must not clash with a partner id. */
  readonly id: string;
  readonly label?: string;
}

/** How much one user (a partner or another service) draws on a support service. */
export interface SupportUsageInput {
  /** The service used. */
  readonly service: string;
  /** The user: a partner id or another support service id. */
  readonly by: string;
  /** "2021/22"; blank means every year without a year-specific value. */
  readonly year?: string | null;
  /** In the service's own measure (tickets, FTE, percent…): only the proportions matter. */
  readonly value: DecimalInput | null | undefined;
}

/** The model's support services, their usage and the method that redistributes them. */
export interface SupportInput {
  readonly services: readonly SupportServiceRowInput[];
  readonly usage: readonly SupportUsageInput[];
  /** "direct", "step-down" or "reciprocal" (blank: reciprocal, CIPFA's recommended method). */
  readonly method?: string | null;
  /** Step-down only: every service id once, the first closed first (blank: the services' order). */
  readonly order?: readonly string[] | null;
}

/** A partner's budget for the recharge: partner × financial year × capital/revenue (optionally per service). */
export interface BudgetInput {
  readonly partner: string;
  /** "2021/22". */
  readonly year: string;
  /** "capital" or "revenue". */
  readonly category: string;
  /** Blank means the budget covers every service. */
  readonly service?: string | null;
  readonly amount: DecimalInput | null | undefined;
}

/**
 * A total the user typed for a group of lines (as reported in a committee
 * paper), checked against the sum of those lines: oneSource's "£1382k"
 * against lines adding to £1,441k is the model case.
 */
export interface StatedTotalInput {
  readonly label: string;
  /** The cost line references the total is meant to cover. */
  readonly lines: readonly string[];
  /** Blank: the lines' full amounts; otherwise the amounts profiled into that year. */
  readonly year?: string | null;
  readonly amount: DecimalInput | null | undefined;
  /**
   * The unit the total was rounded to when it was reported, e.g. 1000 for
   * "£1382k" ("penny", "pound", "thousand" also accepted). The total then
   * matches when the lines' sum rounded to that unit equals it. Blank means
   * it must equal the lines to the penny.
   */
  readonly unit?: DecimalInput | null;
}

/** How far a recharge may differ from budget and still count as within it. */
export interface ToleranceInput {
  /** In pounds; blank means no £ tolerance. */
  readonly amount?: DecimalInput | null;
  /** In percent of budget; blank means no % tolerance. */
  readonly percent?: DecimalInput | null;
}

/**
 * A partner that pays part of another partner's share (see
 * {@link ModelInput.withinPartners}). Its figures are a part of the parent
 * partner's figures, not additional to them: Lewisham Homes' tickets are
 * among Lewisham's tickets, so the other partners' charges do not move.
 */
export interface WithinPartnerInput {
  readonly partner: PartnerInput;
  /** The partner whose share it sits inside, e.g. "LEW". */
  readonly within: string;
  /** Its part of the parent's driver values: driver id → value (every year). */
  readonly drivers?: Readonly<Record<string, DecimalInput>>;
  /** Its part of the parent's percentage: percentages basis id → percent. */
  readonly percentages?: Readonly<Record<string, DecimalInput>>;
}

/**
 * What the shared service actually spent in a year on one category
 * (optionally one service): the outturn, compared at year end with what the
 * partners were charged for the same year, category and service.
 */
export interface OutturnInput {
  /** "2021/22". */
  readonly year: string;
  /** "capital" or "revenue": an outturn never mixes them. */
  readonly category: string;
  /** Blank means every service. */
  readonly service?: string | null;
  /** Actual spend, in pounds. */
  readonly amount: DecimalInput | null | undefined;
}

/** How the year-end under- or overspend is shared. */
export interface YearEndInput {
  /**
   * "contributions" (default: in proportion to what each partner was charged
   * for the same year, category and service) or any basis reference
   * ("equal", "driver:users", a percentages or mix basis id).
   */
  readonly basis?: string | null;
  /** True to carry each partner's share into the following year's charges as a one-off line. */
  readonly carryForward?: boolean | null;
}

/** A support service whose cost is recharged to partners, possibly through other support services. */
export interface SupportServiceInput {
  /** Short unique code, e.g. "ICT". It must not clash with a partner id. */
  readonly id: string;
  readonly label?: string;
  /** The service's own (direct) cost, in pounds. */
  readonly cost: DecimalInput | null | undefined;
  /**
   * How much each user draws on the service, in the service's own driver
   * (tickets for ICT, FTE for HR…). A user is a partner id or another support
   * service id. A service's use of itself is ignored: it moves no cost.
   */
  readonly usage: readonly { readonly by: string; readonly value: DecimalInput | null | undefined }[];
}

/** Support services serving each other and the partners, and how to allocate them. */
export interface SupportModelInput {
  /** Partner ids: the final cost objects. */
  readonly partners: readonly string[];
  readonly services: readonly SupportServiceInput[];
  /** "direct", "step-down" or "reciprocal". */
  readonly method: string;
  /** Step-down only: every service id once, the first to be closed first. */
  readonly order?: readonly string[];
  /** Rounding unit for the partners' charges (default the penny). */
  readonly unit?: DecimalInput | null;
}

/** One change a scenario makes to the base model. Plain data, so scenarios serialise and replay exactly. */
export type ScenarioChange =
  | { readonly kind: "setAmount"; readonly line: string; readonly amount: DecimalInput }
  | { readonly kind: "setDates"; readonly line: string; readonly start?: DateInput | null; readonly end?: DateInput | null }
  | { readonly kind: "setBasis"; readonly line: string; readonly basis: string }
  | {
      readonly kind: "setDriver";
      readonly driver: string;
      readonly partner: string;
      readonly year?: string | null;
      readonly value: DecimalInput;
    }
  | {
      readonly kind: "addPartner";
      readonly partner: PartnerInput;
      /** Driver values for the new partner: driver id → value. */
      readonly drivers?: Readonly<Record<string, DecimalInput>>;
      /** Percentage bases the partner joins, basis id → percent (others are scaled down to keep 100%). */
      readonly percentages?: Readonly<Record<string, DecimalInput>>;
      /** Join inside an existing partner's share (e.g. Lewisham Homes within Lewisham) rather than as a direct customer. */
      readonly within?: string | null;
    }
  | {
      readonly kind: "removePartner";
      readonly partner: string;
      /**
       * The last day it is a member (inclusive). Blank removes it from the
       * model altogether, as if it had left before the first model year.
       */
      readonly leaves?: DateInput | null;
    }
  /**
   * A partner leaves under the exit rules (docs/exits.md): stranded lines fall
   * on the remaining partners, variable lines fall away with its share, and
   * committed contracts are paid to their end. The run of the scenario is the
   * model after the exit; the Exit statement and Harm report show it.
   */
  | {
      readonly kind: "partnerLeaves";
      readonly partner: string;
      /** The last day it is a member (inclusive). */
      readonly leaves: DateInput | null | undefined;
      /** The day it gave notice (blank: no notice period is enforced). */
      readonly notice?: DateInput | null;
    }
  | { readonly kind: "addLine"; readonly line: CostLineInput }
  /** Change how support services are redistributed (and, for step-down, the order). */
  | { readonly kind: "setSupportMethod"; readonly method: string; readonly order?: readonly string[] | null }
  /** Set one usage figure of a support service (added when there is none). */
  | {
      readonly kind: "setSupportUsage";
      readonly service: string;
      readonly by: string;
      readonly year?: string | null;
      readonly value: DecimalInput;
    }
  | { readonly kind: "removeLine"; readonly line: string }
  /**
   * Switches a line between capital and revenue (docs/capital.md). A line
   * switched to revenue drops its capital financing fields: revenue is not financed.
   */
  | { readonly kind: "setCategory"; readonly line: string; readonly category: string }
  /**
   * Sets a capital line's financing (docs/capital.md). Asset life, In use
   * from, MRP method and interest rate are those given, else the line's own,
   * except that a line no longer financed by borrowing drops its MRP method
   * and interest rate.
   */
  | {
      readonly kind: "setFinancing";
      readonly line: string;
      readonly financing: string;
      readonly assetLife?: DecimalInput | null;
      readonly inUseFrom?: DateInput | null;
      readonly mrpMethod?: string | null;
      readonly interestRate?: DecimalInput | null;
    }
  /**
   * Re-bases a percentages basis from a date (docs/versions.md): a version of
   * it valid from that day (replacing one the model has on the same day).
   */
  | {
      readonly kind: "setVersion";
      /** A percentages basis, a mix, or a driver ("driver:users" or its id). */
      readonly basis: string;
      readonly validFrom: DateInput | null | undefined;
      /** A percentages basis: partner id → percent, totalling 100 (empty for a mix or a driver). */
      readonly percentages: Readonly<Record<string, DecimalInput>>;
      /** A mix: source → weight, totalling 100. */
      readonly weights?: Readonly<Record<string, DecimalInput>>;
      /** A driver: partner id → its value from the date (every year). */
      readonly values?: Readonly<Record<string, DecimalInput>>;
    }
  /** Sets the true-up tolerance (the model's, or one basis's) and, when given, when adjustments fall (docs/versions.md). */
  | {
      readonly kind: "setTrueUpTolerance";
      readonly basis?: string | null;
      readonly points?: DecimalInput | null;
      readonly percent?: DecimalInput | null;
      readonly timing?: string | null;
    }
  | {
      readonly kind: "uplift";
      /** Percent, e.g. 20 for +20%. Applies to every line matching all the given filters. */
      readonly percent: DecimalInput;
      readonly category?: string | null;
      readonly nature?: string | null;
      readonly service?: string | null;
    };

/** A named set of changes to the base model. */
export interface ScenarioInput {
  readonly name: string;
  readonly description?: string;
  readonly changes: readonly ScenarioChange[];
}
