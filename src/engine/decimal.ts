import DecimalJs from "decimal.js";

/**
 * The engine's own Decimal constructor: high precision and half-up rounding,
 * cloned so that no other code changing decimal.js's global settings can
 * change our arithmetic.
 */
export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });

/** An instance of the engine's Decimal. */
export type Decimal = DecimalJs;

/** A number as it arrives from a cell, a JSON file or a user: a JS number or decimal text. */
export type DecimalInput = number | string;

// Plain decimal text, optionally with a leading £ and UK thousands separators.
const PLAIN = /^[-+]?£?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
const GROUPED = /^[-+]?£?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Reads a number exactly. A JS number is taken at its shortest round-trip
 * decimal form (so the double nearest 0.1 reads as 0.1, which is what the
 * user typed into the cell); text must be plain decimal notation.
 * Returns `undefined` for anything that is not a finite number.
 */
export function parseDecimal(input: unknown): Decimal | undefined {
  if (typeof input === "number") {
    return Number.isFinite(input) ? new Decimal(input) : undefined;
  }
  if (typeof input === "bigint") return new Decimal(input.toString());
  if (typeof input !== "string") return undefined;
  const text = input.trim();
  if (!PLAIN.test(text) && !GROUPED.test(text)) return undefined;
  return new Decimal(text.replace(/[£,]/g, ""));
}

/** True when a cell-like value is empty: undefined, null or blank text. */
export function isBlank(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === "string" && input.trim() === "");
}

/** Shows an input value in a message without guessing at its meaning. */
export function showInput(input: unknown): string {
  if (typeof input === "string") return input;
  if (typeof input === "number" || typeof input === "boolean" || typeof input === "bigint") return String(input);
  if (input === null || input === undefined) return "(blank)";
  return JSON.stringify(input) ?? String(input);
}

/** Splits a decimal into an integer numerator and a power-of-ten scale: 12.5 → [125n, 1]. */
export function toScaledBigInt(d: Decimal): { readonly int: bigint; readonly scale: number } {
  const dp = d.decimalPlaces();
  // toFixed() writes every digit in plain notation with exactly `dp` places: drop the point.
  const text = d.toFixed();
  return { int: BigInt(dp === 0 ? text : text.replace(".", "")), scale: dp };
}

/**
 * A decimal as text for a message: plain notation while that is short, else
 * 15 significant digits ("1e+9999999" must not become ten million zeros).
 */
export function messageText(d: Decimal): string {
  return d.decimalPlaces() <= 20 && d.abs().lt(1e20) ? d.toFixed() : d.toSignificantDigits(15).toString();
}
