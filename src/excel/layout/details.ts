/**
 * The Scenarios table's Details column: extra settings of a change as
 * `key=value` pairs separated by semicolons, e.g.
 * `name=Lewisham Homes; within=LEW; driver.tickets=2500`. A value holding
 * `;`, `=`, a double quote or leading/trailing spaces is written in double
 * quotes with inner quotes doubled, so any text round-trips exactly.
 */

/** One key and its text value, in order. */
export type DetailPairs = readonly (readonly [string, string])[];

function needsQuotes(v: string): boolean {
  return /[;="]/.test(v) || v !== v.trim() || v === "";
}

/** Writes pairs as `key=value; key=value`. */
export function formatDetails(pairs: DetailPairs): string {
  return pairs.map(([k, v]) => `${k}=${needsQuotes(v) ? `"${v.replace(/"/g, '""')}"` : v}`).join("; ");
}

/** Reads `key=value; …`. Returns the pairs, or the reason it cannot. */
export function parseDetails(text: string): { ok: true; pairs: [string, string][] } | { ok: false; reason: string } {
  const pairs: [string, string][] = [];
  let i = 0;
  const n = text.length;
  const skipSpaces = (): void => {
    while (i < n && /\s/.test(text[i] ?? "")) i++;
  };
  skipSpaces();
  while (i < n) {
    const eq = text.indexOf("=", i);
    if (eq < 0) return { ok: false, reason: `"${text.slice(i).trim()}" has no "="` };
    const key = text.slice(i, eq).trim();
    if (key === "" || /[;"]/.test(key)) return { ok: false, reason: `"${text.slice(i, eq).trim()}" is not a key` };
    i = eq + 1;
    skipSpaces();
    let value = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) return { ok: false, reason: `the quoted value of "${key}" is not closed` };
        const ch = text[i] ?? "";
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += ch;
        i++;
      }
      skipSpaces();
      if (i < n && text[i] !== ";") return { ok: false, reason: `unexpected text after the quoted value of "${key}"` };
    } else {
      const semi = text.indexOf(";", i);
      const end = semi < 0 ? n : semi;
      value = text.slice(i, end).trim();
      i = end;
    }
    pairs.push([key, value]);
    if (text[i] === ";") i++;
    skipSpaces();
  }
  return { ok: true, pairs };
}
