import {
  CATEGORIES,
  NATURES,
  explainCharge,
  type ApportionResult,
  type Category,
  type Charge,
  type ChargeTrace,
  type ModelRun,
  type Nature,
  type WithinSplit,
} from "../../engine";
import type { CellValue } from "./cells";
import { cellText } from "./cell-values";
import { normaliseHeader } from "./read-model";
import { ALLOCATION_HEADER_ROW, partnerOfColumn } from "./outputs/allocations";
import { ALL_PARTNERS, ALL_YEARS, SUMMARY_HEADER_ROW } from "./outputs/summary";

/** What a selected cell in an output sheet is about. */
export type SelectionTarget =
  /** A charge: one cost line, partner and year (a partner's cell on Allocations). */
  | { readonly kind: "charge"; readonly lineRef: string; readonly partner: string; readonly yearLabel: string }
  /** A total in the Summary pivot; undefined parts mean "all" (all partners, all years, both categories…). */
  | {
      readonly kind: "total";
      readonly partner: string | undefined;
      readonly yearLabel: string | undefined;
      readonly category: Category | undefined;
      readonly nature: Nature | undefined;
    }
  /** Anything else. */
  | { readonly kind: "none" };

/** The row of each output sheet kind that holds its column headers. */
export function headerRowOf(kind: string): number | undefined {
  if (kind === "allocations") return ALLOCATION_HEADER_ROW;
  if (kind === "summary") return SUMMARY_HEADER_ROW;
  return undefined;
}

function column(headers: readonly CellValue[], name: string): number {
  return headers.findIndex((h) => normaliseHeader(cellText(h)) === normaliseHeader(name));
}

/**
 * Maps a selected cell back to what it shows, from the sheet's kind (its
 * marker), the selected row's values, the header row's values and the
 * selected column (all zero-based from column A). Pure, so every adapter and
 * the task pane agree.
 */
export function describeSelection(
  kind: string,
  row: number,
  col: number,
  rowValues: readonly CellValue[],
  headers: readonly CellValue[],
): SelectionTarget {
  const headerRow = headerRowOf(kind);
  if (headerRow === undefined || row <= headerRow) return { kind: "none" };
  if (kind === "allocations") {
    // One row per line-year; the partner of a charge is the column's.
    const ref = cellText(rowValues[column(headers, "Ref")]);
    const year = cellText(rowValues[column(headers, "Year")]);
    const partner = partnerOfColumn(headers, col);
    // An empty partner cell is a partner that does not share the line: there is no charge to explain.
    if (partner === undefined || cellText(rowValues[col]) === "") return { kind: "none" };
    return ref === "" || year === "" ? { kind: "none" } : { kind: "charge", lineRef: ref, partner, yearLabel: year };
  }
  const partner = cellText(rowValues[column(headers, "Partner")]);
  const year = cellText(rowValues[column(headers, "Year")]);
  if (partner === "" || year === "") return { kind: "none" };
  const header = normaliseHeader(cellText(headers[col]));
  const category = CATEGORIES.find((c) => header.startsWith(c));
  const nature = category === undefined ? undefined : NATURES.find((n) => header.startsWith(normaliseHeader(`${category} ${n}`)));
  return {
    kind: "total",
    partner: partner === ALL_PARTNERS ? undefined : partner,
    yearLabel: year === ALL_YEARS ? undefined : year,
    category,
    nature,
  };
}

/**
 * The charge of a core result a selection points at (undefined for a
 * partner within another, whose charges the core result does not hold).
 * Found from the line-years, without building the result's million-charge
 * list for a large model.
 */
export function findCharge(result: ApportionResult, target: SelectionTarget): Charge | undefined {
  if (target.kind !== "charge") return undefined;
  const lineYears = result.lineYears;
  for (let k = 0; k < lineYears.length; k++) {
    const ly = lineYears[k];
    if (ly === undefined || ly.lineRef !== target.lineRef || ly.yearLabel !== target.yearLabel) continue;
    const position = ly.partners.indexOf(target.partner);
    if (position < 0) return undefined;
    const { lineRef, year, yearLabel, category, nature } = ly;
    const service = ly.service.trim();
    return {
      lineRef,
      partner: target.partner,
      year,
      yearLabel,
      category,
      nature,
      service,
      amount: ly.shares[position] ?? 0,
      lineYear: k,
      position,
    };
  }
  return undefined;
}

/**
 * One charge explained: the engine's trace of the core charge and, for a partner within another (or its parent), how the parent's share
 * was divided.
 */
export interface ChargeExplanation {
  /** The core charge's working (for a partner within another: its parent's whole share). */
  readonly trace: ChargeTrace;
  readonly split: WithinSplit | undefined;
}

/**
 * Explains the charge a target names, from a run: what the task pane's
 * Explain and `shared-apportion --explain` show. Undefined when the run
 * holds no such charge (another run's sheets, or a partner that does not
 * share the line). The one place that finds the within-partner split behind a charge: the task
 * pane's Explain, its "charges behind a figure" and the command line all come here (through
 * src/app). `explain` is the engine's tracer, which a client may supply (the task pane's services).
 */
export function explainTarget(
  run: ModelRun,
  target: SelectionTarget,
  explain: (result: ModelRun["result"], charge: Charge) => ChargeTrace = explainCharge,
): ChargeExplanation | undefined {
  if (target.kind !== "charge") return undefined;
  const split = run.within.find(
    (w) =>
      w.lineRef === target.lineRef &&
      w.yearLabel === target.yearLabel &&
      (w.parent === target.partner || w.parts.some((p) => p.partner === target.partner)),
  );
  const core = split !== undefined && split.parent !== target.partner ? { ...target, partner: split.parent } : target;
  const charge = findCharge(run.result, core);
  return charge === undefined ? undefined : { trace: explain(run.result, charge), split };
}
