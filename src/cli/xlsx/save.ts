import type * as ExcelJS from "exceljs";
import type { Worksheet } from "exceljs";
import JSZip from "jszip";
import type { XlsxStore } from "../xlsx-store";
import { decodeMarker, MARKER_KEY } from "../../app";
import { rowsPieces, type RowsInsert } from "./bulk-rows";
import { BulkXlsxStore } from "./bulk-store";
import { encodeProperty, writeSheetProperties, type SheetProperties } from "./custom-properties";
import { writeCharts, type SheetCharts } from "./chart-parts";
import { DeferredSheetKept } from "./deferred-sheets";
import { writeSheetMarks } from "./sheet-marks";
import { withEscapedText } from "./ooxml-text";
import { withValidationRanges } from "./validation-ranges";
import { crc32, packPart, zipPackage, type PackagePart } from "./zip-package";
import { PART_KEY, partRecord } from "./part-record";

/**
 * The workbook as .xlsx bytes: exceljs writes the package, then each
 * worksheet's custom properties (the add-in's ownership markers among them)
 * and its charts are added as Excel stores them. The active tab is kept on the sheet that
 * was active, or moved to the selection's sheet when that one is hidden or
 * gone (Excel will not open a workbook whose active tab is hidden).
 */
export async function workbookBytes(
  store: XlsxStore,
  active?: Worksheet,
  /** Worksheets whose XML is turned into the whole sheet after exceljs writes it (plain-sheet.ts). */
  rewrite?: ReadonlyMap<Worksheet, (xml: string) => Buffer>,
): Promise<Buffer> {
  // A deferred output sheet is an empty stub in exceljs: saved, it would lose its values.
  const kept = store.deferredSheets();
  if (kept.length > 0) throw new DeferredSheetKept(kept);
  const wb = store.workbook;
  const sheets = wb.worksheets;
  const visible = (ws: Worksheet | undefined): ws is Worksheet =>
    ws !== undefined && sheets.includes(ws) && (ws.state === "visible" || ws.state === undefined);
  const selected = sheets.find((ws) => ws.name === store.selection()?.sheet);
  const target = [active, selected, sheets.find((ws) => visible(ws))].find(visible);
  if (target !== undefined) {
    const index = sheets.indexOf(target);
    const [view] = wb.views ?? [];
    wb.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        visibility: "visible",
        ...view,
        activeTab: index,
        firstSheet: Math.min(view?.firstSheet ?? 0, index),
      },
    ];
    for (const ws of sheets) {
      const views = ws.views ?? [];
      if (views.length === 0 && ws !== target) continue;
      ws.views = (views.length > 0 ? views : [{}]).map((v) => ({ ...v, tabSelected: ws === target }));
    }
  }
  // Blocks a BulkXlsxStore held as rows (a large table's body) are written below, after their
  // first row, not by exceljs, whose per-cell writer took most of a large model's save time and memory.
  const held = new Map<Worksheet, RowsInsert[]>();
  if (store instanceof BulkXlsxStore) {
    for (const ws of sheets) {
      const blocks = store.heldBlocks(ws);
      if (blocks.length > 0)
        held.set(
          ws,
          blocks.map((b) => ({ template: b.row + 1, col: b.col, rows: b.rows })),
        );
    }
  }
  // Stored, not compressed: the package is compressed once, below, after the properties are added.
  // Data validations as ranges that never overlap (validation-ranges.ts), and text escaped as OOXML asks.
  const raw = await withValidationRanges(wb, () =>
    withEscapedText(wb, () => wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Partial<ExcelJS.XlsxWriteOptions>)),
  );
  const written = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  const zip = await JSZip.loadAsync(written);
  const byPath = new Map<string, SheetProperties>();
  const markers = new Map(store.listSheets().map((s) => [s.name, s.marker]));
  // The sheets this store added (a write's staging sheets, now its outputs), and the fingerprint each record vouches for.
  const fresh = (ws: Worksheet): boolean => store instanceof BulkXlsxStore && store.added(ws);
  const vouched = new Map<string, string>();
  for (const ws of sheets) {
    let props = store.properties.get(ws);
    // A sheet known only by its second mark gets its custom property back, so the add-in in Excel knows it again.
    const marker = markers.get(ws.name);
    if (marker !== undefined && props?.get(MARKER_KEY) === undefined) props = new Map(props ?? []).set(MARKER_KEY, encodeProperty(marker));
    // An output sheet this store laid out and wrote has its part recorded as it is packed, below (part-record.ts);
    // a record read from the file never stays (that sheet may have been changed since, by this store among others).
    const own = fresh(ws) ? decodeMarker(marker) : undefined;
    const fp = own?.role === "output" ? own.fp : undefined;
    if (props?.has(PART_KEY) === true || fp !== undefined) {
      props = new Map(props ?? []);
      props.delete(PART_KEY);
      if (fp !== undefined) {
        props.set(PART_KEY, new Uint8Array(0));
        vouched.set(`xl/worksheets/sheet${ws.id}.xml`, fp);
      }
    }
    if (props !== undefined && props.size > 0) byPath.set(`xl/worksheets/sheet${ws.id}.xml`, props);
  }
  const propertyParts = await writeSheetProperties(zip, byPath);
  // Each output sheet's record, by the part it goes in, and the sheet part it records.
  const records = new Map<string, string>();
  for (const [sheetPath, parts] of propertyParts) {
    const part = parts.get(PART_KEY);
    if (part !== undefined) records.set(part, sheetPath);
  }
  // The second ownership mark, for programs that drop custom properties (sheet-marks.ts).
  const marks = new Map<string, string>();
  for (const [name, marker] of markers) if (marker !== undefined) marks.set(name, marker);
  await writeSheetMarks(zip, marks);
  // Charts, which exceljs cannot write, as native DrawingML parts, their cached values read from the cells they chart.
  const charts: SheetCharts[] = sheets.flatMap((ws) => {
    const list = store.chartsOf(ws);
    return list.length === 0
      ? []
      : [
          {
            path: `xl/worksheets/sheet${ws.id}.xml`,
            sheet: ws.name,
            charts: list.map((spec) => ({
              spec,
              data: store.readValues(ws.name, spec.data.row, spec.data.col, spec.data.rows, spec.data.cols),
            })),
          },
        ];
  });
  await writeCharts(zip, charts);
  // Compressed with Node's native deflate: JSZip's JavaScript deflate took most of a large model's save.
  const parts: PackagePart[] = [];
  const inserts = new Map<string, RowsInsert[]>([...held].map(([ws, list]) => [`xl/worksheets/sheet${ws.id}.xml`, list]));
  const rewrites = new Map([...(rewrite ?? [])].map(([ws, f]) => [`xl/worksheets/sheet${ws.id}.xml`, f]));
  const recorded = new Set(records.values());
  const sums = new Map<string, { size: number; crc: number }>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || records.has(name)) continue;
    const whole = rewrites.get(name);
    const list = inserts.get(name);
    // A sheet with held rows is compressed as its XML is made, never held whole (hundreds of megabytes for a large model).
    const part: PackagePart =
      whole !== undefined
        ? { name, data: whole(await file.async("string")) }
        : list === undefined
          ? { name, data: await file.async("nodebuffer") }
          : await packPart(name, rowsPieces(await file.async("string"), list));
    if (recorded.has(name)) sums.set(name, "packed" in part ? part : { size: part.data.length, crc: crc32(part.data) });
    parts.push(part);
  }
  // The records last, once the sheets they record are packed.
  for (const [name, sheetPath] of records) {
    const sum = sums.get(sheetPath);
    const fp = vouched.get(sheetPath);
    parts.push({ name, data: encodeProperty(sum === undefined || fp === undefined ? "" : partRecord(sum.size, sum.crc, fp)) });
  }
  return zipPackage(parts);
}
