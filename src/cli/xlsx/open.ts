import { stat } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWithIdentity, type FileIdentity } from "../fs/file-identity";
import { XlsxStore } from "../xlsx-store";
import { readSheetProperties, type SheetProperties } from "./custom-properties";
import { tags } from "./ooxml";
import { tableModel } from "./tables";
import { lostFeatures, type LostFeature } from "./unsupported";

/** Why a file could not be opened as a workbook: one line for the user. */
export interface FileProblem {
  readonly kind: "notFound" | "notAFile" | "empty" | "encrypted" | "legacyXls" | "notWorkbook" | "damaged" | "unreadable";
  readonly message: string;
}

/** An opened workbook: the store over it, the file's bytes, and what a rewrite would lose. */
export interface OpenedWorkbook {
  readonly store: XlsxStore;
  readonly bytes: Buffer;
  /** What the file was when read, to check nobody saved over it before it is replaced. */
  readonly identity: FileIdentity;
  /** Things on sheets the add-in does not own (or in the workbook) that exceljs cannot write back. */
  readonly lost: (owned: (sheet: string) => boolean) => Promise<LostFeature[]>;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Buffer, sig: readonly number[]): boolean => sig.every((x, i) => b[i] === x);

/** Classifies a file's first bytes; undefined means "a zip, go on". */
export function sniff(path: string, bytes: Buffer): FileProblem | undefined {
  if (bytes.length === 0) return { kind: "empty", message: `${path} is empty (0 bytes), so it is not a workbook.` };
  if (startsWith(bytes, CFB)) {
    // An encrypted .xlsx is an OLE compound file holding "EncryptionInfo" and "EncryptedPackage" streams.
    const encrypted = bytes.includes(Buffer.from("EncryptedPackage", "utf16le")) || bytes.includes(Buffer.from("EncryptionInfo", "utf16le"));
    return encrypted || !bytes.includes(Buffer.from("Workbook", "utf16le"))
      ? { kind: "encrypted", message: `${path} is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook), save, and try again.` }
      : { kind: "legacyXls", message: `${path} is an old-format Excel 97-2003 (.xls) workbook; open it in Excel and save it as .xlsx first.` };
  }
  if (!startsWith(bytes, ZIP)) return { kind: "notWorkbook", message: `${path} is not an Excel workbook (.xlsx): it is not a zip package.` };
  return undefined;
}

/**
 * Opens an .xlsx file for the store, never throwing: every way it can fail
 * (missing, empty, encrypted, .xls, not a zip, truncated, not a workbook)
 * comes back as one line. The file is only read.
 */
export async function openWorkbook(path: string): Promise<{ ok: true; value: OpenedWorkbook } | { ok: false; problem: FileProblem }> {
  let bytes: Buffer;
  let identity: FileIdentity;
  try {
    const s = await stat(path);
    if (!s.isFile()) return { ok: false, problem: { kind: "notAFile", message: `${path} is not a file.` } };
    const read = await readWithIdentity(path);
    if ("tooLarge" in read) throw new Error("unreachable: no size limit given");
    ({ bytes, identity } = read);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { ok: false, problem: { kind: code === "ENOENT" ? "notFound" : "unreadable", message: code === "ENOENT" ? `${path} does not exist.` : `${path} cannot be read (${code ?? "error"}).` } };
  }
  const sniffed = sniff(path, bytes);
  if (sniffed !== undefined) return { ok: false, problem: sniffed };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, problem: { kind: "damaged", message: `${path} is damaged or incomplete (the zip package is truncated or corrupt); get a fresh copy of the file.` } };
  }
  if (zip.file("xl/workbook.xml") === null) return { ok: false, problem: { kind: "notWorkbook", message: `${path} is a zip package but not an Excel workbook (it has no xl/workbook.xml).` } };
  const workbook = new ExcelJS.Workbook();
  let props: Map<string, SheetProperties>;
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    props = await readSheetProperties(zip);
    await repairTables(zip, workbook);
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    return { ok: false, problem: { kind: "damaged", message: `${path} could not be read as a workbook (${detail}); open and re-save it in Excel.` } };
  }
  const byWorksheet = new Map<ExcelJS.Worksheet, SheetProperties>();
  for (const ws of workbook.worksheets) {
    const p = props.get(ws.name);
    if (p !== undefined) byWorksheet.set(ws, p);
  }
  return { ok: true, value: { store: new XlsxStore(workbook, byWorksheet), bytes, identity, lost: (owned) => lostFeatures(zip, (s) => !owned(s)) } };
}

/**
 * exceljs misreads tables saved by Excel: a missing `headerRowCount` (which
 * means 1) becomes "no header row", and columns without a filter element lose
 * their filter buttons, so writing them back would damage the tables. This
 * restores what the file says.
 */
async function repairTables(zip: JSZip, workbook: ExcelJS.Workbook): Promise<void> {
  const headerRows = new Map<string, boolean>();
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/tables\/[^/]+\.xml$/.test(f))) {
    const t = tags((await zip.file(name)?.async("string")) ?? "", "table")[0];
    if (t?.name !== undefined) headerRows.set(t.name.toLowerCase(), t.headerRowCount !== "0");
  }
  for (const ws of workbook.worksheets) {
    for (const t of ws.getTables()) {
      const m = tableModel(t as unknown as ExcelJS.Table);
      m.headerRow = headerRows.get(m.name.toLowerCase()) ?? true;
      const hasFilter = m.autoFilterRef !== undefined;
      if (!hasFilter) m.autoFilterRef = m.tableRef;
      for (const c of m.columns) {
        if (c.filterButton === undefined) c.filterButton = hasFilter;
        if (c.style === undefined) delete c.dxfId;
      }
    }
  }
}
