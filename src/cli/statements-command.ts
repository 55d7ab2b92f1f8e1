import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { partnerNames } from "../engine";
import { partnerStatementSheet, type RunOutputs, type SheetSpec } from "../excel";
import { XlsxStore } from "./xlsx-store";

/** What writing the statements did. */
export type StatementsOutcome = { readonly ok: true; readonly files: readonly string[] } | { readonly ok: false; readonly message: string };

/** A file name from a partner id: letters, digits, spaces, dots, dashes and underscores kept, anything else "_". */
export function statementFileName(id: string, taken: ReadonlySet<string>): string {
  const base = `${id.replace(/[^A-Za-z0-9 ._-]/g, "_").replace(/^\.+/, "_")} recharge statement`;
  let name = `${base}.xlsx`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n}).xlsx`;
  return name;
}

/** One statement as .xlsx bytes: plain cells, formats, widths and print setup; no tables, markers or add-in names. */
async function statementBytes(spec: SheetSpec): Promise<Buffer> {
  const store = new XlsxStore(new ExcelJS.Workbook());
  store.addSheet(spec.name, true);
  for (const b of spec.blocks)
    store.writeBlock(
      spec.name,
      b.row,
      b.col,
      b.values,
      b.formats?.map((f) => f ?? "General"),
      b.style,
    );
  store.setColumnWidths(spec.name, spec.columnWidths);
  if (spec.text !== undefined) store.setTextLayout(spec.name, spec.text);
  if (spec.print !== undefined) store.setPrint(spec.name, spec.print);
  return Buffer.from(await store.workbook.xlsx.writeBuffer());
}

/**
 * Writes one recharge statement workbook per partner (partners within others
 * included) into `dir`, creating it if needed: `<id> recharge statement.xlsx`,
 * each holding only that partner's figures as plain values, so a partner
 * without the add-in can open and check it. Each file is written to a
 * temporary name and renamed when complete; a statement of the same name
 * from an earlier run is replaced.
 */
export async function writeStatements(outputs: RunOutputs, dir: string): Promise<StatementsOutcome> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    return {
      ok: false,
      message: `the folder for the statements cannot be created: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`,
    };
  }
  const files: string[] = [];
  const taken = new Set<string>();
  for (const id of partnerNames(outputs.run.model).keys()) {
    const name = statementFileName(id, taken);
    taken.add(name.toLowerCase());
    const path = join(dir, name);
    const temp = join(dir, `.${name}.${process.pid}.tmp`);
    try {
      await writeFile(temp, await statementBytes(partnerStatementSheet(outputs, id)));
      await rename(temp, path);
    } catch (e) {
      await rm(temp, { force: true });
      return {
        ok: false,
        message:
          `${name} could not be written: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}` +
          (files.length > 0 ? ` (written before it: ${files.join(", ")})` : ""),
      };
    }
    files.push(name);
  }
  return { ok: true, files };
}
