import { access } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import { workbookProblemMessage } from "../excel";
import { createStorePort } from "../excel";
import { SAMPLES, sampleById } from "../samples";
import type { Outcome } from "./outcome";
import { XlsxStore } from "./xlsx-store";
import { beginWrite } from "./write-session";
import { workbookBytes } from "./xlsx/save";

/** `--list-samples`: each sample's id and title. */
export function listSamples(json: boolean): Outcome {
  if (json) return { code: 0, out: [JSON.stringify(SAMPLES.map((s) => ({ id: s.id, title: s.title, summary: s.summary, source: s.source })), null, 2)] };
  return { code: 0, out: SAMPLES.map((s) => `${s.id.padEnd(28)} ${s.title}`) };
}

/**
 * `--sample <name> <file.xlsx>`: writes a sample's input sheets (with their
 * tables, drop-downs and notes) as a new workbook, laid out exactly as the
 * add-in's "New model from a sample" lays it out. An existing file is only
 * replaced with `--force`.
 */
export async function writeSample(command: { sample: string; file: string; force: boolean; json: boolean }, shown: string): Promise<Outcome> {
  const sample = sampleById(command.sample);
  if (sample === undefined) return { code: 2, err: [`shared-apportion: there is no sample "${command.sample}"; choose one of ${SAMPLES.map((s) => s.id).join(", ")}.`] };
  if (!command.force && (await exists(command.file))) return { code: 3, err: [`shared-apportion: ${shown} already exists; choose another name or add --force to replace it.`] };
  const store = new XlsxStore(new ExcelJS.Workbook());
  const created = await createStorePort(store).createModel(sample.model, { notes: sample.notes, title: sample.title });
  if (!created.ok) return { code: 3, err: created.problems.map((p) => `shared-apportion: ${workbookProblemMessage(p)}`) };
  const begun = await beginWrite(command.file, shown, false);
  if (!begun.ok) return { code: 3, err: [`shared-apportion: ${begun.message}`] };
  try {
    const refused = await begun.session.commit(await workbookBytes(store));
    if (refused !== undefined) return { code: 3, err: [`shared-apportion: ${refused}`] };
  } finally {
    await begun.session.release();
  }
  const sheets = created.value.sheets;
  if (command.json) return { code: 0, out: [JSON.stringify({ ok: true, sample: sample.id, file: command.file, sheets }, null, 2)] };
  return { code: 0, out: [`Wrote the sample "${sample.title}" to ${shown} (sheets ${sheets.join(", ")}).`, `Run it with: shared-apportion ${shown}`] };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
