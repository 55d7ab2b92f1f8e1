// The colours a status word is shown in, one set for every sheet (Budget check, Committee summary, Comparison):
// Excel's own "Good", "Neutral" and "Bad" cell styles, so a reader who knows Excel reads them the same way.

/** A status cell's colours: its fill and its font, as "#RRGGBB". */
export interface StatusColours {
  readonly fill: string;
  readonly font: string;
}

/** Good: on or within budget, no worse off, pays less, passed. */
export const GOOD: StatusColours = { fill: "#C6EFCE", font: "#006100" };

/** Needs a look: under budget, a stated total that differs. */
export const CAUTION: StatusColours = { fill: "#FFEB9C", font: "#9C5700" };

/** Bad: over budget, no budget, pays more, failed. */
export const BAD: StatusColours = { fill: "#FFC7CE", font: "#9C0006" };

/** Neither: no change, joining. */
export const NEUTRAL: StatusColours = { fill: "#EDEDED", font: "#404040" };
