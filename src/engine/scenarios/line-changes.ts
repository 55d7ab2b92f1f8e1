import { parseDate } from "../dates";
import { isBlank, parseDecimal, showInput, messageText } from "../decimal";
import type { EngineError } from "../errors";
import { frac, fracFromDecimal, fracMul } from "../fraction";
import type { ScenarioChange } from "../model";
import { parseMoney, penceToText, PENNY, type UnitPence } from "../money";
import { roundToUnit } from "../rounding";
import { parseChoice } from "../parse-helpers";
import { idOf, lineIndex, type ChangeWhere, type Draft } from "./draft";

type Change<K extends ScenarioChange["kind"]> = Extract<ScenarioChange, { kind: K }>;

/** Changes the amount of a cost line (one-off cost or annual charge), as given. */
export function setAmount(d: Draft, c: Change<"setAmount">, at: ChangeWhere): EngineError[] {
  const i = lineIndex(d, c.line);
  if (i < 0) return [{ kind: "unknownCostLine", line: c.line, at: at("line") }];
  // Check the new figure here, so a bad value points at the scenario's row, not the base cost line.
  const amount = parseMoney(c.amount, at("amount"));
  if (!amount.ok) return [...amount.errors];
  d.costLines[i] = { ...(d.costLines[i] as (typeof d.costLines)[number]), amount: c.amount };
  return [];
}

/**
 * Changes a line's start and/or end date. A date left out (undefined) is
 * kept; an end given as null is removed, so the charge continues.
 */
export function setDates(d: Draft, c: Change<"setDates">, at: ChangeWhere): EngineError[] {
  const i = lineIndex(d, c.line);
  if (i < 0) return [{ kind: "unknownCostLine", line: c.line, at: at("line") }];
  const line = d.costLines[i] as (typeof d.costLines)[number];
  const problems: EngineError[] = [];
  for (const field of ["start", "end"] as const) {
    const value = c[field];
    // Undefined keeps the line's date; a blank end removes it (the charge continues); a blank start is an error.
    if (value === undefined || (field === "end" && (value === null || isBlank(value)))) continue;
    const parsed = parseDate(value, at(field));
    if (!parsed.ok) problems.push(...parsed.errors);
  }
  if (problems.length > 0) return problems;
  d.costLines[i] = { ...line, ...(c.start === undefined ? {} : { start: c.start }), ...(c.end === undefined ? {} : { end: c.end }) };
  return [];
}

/** Changes a line's basis of apportionment. */
export function setBasis(d: Draft, c: Change<"setBasis">, at: ChangeWhere): EngineError[] {
  const i = lineIndex(d, c.line);
  if (i < 0) return [{ kind: "unknownCostLine", line: c.line, at: at("line") }];
  d.costLines[i] = { ...(d.costLines[i] as (typeof d.costLines)[number]), basis: c.basis };
  return [];
}

/** Adds a cost line; its reference must be new. */
export function addLine(d: Draft, c: Change<"addLine">, at: ChangeWhere): EngineError[] {
  const ref = idOf(c.line.ref);
  if (ref !== "" && lineIndex(d, ref) >= 0) return [{ kind: "duplicateId", id: ref, at: at("line.ref") }];
  d.costLines.push(c.line);
  return [];
}

/**
 * Removes a cost line. It is also taken out of any stated total that listed
 * it (a total left with no lines is dropped), since a stated total is only
 * checked against lines that exist.
 */
export function removeLine(d: Draft, c: Change<"removeLine">, at: ChangeWhere): EngineError[] {
  const i = lineIndex(d, c.line);
  if (i < 0) return [{ kind: "unknownCostLine", line: c.line, at: at("line") }];
  d.costLines.splice(i, 1);
  const ref = c.line.trim();
  d.statedTotals = d.statedTotals
    .map((t) => (t.lines.some((l) => l.trim() === ref) ? { ...t, lines: t.lines.filter((l) => l.trim() !== ref) } : t))
    .filter((t) => t.lines.length > 0);
  return [];
}

/**
 * Raises (or lowers) the amount of every line matching all the filters given
 * (category, nature, service; blank means any) by a percentage. A line
 * amount must be a whole number of pence (a one-off cost, a whole number of
 * the model's rounding unit), so the uplifted amount is rounded once, half
 * away from zero, to that: +20% on £17,000 is exactly £20,400; +20% on
 * £333.33 is £399.996, which becomes £400.00. No other rounding happens
 * before the split. An uplift matching no line is an error, because it
 * almost always means a misspelt service or category.
 */
export function uplift(d: Draft, c: Change<"uplift">, at: ChangeWhere, modelUnit: UnitPence): EngineError[] {
  const pct = parseDecimal(c.percent);
  if (pct === undefined) return [{ kind: "notANumber", value: showInput(c.percent), at: at("percent") }];
  if (pct.lt(-100)) return [{ kind: "outOfRange", value: messageText(pct), expected: "an uplift of -100% or more", at: at("percent") }];
  const problems: EngineError[] = [];
  const want = {
    category: c.category == null || c.category.trim() === "" ? undefined : parseChoice(c.category, ["capital", "revenue"], at("category")),
    nature: c.nature == null || c.nature.trim() === "" ? undefined : parseChoice(c.nature, ["one-off", "ongoing"], at("nature")),
    service: c.service == null || c.service.trim() === "" ? undefined : c.service.trim().toLowerCase(),
  };
  if (want.category?.ok === false) problems.push(...want.category.errors);
  if (want.nature?.ok === false) problems.push(...want.nature.errors);
  if (problems.length > 0) return problems;
  const factor = fracMul(fracFromDecimal(pct.plus(100)), frac(1n, 100n));
  let matched = 0;
  d.costLines = d.costLines.map((line) => {
    const category = parseChoice(line.category, ["capital", "revenue"], at("category"));
    const nature = parseChoice(line.nature, ["one-off", "ongoing"], at("nature"));
    if (want.category?.ok && (!category.ok || category.value !== want.category.value)) return line;
    if (want.nature?.ok && (!nature.ok || nature.value !== want.nature.value)) return line;
    if (want.service !== undefined && (typeof line.service !== "string" || line.service.trim().toLowerCase() !== want.service)) return line;
    matched++;
    const amount = parseMoney(line.amount, { entity: "costLine", key: idOf(line.ref), field: "amount" });
    if (!amount.ok) {
      problems.push(...amount.errors);
      return line;
    }
    const unit = nature.ok && nature.value === "one-off" ? modelUnit : PENNY;
    return { ...line, amount: penceToText(roundToUnit(fracMul(frac(BigInt(amount.value)), factor), unit)) };
  });
  if (matched === 0 && problems.length === 0) {
    const filters = [
      want.category?.ok ? want.category.value : undefined,
      want.nature?.ok ? want.nature.value : undefined,
      c.service?.trim() || undefined,
    ].filter((x) => x !== undefined);
    problems.push({
      kind: "outOfRange",
      value: filters.length > 0 ? filters.join(", ") : "every line",
      expected: "a filter that matches at least one cost line",
      at: at("filters"),
    });
  }
  return problems;
}
