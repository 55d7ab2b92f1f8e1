import * as React from "react";
import { render, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { runModel, errorMessage, type ModelRun } from "../../../src/engine";
import { cellAddress } from "../../../src/excel/layout/address";
import { createMemoryPort } from "../../../src/excel/memory/memory-port";
import { MemoryWorkbook } from "../../../src/excel/memory/memory-workbook";
import type { WorkbookPort } from "../../../src/excel/port";
import { BRENT_LEWISHAM_SOUTHWARK, SAMPLES, type SampleModel } from "../../../src/samples";
import { App } from "../../../src/taskpane/App";
import type { EngineApi } from "../../../src/app";
import { sampleChoices } from "../../../src/taskpane/samples";
import type { SampleChoice } from "../../../src/taskpane/services";
import type { ScreenId } from "../../../src/taskpane/screens/screen-ids";
import { createSelectionSource } from "../../../src/taskpane/services";

/** What a screen test gets: the rendered app, the real in-memory workbook and port (spied), and a user. */
export interface Harness {
  readonly view: RenderResult;
  readonly workbook: MemoryWorkbook;
  readonly port: WorkbookPort;
  readonly user: ReturnType<typeof userEvent.setup>;
  readonly selection: ReturnType<typeof createSelectionSource>;
}

/** Options for {@link renderTaskpane}. */
export interface HarnessOptions {
  /** Preload this sample (default Brent/Lewisham/Southwark); null for an empty workbook. */
  readonly sample?: SampleModel | null;
  readonly screen?: ScreenId;
  /** Replace port methods (e.g. to hold a write open); the rest are the memory port's own. */
  readonly port?: (real: WorkbookPort) => Partial<WorkbookPort>;
  readonly engine?: EngineApi;
  /** The samples as the pane in Excel gives them (a loader, as index.tsx does); default the list, as the preview does. */
  readonly samples?: () => Promise<readonly SampleChoice[]>;
  /** Runs on the workbook after the sample is created, before the app renders. */
  readonly before?: (workbook: MemoryWorkbook, port: WorkbookPort) => Promise<void> | void;
}

/**
 * Renders the whole task pane on the real in-memory port (the workbook
 * layer's `createMemoryPort`), with every port method wrapped in a spy.
 */
export async function renderTaskpane(options: HarnessOptions = {}): Promise<Harness> {
  const workbook = new MemoryWorkbook(["Sheet1"]);
  const real = createMemoryPort(workbook).port;
  const sample = options.sample === undefined ? BRENT_LEWISHAM_SOUTHWARK : options.sample;
  if (sample) {
    const r = await real.createModel(sample.model, { notes: sample.notes });
    if (!r.ok) throw new Error(`could not create the sample: ${JSON.stringify(r.problems)}`);
  }
  await options.before?.(workbook, real);
  const merged: WorkbookPort = { ...real, ...(options.port?.(real) ?? {}) };
  const port = Object.fromEntries(
    Object.entries(merged).map(([k, f]) => [k, vi.fn(f as (...a: unknown[]) => unknown)]),
  ) as unknown as WorkbookPort;
  const selection = createSelectionSource();
  // The preview's wiring: every change to the in-memory workbook is a change notice to the pane.
  const changes = createSelectionSource();
  workbook.subscribe(() => changes.notify());
  const user = userEvent.setup();
  const view = render(
    <App
      theme="light"
      initialScreen={options.screen}
      services={{
        port,
        samples: options.samples ?? sampleChoices(SAMPLES),
        selection,
        changes,
        ...(options.engine ? { engine: options.engine } : {}),
      }}
    />,
  );
  return { view, workbook, port, user, selection };
}

/** The engine's run of a sample's base model (what the pane should show). */
export function engineRun(sample: SampleModel = BRENT_LEWISHAM_SOUTHWARK): ModelRun {
  const r = runModel(sample.model);
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}

/** The address of the cell in a table's column (by header text) on the n-th body row (1-based). */
export function tableCell(workbook: MemoryWorkbook, tableName: string, header: string, bodyRow: number): string {
  const table = workbook.listTables().find((t) => t.name === tableName);
  if (!table) throw new Error(`no table ${tableName}`);
  const view = workbook.view(table.sheet);
  if (!view) throw new Error(`no sheet ${table.sheet}`);
  for (let c = table.col; c < table.col + table.cols; c++) {
    if (String(view.cell(table.row, c).value).toLowerCase().startsWith(header.toLowerCase())) {
      return cellAddress({ sheet: view.name, row: table.row + bodyRow, col: c });
    }
  }
  throw new Error(`no column ${header} in ${tableName}`);
}

/** A promise with its resolve function, to hold an async step open. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
