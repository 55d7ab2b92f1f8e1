import { parseAddress } from "../../src/excel/layout/address";
import type { CellValue } from "../../src/excel/layout/cells";
import { createMemoryPort } from "../../src/excel/memory/memory-port";
import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { createOfficeWorkbook } from "../../src/excel/office/office-port";
import type { WorkbookPort } from "../../src/excel/port";
import { cellKey, createFakeExcel, type FakeExcel } from "./excel-fake";
import { snapshotFake, snapshotMemory, type SheetSnapshot } from "./workbook-snapshot";

/** One adapter under test, with ways to look at and poke its workbook as a user would. */
export interface PortHarness {
  readonly name: string;
  readonly port: WorkbookPort;
  /** Every sheet as comparable data. */
  snapshot(): SheetSnapshot[];
  /** Types a value into a cell, as a user would (no add-in involved). */
  type(address: string, value: CellValue): void;
  /** Adds a sheet of the user's own with some cells. */
  addUserSheet(name: string, cells: Readonly<Record<string, CellValue>>): void;
  /** Syncs so far (Office adapter only). */
  syncs(): number | undefined;
  /** The fake Excel, for the Office adapter. */
  readonly fake: FakeExcel | undefined;
  readonly memory: MemoryWorkbook | undefined;
}

/** The in-memory adapter. */
export function memoryHarness(): PortHarness {
  const { port, workbook } = createMemoryPort(new MemoryWorkbook(["Sheet1"]));
  return {
    name: "memory",
    port,
    snapshot: () => snapshotMemory(workbook),
    type: (address, value) => workbook.setCellValue(address, value),
    addUserSheet: (name, cells) => {
      workbook.addSheet(name, true);
      for (const [a, v] of Object.entries(cells)) workbook.setCellValue(`${name}!${a}`, v);
    },
    syncs: () => undefined,
    fake: undefined,
    memory: workbook,
  };
}

/** The Office.js adapter on the fake Excel. */
export function officeHarness(
  options: { requestLimit?: number; responseLimit?: number; maxRequestBytes?: number; maxResponseBytes?: number } = {},
): PortHarness {
  const fake = createFakeExcel({
    ...(options.requestLimit === undefined ? {} : { requestLimit: options.requestLimit }),
    ...(options.responseLimit === undefined ? {} : { responseLimit: options.responseLimit }),
  });
  const port = createOfficeWorkbook({
    run: fake.run,
    ...(options.maxRequestBytes === undefined ? {} : { maxRequestBytes: options.maxRequestBytes }),
    ...(options.maxResponseBytes === undefined ? {} : { maxResponseBytes: options.maxResponseBytes }),
  });
  const type = (address: string, value: CellValue): void => {
    const ref = parseAddress(address);
    const sheet = ref === undefined ? undefined : fake.document.sheet(ref.sheet);
    if (ref === undefined || sheet === undefined) throw new Error(address);
    const k = cellKey(ref.row, ref.col);
    const old = sheet.cells.get(k);
    sheet.cells.set(k, { value, format: old?.format, style: old?.style, prefixed: false });
    const t = fake.document.tables.find(
      (x) => x.sheet === sheet && x.row + x.rows === ref.row && ref.col >= x.col && ref.col < x.col + x.cols,
    );
    if (t !== undefined && value !== "") t.rows++;
    fake.document.notifyTableChange(sheet, ref.row, ref.col);
  };
  return {
    name: "office",
    port,
    snapshot: () => snapshotFake(fake.document),
    type,
    addUserSheet: (name, cells) => {
      fake.document.addSheet(name);
      for (const [a, v] of Object.entries(cells)) type(`${name}!${a}`, v);
    },
    syncs: () => fake.stats.syncs,
    fake,
    memory: undefined,
  };
}

/** Both adapters, for tests that must hold for each. */
export const HARNESSES: readonly { readonly name: string; readonly make: () => PortHarness }[] = [
  { name: "memory", make: memoryHarness },
  { name: "office", make: () => officeHarness() },
];

/** A sheet's cells as a grid of values (from a snapshot), rows × columns from A1. */
export function gridOf(snapshot: readonly SheetSnapshot[], sheet: string): CellValue[][] {
  const s = snapshot.find((x) => x.name === sheet);
  if (s === undefined) throw new Error(`no sheet ${sheet}`);
  const out: CellValue[][] = [];
  for (const [k, c] of Object.entries(s.cells)) {
    const [r = 0, col = 0] = k.split(",").map(Number);
    while (out.length <= r) out.push([]);
    const row = out[r] ?? [];
    while (row.length <= col) row.push("");
    row[col] = c.v;
  }
  return out;
}
