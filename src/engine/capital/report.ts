import type { ChargeRow } from "../budget/charge-rows";
import { isoDate } from "../dates";
import { isBlank, messageText, parseDecimal, showInput, type Decimal } from "../decimal";
import type { EngineError } from "../errors";
import { fyLabel, type FinancialYear } from "../financial-year";
import type { CapitalOptionInput, CostLineInput, SettingsInput } from "../model";
import type { Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { readCapitalLine, type CapitalLine, type Financing, type MrpMethod } from "./financing";
import { appraiseOption, type OptionAppraisal } from "./options";
import { lineSchedule, type LineSchedule } from "./schedule";

/** One financed capital line as the report shows it. */
export interface FinancedLine {
  readonly ref: string;
  readonly description: string;
  readonly amount: Pence;
  readonly financing: Financing;
  /** ISO dates. */
  readonly spent: string;
  readonly inUseFrom: string;
  readonly spendYear: string;
  readonly life?: number;
  readonly method?: MrpMethod;
  /** Percent, e.g. "4.5". */
  readonly interestRate?: string;
  /** The first MRP year, e.g. "2025/26" (borrowing only). */
  readonly firstMrpYear?: string;
  /** Each partner's share of the capital (from the line's allocation), sorted by partner id. */
  readonly shares: readonly { readonly partner: string; readonly share: Pence }[];
  /** False when the line falls outside the model's years, so no partner is charged it and nothing is scheduled. */
  readonly shared: boolean;
  /** Borrowing only: the MRP and interest schedule. */
  readonly schedule?: LineSchedule;
}

/** One partner's revenue consequences of capital in one financial year. */
export interface RevenueYear {
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly mrp: Pence;
  readonly interest: Pence;
  /** Capital financed from revenue, charged to revenue in the year it is spent. */
  readonly revenueContribution: Pence;
  readonly total: Pence;
}

/** One partner's revenue consequences of the model's financed capital, year by year. */
export interface PartnerRevenue {
  readonly partner: string;
  /** Aligned with {@link CapitalFinancingReport.years}. */
  readonly years: readonly RevenueYear[];
  readonly mrp: Pence;
  readonly interest: Pence;
  readonly revenueContribution: Pence;
  readonly total: Pence;
  /** Its share of the capital financed by borrowing (its MRP adds up exactly to this). */
  readonly borrowed: Pence;
}

/** Capital financing and the capital-versus-cloud options, per partner (docs/capital.md). */
export interface CapitalFinancingReport {
  readonly lines: readonly FinancedLine[];
  /** Every year with a revenue consequence, in order: the model's years and beyond. */
  readonly years: readonly FinancialYear[];
  readonly partners: readonly PartnerRevenue[];
  readonly options: readonly OptionAppraisal[];
  /** The discount rate in percent, when one is set. */
  readonly discountRate?: string;
}

/** The capital lines, settings and options the report reads from a model (a scenario's, after its changes). */
export interface CapitalFinancingInput {
  readonly costLines: readonly CostLineInput[];
  readonly settings: SettingsInput;
  readonly capitalOptions?: readonly CapitalOptionInput[];
}

/** True when a model has anything for the capital financing report: a financed line or an option. */
export function hasCapitalFinancing(model: CapitalFinancingInput): boolean {
  return (
    (model.capitalOptions?.length ?? 0) > 0 ||
    model.costLines.some((l) =>
      ["financing", "assetLife", "inUseFrom", "mrpMethod", "interestRate"].some((f) => !isBlank(l[f as keyof CostLineInput])),
    )
  );
}

function readRate(settings: SettingsInput, errors: EngineError[]): Decimal | undefined {
  if (isBlank(settings.discountRate)) return undefined;
  const at = { entity: "settings", field: "discountRate" } as const;
  const d = parseDecimal(settings.discountRate);
  if (d === undefined) errors.push({ kind: "notANumber", value: showInput(settings.discountRate), at });
  else if (d.isNegative() || d.gt(100))
    errors.push({ kind: "outOfRange", value: messageText(d), expected: "a percentage from 0 to 100", at });
  else return d;
  return undefined;
}

/**
 * The capital financing report of a model and the charges its allocation
 * produced (after partners within others are carved out, so each pays for
 * its own share):
 * each financed capital line's shares (from the allocation), the MRP and
 * interest schedule of each borrowing-financed line, each partner's revenue
 * consequences by year, and the capital-versus-cloud options. Every bad
 * value is reported at once, located at its line, option or setting.
 */
export function capitalFinancing(
  model: CapitalFinancingInput,
  charges: readonly Pick<ChargeRow, "lineRef" | "partner" | "amount">[],
): Result<CapitalFinancingReport> {
  const errors: EngineError[] = [];
  const capital: CapitalLine[] = [];
  model.costLines.forEach((l, i) => {
    const r = readCapitalLine(l, i + 1);
    if (!r.ok) errors.push(...r.errors);
    else if (r.value !== undefined) capital.push(r.value);
  });
  const ratePercent = readRate(model.settings, errors);
  if (errors.length > 0) return errs(errors);

  const shareMap = new Map<string, Map<string, Pence>>();
  for (const c of charges) {
    let m = shareMap.get(c.lineRef);
    if (m === undefined) shareMap.set(c.lineRef, (m = new Map()));
    m.set(c.partner, (m.get(c.partner) ?? 0) + c.amount);
  }
  const lines: FinancedLine[] = [];
  const byRef = new Map<string, { line: CapitalLine; schedule?: LineSchedule }>();
  for (const line of capital) {
    const m = shareMap.get(line.ref);
    const shares =
      m === undefined
        ? []
        : [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([partner, share]) => ({ partner, share }));
    const shared = shares.length > 0 && shares.reduce((a, s) => a + s.share, 0) === line.amount;
    const schedule =
      line.financing === "borrowing" && shared
        ? lineSchedule(
            line,
            shares.map((s) => s.partner),
            shares.map((s) => s.share),
          )
        : undefined;
    byRef.set(line.ref, schedule === undefined ? { line } : { line, schedule });
    lines.push({
      ref: line.ref,
      description: line.description,
      amount: line.amount,
      financing: line.financing,
      spent: isoDate(line.spent),
      inUseFrom: isoDate(line.inUse),
      spendYear: fyLabel(line.spendYear),
      ...(line.life === undefined ? {} : { life: line.life }),
      ...(line.method === undefined ? {} : { method: line.method }),
      ...(line.rate === undefined ? {} : { interestRate: messageText(line.rate.times(100)) }),
      ...(line.firstMrpYear === undefined ? {} : { firstMrpYear: fyLabel(line.firstMrpYear) }),
      shares,
      shared,
      ...(schedule === undefined ? {} : { schedule }),
    });
  }

  const options: OptionAppraisal[] = [];
  const rate = ratePercent?.div(100);
  const rateText = ratePercent === undefined ? undefined : messageText(ratePercent);
  const known = new Set(model.costLines.map((l) => String(l.ref ?? "").trim()));
  (model.capitalOptions ?? []).forEach((o, i) => {
    const r = appraiseOption(o, i + 1, byRef, rate, rateText, known);
    if (!r.ok) errors.push(...r.errors);
    else options.push(r.value);
  });
  if (errors.length > 0) return errs(errors);

  const { years, partners } = revenueByPartner(lines, byRef);
  return ok({ lines, years, partners, options, ...(rateText === undefined ? {} : { discountRate: rateText }) });
}

function revenueByPartner(
  lines: readonly FinancedLine[],
  byRef: ReadonlyMap<string, { line: CapitalLine; schedule?: LineSchedule }>,
): { years: FinancialYear[]; partners: PartnerRevenue[] } {
  type Cell = { mrp: number; interest: number; rc: number };
  const cells = new Map<string, Map<FinancialYear, Cell>>();
  const borrowed = new Map<string, number>();
  const cell = (partner: string, year: FinancialYear): Cell => {
    let m = cells.get(partner);
    if (m === undefined) cells.set(partner, (m = new Map()));
    let c = m.get(year);
    if (c === undefined) m.set(year, (c = { mrp: 0, interest: 0, rc: 0 }));
    return c;
  };
  for (const l of lines) {
    if (!l.shared) continue;
    const { line, schedule } = byRef.get(l.ref) as { line: CapitalLine; schedule?: LineSchedule };
    if (line.financing === "revenue contribution") for (const s of l.shares) cell(s.partner, line.spendYear).rc += s.share;
    if (schedule === undefined) continue;
    for (const p of schedule.partners) {
      borrowed.set(p.partner, (borrowed.get(p.partner) ?? 0) + p.share);
      schedule.years.forEach((y, k) => {
        const c = cell(p.partner, y.year);
        c.mrp += p.mrp[k] as number;
        c.interest += p.interest[k] as number;
      });
    }
  }
  const all = [...cells.values()].flatMap((m) => [...m.keys()]);
  if (all.length === 0) return { years: [], partners: [] };
  const first = Math.min(...all);
  const last = Math.max(...all);
  const years: FinancialYear[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  const partners = [...cells.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((partner) => {
      const m = cells.get(partner) as Map<FinancialYear, Cell>;
      const rows: RevenueYear[] = years.map((year) => {
        const c = m.get(year) ?? { mrp: 0, interest: 0, rc: 0 };
        return {
          year,
          yearLabel: fyLabel(year),
          mrp: c.mrp,
          interest: c.interest,
          revenueContribution: c.rc,
          total: c.mrp + c.interest + c.rc,
        };
      });
      const sum = (f: (r: RevenueYear) => number): number => rows.reduce((a, r) => a + f(r), 0);
      return {
        partner,
        years: rows,
        mrp: sum((r) => r.mrp),
        interest: sum((r) => r.interest),
        revenueContribution: sum((r) => r.revenueContribution),
        total: sum((r) => r.total),
        borrowed: borrowed.get(partner) ?? 0,
      };
    });
  return { years, partners };
}
