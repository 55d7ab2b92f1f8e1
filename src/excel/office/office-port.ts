import type { ActualInput, ModelInput, ScenarioInput } from "../../engine";
import { cellAddress, parseAddress } from "../layout/address";
import { DEFAULT_MAX_REQUEST_BYTES } from "../layout/batches";
import type { CellValue } from "../layout/cells";
import { gridFingerprint } from "../layout/fingerprint";
import { INPUT_TABLES, SETTINGS, TABLE_ORDER } from "../layout/input-tables";
import { decodeMarker } from "../layout/marker";
import { markerEdited } from "../layout/run-log-marks";
import { MARKER_KEY, OUTPUT_TABLES } from "../layout/names";
import type { RunOutputs } from "../layout/outputs";
import type { RunLogEntry } from "../layout/outputs/run-log";
import type { RunSettings } from "../layout/run-settings";
import { describeSelection, headerRowOf } from "../layout/selection";
import type { SharedFormulasFound } from "../layout/shared-formulas";
import { scanSharedFormulas, writeSharedValues } from "./shared-formulas";
import type {
  CreateModelOptions,
  CreateModelReport,
  ModelRead,
  OutputsStatus,
  OutputValues,
  PortResult,
  SelectionInfo,
  WorkbookPort,
  WorkbookStatus,
  WriteOptions,
  WriteReport,
} from "../port";
import { chosenSheets, done, failed, isRunOutput, workbookStatus } from "../port-common";
import { encodeValues } from "./encode";
import { excelProblem } from "./excel-problem";
import { readInputTables } from "./read-tables";
import {
  DEFAULT_SYNC_TIME_LIMIT_MS,
  excelRun,
  hostSupportsRequirements,
  isSyncTimeLimit,
  limitSyncs,
  REQUIRED_API,
  RUN_OPTIONS,
  type ExcelRunner,
} from "./runner";
import { readState } from "./state";
import { DEFAULT_MAX_RESPONSE_BYTES, loadValues } from "./values";
import type { writeSheets } from "./write-sheets";

/**
 * Writing sheets (the input template, the output sheets' layouts, the staging and swap, the updates to the Scenarios
 * and Settings tables), loaded the first time the pane writes to the workbook: it is most of the workbook layer, and
 * the task pane does not need it to open, read or check a model, so its first load does not carry it.
 */
async function sheetWriting(operation: string): Promise<PortResult<typeof import("./sheet-writing")>> {
  try {
    return done(await import("./sheet-writing"));
  } catch (e) {
    return failed([excelProblem(operation, e)]);
  }
}

/**
 * Reading a model from its tables (the input readers and the engine's validation they reach), loaded the first time
 * the pane reads the workbook, so the pane's first paint does not carry it. A failure to load is a problem like any
 * other: each read runs inside `attempt`.
 */
const modelReading = (): Promise<typeof import("../model-read")> => import("../model-read");

/** Options for the Office.js adapter. */
export interface OfficeWorkbookOptions {
  /** How to get a request context (default `Excel.run`; tests pass a fake). */
  readonly run?: ExcelRunner;
  /** Cell payload per request (default 4 MB, under Excel on the web's 5 MB limit). */
  readonly maxRequestBytes?: number;
  /** Planned payload per response when reading sheets back (default 4 MB). */
  readonly maxResponseBytes?: number;
  /** Check the host supports ExcelApi 1.12 first (default: only with the default runner). */
  readonly checkRequirements?: boolean;
  /** How long to wait for one `context.sync()` before giving up (default {@link DEFAULT_SYNC_TIME_LIMIT_MS}). */
  readonly syncTimeLimitMs?: number;
}

/**
 * The {@link WorkbookPort} over Office.js: the only code in the add-in that
 * calls Excel. Reads and writes take a constant number of `context.sync()`
 * calls whatever the model's size (see each method), growing only when the
 * bytes moved exceed Excel on the web's 5 MB request/response limit.
 */
export function createOfficeWorkbook(options: OfficeWorkbookOptions = {}): WorkbookPort {
  const run = options.run ?? excelRun;
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const check = options.checkRequirements ?? options.run === undefined;
  const syncTimeLimitMs = options.syncTimeLimitMs ?? DEFAULT_SYNC_TIME_LIMIT_MS;

  /** A write whose request did not answer: it may or may not have reached these sheets. */
  const maybeWritten = (operation: string, e: unknown, sheets: readonly string[]): PortResult<never> | undefined =>
    isSyncTimeLimit(e)
      ? failed([{ kind: "syncTimedOut", operation, seconds: Math.ceil(e.limitMs / 1000), written: "unknown", sheets }])
      : undefined;

  /**
   * Clears the filters on one of the add-in's own tables and checks that none
   * is left (1 sync): Table.clearFilters() sometimes leaves one on (office-js
   * #468), and rows written or deleted under a filter land in the wrong place.
   */
  async function clearOwnFilters(context: Excel.RequestContext, name: string, sheet: string): Promise<PortResult<void>> {
    const table = context.workbook.tables.getItem(name);
    table.clearFilters();
    // `autoFilter` is a navigation property (a proxy, not a value): it needs no load or sync.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const filter = table.autoFilter;
    filter.load("isDataFiltered");
    await context.sync();
    return filter.isDataFiltered ? failed([{ kind: "filterStillOn", table: name, sheet }]) : done(undefined);
  }

  async function attempt<T>(operation: string, f: (context: Excel.RequestContext) => Promise<PortResult<T>>): Promise<PortResult<T>> {
    if (check && !hostSupportsRequirements())
      return failed([{ kind: "unsupportedHost", requirement: `${REQUIRED_API.set} ${REQUIRED_API.version}` }]);
    try {
      return await run(RUN_OPTIONS, (context) => f(limitSyncs(context, syncTimeLimitMs)));
    } catch (e) {
      return failed([excelProblem(operation, e)]);
    }
  }
  /**
   * Replaces the body of an input table the add-in fills (Scenarios, Actuals) with `bodyOf(header)`: finds the table and
   * reads its header and body, clears the add-in's own filters, resizes it and writes the rows. Columns the add-in does
   * not own are written as null, which Excel leaves as they are: a user's formulas and formats there survive.
   */
  function replaceBody(
    operation: string,
    key: "scenarios" | "actuals",
    bodyOf: (header: readonly CellValue[]) => {
      values: readonly (readonly (CellValue | undefined)[])[];
      formats: readonly (string | null | undefined)[];
    },
  ): Promise<PortResult<void>> {
    return attempt(operation, async (context) => {
      const name = INPUT_TABLES[key].name;
      const tables = await readInputTables(context, [name]);
      const t = tables.get(name);
      if (t === undefined) return failed([{ kind: "missingTable", table: name, sheet: INPUT_TABLES[key].sheet }]);
      const [header = [], ...current] = t.values;
      const body = bodyOf(header);
      const table = context.workbook.tables.getItem(t.name);
      // A filter on the table would make the resize and the write below skip or misplace rows.
      const cleared = await clearOwnFilters(context, t.name, t.sheet);
      if (!cleared.ok) return cleared;
      const ws = context.workbook.worksheets.getItem(t.sheet);
      const have = Math.max(1, current.length);
      const want = body.values.length;
      if (want > have)
        table.rows.add(
          undefined,
          Array.from({ length: want - have }, () => header.map(() => "")),
        );
      if (want < have) ws.getRangeByIndexes(t.row + 1 + want, t.col, have - want, header.length).delete("Up");
      const rows = body.values.map((r) => r.map((v) => (v === undefined ? null : v)));
      const formats = body.formats.map((f) => (f === undefined ? null : f));
      const range = ws.getRangeByIndexes(t.row + 1, t.col, want, header.length);
      range.numberFormat = rows.map(() => body.formats.map((f) => (f === undefined ? null : (f ?? "General")))) as string[][];
      range.values = encodeValues(rows, formats) as (string | number | boolean)[][];
      try {
        await context.sync();
      } catch (e) {
        return maybeWritten(operation, e, [t.sheet]) ?? failed([excelProblem(operation, e)]);
      }
      return done(undefined);
    });
  }

  // Outputs and statements are written alike: never over the inputs, over edited sheets only when asked.
  const outputWriteOptions = (opts: WriteOptions, operation: string): Parameters<typeof writeSheets>[2] => ({
    operation,
    replaceInputs: false,
    replaceEdited: opts.replaceEdited === true,
    maxRequestBytes,
    maxResponseBytes,
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
  });

  const port: WorkbookPort = {
    /** 2 syncs. */
    inspect(): Promise<PortResult<WorkbookStatus>> {
      return attempt("inspect the workbook", async (context) => {
        const state = await readState(context);
        return done(
          workbookStatus(
            state.sheets,
            state.tables.map((t) => t.name),
          ),
        );
      });
    },

    /** 2 syncs to read and plan, 1 per staging batch (1 for any sample), 1 to swap. */
    async createModel(model: ModelInput | undefined, opts: CreateModelOptions = {}): Promise<PortResult<CreateModelReport>> {
      const writing = await sheetWriting("create the model sheets");
      if (!writing.ok) return writing;
      const { buildInputSheets, writeSheets } = writing.value;
      return attempt("create the model sheets", async (context) => {
        const built = buildInputSheets(model, {
          ...(opts.notes === undefined ? {} : { notes: opts.notes }),
          ...(opts.run === undefined ? {} : { run: opts.run }),
          ...(opts.title === undefined ? {} : { title: opts.title }),
        });
        if (!built.ok) return failed(built.problems);
        const r = await writeSheets(context, built.sheets, {
          operation: "create the model sheets",
          replaceInputs: opts.replaceExisting === true,
          replaceEdited: true,
          maxRequestBytes,
          maxResponseBytes,
          ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
        });
        return r.ok ? done({ sheets: r.value.sheets }) : r;
      });
    },

    /** 2 syncs (more only when the tables exceed the 5 MB response limit). */
    readModel(): Promise<PortResult<ModelRead>> {
      // The Run log is read in the same requests as the input tables.
      return attempt("read the model", async (context) =>
        done(
          (await modelReading()).modelRead(
            await readInputTables(context, [...TABLE_ORDER.map((k) => INPUT_TABLES[k].name), OUTPUT_TABLES.runLog]),
          ),
        ),
      );
    },

    /** 3 syncs: state, then the owned outputs' values (in pieces within the response limit). */
    readOutputs(): Promise<PortResult<readonly OutputValues[]>> {
      return attempt("read the output sheets", async (context) => {
        const state = await readState(context, () => true);
        const outputs = state.sheets.filter((s) => isRunOutput(s.marker));
        const pieces = outputs.map((s) => s.used).filter((u): u is NonNullable<typeof u> => u !== undefined);
        const values = await loadValues(context, pieces, maxResponseBytes);
        return done(
          outputs.map((s) => {
            const k = s.used === undefined ? -1 : pieces.indexOf(s.used);
            return { name: s.name, kind: s.marker?.kind ?? "", row: s.used?.row ?? 0, col: s.used?.col ?? 0, values: values[k] ?? [] };
          }),
        );
      });
    },

    /** 3 syncs: state, then the owned outputs' values. */
    checkOutputs(): Promise<PortResult<OutputsStatus>> {
      return attempt("check the output sheets", async (context) => {
        const state = await readState(context, () => true);
        const outputs = state.sheets.filter((s) => isRunOutput(s.marker));
        const pieces = outputs.map((s) => s.used).filter((u): u is NonNullable<typeof u> => u !== undefined);
        const values = await loadValues(context, pieces, maxResponseBytes);
        return done({
          sheets: outputs.map((s) => {
            const k = s.used === undefined ? -1 : pieces.indexOf(s.used);
            const fp = s.used === undefined ? gridFingerprint(0, 0, []) : gridFingerprint(s.used.row, s.used.col, values[k] ?? []);
            return { name: s.name, kind: s.marker?.kind ?? "", edited: markerEdited(s.marker, fp) };
          }),
        });
      });
    },

    /** See {@link writeSheets}: 3 or 4 syncs plus one per staging batch. */
    async writeOutputs(outputs: RunOutputs, opts: WriteOptions = {}): Promise<PortResult<WriteReport>> {
      const writing = await sheetWriting("write the results");
      if (!writing.ok) return writing;
      const { buildOutputSheets, writeSheets } = writing.value;
      return attempt("write the results", (context) =>
        writeSheets(context, chosenSheets(buildOutputSheets(outputs), opts.onlyKinds), outputWriteOptions(opts, "write the results")),
      );
    },

    /** As {@link writeOutputs}, for the statement sheets. */
    async writeStatements(outputs: RunOutputs, partners: readonly string[], opts: WriteOptions = {}): Promise<PortResult<WriteReport>> {
      const writing = await sheetWriting("write the statements");
      if (!writing.ok) return writing;
      const { buildStatementSheets, writeSheets } = writing.value;
      return attempt("write the statements", (context) =>
        writeSheets(context, buildStatementSheets(outputs, partners), outputWriteOptions(opts, "write the statements")),
      );
    },

    /** See {@link scanSharedFormulas}: 3 syncs for a workbook without =SHARED formulas, 5 with (more only past 4 MB of cells). */
    findSharedFormulas(): Promise<PortResult<SharedFormulasFound>> {
      return attempt("find the =SHARED formulas", async (context) => done((await scanSharedFormulas(context, maxResponseBytes)).found));
    },

    /** The scan again, then 1 sync per 20,000 cells written. */
    sharedFormulasToValues(confirmed: { readonly formulas: number; readonly cells: number }): Promise<PortResult<SharedFormulasFound>> {
      return attempt("turn the =SHARED formulas into values", async (context) => {
        const scan = await scanSharedFormulas(context, maxResponseBytes);
        if (scan.found.busy > 0) return failed([{ kind: "stillCalculating", cells: scan.found.busy }]);
        if (scan.found.formulas !== confirmed.formulas || scan.found.cells !== confirmed.cells)
          return failed([{ kind: "sharedFormulasChanged", confirmed: confirmed.formulas, found: scan.found.formulas }]);
        try {
          await writeSharedValues(context, scan.writes);
        } catch (e) {
          const timedOut = maybeWritten("turn the =SHARED formulas into values", e, [...scan.writes.keys()]);
          if (timedOut !== undefined) return timedOut;
          throw e;
        }
        return done(scan.found);
      });
    },

    /** 1 sync. */
    selectCell(address: string): Promise<PortResult<void>> {
      return attempt("select the cell", async (context) => {
        const ref = parseAddress(address);
        if (ref === undefined) return failed([{ kind: "invalidAddress", address }]);
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRangeByIndexes(ref.row, ref.col, ref.rows, ref.cols).select();
        try {
          await context.sync();
        } catch (e) {
          const p = excelProblem("select the cell", e);
          return failed([
            p.kind === "hostError" && (p.code === "ItemNotFound" || p.code === "InvalidArgument") ? { kind: "invalidAddress", address } : p,
          ]);
        }
        return done(undefined);
      });
    },

    /**
     * 1 sync, 2 on an output sheet (to read the selected row and its headers).
     * Reads the active cell, not the selected range: `getSelectedRange()`
     * fails on a multi-area (Ctrl+click) selection and `getActiveWorksheet()`
     * on a chart sheet; the active cell is one cell in every selection, and
     * its sheet comes with it. With no active cell (a chart sheet) the answer
     * is "select one cell".
     */
    readSelection(): Promise<PortResult<SelectionInfo>> {
      return attempt("read the selection", async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("rowIndex,columnIndex");
        // `worksheet` is a navigation property (a proxy, not a value): it needs no load or sync.
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
        const ws = cell.worksheet;
        ws.load("name");
        const marker = ws.customProperties.getItemOrNullObject(MARKER_KEY);
        marker.load("value");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("columnIndex,columnCount");
        try {
          await context.sync();
        } catch (e) {
          const p = excelProblem("read the selection", e);
          // No active cell: a chart sheet is active, or the workbook does not have the focus.
          return failed([p.kind === "hostError" && p.code === "InvalidSelection" ? { kind: "noActiveCell" } : p]);
        }
        const m = marker.isNullObject ? undefined : decodeMarker(marker.value);
        const base = {
          address: cellAddress({ sheet: ws.name, row: cell.rowIndex, col: cell.columnIndex }),
          sheet: ws.name,
          row: cell.rowIndex,
          col: cell.columnIndex,
        };
        const headerRow = m?.role === "output" ? headerRowOf(m.kind) : undefined;
        if (m === undefined || headerRow === undefined || used.isNullObject) return done({ ...base, target: { kind: "none" } });
        const width = used.columnIndex + used.columnCount;
        const header = ws.getRangeByIndexes(headerRow, 0, 1, width);
        header.load("values");
        const row = ws.getRangeByIndexes(cell.rowIndex, 0, 1, width);
        row.load("values");
        await context.sync();
        return done({
          ...base,
          target: describeSelection(
            m.kind,
            cell.rowIndex,
            cell.columnIndex,
            (row.values[0] ?? []) as CellValue[],
            (header.values[0] ?? []) as CellValue[],
          ),
        });
      });
    },

    /** 2 syncs. */
    readScenarios(): Promise<PortResult<readonly ScenarioInput[]>> {
      return attempt("read the scenarios", async (context) =>
        done((await modelReading()).modelRead(await readInputTables(context, [INPUT_TABLES.scenarios.name])).model.scenarios ?? []),
      );
    },

    /** 4 syncs: find the table and read its header and body (2), clear its filters and check none is left, resize and write it. */
    async writeScenarios(scenarios: readonly ScenarioInput[]): Promise<PortResult<void>> {
      const writing = await sheetWriting("write the scenarios");
      if (!writing.ok) return writing;
      return replaceBody("write the scenarios", "scenarios", (header) => writing.value.scenarioBody(header, scenarios));
    },

    /** 4 syncs, as the scenarios: the Actuals table's body replaced by the imported rows. */
    async writeActuals(actuals: readonly ActualInput[]): Promise<PortResult<void>> {
      const writing = await sheetWriting("write the actuals");
      if (!writing.ok) return writing;
      return replaceBody("write the actuals", "actuals", (header) => writing.value.actualsBody(header, actuals));
    },

    /** As {@link writeOutputs}, for the Run log sheet alone. */
    async writeRunLog(log: readonly RunLogEntry[]): Promise<PortResult<WriteReport>> {
      const writing = await sheetWriting("write the Run log");
      if (!writing.ok) return writing;
      const { runLogSheet, writeSheets } = writing.value;
      return attempt("write the Run log", (context) =>
        writeSheets(context, [runLogSheet(log)], outputWriteOptions({}, "write the Run log")),
      );
    },

    /** 2 syncs. */
    readRunSettings(): Promise<PortResult<RunSettings>> {
      return attempt("read the run settings", async (context) =>
        done((await modelReading()).modelRead(await readInputTables(context, [INPUT_TABLES.settings.name])).runSettings),
      );
    },

    /** 4 syncs: read the table (2), clear its filters and check none is left, write. */
    async writeRunSettings(settings: RunSettings): Promise<PortResult<void>> {
      const writing = await sheetWriting("write the run settings");
      if (!writing.ok) return writing;
      const { runSettingWrites, settingsColumns } = writing.value;
      return attempt("write the run settings", async (context) => {
        const name = INPUT_TABLES.settings.name;
        const t = (await readInputTables(context, [name])).get(name);
        if (t === undefined) return failed([{ kind: "missingTable", table: name, sheet: INPUT_TABLES.settings.sheet }]);
        const cols = settingsColumns(t.values[0] ?? []);
        if (cols.setting < 0 || cols.value < 0)
          return failed([
            {
              kind: "missingColumn",
              table: name,
              column: cols.setting < 0 ? "Setting" : "Value",
              at: { sheet: t.sheet, row: t.row, col: t.col, address: cellAddress(t) },
            },
          ]);
        const writes = runSettingWrites(t.values, settings);
        // A filter on the table would make the rows appended below land in the wrong place.
        const cleared = await clearOwnFilters(context, name, t.sheet);
        if (!cleared.ok) return cleared;
        const ws = context.workbook.worksheets.getItem(t.sheet);
        const width = (t.values[0] ?? []).length;
        const missing = writes.filter((w) => w.bodyRow < 0);
        if (missing.length > 0) {
          context.workbook.tables.getItem(name).rows.add(
            undefined,
            missing.map((w) => {
              const row: (string | number | boolean)[] = Array.from({ length: width }, () => "");
              row[cols.setting] = `'${SETTINGS.find((s) => s.key === w.key)?.label ?? w.key}`;
              return row;
            }),
          );
        }
        let appended = t.values.length - 1;
        for (const w of writes) {
          const bodyRow = w.bodyRow >= 0 ? w.bodyRow : appended++;
          const cell = ws.getRangeByIndexes(t.row + 1 + bodyRow, t.col + cols.value, 1, 1);
          cell.numberFormat = [[w.format ?? "General"]];
          cell.values = encodeValues([[w.value]], [w.format]);
        }
        try {
          await context.sync();
        } catch (e) {
          return maybeWritten("write the run settings", e, [t.sheet]) ?? failed([excelProblem("write the run settings", e)]);
        }
        return done(undefined);
      });
    },
  };
  return port;
}
