import type { ActualInput, ModelInput, ScenarioInput, Where } from "../engine";
import type { CellLocation, CellValue } from "./layout/cells";
import type { RunOutputs } from "./layout/outputs";
import type { RunLogEntry } from "./layout/outputs/run-log";
import type { ModelTables } from "./layout/read-model";
import type { RunSettings } from "./layout/run-settings";
import type { SelectionTarget } from "./layout/selection";
import type { SharedFormulasFound } from "./layout/shared-formulas";
import type { TemplateNotes } from "./layout/template";
import type { WorkbookProblem } from "./problems";

/**
 * The workbook as the rest of the add-in sees it. Three adapters implement
 * it — Office.js (`createOfficeWorkbook`), in-memory (`createMemoryPort`, for
 * tests and the task pane's browser preview) and, for the command line, one
 * over exceljs — and all lay sheets out with the same pure code
 * (`src/excel/layout`), so the sheets they write are identical.
 *
 * Every method is async and never throws for workbook trouble: it returns a
 * {@link PortResult} whose problems are values ({@link WorkbookProblem}, one
 * message function `workbookProblemMessage`). Nothing is written outside the
 * add-in's own sheets, each marked with a worksheet custom property.
 */
export interface WorkbookPort {
  /** What the workbook holds: which input tables are present, which owned sheets exist. Cheap; reads no table data. */
  inspect(): Promise<PortResult<WorkbookStatus>>;
  /**
   * Creates the input sheets (and the Lists sheet their drop-downs use),
   * empty when `model` is undefined or filled from it (a sample). If input
   * sheets exist already it returns `inputSheetsExist` and changes nothing,
   * unless `replaceExisting` is set (the user confirmed). Sheets with the same
   * names that the add-in did not create are never replaced (`nameTaken`).
   */
  createModel(model: ModelInput | undefined, options?: CreateModelOptions): Promise<PortResult<CreateModelReport>>;
  /**
   * Reads the model from the input tables, with where each part came from.
   * Table, header and cell problems come back in `problems` (the model is
   * still built from everything readable); `locate` turns an engine error's
   * `Where` into a cell address for the task pane to select.
   */
  readModel(): Promise<PortResult<ModelRead>>;
  /** Which owned output sheets exist and whether anyone has typed into them since the add-in wrote them. */
  checkOutputs(): Promise<PortResult<OutputsStatus>>;
  /** The values of every owned output sheet's used range, as they are now (for verifying them against a recomputation). */
  readOutputs(): Promise<PortResult<readonly OutputValues[]>>;
  /**
   * Writes the output sheets for a run, replacing the previous ones exactly
   * (running twice gives identical sheets). If a user has edited an owned
   * output sheet it returns `outputsEdited` and writes nothing, unless
   * `replaceEdited` is set. New sheets are built hidden and swapped in at the
   * end, so a failure part-way leaves the previous outputs as they were (or
   * `writeFailed` says exactly what was left).
   */
  writeOutputs(outputs: RunOutputs, options?: WriteOptions): Promise<PortResult<WriteReport>>;
  /**
   * Writes a recharge statement sheet for each partner given (the layout of
   * `buildStatementSheets`), as owned sheets after the outputs, replacing the
   * add-in's earlier statement sheets of the same names. Refuses, writing
   * nothing, when a user's sheet has one of the names (`nameTaken`), or when
   * an earlier statement sheet was edited by hand, unless `replaceEdited`.
   */
  writeStatements(outputs: RunOutputs, partners: readonly string[], options?: WriteOptions): Promise<PortResult<WriteReport>>;
  /**
   * Finds every =SHARED formula in the workbook and counts the cells turning
   * them into values would change (each formula's cell and the cells its
   * results spill into), sheet by sheet. Changes nothing. Only in Excel
   * (`formulasNeedExcel` elsewhere).
   */
  findSharedFormulas(): Promise<PortResult<SharedFormulasFound>>;
  /**
   * Replaces every =SHARED formula with the value its cells show (and the
   * values it spills), so the workbook opens without the add-in; nothing else
   * changes: other formulas, formats and cells stay. Looks again first and
   * changes nothing if the formulas are not the ones confirmed
   * (`sharedFormulasChanged`) or some are still calculating
   * (`stillCalculating`). Excel's Undo cannot reverse it.
   */
  sharedFormulasToValues(confirmed: { readonly formulas: number; readonly cells: number }): Promise<PortResult<SharedFormulasFound>>;
  /** Activates a sheet and selects a cell or range by address, e.g. `Costs!F12`. */
  selectCell(address: string): Promise<PortResult<void>>;
  /** The current selection and, on an output sheet, the charge or total it shows (for "Explain"). */
  readSelection(): Promise<PortResult<SelectionInfo>>;
  /** The scenarios stored in the Scenarios table. */
  readScenarios(): Promise<PortResult<readonly ScenarioInput[]>>;
  /** Replaces the rows of the Scenarios table (the table grows or shrinks; nothing else on the sheet moves except cells below it). */
  writeScenarios(scenarios: readonly ScenarioInput[]): Promise<PortResult<void>>;
  /**
   * Replaces the rows of the Actuals table (docs/monitoring.md) as an import leaves them; refused
   * (`missingTable`) when the workbook has no Actuals table to write into.
   */
  writeActuals(actuals: readonly ActualInput[]): Promise<PortResult<void>>;
  /**
   * Writes the Run log sheet alone, with these entries (an import's record added to the log read back):
   * no result sheet is touched. Refused, as any write, when the Run log was edited by hand.
   */
  writeRunLog(log: readonly RunLogEntry[]): Promise<PortResult<WriteReport>>;
  /** The run settings kept in the Settings table. */
  readRunSettings(): Promise<PortResult<RunSettings>>;
  /** Stores the run settings in the Settings table, so reopening and re-running reproduces the run. */
  writeRunSettings(settings: RunSettings): Promise<PortResult<void>>;
}

/** A value or the workbook problems that prevented it. */
export type PortResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly WorkbookProblem[] };

/** What {@link WorkbookPort.inspect} reports. */
export interface WorkbookStatus {
  /** True when the required input tables (Partners, Costs, Settings) are all present. */
  readonly hasModel: boolean;
  /** Each input table and whether it is present. */
  readonly tables: readonly { readonly name: string; readonly present: boolean }[];
  /** Owned input sheets present (including Lists). */
  readonly inputSheets: readonly string[];
  /** Owned output sheets present. */
  readonly outputSheets: readonly string[];
  /** Sheets that have one of the add-in's names but were not created by it. */
  readonly foreignSheets: readonly string[];
}

/** Options for {@link WorkbookPort.createModel}. */
export interface CreateModelOptions {
  /** The user confirmed replacing the existing input sheets. */
  readonly replaceExisting?: boolean;
  /** Notes for the tables' Note columns (e.g. which figures are illustrative). */
  readonly notes?: TemplateNotes;
  /** The model's title, for the Settings table's "Title" (printed at the foot of output pages). */
  readonly title?: string;
  /** Run settings to start with (default: base model, no comparison). */
  readonly run?: RunSettings;
  /** Called after each request with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What {@link WorkbookPort.createModel} wrote. */
export interface CreateModelReport {
  readonly sheets: readonly string[];
}

/** The model read from the workbook, with a way to find the cell behind any engine error. */
export interface ModelRead extends ModelTables {
  /** The Run log written with the last outputs (empty when there is none), oldest first. */
  readonly runLog: readonly RunLogEntry[];
  /** The cell an engine error's `Where` points at, if it came from a table. */
  locate(where: Where): CellLocation | undefined;
}

/** An owned output sheet's values: its used range, from (row, col), zero-based. */
export interface OutputValues {
  readonly name: string;
  readonly kind: string;
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly CellValue[])[];
  /**
   * Visits every non-empty value, row by row and left to right in each row, without holding the sheet's values:
   * the command line's output sheets are read from the file's XML as it streams by (a 100,000-line model's
   * Allocations and Trace are larger than memory holds at once as values). Optional: without it, `values`.
   */
  readonly eachValue?: (visit: (row: number, col: number, value: CellValue) => void) => Promise<void>;
}

/** Each owned output sheet and whether it was edited by hand. */
export interface OutputsStatus {
  readonly sheets: readonly { readonly name: string; readonly kind: string; readonly edited: boolean }[];
}

/** Options for {@link WorkbookPort.writeOutputs}. */
export interface WriteOptions {
  /** The user confirmed replacing output sheets they have edited. */
  readonly replaceEdited?: boolean;
  /** Cancels the write before the swap: nothing the user sees changes. */
  readonly signal?: AbortSignal;
  /** Called after each request with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Only the output sheets of these kinds are written (the others stay exactly as they are): a
   * sign-off writes the Run log alone, so no result cell it approves is rewritten.
   */
  readonly onlyKinds?: readonly string[];
}

/** What a write did. */
export interface WriteReport {
  /** The sheets now in place, in order. */
  readonly sheets: readonly string[];
  /** Staging requests sent (each one `context.sync()` in Excel). */
  readonly batches: number;
  /** Estimated cell payload written, in bytes. */
  readonly bytes: number;
}

/** The current selection. */
export interface SelectionInfo {
  /** e.g. `Allocations!J7`: the active cell of the selection. */
  readonly address: string;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** What the cell shows, on the add-in's output sheets. */
  readonly target: SelectionTarget;
}
