import * as ExcelJS from "exceljs";
import { partnerStatements } from "../app";
import type { RunOutputs, SheetSpec, StatementParts } from "../excel";
import { GENERATED_NAME_BYTES, shortHash } from "./fs/file-names";
import { XlsxStore } from "./xlsx-store";
import { workbookBytes } from "./xlsx/save";
import { plainStatementBytes } from "./xlsx/plain-sheet";

/** The words after a partner's id in its statement's file name. */
export const STATEMENT_SUFFIX = " recharge statement";

/** A statement's file name (or its temporary file's) as this tool makes them, for cleaning up after interrupted runs. */
export const STATEMENT_TEMP = /^\..* recharge statement(?: \(\d+\))?\.(?:xlsx|pdf)\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/;

/**
 * A partner's statement file name without its extension (`.xlsx`, and `.pdf`
 * for its PDF): letters, digits, spaces, dots, dashes and underscores of the
 * id kept, anything else "_"; `(2)` added when two ids give one name (compared
 * without case, as Windows and macOS compare names). An id too long for the
 * file system is cut, deterministically, with a hash of the whole id after
 * it, so every name fits {@link GENERATED_NAME_BYTES} with its extension.
 */
export function statementStem(id: string, taken: ReadonlySet<string>): string {
  let base = id.replace(/[^A-Za-z0-9 ._-]/g, "_").replace(/^\.+/, "_");
  const room = GENERATED_NAME_BYTES - STATEMENT_SUFFIX.length - ".xlsx".length - " (99)".length;
  if (base.length > room) base = `${base.slice(0, room - 9)}~${shortHash(id)}`;
  const stem = `${base}${STATEMENT_SUFFIX}`;
  let name = stem;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n})`;
  return name;
}

/**
 * One statement as .xlsx bytes: plain cells, formats, widths and print setup; no tables, markers or add-in names.
 * exceljs writes the workbook around one cell of each style; the sheet's rows are written straight to its XML
 * (plain-sheet.ts), its cost lines one at a time as they are laid out: a statement of a large model has 100,000 rows,
 * which exceljs wrote ten times slower, and which held as blocks and cells cost more in garbage collection than the
 * writing. Saved as every workbook is (xlsx/save.ts): compressed by Node's native deflate, not JSZip's JavaScript one.
 */
function statementBytes(parts: StatementParts): Promise<Buffer> {
  return plainStatementBytes(
    parts,
    () => new XlsxStore(new ExcelJS.Workbook()),
    (store, sheet, rewrite) => workbookBytes(store, undefined, new Map([[sheet, rewrite]])),
  );
}

/** A partner's statement: its file name without its extension, and its sheet (laid out by the application layer). */
export interface StatementName {
  readonly partner: string;
  readonly stem: string;
  readonly sheet: () => SheetSpec;
  /** The sheet with its cost lines apart, laid out one at a time as they are written. */
  readonly parts: () => StatementParts;
}

/** Every partner's statement and its file name (partners within others included), in the model's order. */
export function statementNames(outputs: RunOutputs): StatementName[] {
  const taken = new Set<string>();
  return partnerStatements(outputs).map((s) => {
    const stem = statementStem(s.partner, taken);
    taken.add(stem.toLowerCase());
    return { ...s, stem };
  });
}

/**
 * A partner's recharge statement workbook, in memory: only that partner's
 * figures, as plain values, so a partner without the add-in can open and
 * check it. Written by the run (run-files.ts) once every file it writes has
 * been checked.
 */
export function statementWorkbook(statement: StatementName): Promise<Buffer> {
  return statementBytes(statement.parts());
}
