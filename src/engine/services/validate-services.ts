import { isBlank, showInput, type Decimal } from "../decimal";
import type { EngineError, Where } from "../errors";
import { fyLabel, parseFinancialYear, type FinancialYear } from "../financial-year";
import { parseNonNegative } from "../parse-helpers";
import type { PartnerServiceInput } from "./input";

/** One service line of a validated PartnerServices table. */
export interface ServiceLineDef {
  readonly service: string;
  readonly heading: string;
  /** "" when not coded. */
  readonly costCentre: string;
  readonly value: Decimal;
  /** Its 1-based position in the table (for locating it). */
  readonly index: number;
}

/** The service lines of one partner for one year (or for every year). */
export interface ServiceList {
  readonly lines: readonly ServiceLineDef[];
  /** What the basis values count ("" when not stated). */
  readonly measure: string;
}

/** Partner → year (undefined: every year) → its service list, in input order. */
export type PreparedServices = ReadonlyMap<string, ReadonlyMap<FinancialYear | undefined, ServiceList>>;

const trimmed = (v: unknown): string => (typeof v === "string" ? v.trim() : isBlank(v) ? "" : showInput(v).trim());

/**
 * Checks the PartnerServices rows, reporting every problem at once: a known
 * partner (ids are case-sensitive; a near miss is suggested), a financial
 * year if any, a service name and a heading, a basis value of zero or more,
 * each service once per partner and year, and one measure per partner and
 * year. Returns undefined (with the problems added) when anything is wrong.
 */
export function validatePartnerServices(
  rows: readonly PartnerServiceInput[],
  partnerIds: ReadonlySet<string>,
  add: (e: EngineError) => void,
): PreparedServices | undefined {
  let bad = false;
  const report = (e: EngineError): void => {
    bad = true;
    add(e);
  };
  const lower = new Map([...partnerIds].map((id) => [id.toLowerCase(), id]));
  const out = new Map<string, Map<FinancialYear | undefined, { lines: ServiceLineDef[]; measures: Map<string, string> }>>();
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const index = i + 1;
    const partner = trimmed(r.partner);
    const at = (field: string): Where => ({ entity: "partnerService", index, field, ...(partner === "" ? {} : { partner }) });
    let rowBad = false;
    const fail = (e: EngineError): void => {
      rowBad = true;
      report(e);
    };
    if (partner === "") fail({ kind: "missingValue", at: at("partner") });
    else if (!partnerIds.has(partner)) {
      const similar = lower.get(partner.toLowerCase());
      fail({ kind: "unknownPartner", partner, ...(similar === undefined ? {} : { similar }), at: at("partner") });
    }
    let year: FinancialYear | undefined;
    if (!isBlank(r.year)) {
      const y = parseFinancialYear(r.year, at("year"));
      if (y.ok) year = y.value;
      else y.errors.forEach(fail);
    }
    const service = trimmed(r.service);
    if (service === "") fail({ kind: "missingValue", at: at("service") });
    const heading = trimmed(r.heading);
    if (heading === "") fail({ kind: "missingValue", at: at("heading") });
    const value = parseNonNegative(r.value, at("value"));
    if (!value.ok) value.errors.forEach(fail);
    if (rowBad || !value.ok) return;
    const yearText = year === undefined ? "" : fyLabel(year);
    // Service names are compared ignoring case and spacing: "Housing" and "housing " are one service.
    const key = `${partner}\u0000${yearText}\u0000${service.toLowerCase().replace(/\s+/g, " ")}`;
    const first = seen.get(key);
    if (first !== undefined) return report({ kind: "duplicateServiceLine", partner, service, year: yearText, first, at: at("service") });
    seen.set(key, index);
    const byYear = out.get(partner) ?? new Map<FinancialYear | undefined, { lines: ServiceLineDef[]; measures: Map<string, string> }>();
    out.set(partner, byYear);
    const list = byYear.get(year) ?? { lines: [], measures: new Map<string, string>() };
    byYear.set(year, list);
    const measure = trimmed(r.measure);
    if (measure !== "" && !list.measures.has(measure.toLowerCase())) {
      list.measures.set(measure.toLowerCase(), measure);
      if (list.measures.size === 2)
        report({ kind: "mixedMeasures", partner, year: yearText, measures: [...list.measures.values()], at: at("measure") });
    }
    list.lines.push({ service, heading, costCentre: trimmed(r.costCentre), value: value.value, index });
  });
  if (bad) return undefined;
  return new Map(
    [...out].map(([partner, byYear]) => [
      partner,
      new Map([...byYear].map(([year, l]) => [year, { lines: l.lines, measure: [...l.measures.values()][0] ?? "" }])),
    ]),
  );
}
