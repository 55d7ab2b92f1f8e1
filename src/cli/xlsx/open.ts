import { stat } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWithIdentity, type FileIdentity } from "../fs/file-identity";
import { DEFAULT_LIMITS, MAX_PARTS, mib, type Limits } from "./limits";
import { adaptForExcelJs } from "./exceljs-compat";
import { readSheetMarks } from "./sheet-marks";
import { packageFault, type PackageFault } from "./package-check";
import { EXCEL_ROWS, sheetFault } from "./package-structure";
import { checkZipSizes, type ZipSizeProblem } from "./zip-sizes";
import { XlsxStore } from "../xlsx-store";
import { decodeProperty, packageSheets, readSheetProperties, type SheetProperties } from "./custom-properties";
import { deferOutputSheets, NATIVE_INFLATE_MIN_BYTES, STUB_SHEET, type DeferredSheet } from "./deferred-sheets";
import { decodeMarker, MARKER_KEY } from "../../app";
import { PART_KEY } from "./part-record";
import { tags } from "./ooxml";
import { loadXlsx, tableModel, worksheetTables } from "./exceljs-internals";
import { lostFeatures, type LostFeature } from "./unsupported";

/** Why a file could not be opened as a workbook: one line for the user. */
export interface FileProblem {
  readonly kind: "notFound" | "notAFile" | "empty" | "encrypted" | "legacyXls" | "notWorkbook" | "damaged" | "unreadable" | "tooLarge";
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
    const encrypted =
      bytes.includes(Buffer.from("EncryptedPackage", "utf16le")) || bytes.includes(Buffer.from("EncryptionInfo", "utf16le"));
    return encrypted || !bytes.includes(Buffer.from("Workbook", "utf16le"))
      ? {
          kind: "encrypted",
          message:
            `${path} is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect ` +
            `Workbook), save, and try again.`,
        }
      : {
          kind: "legacyXls",
          message: `${path} is an old-format Excel 97-2003 (.xls) workbook; open it in Excel and save it as .xlsx first.`,
        };
  }
  if (!startsWith(bytes, ZIP))
    return { kind: "notWorkbook", message: `${path} is not an Excel workbook (.xlsx): it is not a zip package.` };
  return undefined;
}

/**
 * Opens an .xlsx file for the store, never throwing: every way it can fail
 * (missing, empty, encrypted, .xls, not a zip, truncated, not a workbook,
 * damaged, larger than `limits`) comes back as one line, which never quotes
 * a JavaScript error. Sizes are checked before anything is parsed. The file
 * is only read.
 */
export async function openWorkbook(
  path: string,
  limits: Limits = DEFAULT_LIMITS,
  options: OpenOptions = {},
): Promise<{ ok: true; value: OpenedWorkbook } | { ok: false; problem: FileProblem }> {
  const maxBytes = mib(limits.unzippedMiB);
  let bytes: Buffer;
  let identity: FileIdentity;
  try {
    const s = await stat(path);
    if (!s.isFile()) return { ok: false, problem: { kind: "notAFile", message: `${path} is not a file.` } };
    const read = await readWithIdentity(path, maxBytes);
    if ("tooLarge" in read)
      return {
        ok: false,
        problem: {
          kind: "tooLarge",
          message:
            `${path} is ${inMiB(Number(read.tooLarge))} MiB, more than the limit of ${limits.unzippedMiB} MiB; nothing ` +
            `was read. ${RAISE_SIZE}`,
        },
      };
    ({ bytes, identity } = read);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return {
      ok: false,
      problem: {
        kind: code === "ENOENT" ? "notFound" : "unreadable",
        message: code === "ENOENT" ? `${path} does not exist.` : `${path} cannot be read (${code ?? "error"}).`,
      },
    };
  }
  const sniffed = sniff(path, bytes);
  if (sniffed !== undefined) return { ok: false, problem: sniffed };
  // The sizes are checked by inflating every part natively; the large ones are kept, so no reader below inflates them
  // again (with JavaScript, or natively a second time: 1.5 GB of a 100,000-line model's output sheets).
  const inflated = new Map<string, Buffer>();
  const sizes = checkZipSizes(bytes, maxBytes, MAX_PARTS, { minBytes: NATIVE_INFLATE_MIN_BYTES, parts: inflated });
  if (sizes !== undefined) return { ok: false, problem: sizeProblem(path, sizes, limits) };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return {
      ok: false,
      problem: {
        kind: "damaged",
        message: `${path} is damaged or incomplete (the zip package is truncated or corrupt); get a fresh copy of the file.`,
      },
    };
  }
  // The parts as packed, put back once opened where they are only ever read again as they unpack (deferred sheets).
  const packed = new Map<string, JSZip.JSZipObject>();
  for (const [name, data] of inflated) {
    const p = zip.files[name];
    if (p !== undefined) packed.set(name, p);
    zip.file(name, data);
  }
  if (zip.file("xl/workbook.xml") === null)
    return {
      ok: false,
      problem: { kind: "notWorkbook", message: `${path} is a zip package but not an Excel workbook (it has no xl/workbook.xml).` },
    };
  const workbook = new ExcelJS.Workbook();
  let props: Map<string, SheetProperties>;
  let marks: Map<string, string>;
  let deferred = new Map<string, DeferredSheet>();
  try {
    // Files from other tools (openpyxl) name parts in ways exceljs cannot follow: hand it an adjusted copy.
    const adapted = await adaptForExcelJs(zip);
    // The checks read the large parts from the natively inflated copies (unless adapting changed the package): JSZip's
    // own copy of each, made once per reader, was a tenth of a re-run's time.
    const unpacked = adapted ? undefined : (p: string): Uint8Array | undefined => inflated.get(p);
    // Markers are read once the package's structure is known to be sound (packageFault asks for them only then).
    let read: { props: Map<string, SheetProperties>; marks: Map<string, string> } | undefined;
    const markers = async (): Promise<{ props: Map<string, SheetProperties>; marks: Map<string, string> }> =>
      (read ??= { props: await readSheetProperties(zip, unpacked), marks: await readSheetMarks(zip) });
    // The cells of output sheets about to be deferred are read by the deferred reader alone: checking them here too
    // decoded the largest parts once more for nothing (a re-run replaces them; a verification only compares them).
    const defer = options.deferOutputs === true && !adapted;
    const replaced = async (sheet: string): Promise<boolean> => {
      if (!defer) return false;
      const m = await markers();
      return deferrableOutput(sheet, m.props, m.marks);
    };
    const fault = await packageFault(zip, limits.tableCells, unpacked, replaced);
    if (fault !== undefined) return { ok: false, problem: faultProblem(path, fault, limits) };
    ({ props, marks } = await markers());
    // Output sheets a write will replace (or a verification only compares) are read from their XML, not loaded.
    if (defer) deferred = await deferOutputs(zip, bytes, inflated, props, marks, options);
    const sheets = await packageSheets(zip);
    // An output sheet the deferred reader could not read goes to exceljs after all: its cells are checked now.
    for (const s of defer ? sheets : []) {
      if (deferred.has(s.name) || !deferrableOutput(s.name, props, marks)) continue;
      const data = unpacked?.(s.path) ?? (await zip.file(s.path)?.async("uint8array"));
      const late = data === undefined ? undefined : sheetFault(s, data);
      if (late !== undefined) return { ok: false, problem: faultProblem(path, late, limits) };
    }
    const originals = new Map<string, JSZip.JSZipObject>();
    for (const s of sheets) {
      const original = zip.files[s.path];
      if (!deferred.has(s.name) || original === undefined) continue;
      originals.set(s.path, original);
      zip.file(s.path, STUB_SHEET);
    }
    const forExcelJs = adapted || originals.size > 0 ? await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }) : bytes;
    // The package keeps the real parts (what would be lost, for instance, is judged from them).
    // Deferred sheets are read again only as their XML unpacks from the file: their unpacked bytes (hundreds of megabytes
    // for a 100,000-line model's Allocations and Trace) are not kept, in the package or beside it.
    for (const [p, original] of originals) {
      zip.files[p] = packed.get(p) ?? original;
      inflated.delete(p);
    }
    await loadXlsx(workbook, forExcelJs);
    // A package without a theme (LibreOffice writes none) would be written with a relationship to a missing one.
    if (!Object.keys(zip.files).some((f) => f.startsWith("xl/theme/"))) workbook.clearThemes();
    await repairTables(zip, workbook);
  } catch {
    // What exceljs throws on a broken part ("Cannot read properties of undefined…") means nothing to a finance officer.
    return {
      ok: false,
      problem: {
        kind: "damaged",
        message: `${path} is damaged: its contents cannot be read as a workbook; open it in Excel and save it again, or get a fresh copy.`,
      },
    };
  }
  const byWorksheet = new Map<ExcelJS.Worksheet, SheetProperties>();
  const marksByWorksheet = new Map<ExcelJS.Worksheet, string>();
  const deferredByWorksheet = new Map<ExcelJS.Worksheet, DeferredSheet>();
  for (const ws of workbook.worksheets) {
    const d = deferred.get(ws.name);
    if (d !== undefined) deferredByWorksheet.set(ws, d);
    const p = props.get(ws.name);
    if (p !== undefined) byWorksheet.set(ws, p);
    const m = marks.get(ws.name);
    if (m !== undefined) marksByWorksheet.set(ws, m);
  }
  return {
    ok: true,
    value: {
      store: new XlsxStore(workbook, byWorksheet, marksByWorksheet, deferredByWorksheet),
      bytes,
      identity,
      lost: (owned) => lostFeatures(zip, (s) => !owned(s)),
    },
  };
}

/** How to open a workbook. */
export interface OpenOptions {
  /**
   * Read the run's large output sheets (all but the Run log) from their XML instead of loading them
   * into exceljs (see deferred-sheets.ts): for a run that replaces them or a verification that only
   * compares them. The store must then not be saved with them in it.
   */
  readonly deferOutputs?: boolean;
  /** Only sheets at least this large (unpacked bytes) are deferred; tests set it to 0. */
  readonly deferMinBytes?: number;
  /** Keep small deferred sheets' values from the reading that decides whether they can be deferred (a verification reads them once). */
  readonly keepDeferredValues?: boolean;
}

/** The deferrable output sheets of a package, by name (their markers say which sheets are the run's outputs). */
async function deferOutputs(
  zip: JSZip,
  bytes: Buffer,
  inflated: ReadonlyMap<string, Buffer>,
  props: ReadonlyMap<string, SheetProperties>,
  marks: ReadonlyMap<string, string>,
  options: OpenOptions,
): Promise<Map<string, DeferredSheet>> {
  const parts = (await packageSheets(zip))
    .filter((s) => deferrableOutput(s.name, props, marks))
    .map((s) => {
      const p = props.get(s.name);
      const fp = decodeMarker(decodeProperty(p?.get(MARKER_KEY)) ?? marks.get(s.name))?.fp;
      const record = decodeProperty(p?.get(PART_KEY));
      return { ...s, ...(fp === undefined || record === undefined ? {} : { fp, record }) };
    });
  if (parts.length === 0) return new Map();
  return deferOutputSheets(
    bytes,
    inflated,
    parts,
    await zip.file("xl/sharedStrings.xml")?.async("string"),
    await zip.file("xl/styles.xml")?.async("string"),
    options.deferMinBytes,
    options.keepDeferredValues === true,
  );
}

/** Whether a sheet is one of the run's output sheets that a run or verification reads from its XML (all but the Run log). */
function deferrableOutput(sheet: string, props: ReadonlyMap<string, SheetProperties>, marks: ReadonlyMap<string, string>): boolean {
  const m = decodeMarker(decodeProperty(props.get(sheet)?.get(MARKER_KEY)) ?? marks.get(sheet));
  // The Run log is read as a table with the model, so it stays in exceljs.
  return m?.role === "output" && m.kind !== "runLog";
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
    for (const t of worksheetTables(ws)) {
      const m = tableModel(t);
      m.headerRow = headerRows.get(m.name.toLowerCase()) ?? true;
      // LibreOffice saves tables without a style element, which exceljs cannot write back.
      if (m.style === undefined || m.style === null) m.style = {};
      const hasFilter = m.autoFilterRef !== undefined;
      if (!hasFilter) m.autoFilterRef = m.tableRef;
      for (const c of m.columns) {
        if (c.filterButton === undefined) c.filterButton = hasFilter;
        if (c.style === undefined) delete c.dxfId;
      }
    }
  }
}

const RAISE_SIZE = "If the workbook is genuine, raise the limit with --max-unzipped <MiB> (see docs/cli-safety.md).";

const inMiB = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function sizeProblem(path: string, p: ZipSizeProblem, limits: Limits): FileProblem {
  switch (p.kind) {
    case "unreadable":
      return {
        kind: "damaged",
        message: `${path} is damaged or incomplete (the zip package is truncated or corrupt); get a fresh copy of the file.`,
      };
    case "tooManyParts":
      return {
        kind: "tooLarge",
        message: `${path} has ${p.parts} parts, more than the ${MAX_PARTS} any workbook of this kind needs; nothing was read.`,
      };
    case "lies":
      return {
        kind: "damaged",
        message:
          `${path} is damaged or unsafe: its part ${p.part} unpacks to more than the size it states; nothing was read. ` +
          `Get a fresh copy of the file.`,
      };
    case "tooLarge":
      return {
        kind: "tooLarge",
        message:
          p.part === undefined
            ? `${path} unpacks to ${inMiB(p.bytes)} MiB, more than the limit of ${limits.unzippedMiB} MiB; nothing was read. ${RAISE_SIZE}`
            : `${path} holds a part (${p.part}) that unpacks to ${inMiB(p.bytes)} MiB, more than the limit of ` +
              `${limits.unzippedMiB} MiB; nothing was read. ${RAISE_SIZE}`,
      };
  }
}

function faultProblem(path: string, f: PackageFault, limits: Limits): FileProblem {
  const fix = "open it in Excel and save it again, or get a fresh copy";
  switch (f.kind) {
    case "missingPart":
      return { kind: "damaged", message: `${path} is damaged: the part ${f.part} it refers to is missing; ${fix}.` };
    case "sheetWithoutPart":
      return { kind: "damaged", message: `${path} is damaged: sheet "${f.sheet}" is listed but its contents are not in the file; ${fix}.` };
    case "noSharedStrings":
      return {
        kind: "damaged",
        message:
          `${path} is damaged: sheet "${f.sheet}" uses the workbook's shared text, but the file has no shared-strings ` +
          `part (xl/sharedStrings.xml); ${fix}.`,
      };
    case "noContentTypes":
      return {
        kind: "damaged",
        message:
          `${path} is damaged: it has no [Content_Types].xml (the part that says what each part of the package is), so Excel ` +
          `cannot open it either; nothing was read. Get a fresh copy of the file.`,
      };
    case "badContentTypes":
      return {
        kind: "damaged",
        message:
          `${path} is damaged: its [Content_Types].xml is not a list of content types (it cannot be read as one), so Excel ` +
          `cannot open it either; nothing was read. Get a fresh copy of the file.`,
      };
    case "noPackageRels":
      return {
        kind: "damaged",
        message:
          `${path} is damaged: its _rels/.rels (the part that says where the workbook is in the package) is missing or does ` +
          `not point to xl/workbook.xml, so Excel cannot open it either; nothing was read. Get a fresh copy of the file.`,
      };
    case "notUtf8":
      return {
        kind: "damaged",
        message:
          `${path} is damaged: its part ${f.part} is not valid UTF-8 text (at byte ${f.byte.toLocaleString("en-GB")}), so ` +
          `what it holds cannot be read faithfully; nothing was read. Get a fresh copy of the file.`,
      };
    case "pastLastCell":
      return {
        kind: "damaged",
        message:
          `${path} is damaged: sheet "${f.sheet}" has a cell at ${f.cell}, past Excel's last ` +
          (f.row > EXCEL_ROWS ? `row (${EXCEL_ROWS.toLocaleString("en-GB")})` : `column (XFD)`) +
          `, which Excel cannot open and a run would carry into what it writes; nothing was read. Delete that row or column ` +
          `in the program that made the file, or get a fresh copy.`,
      };
    case "tableTooLarge":
      return {
        kind: "tooLarge",
        message:
          `${path}: table "${f.table}" claims ${f.ref} (${f.cells.toLocaleString("en-GB")} cells), more than the limit of ` +
          `${limits.tableCells.toLocaleString("en-GB")} cells; nothing was read. Correct the table's range in Excel (Table ` +
          `Design > Resize Table), or raise the limit with --max-table-cells <count> (see docs/cli-safety.md).`,
      };
  }
}
