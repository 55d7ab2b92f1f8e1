import { FINANCING } from "../capital/financing";
import { isBlank } from "../decimal";
import type { EngineError } from "../errors";
import { CATEGORIES, type CostLineInput, type ScenarioChange } from "../model";
import { parseChoice } from "../parse-helpers";
import { lineIndex, type ChangeWhere, type Draft } from "./draft";

type Change<K extends ScenarioChange["kind"]> = Extract<ScenarioChange, { kind: K }>;

/** A line without its capital financing fields (a revenue line has none). */
function withoutFinancing(line: CostLineInput): CostLineInput {
  const { financing: _f, assetLife: _l, inUseFrom: _u, mrpMethod: _m, interestRate: _r, ...rest } = line;
  return rest;
}

/**
 * Switches a line between capital and revenue (docs/capital.md). Switched to
 * revenue, it drops its capital financing fields, since revenue is not
 * financed: "Cloud first" turns a borrowing-financed asset into a revenue cost.
 */
export function setCategory(d: Draft, c: Change<"setCategory">, at: ChangeWhere): EngineError[] {
  const i = lineIndex(d, c.line);
  if (i < 0) return [{ kind: "unknownCostLine", line: c.line, at: at("line") }];
  const category = parseChoice(c.category, CATEGORIES, at("category"));
  if (!category.ok) return [...category.errors];
  const line = d.costLines[i] as CostLineInput;
  d.costLines[i] = category.value === "revenue" ? { ...withoutFinancing(line), category: "revenue" } : { ...line, category: "capital" };
  return [];
}

/**
 * Sets a capital line's financing (docs/capital.md). The asset life, In use
 * from, MRP method and interest rate given replace the line's own; a line no
 * longer financed by borrowing drops its MRP method and interest rate, which
 * only borrowing has. The line's capital fields are then checked with the
 * rest of its capital financing.
 */
export function setFinancing(d: Draft, c: Change<"setFinancing">, at: ChangeWhere): EngineError[] {
  const i = lineIndex(d, c.line);
  if (i < 0) return [{ kind: "unknownCostLine", line: c.line, at: at("line") }];
  const financing = parseChoice(c.financing, FINANCING, at("financing"));
  if (!financing.ok) return [...financing.errors];
  const line = d.costLines[i] as CostLineInput;
  const borrowing = financing.value === "borrowing";
  const given = <K extends "assetLife" | "inUseFrom" | "mrpMethod" | "interestRate">(k: K): CostLineInput[K] =>
    isBlank(c[k]) ? line[k] : (c[k] as CostLineInput[K]);
  const next: CostLineInput = {
    ...withoutFinancing(line),
    financing: financing.value,
    ...(isBlank(given("assetLife")) ? {} : { assetLife: given("assetLife") }),
    ...(isBlank(given("inUseFrom")) ? {} : { inUseFrom: given("inUseFrom") }),
    ...(!borrowing || isBlank(given("mrpMethod")) ? {} : { mrpMethod: given("mrpMethod") }),
    ...(!borrowing || isBlank(given("interestRate")) ? {} : { interestRate: given("interestRate") }),
  };
  d.costLines[i] = next;
  return [];
}
