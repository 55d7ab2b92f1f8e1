import type { ActualInput, ModelInput, ScenarioInput } from "../../engine";
import { withRetiredOutputs } from "../layout/retired-outputs";
import { cellAddress, parseAddress } from "../layout/address";
import type { CellValue, SheetSpec } from "../layout/cells";
import { planBatches, sheetBatches, type Batch } from "../layout/batches";
import { gridFingerprint } from "../layout/fingerprint";
import { INPUT_TABLES, SETTINGS, TABLE_ORDER } from "../layout/input-tables";
import { OUTPUT_TABLES } from "../layout/names";
import { encodeMarker, type SheetMarker } from "../layout/marker";
import { markerEdited, runLogMarks } from "../layout/run-log-marks";
import { buildOutputSheets, type RunOutputs } from "../layout/outputs";
import { runLogSheet, type RunLogEntry } from "../layout/outputs/run-log";
import { buildStatementSheets } from "../layout/outputs/statement";
import type { RawTable } from "../layout/read-model";
import type { RunSettings } from "../layout/run-settings";
import { describeSelection, headerRowOf } from "../layout/selection";
import type { SharedFormulasFound } from "../layout/shared-formulas";
import { actualsBody, runSettingWrites, scenarioBody, settingsColumns } from "../layout/table-updates";
import { buildInputSheets } from "../layout/template";
import { editedSheets, planWrite, swapOutcome, type WritePlan } from "../layout/write-plan";
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
import { modelRead } from "../model-read";
import { chosenSheets, done, failed, fillRow, hostProblem, isRunOutput, withMarkers, workbookStatus } from "../port-common";
import type { WorkbookProblem } from "../problems";
import type { SheetStore } from "./sheet-store";

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Options for a store-backed port. */
export interface StorePortOptions {
  /**
   * Payload budget per staged batch, to stage as the Office.js adapter would
   * (it only shapes progress reporting in-process). Without it each sheet is
   * one batch and no bytes are estimated (the report's `bytes` is 0).
   */
  readonly maxRequestBytes?: number;
}

/**
 * The whole {@link WorkbookPort} over any synchronous {@link SheetStore}
 * (the in-memory workbook, or exceljs for the command line). It follows the
 * same plan as the Office.js adapter — the same sheets, staged hidden and
 * swapped in — so the sheets it writes are identical.
 */
export function createStorePort(store: SheetStore, options: StorePortOptions = {}): WorkbookPort {
  const maxBytes = options.maxRequestBytes;

  const sheets = (): { name: string; visible: boolean; marker: SheetMarker | undefined }[] => {
    const marked = withMarkers(store.listSheets());
    if (marked.every((s) => s.marker !== undefined)) return marked;
    // Sheets that lost both marks (a save by exceljs): recognised from the Run log's record of them.
    const all = store.listTables();
    const log = all.find((x) => same(x.name, OUTPUT_TABLES.runLog));
    const raw = log === undefined ? undefined : { ...log, values: store.readValues(log.sheet, log.row, log.col, log.rows, log.cols) };
    const third = runLogMarks(marked, all, raw);
    return marked.map((s) => ({ ...s, marker: s.marker ?? third.get(s.name) }));
  };

  const readTables = (): Map<string, RawTable> => {
    const out = new Map<string, RawTable>();
    const all = store.listTables();
    for (const key of TABLE_ORDER) {
      const t = all.find((x) => same(x.name, INPUT_TABLES[key].name));
      if (t === undefined) continue;
      out.set(INPUT_TABLES[key].name, {
        name: t.name,
        sheet: t.sheet,
        row: t.row,
        col: t.col,
        values: store.readValues(t.sheet, t.row, t.col, t.rows, t.cols),
      });
    }
    // The Run log is read with the model: the application layer carries it forward and compares fingerprints with it.
    const log = all.find((x) => same(x.name, OUTPUT_TABLES.runLog));
    if (log !== undefined)
      out.set(OUTPUT_TABLES.runLog, {
        name: log.name,
        sheet: log.sheet,
        row: log.row,
        col: log.col,
        values: store.readValues(log.sheet, log.row, log.col, log.rows, log.cols),
      });
    return out;
  };

  const currentFingerprint = (name: string): string => {
    const known = store.fingerprint?.(name);
    if (known !== undefined) return known;
    const used = store.usedRange(name);
    return used === undefined
      ? gridFingerprint(0, 0, [])
      : gridFingerprint(used.row, used.col, store.readValues(name, used.row, used.col, used.rows, used.cols));
  };

  const runBatch = (batch: Batch): void => {
    for (const op of batch.ops) {
      switch (op.kind) {
        case "addSheet":
          store.addSheet(op.sheet, false);
          store.setMarker(op.sheet, encodeMarker({ v: 1, role: "staging", kind: "staging" }));
          break;
        case "cells":
          store.writeBlock(
            op.sheet,
            op.row,
            op.col,
            op.values,
            op.formats === undefined ? undefined : op.formats.map((f) => f ?? "General"),
            op.style,
          );
          break;
        case "finish": {
          const p = op.planned;
          const s = p.spec;
          s.tables.forEach((t, i) => store.addTable(p.staging, t, p.stagingTables[i] ?? t.name));
          for (const c of s.conditionalFormats) store.addConditionalFormat(p.staging, c);
          for (const c of s.charts) store.addChart(p.staging, c);
          store.setFreezeRows(p.staging, s.freezeRows);
          store.setColumnWidths(p.staging, s.columnWidths);
          if (s.tabColor !== undefined) store.setTabColor(p.staging, s.tabColor);
          if (s.text !== undefined) store.setTextLayout(p.staging, s.text);
          if (s.print !== undefined) store.setPrint(p.staging, s.print);
          break;
        }
      }
    }
  };

  const swap = (plan: WritePlan): void => {
    for (const p of plan.sheets) {
      if (p.replaces !== undefined) store.deleteSheet(p.replaces);
      store.renameSheet(p.staging, p.spec.name);
      p.spec.tables.forEach((t, i) => store.renameTable(p.stagingTables[i] ?? t.name, t.name));
      const marker: SheetMarker = {
        v: 1,
        role: p.spec.role,
        kind: p.spec.kind,
        ...(p.spec.role === "output" ? { fp: p.fingerprint } : {}),
      };
      store.setMarker(p.spec.name, encodeMarker(marker));
      store.setVisible(p.spec.name, true);
    }
    // Validations last: their lists may refer to another sheet of the same write.
    for (const p of plan.sheets) for (const v of p.spec.validations) store.addValidation(p.spec.name, v);
    const names = new Set(plan.sheets.map((p) => p.spec.name));
    plan.order.forEach((name, i) => {
      if (names.has(name)) store.moveSheet(name, i);
    });
  };

  const writeSheets = (
    specs: readonly SheetSpec[],
    opts: { replaceInputs: boolean; replaceEdited: boolean; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
  ): PortResult<WriteReport> => {
    const existing = sheets();
    const planned = planWrite(existing, store.listTables(), withRetiredOutputs(existing, specs), { replaceInputs: opts.replaceInputs });
    if (!planned.ok) return failed(planned.problems);
    const plan = planned.plan;
    if (!opts.replaceEdited) {
      const current = new Map<string, string>();
      for (const p of plan.sheets)
        if (p.replaces !== undefined && p.spec.role === "output") current.set(p.replaces.toLowerCase(), currentFingerprint(p.replaces));
      const edited = editedSheets(plan, existing, current);
      if (edited.length > 0) return failed([{ kind: "outputsEdited", sheets: edited }]);
    }
    // With no request budget given there is nothing to split for: one batch per sheet, for progress.
    const batches = maxBytes === undefined ? sheetBatches(plan.sheets) : planBatches(plan.sheets, maxBytes);
    const cleanup = (): string[] => {
      const left: string[] = [];
      for (const p of plan.sheets) {
        if (!store.listSheets().some((s) => same(s.name, p.staging))) continue;
        try {
          store.deleteSheet(p.staging);
        } catch {
          left.push(p.staging);
        }
      }
      return left;
    };
    try {
      for (const name of plan.staleStaging) store.deleteSheet(name);
      let i = 0;
      for (const b of batches) {
        if (opts.signal?.aborted === true) {
          cleanup();
          return failed([{ kind: "cancelled" }]);
        }
        runBatch(b);
        opts.onProgress?.(++i, batches.length);
      }
    } catch (e) {
      const leftover = cleanup();
      return failed([
        writeFailed(
          "stage",
          e,
          [],
          plan.sheets.filter((p) => p.replaces !== undefined).map((p) => p.spec.name),
          [],
          leftover,
        ),
      ]);
    }
    if (opts.signal?.aborted === true) {
      cleanup();
      return failed([{ kind: "cancelled" }]);
    }
    try {
      swap(plan);
    } catch (e) {
      const o = swapOutcome(plan, sheets());
      return failed([writeFailed("swap", e, o.replaced, o.kept, o.missing, o.leftover)]);
    }
    return done({ sheets: plan.sheets.map((p) => p.spec.name), batches: batches.length, bytes: batches.reduce((a, b) => a + b.bytes, 0) });
  };

  /**
   * Replaces the body of an input table the add-in fills (Scenarios, Actuals) with `bodyOf(header)`, keeping the cells
   * of columns the add-in does not own (`fillRow`).
   */
  const replaceBody = (
    key: "scenarios" | "actuals",
    bodyOf: (header: readonly CellValue[]) => {
      values: readonly (readonly (CellValue | undefined)[])[];
      formats: readonly (string | null | undefined)[];
    },
  ): PortResult<void> => {
    const def = INPUT_TABLES[key];
    const t = store.listTables().find((x) => same(x.name, def.name));
    if (t === undefined) return failed([{ kind: "missingTable", table: def.name, sheet: def.sheet }]);
    const [header = []] = store.readValues(t.sheet, t.row, t.col, 1, t.cols);
    const body = bodyOf(header);
    store.resizeTableBody(t.name, body.values.length);
    const current = store.readValues(t.sheet, t.row + 1, t.col, body.values.length, t.cols);
    const rows = body.values.map((r, i) => fillRow(r, current[i] ?? []));
    store.writeBlock(
      t.sheet,
      t.row + 1,
      t.col,
      rows,
      body.formats.map((f) => (f === undefined ? null : f)),
      undefined,
    );
    return done(undefined);
  };

  const settingsTable = (): RawTable | undefined => readTables().get(INPUT_TABLES.settings.name);

  const port: WorkbookPort = {
    inspect(): Promise<PortResult<WorkbookStatus>> {
      return attempt("inspect the workbook", () =>
        done(
          workbookStatus(
            sheets(),
            store.listTables().map((t) => t.name),
          ),
        ),
      );
    },
    createModel(model: ModelInput | undefined, options: CreateModelOptions = {}): Promise<PortResult<CreateModelReport>> {
      return attempt("create the model sheets", () => {
        const built = buildInputSheets(model, {
          ...(options.notes === undefined ? {} : { notes: options.notes }),
          ...(options.run === undefined ? {} : { run: options.run }),
          ...(options.title === undefined ? {} : { title: options.title }),
        });
        if (!built.ok) return failed(built.problems);
        const r = writeSheets(built.sheets, {
          replaceInputs: options.replaceExisting === true,
          replaceEdited: true,
          ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        });
        if (r.ok) {
          const first = built.sheets[0];
          if (first !== undefined) store.select(first.name, 1, 0, 1, 1);
        }
        return r.ok ? done({ sheets: r.value.sheets }) : failed(r.problems);
      });
    },
    readModel(): Promise<PortResult<ModelRead>> {
      return attempt("read the model", () => done(modelRead(readTables())));
    },
    readOutputs(): Promise<PortResult<readonly OutputValues[]>> {
      return attempt("read the output sheets", () =>
        done(
          sheets()
            .filter((s) => s.marker?.role === "output")
            .map((s): OutputValues => {
              const used = store.usedRange(s.name);
              const read = (): CellValue[][] =>
                used === undefined ? [] : store.readValues(s.name, used.row, used.col, used.rows, used.cols);
              const eachValue = store.streamValues?.(s.name);
              const at = { name: s.name, kind: s.marker?.kind ?? "", row: used?.row ?? 0, col: used?.col ?? 0 };
              // A sheet the store streams is read only when asked, once per asking, so no two are held at once.
              return eachValue === undefined
                ? { ...at, values: read() }
                : {
                    ...at,
                    get values() {
                      return read();
                    },
                    eachValue,
                  };
            }),
        ),
      );
    },
    checkOutputs(): Promise<PortResult<OutputsStatus>> {
      return attempt("check the output sheets", () =>
        done({
          sheets: sheets()
            .filter((s) => isRunOutput(s.marker))
            .map((s) => ({
              name: s.name,
              kind: s.marker?.kind ?? "",
              edited: markerEdited(s.marker, currentFingerprint(s.name)),
            })),
        }),
      );
    },
    writeOutputs(outputs: RunOutputs, options: WriteOptions = {}): Promise<PortResult<WriteReport>> {
      return attempt("write the results", () =>
        writeSheets(chosenSheets(buildOutputSheets(outputs), options.onlyKinds), {
          replaceInputs: false,
          replaceEdited: options.replaceEdited === true,
          ...(options.signal === undefined ? {} : { signal: options.signal }),
          ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        }),
      );
    },
    writeStatements(outputs: RunOutputs, partners: readonly string[], options: WriteOptions = {}): Promise<PortResult<WriteReport>> {
      return attempt("write the statements", () =>
        writeSheets(buildStatementSheets(outputs, partners), {
          replaceInputs: false,
          replaceEdited: options.replaceEdited === true,
          ...(options.signal === undefined ? {} : { signal: options.signal }),
          ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        }),
      );
    },
    // A store (the command line's file, the browser preview) holds no calculated =SHARED formulas: only Excel does.
    findSharedFormulas(): Promise<PortResult<SharedFormulasFound>> {
      return attempt("find the =SHARED formulas", () => failed([{ kind: "formulasNeedExcel" }]));
    },
    sharedFormulasToValues(): Promise<PortResult<SharedFormulasFound>> {
      return attempt("turn the =SHARED formulas into values", () => failed([{ kind: "formulasNeedExcel" }]));
    },
    selectCell(address: string): Promise<PortResult<void>> {
      return attempt("select the cell", () => {
        const ref = parseAddress(address);
        const sheet = ref === undefined ? undefined : store.listSheets().find((s) => same(s.name, ref.sheet));
        if (ref === undefined || sheet === undefined) return failed([{ kind: "invalidAddress", address }]);
        store.select(sheet.name, ref.row, ref.col, ref.rows, ref.cols);
        return done(undefined);
      });
    },
    readSelection(): Promise<PortResult<SelectionInfo>> {
      return attempt("read the selection", () => {
        const sel = store.selection();
        if (sel === undefined) return failed([{ kind: "invalidAddress", address: "" }]);
        const marker = sheets().find((s) => same(s.name, sel.sheet))?.marker;
        const base = { address: cellAddress(sel), sheet: sel.sheet, row: sel.row, col: sel.col };
        const headerRow = marker?.role === "output" ? headerRowOf(marker.kind) : undefined;
        if (marker === undefined || headerRow === undefined) return done({ ...base, target: { kind: "none" } });
        const used = store.usedRange(sel.sheet);
        const width = used === undefined ? 1 : used.col + used.cols;
        const [header = []] = store.readValues(sel.sheet, headerRow, 0, 1, width);
        const [row = []] = store.readValues(sel.sheet, sel.row, 0, 1, width);
        return done({ ...base, target: describeSelection(marker.kind, sel.row, sel.col, row, header) });
      });
    },
    readScenarios(): Promise<PortResult<readonly ScenarioInput[]>> {
      return attempt("read the scenarios", () => done(modelRead(readTables()).model.scenarios ?? []));
    },
    writeScenarios(scenarios: readonly ScenarioInput[]): Promise<PortResult<void>> {
      return attempt("write the scenarios", () => replaceBody("scenarios", (header) => scenarioBody(header, scenarios)));
    },
    writeActuals(actuals: readonly ActualInput[]): Promise<PortResult<void>> {
      return attempt("write the actuals", () => replaceBody("actuals", (header) => actualsBody(header, actuals)));
    },
    writeRunLog(log: readonly RunLogEntry[]): Promise<PortResult<WriteReport>> {
      return attempt("write the Run log", () => writeSheets([runLogSheet(log)], { replaceInputs: false, replaceEdited: false }));
    },
    readRunSettings(): Promise<PortResult<RunSettings>> {
      return attempt("read the run settings", () => done(modelRead(readTables()).runSettings));
    },
    writeRunSettings(settings: RunSettings): Promise<PortResult<void>> {
      return attempt("write the run settings", () => {
        const t = settingsTable();
        if (t === undefined)
          return failed([{ kind: "missingTable", table: INPUT_TABLES.settings.name, sheet: INPUT_TABLES.settings.sheet }]);
        const cols = settingsColumns(t.values[0] ?? []);
        if (cols.setting < 0 || cols.value < 0)
          return failed([
            {
              kind: "missingColumn",
              table: t.name,
              column: cols.setting < 0 ? "Setting" : "Value",
              at: { sheet: t.sheet, row: t.row, col: t.col, address: cellAddress(t) },
            },
          ]);
        const writes = runSettingWrites(t.values, settings);
        const missing = writes.filter((w) => w.bodyRow < 0);
        let body = t.values.length - 1;
        if (missing.length > 0) {
          store.resizeTableBody(t.name, body + missing.length);
        }
        for (const w of writes) {
          const bodyRow = w.bodyRow >= 0 ? w.bodyRow : body++;
          const row = t.row + 1 + bodyRow;
          if (w.bodyRow < 0) store.writeBlock(t.sheet, row, t.col + cols.setting, [[labelOf(w.key)]], ["@"], undefined);
          store.writeBlock(t.sheet, row, t.col + cols.value, [[w.value]], [w.format ?? "General"], undefined);
        }
        return done(undefined);
      });
    },
  };
  return port;
}

function labelOf(key: string): string {
  return SETTINGS.find((s) => s.key === key)?.label ?? key;
}

function writeFailed(
  stage: "stage" | "swap",
  e: unknown,
  replaced: string[],
  kept: string[],
  missing: string[],
  leftover: string[],
): WorkbookProblem {
  const p = hostProblem("write", e);
  return { kind: "writeFailed", stage, detail: p.kind === "hostError" ? p.detail : String(e), replaced, kept, missing, leftover };
}

async function attempt<T>(operation: string, f: () => PortResult<T>): Promise<PortResult<T>> {
  await Promise.resolve();
  try {
    return f();
  } catch (e) {
    return failed([hostProblem(operation, e)]);
  }
}
