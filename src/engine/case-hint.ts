// Its own module so that the basis kinds can use it without importing the validator's limits (and, through them,
// the prepared model that names the kinds): that would be an import loop.

/**
 * For a reference that names no id: the id it matches ignoring case, if any,
 * so the message can say what was probably meant (the match is never taken).
 */
export function caseHint(ref: string, ids: Iterable<string>): { similar?: string } {
  const folded = ref.toLowerCase();
  for (const id of ids) if (id.toLowerCase() === folded) return { similar: id };
  return {};
}
