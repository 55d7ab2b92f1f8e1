import type { BasisRef } from "./bases/registry";
import type { DayNumber } from "./dates";
import type { Decimal } from "./decimal";
import type { FinancialYear } from "./financial-year";
import type { Fraction } from "./fraction";
import type { UnitPence, Pence } from "./money";
import type { Category, Nature } from "./model";
import type { ProRataBasis } from "./pro-rata";
import type { PreparedSupportModel } from "./support/support-types";

/** A basis reference after validation (each kind's own, declared with its descriptor in bases/). */
export type { BasisRef };

/** A validated partner. */
export interface Partner {
  readonly id: string;
  readonly name: string;
  readonly host: boolean;
  /** First day of membership (inclusive); undefined: always a member. */
  readonly joins?: DayNumber;
  /** Last day of membership (inclusive); undefined: never leaves. */
  readonly leaves?: DayNumber;
}

/** A validated driver: values by year (`undefined` key = every year). */
export interface Driver {
  readonly id: string;
  readonly label: string;
  readonly illustrative: boolean;
  readonly byYear: ReadonlyMap<FinancialYear | undefined, ReadonlyMap<string, Decimal>>;
}

/** A validated mix component. */
export interface MixComponent {
  readonly source: BasisRef;
  readonly sourceText: string;
  /** Percent. */
  readonly weight: Decimal;
}

/** A validated cost line. */
export interface Line {
  readonly ref: string;
  /** 1-based position in the input list, so errors found later still point at the right row. */
  readonly row: number;
  readonly description: string;
  readonly service: string;
  readonly category: Category;
  readonly nature: Nature;
  /** One-off: the cost; ongoing: the annual charge. */
  readonly amount: Pence;
  readonly start: DayNumber;
  readonly end: DayNumber | undefined;
  readonly basis: BasisRef;
  readonly basisText: string;
  /** Partners sharing this line, sorted by id. */
  readonly partners: readonly string[];
  /** Annual indexation as a fraction (0.03 for 3%), or zero. */
  readonly indexRate: Fraction;
  readonly indexRateText: string;
  readonly indexBase: FinancialYear;
  /** Where a carried-forward line came from (see `CostLineInput.settlement`). */
  readonly settlement?: string;
}

/** The recorded settings a result was produced under. */
export interface Settings {
  readonly firstYear: FinancialYear;
  readonly lastYear: FinancialYear;
  readonly unit: UnitPence;
  readonly proRata: ProRataBasis;
  readonly zeroDriverFallback: "error" | "equal";
}

/** A model that has passed validation: every reference resolves, every number is exact. */
export interface PreparedModel {
  /** Sorted by id: the engine's canonical order, so input order never changes a result. */
  readonly partners: readonly Partner[];
  readonly drivers: ReadonlyMap<string, Driver>;
  readonly percentages: ReadonlyMap<string, ReadonlyMap<string, Decimal>>;
  readonly mixes: ReadonlyMap<string, readonly MixComponent[]>;
  /** Sorted by reference. */
  readonly lines: readonly Line[];
  readonly settings: Settings;
  /** The support services, when the model has any. */
  readonly support?: PreparedSupportModel;
  /** Dated versions of bases and drivers, actual drivers and the true-up rule, when the model has any (docs/versions.md). */
  readonly versions?: PreparedVersions;
}

/** A percentages basis as re-based from a date. */
export interface DatedShares {
  readonly from: DayNumber;
  readonly shares: ReadonlyMap<string, Decimal>;
}

/** A mix as re-weighted from a date. */
export interface DatedMix {
  readonly from: DayNumber;
  readonly components: readonly MixComponent[];
}

/** Driver values that hold from a date, by year (`undefined` key = every year) and partner. */
export interface DatedDriverValues {
  readonly from: DayNumber;
  readonly byYear: ReadonlyMap<FinancialYear | undefined, ReadonlyMap<string, Decimal>>;
}

/** A true-up tolerance: percentage points of a share, relative percent of it, or both (a move must be within both). */
export interface TrueUpTolerance {
  readonly points?: Decimal;
  readonly percent?: Decimal;
}

/** When a true-up adjustment falls. */
export type TrueUpTiming = "same year" | "next year";

/** The validated true-up rule. */
export interface TrueUpRule {
  readonly tolerance: TrueUpTolerance;
  /** By basis reference as the lines write it ("driver:users", "HR split"): its tolerance and timing, each the model's if not given. */
  readonly byBasis: ReadonlyMap<string, { readonly tolerance: TrueUpTolerance; readonly timing: TrueUpTiming }>;
  readonly timing: TrueUpTiming;
}

/** The model's dated versions and actual drivers, validated (docs/versions.md). */
export interface PreparedVersions {
  /** Later versions of percentages bases, by basis id, in date order (the basis's own figures hold before the first). */
  readonly percentages: ReadonlyMap<string, readonly DatedShares[]>;
  /** Later versions of mixes, by basis id, in date order. */
  readonly mixes: ReadonlyMap<string, readonly DatedMix[]>;
  /** Dated driver values, by driver id, in date order. */
  readonly drivers: ReadonlyMap<string, readonly DatedDriverValues[]>;
  /** Actual driver values: driver id → year → partner → value. */
  readonly actuals: ReadonlyMap<string, ReadonlyMap<FinancialYear, ReadonlyMap<string, Decimal>>>;
  readonly trueUp: TrueUpRule;
}
