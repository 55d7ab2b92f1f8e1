import { isBlank, messageText, parseDecimal, showInput, type Decimal } from "./decimal";
import type { Where } from "./errors";
import { errs, ok, type Result } from "./result";
import { checkFigureSize } from "./validate-limits";

// The small readers every part of validation shares. They live apart from validate.ts so that the
// support and budget modules can use them without importing the model validator (an import loop).

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Normalises a choice typed by a person: case, spaces and hyphens don't matter. */
function norm(text: unknown): string {
  if (typeof text !== "string") return "";
  // Models repeat a handful of words thousands of times: remember them (a bounded cache).
  let n = NORMALISED.get(text);
  if (n === undefined) {
    n = text
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, "");
    if (NORMALISED.size >= 1000) NORMALISED.clear();
    NORMALISED.set(text, n);
  }
  return n;
}
const NORMALISED = new Map<string, string>();

/** Reads one of a fixed set of words, forgiving case and hyphenation ("One off" → "one-off"). */
export function parseChoice<T extends string>(input: unknown, allowed: readonly T[], at: Where): Result<T> {
  const wanted = norm(input);
  const found = allowed.find((a) => norm(a) === wanted);
  if (found !== undefined) return { ok: true, value: found };
  if (isBlank(input)) return errs([{ kind: "missingValue", at }]);
  return errs([{ kind: "invalidChoice", value: showInput(input), allowed, at }]);
}

/** Reads a non-negative decimal (a driver value, a percentage, a weight). */
export function parseNonNegative(input: unknown, at: Where): Result<Decimal> {
  if (isBlank(input)) return errs([{ kind: "missingValue", at }]);
  const d = parseDecimal(input);
  if (d === undefined) return errs([{ kind: "notANumber", value: showInput(input), at }]);
  if (d.isNegative() && !d.isZero()) return errs([{ kind: "negativeValue", value: messageText(d), at }]);
  const size = checkFigureSize(d, at);
  if (size.length > 0) return errs(size);
  return ok(d.abs());
}
