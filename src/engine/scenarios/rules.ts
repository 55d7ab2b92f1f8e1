import type { ScenarioChange } from "../model";

/**
 * What each kind of scenario change does, in one sentence a scenario editor
 * can show beside the Change column (docs/workbook-layout.md, "What a change
 * does to the other partners"). Each sentence says what happens to the
 * partners and lines the change does not name, because that is what surprises:
 * `percent.IAA=8` gives the new partner 8% and shrinks every other partner's
 * percentage to 92% of what it was.
 */
export const SCENARIO_CHANGE_RULES: Readonly<Record<ScenarioChange["kind"], string>> = {
  setAmount:
    "Sets the line's amount (a one-off cost, or an ongoing line's annual charge); every partner's share of it moves in proportion.",
  setDates: "Sets the line's Start and End; the years it falls in, and the part of each year it is charged for, follow.",
  setBasis: "Shares the line by another basis from now on; every partner's share of it is worked out afresh by that basis.",
  setDriver:
    "Sets one partner's driver value (for one year, or every year); its share of lines shared by that driver moves, " +
    "and the others' move the opposite way.",
  addPartner:
    "Adds a partner from its Start date: it takes an equal share of lines split equally, its driver values' share of " +
    "lines shared by drivers, and with percent.<basis>=p it takes p% of that basis while every other partner's percentage " +
    "is multiplied by (100 − p)/100 (percent.IAA=8 turns 40% into 36.8%), so each keeps its proportion of what is left; " +
    "within=<partner> takes its part from that partner's share alone.",
  removePartner:
    "Removes a partner (or, with an End date, makes it leave on that day): its percentage in each basis is shared among " +
    "the others in proportion to theirs, and lines it shared are shared by the rest; the host cannot be removed.",
  partnerLeaves:
    "Makes a partner leave on its leave date under the exit rules (notice optional): stranded lines fall on the remaining " +
    "partners, variable lines fall away with its share, committed contracts are paid to their end; the host cannot leave.",
  addLine: "Adds a cost line, shared by its basis among the partners it applies to; existing lines do not change.",
  removeLine: "Removes a cost line; every partner's charge falls by exactly its share of it.",
  uplift:
    "Raises (or lowers) the amount of every line matching the category, nature and service given by the percentage, " +
    "rounded once to the penny (or unit); the shares follow.",
  setSupportMethod:
    "Recharges the support services by another method (direct, step-down in the order given, or reciprocal); " +
    "every support line's split is worked out afresh.",
  setSupportUsage: "Sets one user's use of a support service; every partner's share of that service's costs moves with it.",
  setCategory:
    "Switches the line between capital and revenue (a line made revenue drops its financing); each partner's share is " +
    "unchanged, but it now falls on the other budget.",
  setVersion:
    "Re-bases a percentages basis, a mix or a driver's values from the Start date: the year it changes in is shared by " +
    "each version for its part " +
    "of the year, and later years by the new percentages; lines on other bases do not move.",
  setTrueUpTolerance:
    "Sets how far a partner's share may move on actual drivers before its lines are trued up (points or relative %, for " +
    "the model or the basis named), and when adjustments fall; the charges on estimates do not move.",
  setFinancing:
    "Sets how the capital line is financed (borrowing, revenue contribution, capital receipts or grant); each partner's " +
    "share of the capital is unchanged, but its MRP, interest and revenue costs follow the new financing.",
};

/** The one sentence that describes a scenario change kind, for the scenario editor (see {@link SCENARIO_CHANGE_RULES}). */
export function scenarioChangeRule(kind: ScenarioChange["kind"]): string {
  return SCENARIO_CHANGE_RULES[kind];
}
