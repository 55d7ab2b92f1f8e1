import { Decimal, isBlank, messageText, parseDecimal, showInput } from "./decimal";
import type { EngineError, Where } from "./errors";
import { errs, ok, type Result } from "./result";

// The small readers every part of validation shares. They live apart from validate.ts so that the
// support and budget modules can use them without importing the model validator (an import loop).

/** The largest driver value, percentage or weight: 10^15 (Excel keeps 15 significant digits). */
const MAX_FIGURE = new Decimal("1e15");
/** The smallest non-zero one: below every number a cell can hold (the least double is about 4.9e-324). */
const MIN_FIGURE = new Decimal("1e-324");
/**
 * The most significant digits. A cell's double needs at most 17 for its
 * shortest round-trip text; a scenario that rescales percentages exactly
 * (40 × 0.92, or × 100/95) adds a few more, so the bound leaves room for them
 * while still keeping every exact weight a small integer.
 */
const MAX_FIGURE_DIGITS = 40;

/**
 * A driver value, percentage or weight must lie between 10^-324 and 10^15 (or
 * be zero) with at most 40 significant digits. Every number a cell can hold
 * passes: a formula such as =1/3 reads as the double's shortest round-trip
 * decimal, 0.3333333333333333, and is a valid figure. What is refused is text
 * such as "1e9999999" or "1e-9999999", whose exact whole-number weights would
 * be ten-million-digit integers and hang the run.
 */
export function checkFigureSize(d: Decimal, at: Where): EngineError[] {
  const a = d.abs();
  if (a.lte(MAX_FIGURE) && (a.isZero() || a.gte(MIN_FIGURE)) && d.sd() <= MAX_FIGURE_DIGITS) return [];
  return [
    {
      kind: "outOfRange",
      value: d.toSignificantDigits(10).toString(),
      expected: "a figure of at most 1,000,000,000,000,000 and at least 1E-324 (or zero), with at most 40 significant digits",
      at,
    },
  ];
}

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
