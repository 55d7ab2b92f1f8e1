import { isoDate, parseDate, type DayNumber } from "../dates";
import { isBlank, messageText, parseDecimal, showInput, type Decimal } from "../decimal";
import type { EngineError, Where } from "../errors";
import { fyOfDay, type FinancialYear } from "../financial-year";
import type { CostLineInput } from "../model";
import { parseMoney, penceToText, type Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { parseChoice, parseNonNegative } from "../parse-helpers";

/** How a capital line is paid for. Only borrowing is repaid through MRP and bears interest. */
export type Financing = "borrowing" | "revenue contribution" | "capital receipts" | "grant";

/** The financing sources, in display order. */
export const FINANCING: readonly Financing[] = ["borrowing", "revenue contribution", "capital receipts", "grant"];

/** The asset-life MRP methods: equal instalments (straight line) or annuity at the interest rate. */
export type MrpMethod = "equal instalments" | "annuity";

/** The MRP methods, in display order; blank means the first. */
export const MRP_METHODS: readonly MrpMethod[] = ["equal instalments", "annuity"];

/** The longest asset life accepted, in years (ICT is typically 3 to 7). */
export const MAX_ASSET_LIFE = 60;

/** The capital financing fields of a cost line, as their column keys (also the engine's field names). */
export const CAPITAL_FIELDS = ["financing", "assetLife", "inUseFrom", "mrpMethod", "interestRate"] as const;

/** The column headings of {@link CAPITAL_FIELDS}, for messages. */
export const CAPITAL_FIELD_NAMES: Readonly<Record<(typeof CAPITAL_FIELDS)[number], string>> = {
  financing: "Financing",
  assetLife: "Asset life",
  inUseFrom: "In use from",
  mrpMethod: "MRP method",
  interestRate: "Interest rate",
};

/** A capital line with financing, checked. */
export interface CapitalLine {
  readonly ref: string;
  readonly description: string;
  /** The capital spent, in pence (never negative). */
  readonly amount: Pence;
  readonly financing: Financing;
  /** The day the capital is spent (the line's Start). */
  readonly spent: DayNumber;
  /** The financial year the capital is spent in. */
  readonly spendYear: FinancialYear;
  /** The day the asset comes into use. */
  readonly inUse: DayNumber;
  /** Whole years; undefined when not given (only borrowing needs it). */
  readonly life: number | undefined;
  /** Borrowing only. */
  readonly method: MrpMethod | undefined;
  /** Borrowing only: the interest rate as a fraction of one (4.5% → 0.045). */
  readonly rate: Decimal | undefined;
  /** Borrowing only: the first financial year of MRP (the year after the asset comes into use). */
  readonly firstMrpYear: FinancialYear | undefined;
}

function fieldSet(line: CostLineInput, field: (typeof CAPITAL_FIELDS)[number]): boolean {
  return !isBlank(line[field]);
}

/** True when the line has any capital financing field filled in. */
export function hasCapitalFields(line: CostLineInput): boolean {
  return CAPITAL_FIELDS.some((f) => fieldSet(line, f));
}

/**
 * Checks a cost line's capital financing fields. Undefined when the line has
 * none (it is not in the capital financing report); errors name the line and
 * the field. `category` and `nature` are the line's own, already checked by
 * the model's validation (so they are not reported twice here).
 */
export function readCapitalLine(line: CostLineInput, index: number): Result<CapitalLine | undefined> {
  const at = (field: string): Where => ({ entity: "costLine", key: line.ref, field, index });
  const errors: EngineError[] = [];
  const category = String(line.category ?? "")
    .trim()
    .toLowerCase();
  if (category === "revenue") {
    for (const f of CAPITAL_FIELDS)
      if (fieldSet(line, f)) errors.push({ kind: "capitalFieldOnRevenue", field: CAPITAL_FIELD_NAMES[f], at: at(f) });
    return errors.length > 0 ? errs(errors) : ok(undefined);
  }
  if (category !== "capital" || !hasCapitalFields(line)) return ok(undefined);
  if (
    String(line.nature ?? "")
      .trim()
      .toLowerCase() !== "one-off" &&
    String(line.nature ?? "")
      .trim()
      .toLowerCase() !== "one off"
  )
    return errs([{ kind: "capitalFinancingOngoing", at: at("nature") }]);

  const financing = isBlank(line.financing)
    ? errs([
        {
          kind: "capitalNeeds",
          what: "Financing (borrowing, revenue contribution, capital receipts or grant)",
          financing: "an unstated source",
          at: at("financing"),
        },
      ])
    : parseChoice(line.financing, FINANCING, at("financing"));
  const amount = parseMoney(line.amount, at("amount"));
  const spent = parseDate(line.start, at("start"));
  const inUse = isBlank(line.inUseFrom) ? spent : parseDate(line.inUseFrom, at("inUseFrom"));
  for (const r of [financing, amount, spent, inUse]) if (!r.ok) errors.push(...r.errors);
  if (amount.ok && amount.value < 0) errors.push({ kind: "negativeValue", value: penceToText(amount.value), at: at("amount") });
  if (spent.ok && inUse.ok && inUse.value < spent.value)
    errors.push({ kind: "inUseBeforeSpend", inUse: isoDate(inUse.value), start: isoDate(spent.value), at: at("inUseFrom") });

  const life = readLife(line, at("assetLife"), errors);
  const source = financing.ok ? financing.value : undefined;
  let method: MrpMethod | undefined;
  let rate: Decimal | undefined;
  if (source === "borrowing") {
    if (life === undefined && isBlank(line.assetLife))
      errors.push({ kind: "capitalNeeds", what: "Asset life (whole years)", financing: source, at: at("assetLife") });
    if (!isBlank(line.mrpMethod)) {
      const m = parseChoice(line.mrpMethod, MRP_METHODS, at("mrpMethod"));
      if (m.ok) method = m.value;
      else errors.push(...m.errors);
    } else method = "equal instalments";
    if (isBlank(line.interestRate))
      errors.push({
        kind: "capitalNeeds",
        what: "Interest rate (0 if the borrowing bears none)",
        financing: source,
        at: at("interestRate"),
      });
    else {
      const r = parseNonNegative(line.interestRate, at("interestRate"));
      if (!r.ok) errors.push(...r.errors);
      else if (r.value.gt(100))
        errors.push({ kind: "outOfRange", value: messageText(r.value), expected: "a percentage from 0 to 100", at: at("interestRate") });
      else rate = r.value.div(100);
    }
  } else if (source !== undefined) {
    for (const f of ["mrpMethod", "interestRate"] as const)
      if (fieldSet(line, f)) errors.push({ kind: "notBorrowing", field: CAPITAL_FIELD_NAMES[f], financing: source, at: at(f) });
  }
  if (errors.length > 0 || !financing.ok || !amount.ok || !spent.ok || !inUse.ok) return errs(errors);
  const borrowing = financing.value === "borrowing";
  return ok({
    ref: line.ref,
    description: line.description ?? "",
    amount: amount.value,
    financing: financing.value,
    spent: spent.value,
    spendYear: fyOfDay(spent.value),
    inUse: inUse.value,
    life,
    method: borrowing ? method : undefined,
    rate: borrowing ? rate : undefined,
    firstMrpYear: borrowing ? fyOfDay(inUse.value) + 1 : undefined,
  });
}

function readLife(line: CostLineInput, at: Where, errors: EngineError[]): number | undefined {
  if (isBlank(line.assetLife)) return undefined;
  const d = parseDecimal(line.assetLife);
  if (d === undefined) {
    errors.push({ kind: "notANumber", value: showInput(line.assetLife), at });
    return undefined;
  }
  if (!d.isInteger() || d.lt(1) || d.gt(MAX_ASSET_LIFE)) {
    errors.push({ kind: "outOfRange", value: messageText(d), expected: `a whole number of years from 1 to ${MAX_ASSET_LIFE}`, at });
    return undefined;
  }
  return d.toNumber();
}
