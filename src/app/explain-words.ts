/**
 * The words an explanation of a charge uses for its weight, written once so
 * the task pane's Explain and the command line's `--explain` say the same.
 */

/** A decimal figure from the engine ("2143", "1234.5") grouped the en-GB way ("2,143", "1,234.5"); the digits are kept. */
export function groupedFigure(text: string): string {
  const m = /^([+-]?)(\d+)(\.\d+)?(.*)$/.exec(text.trim());
  if (!m) return text;
  const [, sign = "", int = "", frac = "", rest = ""] = m;
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac}${rest}`;
}

/**
 * A partner's weight out of the total, with what the two figures are: "2,143 of 10,080: the
 * partner's figure on the basis, out of the total of every partner sharing the line". A mix
 * (several sources, each with its % weight) says the figures are weighted sums.
 */
export function weightWords(weight: string, totalWeight: string, mixed: boolean): string {
  const what = mixed
    ? "the partner's weighted sum of the basis's parts, out of the same sum for every partner sharing the line"
    : "the partner's figure on the basis, out of the total of every partner sharing the line";
  return `${groupedFigure(weight)} of ${groupedFigure(totalWeight)}: ${what}`;
}
