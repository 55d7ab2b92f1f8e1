import { access } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import { createStorePort, workbookProblemMessage } from "../app";
import { SAMPLES, SCALE_DEFAULTS, sampleById, syntheticScaleModel, type SampleModel, type ScaleOptions } from "../samples";
import { SYNTHETIC } from "./args";
import type { Outcome } from "./outcome";
import { XlsxStore } from "./xlsx-store";
import { beginWrite } from "./write-session";
import { workbookBytes } from "./xlsx/save";

const SYNTHETIC_TITLE = "Synthetic model of any size (--lines N --partners P --years Y)";

/**
 * The synthetic sample of a given size: made-up partners, drivers and cost
 * lines (every one an ongoing charge), for trying the tool, or Excel, on a
 * model as large as a county's, and for reproducing the benchmarks' figures.
 */
export function syntheticSample(size: ScaleOptions): SampleModel {
  return {
    id: SYNTHETIC,
    title: `Synthetic model: ${size.lines} lines × ${size.partners} partners × ${size.years} years`,
    summary: "Made-up figures for trying the tool at scale (the benchmarks' model).",
    source: "Generated (deterministic): src/samples/synthetic.ts",
    model: syntheticScaleModel(size),
    notes: {},
  };
}

/** `--list-samples`: each sample's id and title. */
export function listSamples(json: boolean): Outcome {
  const synthetic = {
    id: SYNTHETIC,
    title: SYNTHETIC_TITLE,
    summary: "Made-up figures for trying the tool at scale (the benchmarks' model).",
    source: "Generated (deterministic)",
  };
  if (json)
    return {
      code: 0,
      out: [
        JSON.stringify([...SAMPLES.map((s) => ({ id: s.id, title: s.title, summary: s.summary, source: s.source })), synthetic], null, 2),
      ],
    };
  return { code: 0, out: [...SAMPLES, synthetic].map((s) => `${s.id.padEnd(28)} ${s.title}`) };
}

/**
 * `--sample <name> <file.xlsx>`: writes a sample's input sheets (with their
 * tables, drop-downs and notes) as a new workbook, laid out exactly as the
 * add-in's "New model from a sample" lays it out. An existing file is only
 * replaced with `--force`.
 */
export async function writeSample(
  command: { sample: string; file: string; force: boolean; json: boolean; size?: ScaleOptions },
  shown: string,
): Promise<Outcome> {
  const sample = command.sample === SYNTHETIC ? syntheticSample(command.size ?? SCALE_DEFAULTS) : sampleById(command.sample);
  if (sample === undefined)
    return {
      code: 2,
      err: [
        `shared-apportion: there is no sample "${command.sample}"; choose one of ${[...SAMPLES.map((s) => s.id), SYNTHETIC].join(", ")}.`,
      ],
    };
  if (!command.force && (await exists(command.file)))
    return { code: 3, err: [`shared-apportion: ${shown} already exists; choose another name or add --force to replace it.`] };
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
  return {
    code: 0,
    out: [`Wrote the sample "${sample.title}" to ${shown} (sheets ${sheets.join(", ")}).`, `Run it with: shared-apportion ${shown}`],
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
