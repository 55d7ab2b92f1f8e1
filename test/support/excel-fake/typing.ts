import type { FakeValue } from "./document";
import { FakeExcelError } from "./errors";

const EPOCH = Date.UTC(1899, 11, 30);

function serial(y: number, m: number, d: number): number | undefined {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round((t - EPOCH) / 86_400_000);
}

/**
 * What Excel stores when a value is written through `Range.values`, which
 * behaves like typing: in a text-formatted ("@") cell text stays text;
 * otherwise a leading apostrophe marks text (and is not part of the value),
 * "=…" is a formula, and text that looks like a number, currency, percentage,
 * boolean or date is converted. `null` leaves the cell as it was.
 */
export function typeIn(v: unknown, format: string | undefined): { value: FakeValue; prefixed: boolean } | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new FakeExcelError("InvalidArgument", `${v} cannot be written to a cell`);
    // Excel keeps no negative zero: -0 is stored as 0 ("Floating-point arithmetic may give inaccurate results in Excel",
    // https://learn.microsoft.com/office/troubleshoot/excel/floating-point-arithmetic-inaccurate-result).
    return { value: Object.is(v, -0) ? 0 : v, prefixed: false };
  }
  if (typeof v === "boolean") return { value: v, prefixed: false };
  if (typeof v !== "string") throw new FakeExcelError("InvalidArgument", `Unsupported cell value ${JSON.stringify(v)}`);
  if (format === "@") return { value: v, prefixed: false };
  if (v.startsWith("'")) return { value: v.slice(1), prefixed: true };
  const t = v.trim();
  if (t === "") return { value: v, prefixed: false };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", prefixed: false };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t), prefixed: false };
  if (/^[+-]?£?\d{1,3}(,\d{3})*(\.\d+)?$/.test(t) || /^[+-]?£\d+(\.\d+)?$/.test(t))
    return { value: Number(t.replace(/[£,]/g, "")), prefixed: false };
  // Anything else starting like a formula is taken as one (and these are not valid formulas).
  if (t.startsWith("=") || t.startsWith("+") || t.startsWith("-")) return { value: "#NAME?", prefixed: false };
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, prefixed: false };
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (dmy) {
    const y = Number(dmy[3]);
    const s = serial(y < 100 ? 2000 + y : y, Number(dmy[2]), Number(dmy[1]));
    if (s !== undefined) return { value: s, prefixed: false };
  }
  const ymd = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (ymd) {
    const s = serial(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
    if (s !== undefined) return { value: s, prefixed: false };
  }
  const ym = /^(\d{4})[-/](\d{1,2})$/.exec(t);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) return { value: serial(Number(ym[1]), Number(ym[2]), 1) ?? t, prefixed: false };
  return { value: v, prefixed: false };
}
