import type { DecimalInput } from "../decimal";

/**
 * In-year monitoring of one financial year (docs/monitoring.md): the ledger's
 * actuals by period and cost line, forecasts for the periods still to come,
 * and budget profiles. Absent from a model: it has no monitoring.
 */
export interface MonitoringInput {
  /** The year monitored, e.g. "2020/21"; blank: the model's first year. */
  readonly year?: string | null;
  /** The last period with actuals (1–12); blank: the latest period any actual is in. */
  readonly toPeriod?: DecimalInput | null;
  /** Actual spend by period and cost line, as imported from the ledger or typed. */
  readonly actuals?: readonly ActualInput[];
  /** Forecast spend for periods after `toPeriod`; a line and period with none forecasts its remaining profile. */
  readonly forecasts?: readonly ForecastInput[];
  /** Seasonal profiles: a line with rows here is profiled by their weights rather than evenly. */
  readonly profiles?: readonly ProfileInput[];
  /** Cost centre and account patterns → cost line, for importing a ledger export. */
  readonly mapping?: readonly MappingInput[];
  /** How a usage export (tickets) is counted into a driver: requester rules, categories left out, adjustments. */
  readonly usage?: UsageSettingsInput;
  /** Driver counts imported from a usage export, per partner and period, shown beside the model's estimates. */
  readonly driverActuals?: readonly DriverActualInput[];
}

/** How a usage export is counted. */
export interface UsageSettingsInput {
  /** The driver the counts are actuals of (e.g. "tickets"). */
  readonly driver: string;
  /** Requester patterns ("Lewisham*") → partner id, for requesters that are not a partner's id or name. */
  readonly requesters?: readonly { readonly pattern: string; readonly partner: string }[];
  /** Categories left out (non-ICT work logged on the ICT tool). */
  readonly excludeCategories?: readonly string[];
  /** Changes to the counts, each with its reason. */
  readonly adjustments?: readonly {
    readonly partner: string;
    readonly period?: DecimalInput | null;
    readonly amount: DecimalInput;
    readonly reason: string;
  }[];
}

/** One partner's count of a driver in one period, from a usage export. */
export interface DriverActualInput {
  readonly driver: string;
  readonly partner: string;
  readonly period: DecimalInput;
  readonly count: DecimalInput;
  readonly source?: string | null;
}

/** A Mapping table row: exact codes, prefixes ending "*", or blank for any. */
export interface MappingInput {
  readonly costCentre?: string | null;
  readonly account?: string | null;
  readonly line: string;
}

/** One period's actual spend on a cost line. */
export interface ActualInput {
  /** 1–12, April is 1. */
  readonly period: DecimalInput | null | undefined;
  /** The cost line's reference. */
  readonly line: string;
  /** In pounds; negative for a credit. */
  readonly amount: DecimalInput | null | undefined;
  /** Where it came from: a file name and its SHA-256, or "typed". */
  readonly source?: string | null;
}

/** A forecast of one later period's spend on a cost line. */
export interface ForecastInput {
  readonly period: DecimalInput | null | undefined;
  readonly line: string;
  readonly amount: DecimalInput | null | undefined;
  /** Why the forecast differs from the profile (kept with the figure). */
  readonly note?: string | null;
}

/** One period's weight in a line's seasonal profile (percentages, days, any non-negative numbers). */
export interface ProfileInput {
  readonly line: string;
  readonly period: DecimalInput | null | undefined;
  readonly weight: DecimalInput | null | undefined;
}
