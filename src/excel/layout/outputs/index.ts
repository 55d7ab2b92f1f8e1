import {
  partnerNames,
  previousYearPaper,
  type MethodologyPaper,
  type Comparison,
  type DoNoHarmReport,
  type ManyComparison,
  type ModelBudgetReport,
  type ModelRun,
  serviceRechargesOfRun,
  type SupportMethodComparison,
} from "../../../engine";
import type { SheetSpec } from "../cells";
import { allocationsSheet } from "./allocations";
import { budgetCheckSheet } from "./budget-check";
import { chartsSheet } from "./charts";
import { committeeSheet } from "./committee";
import { methodologySheet } from "./methodology";
import { supportFlowsSheet } from "./support-flows";
import { roViewSheet, serviceRechargesSheet } from "./service-recharges";
import { capitalFinancingSheet } from "./capital-financing";
import { trueUpSheet } from "./true-up";
import { LEDGER_SHEET_KIND, ledgerSheets } from "./ledger-sheets";
import { journalsSheet } from "./journals";
import { disputeRegisterSheet, exitStatementSheet, harmReportSheet } from "./exits";

/** An optional sheet as a list of none or one. */
function optional(sheet: SheetSpec | undefined): SheetSpec[] {
  return sheet === undefined ? [] : [sheet];
}
import { FOOTER_SECTION, withPrintFooter, withTextLayout } from "./common";
import { comparisonSheet, manyComparisonSheet } from "./comparison";
import { specFingerprint } from "../fingerprint";
import { runLogSheet, type OutputSheetRecord, type RunLogEntry } from "./run-log";
import { summarySheet } from "./summary";
import { traceSheet } from "./trace";

/**
 * What a run hands the workbook to write. Only `run` is required; a run
 * without a budget check or comparison writes those sheets as "not run", so
 * stale figures from an earlier run never survive.
 */
export interface RunOutputs {
  /** The model run (from the engine's `runModel`/`runScenario`, or `checkModelBudgets(...).run`). */
  readonly run: ModelRun;
  /** The scenario the run applied ("" or undefined for the base model). */
  readonly scenario?: string;
  /** The budget check of the same run (`checkModelBudgets`). */
  readonly budget?: ModelBudgetReport;
  /** Two runs compared (`compareScenarios`/`compareResults`). */
  readonly comparison?: Comparison;
  /** Several scenarios side by side with the base (`compareMany`): written as the Scenario comparison sheet instead of `comparison`. */
  readonly many?: ManyComparison;
  /** The "do no harm" verdict for a joining partner (`doNoHarm`). */
  readonly doNoHarm?: DoNoHarmReport;
  /** When the run was made and from which inputs: shown in every output sheet's title. */
  readonly stamp?: RunStamp;
  /** The model's title, printed in every output sheet's footer (default: {@link defaultTitle}). */
  readonly title?: string;
  /** Each partner's support-service charges under the three methods (a model with support services). */
  readonly supportMethods?: SupportMethodComparison;
  /** The whole Run log to write (earlier entries, then this run's): written as the Run log sheet when given. */
  readonly log?: readonly RunLogEntry[];
  /**
   * The methodology paper against another workbook's signed-off run (the command line's `--against`), with where that
   * run came from in words. Without it the Methodology sheet compares the run's second year with its first, which is
   * what the workbook keeps (so `--verify` can recompute it from the inputs alone).
   */
  readonly methodology?: { readonly paper: MethodologyPaper; readonly against: string };
  /**
   * The Monitoring sheet (docs/monitoring.md), for a model with actuals, forecasts or a profile: laid out by
   * src/app/monitoring.ts (`withMonitoringSheet`), which `writeResults` and `verifyWorkbook` load on demand, so
   * the in-year monitoring code is not part of the task pane's first paint.
   */
  readonly monitoringSheet?: SheetSpec;
}

/** The methodology paper a run's outputs show: the one given (`--against`), else the run's second year against its first. */
export function outputsPaper(outputs: RunOutputs): MethodologyPaper | undefined {
  return outputs.methodology?.paper ?? previousYearPaper(outputs.run.model, outputs.run.result);
}

/** What every output sheet's title says about its run. */
export interface RunStamp {
  /** e.g. "1 Dec 2026 14:03 UTC". */
  readonly when: string;
  /** The first digits of the inputs fingerprint. */
  readonly fingerprint: string;
  /**
   * False for a run worked out but not recorded in the Run log (the command
   * line's `--no-write --pdf`): its pages then say "calculated", never "run",
   * so they claim no run the Run log does not hold.
   */
  readonly recorded?: boolean;
}

/**
 * The title printed in the footer when none is given: the service's partners
 * by name ("Shared costs: Havering, Newham"), or their number when the names
 * are too long to list in a footer ("Shared costs of 4 partners").
 */
export function defaultTitle(run: ModelRun): string {
  const names = [...new Set(run.model.partners.map((p) => partnerNames(run.model).get(p.id.trim()) ?? p.id))];
  const listed = `Shared costs: ${names.join(", ")}`;
  return names.length > 0 && listed.length <= FOOTER_SECTION ? listed : `Shared costs of ${names.length} partners`;
}

/**
 * Every output sheet for a run, in workbook order: Summary, Committee summary, Allocations, Budget check, Scenario comparison,
 * Trace, Charts, then Support flows, Service recharges, RO view, Capital financing and True-up when the model has
 * what they show, Methodology, and (as the run has them) Monitoring, Journals and one ledger sheet per journal.
 */
export function buildOutputSheets(outputs: RunOutputs): SheetSpec[] {
  const { run, scenario, stamp, log } = outputs;
  const sheets = [
    summarySheet(run, scenario),
    committeeSheet(
      run,
      scenario,
      outputs.budget,
      outputs.many !== undefined ? outputs.many.doNoHarm : outputs.doNoHarm === undefined ? [] : [outputs.doNoHarm],
    ),
    allocationsSheet(run),
    budgetCheckSheet(run, outputs.budget, scenario),
    outputs.many !== undefined
      ? manyComparisonSheet(run, outputs.many, scenario)
      : comparisonSheet(run, outputs.comparison, outputs.doNoHarm, scenario),
    traceSheet(run),
    chartsSheet(run),
    ...(run.result.support === undefined ? [] : [supportFlowsSheet(run, run.result.support, outputs.supportMethods, scenario)]),
    ...serviceSheets(run, scenario),
    ...(outputs.budget?.capital === undefined ? [] : [capitalFinancingSheet(run, outputs.budget.capital, scenario)]),
    // Only for a model with actual driver values (docs/versions.md).
    ...(run.trueUp === undefined ? [] : [trueUpSheet(run, run.trueUp, scenario)]),
    methodologySheet(run, outputsPaper(outputs), scenario, outputs.methodology?.against),
    ...optional(outputs.monitoringSheet),
    ...optional(journalsSheet(outputs)),
    ...(outputs.budget?.exits === undefined
      ? []
      : [exitStatementSheet(run, outputs.budget.exits, scenario), harmReportSheet(run, outputs.budget.exits, scenario)]),
    ...(outputs.budget?.disputes === undefined ? [] : [disputeRegisterSheet(run, outputs.budget.disputes, scenario)]),
    ...ledgerSheets(outputs),
    // A ledger sheet is its upload file cell for cell: no stamp in its first cell (its journal lines carry the run's reference).
  ].map((s) => (stamp === undefined || PACK_KINDS.has(s.kind) || s.kind === LEDGER_SHEET_KIND ? s : withTextLayout(stamped(s, stamp))));
  const footer = {
    title: outputs.title === undefined || outputs.title.trim() === "" ? defaultTitle(run) : outputs.title.trim(),
    scenario,
    when: stamp?.when,
    ...(stamp?.recorded === false ? { recorded: false } : {}),
  };
  return (log === undefined ? sheets : [...sheets, runLogSheet(withSheetRecord(log, sheets))]).map((s) => withPrintFooter(s, footer));
}

/**
 * The Service recharges and RO view sheets of a run whose model has partner
 * service lists (none otherwise). Their rows were checked with the run
 * (`checkModelBudgets`); rows that do not validate write nothing here.
 */
function serviceSheets(run: ModelRun, scenario: string | undefined): SheetSpec[] {
  const report = serviceRechargesOfRun(run);
  if (report === undefined || !report.ok) return [];
  return [serviceRechargesSheet(run, report.value, scenario), roViewSheet(run, report.value, scenario)];
}

/**
 * The log with the run being written (its last entry, not read back from a workbook) recording the
 * sheets it writes: name, kind, tables and values fingerprint of each. Entries read back keep what
 * they hold, so a verification lays the log out exactly as it was written.
 */
function withSheetRecord(log: readonly RunLogEntry[], sheets: readonly SheetSpec[]): readonly RunLogEntry[] {
  const last = log[log.length - 1];
  if (last === undefined || last.event !== "run" || last.source !== undefined || last.sheets !== "") return log;
  const record: OutputSheetRecord[] = sheets.map((s) => ({
    name: s.name,
    kind: s.kind,
    tables: s.tables.map((t) => t.name),
    fp: specFingerprint(s),
  }));
  return [...log.slice(0, -1), { ...last, sheets: JSON.stringify(record) }];
}

/**
 * The sheets a committee is given (the PDF pack): their titles say what they show and no more; the run's time,
 * inputs fingerprint and rules are on the pack's cover and in its "About these figures" note.
 */
export const PACK_KINDS: ReadonlySet<string> = new Set([
  "committee",
  "comparison",
  "budgetCheck",
  "charts",
  "supportFlows",
  "capitalFinancing",
  "exitStatement",
  "harmReport",
  "disputeRegister",
  "monitoring",
  "methodology",
]);

/** The sheet with its run's date, time and short inputs fingerprint added to its title or opening note (cell A1). */
function stamped(sheet: SheetSpec, stamp: RunStamp): SheetSpec {
  const text =
    stamp.recorded === false
      ? ` — calculated ${stamp.when} (not recorded in the Run log), inputs ${stamp.fingerprint}`
      : ` — run ${stamp.when}, inputs ${stamp.fingerprint}`;
  return {
    ...sheet,
    blocks: sheet.blocks.map((b) =>
      b.row === 0 && b.col === 0 && typeof b.values[0]?.[0] === "string"
        ? { ...b, values: [[`${b.values[0][0]}${text}`, ...b.values[0].slice(1)], ...b.values.slice(1)] }
        : b,
    ),
  };
}
