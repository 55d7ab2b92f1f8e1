/**
 * Code patterns for the Mapping and Requesters tables: an exact code
 * ("LC100"), a prefix ending in "*" ("LC1*"), or "*" / blank for any code.
 * Matching ignores case and surrounding spaces (ledgers export codes in
 * either case; the workbook keeps what was typed).
 */

/** How specific a pattern is: an exact code beats any prefix, a longer prefix beats a shorter one, anything beats "any". */
export function patternScore(pattern: string): number {
  const p = pattern.trim();
  if (p === "" || p === "*") return 0;
  // Exact codes outrank every prefix: a prefix scores its length (at most a few dozen), an exact code 1000 + length.
  return p.endsWith("*") ? p.length - 1 : 1000 + p.length;
}

/** True when `code` matches `pattern`. */
export function patternMatches(pattern: string, code: string): boolean {
  const p = pattern.trim().toLowerCase();
  const c = code.trim().toLowerCase();
  if (p === "" || p === "*") return true;
  return p.endsWith("*") ? c.startsWith(p.slice(0, -1)) : c === p;
}
