import { Decimal, isBlank, messageText, parseDecimal, showInput, type DecimalInput } from "./decimal";
import type { Where } from "./errors";
import { err, ok, type Result } from "./result";

/**
 * Money inside the engine is a whole number of pence held in a JS number.
 * Integers are exact in a double up to 2^53 (about £90 trillion), and every
 * input is capped at £1 trillion, so no arithmetic on pence here ever rounds.
 */
export type Pence = number;

/** The largest amount accepted anywhere: £1,000,000,000,000.00, in pence. */
export const MAX_PENCE = 100_000_000_000_000;

/** A rounding unit as a whole number of pence: 1 (penny), 100 (pound), 100000 (£000). */
export type UnitPence = number;

/** The default rounding unit: the penny. */
export const PENNY: UnitPence = 1;

/** The named rounding units: the words a user may type for each, and how outputs name it. One vocabulary for both ways. */
const UNITS: readonly { readonly pence: UnitPence; readonly words: readonly string[]; readonly name: string }[] = [
  { pence: 1, words: ["penny", "pence"], name: "the penny" },
  { pence: 100, words: ["pound", "pounds"], name: "the pound" },
  { pence: 100_000, words: ["thousand", "£000", "£000s"], name: "£000s" },
];

const UNIT_WORDS: Record<string, UnitPence> = Object.fromEntries(UNITS.flatMap((u) => u.words.map((w) => [w, u.pence])));

/** A rounding unit in words, as outputs show it: "the penny", "the pound", "£000s", or the amount (e.g. "£5.00"). */
export function unitName(unit: UnitPence): string {
  return UNITS.find((u) => u.pence === unit)?.name ?? formatMoney(unit);
}

/**
 * Reads a rounding unit: a positive amount of money that is a whole number of
 * pence (0.01, 1, 1000, …) or one of the words penny, pound, thousand, £000.
 * Blank means the penny.
 */
export function parseUnit(input: unknown, at: Where): Result<UnitPence> {
  if (isBlank(input)) return ok(PENNY);
  if (typeof input === "string") {
    const word = UNIT_WORDS[input.trim().toLowerCase()];
    if (word !== undefined) return ok(word);
  }
  const d = parseDecimal(input);
  if (d === undefined || !d.isPositive() || d.isZero()) return err({ kind: "invalidUnit", text: showInput(input), at });
  const p = d.times(100);
  if (!p.isInteger() || p.gt(MAX_PENCE)) return err({ kind: "invalidUnit", text: showInput(input), at });
  return ok(p.toNumber());
}

/**
 * Reads an amount of money exactly, as pence. Sub-penny amounts are rejected
 * rather than rounded: an input amount is the user's own figure, and quietly
 * changing public money is worse than asking them to fix it.
 */
export function parseMoney(input: DecimalInput | null | undefined, at: Where): Result<Pence> {
  const fast = plainPence(input);
  if (fast !== undefined) return ok(fast);
  if (isBlank(input)) return err({ kind: "missingValue", at });
  const d = parseDecimal(input);
  if (d === undefined) return err({ kind: "notANumber", value: showInput(input), at });
  return decimalToPence(d, at);
}

// Up to £999,999,999,999.99 with at most two decimal places, in plain notation:
// exactly representable in pence, and below MAX_PENCE, so no check can fail.
const PLAIN_MONEY = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;

/**
 * The common case of {@link parseMoney} without decimal.js: plain decimal
 * text (or a number, at its shortest round-trip text, as decimal.js reads
 * it) with at most two decimal places. Undefined for anything else (blank,
 * £ or thousands separators, exponents, sub-penny digits, −0 as a number,
 * very large amounts), which the exact path handles.
 */
function plainPence(input: unknown): Pence | undefined {
  let text: string;
  if (typeof input === "string") text = input.trim();
  else if (typeof input === "number" && input !== 0 && Number.isFinite(input)) text = String(input);
  else return undefined;
  const m = PLAIN_MONEY.exec(text);
  if (m === null) return undefined;
  const fraction = m[3] ?? "";
  const pence = Number(m[2]) * 100 + (fraction === "" ? 0 : fraction.length === 1 ? Number(fraction) * 10 : Number(fraction));
  return m[1] === "-" ? -pence : pence;
}

/** Converts an exact decimal amount to pence, rejecting sub-penny precision and oversize amounts. */
export function decimalToPence(d: Decimal, at: Where): Result<Pence> {
  const p = d.times(100);
  if (p.abs().gt(MAX_PENCE)) return err({ kind: "amountTooLarge", amount: messageText(d), at });
  if (!p.isInteger()) return err({ kind: "amountPrecision", amount: messageText(d), unit: "0.01", at });
  return ok(p.toNumber());
}

/** Checks that an amount is a whole number of the rounding unit (the documented "reject" choice). */
export function checkMultipleOfUnit(amount: Pence, unit: UnitPence, at: Where): Result<Pence> {
  if (amount % unit !== 0) {
    return err({ kind: "amountPrecision", amount: penceToText(amount), unit: penceToText(unit), at });
  }
  return ok(amount);
}

/** Pence as plain decimal text with two places: 123456 → "1234.56", −5 → "-0.05". */
export function penceToText(p: Pence): string {
  const neg = p < 0;
  const abs = Math.abs(p);
  const pounds = Math.floor(abs / 100);
  const pennies = abs % 100;
  return `${neg ? "-" : ""}${pounds}.${pennies.toString().padStart(2, "0")}`;
}

/** Pence as the nearest JS number of pounds, for writing to a cell (exact to the penny when shown to 2 dp). */
export function penceToNumber(p: Pence): number {
  return p / 100;
}

/** Pence as an exact Decimal of pounds. */
export function penceToDecimal(p: Pence): Decimal {
  return new Decimal(p).div(100);
}

/** Formats pence the en-GB way: 123456 → "£1,234.56", −5 → "−£0.05". */
export function formatMoney(p: Pence): string {
  const abs = Math.abs(p);
  const pennies = abs % 100;
  let pounds = Math.floor(abs / 100);
  // Group thousands by arithmetic: this runs once per trace row, so it avoids a regex.
  let grouped = "";
  while (pounds >= 1000) {
    grouped = `,${String(pounds % 1000).padStart(3, "0")}${grouped}`;
    pounds = Math.floor(pounds / 1000);
  }
  grouped = `${pounds}${grouped}`;
  return `${p < 0 ? "-" : ""}£${grouped}.${pennies < 10 ? "0" : ""}${pennies}`;
}
