/**
 * CSV as the ledgers import it and Excel opens it: RFC 4180 (fields quoted
 * when they hold a comma, a quote, a line break or edge spaces; quotes
 * doubled; CRLF between records), UTF-8, optionally with a byte-order mark so
 * Excel reads the £ sign and accents right.
 */

/** How a CSV file is written. */
export interface CsvOptions {
  /** Start with U+FEFF, the byte-order mark Excel needs to read UTF-8. */
  readonly bom?: boolean;
}

// Plain numbers (amounts, periods, dates written as digits) are figures, not formulas: -123.45 stays a number.
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
// What a spreadsheet reads as the start of a formula, or of a command some import tools run (OWASP's list).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell made inert: text starting with = + - @ (or a tab or carriage
 * return) gets a leading apostrophe, so a spreadsheet opening the file shows
 * it as text instead of running it. Plain numbers are left as they are.
 */
export function inertCell(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted as RFC 4180 requires (and when it has edge spaces, which some importers trim). */
function field(text: string): string {
  const safe = inertCell(text);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text: every record ends with CRLF (the last one too, as RFC 4180 allows). */
export function csvText(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const body = rows.map((r) => `${r.map(field).join(",")}\r\n`).join("");
  return options.bom === true ? `\uFEFF${body}` : body;
}
