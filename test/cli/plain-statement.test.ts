import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModelBudgets, partnerNames, type LineYear } from "../../src/engine";
import type { RunOutputs } from "../../src/excel";
import {
  partnerStatementParts,
  partnerStatementSheet,
  prepareStatements,
  type LineYearWords,
  type StatementsPrepared,
} from "../../src/excel/layout/outputs/statement";
import { XlsxStore } from "../../src/cli/xlsx-store";
import { plainStatementBytes, writePlainSheet } from "../../src/cli/xlsx/plain-sheet";
import { numberText, XmlBytes } from "../../src/cli/xlsx/xml-bytes";
import { workbookBytes } from "../../src/cli/xlsx/save";
import { SAMPLES, syntheticModel } from "../../src/samples";

/** The whole statement sheet written by writePlainSheet, as statements were written before their lines were apart. */
async function whole(outputs: RunOutputs, partner: string, prepared: StatementsPrepared): Promise<Buffer> {
  const store = new XlsxStore(new ExcelJS.Workbook());
  const { sheet, rewrite } = writePlainSheet(store, partnerStatementSheet(outputs, partner, prepared));
  return workbookBytes(store, undefined, new Map([[sheet, rewrite]]));
}

/** The statement with its cost lines written one at a time (what `--statements` writes). */
function apart(outputs: RunOutputs, partner: string, prepared: StatementsPrepared, linesAt?: number): Promise<Buffer> {
  return plainStatementBytes(
    partnerStatementParts(outputs, partner, prepared),
    () => new XlsxStore(new ExcelJS.Workbook()),
    (store, sheet, rewrite) => workbookBytes(store, undefined, new Map([[sheet, rewrite]])),
    linesAt,
  );
}

/** The parts a reader reads of a statement: the sheet, its styles and the workbook (docProps carry the time written). */
async function parts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "[Content_Types].xml"])
    out[name] = (await zip.file(name)?.async("string")) ?? "(none)";
  out["files"] = Object.keys(zip.files).sort().join(" ");
  return out;
}

function outputsOf(model: Parameters<typeof checkModelBudgets>[0]): RunOutputs {
  const report = checkModelBudgets(model);
  if (!report.ok) throw new Error("the model does not run");
  return { run: report.value.run, budget: report.value, stamp: { when: "7 Dec 2026 05:00 UTC", fingerprint: "0123456789ab" } };
}

/** A number from text, the same every time (to pick lines without a sum kept by the test). */
const code = (text: string): number => [...text].reduce((n, ch) => (n * 31 + ch.charCodeAt(0)) % 1_000_003, 7);

describe("a statement's cost lines written one at a time (plainStatementBytes)", () => {
  it("makes the same sheet, styles and strings as the whole sheet written at once, for every partner of every sample", async () => {
    let checked = 0;
    for (const sample of SAMPLES) {
      const outputs = outputsOf(sample.model);
      const prepared = prepareStatements(outputs);
      for (const partner of partnerNames(outputs.run.model).keys()) {
        const expected = await parts(await whole(outputs, partner, prepared));
        expect(await parts(await apart(outputs, partner, prepared)), `${sample.id}: ${partner}`).toEqual(expected);
        // The sheet's XML above the lines larger than the room kept for it before them: put together by copying.
        if (checked === 0) expect(await parts(await apart(outputs, partner, prepared, 16))).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("keeps the styles in the whole sheet's order when the lines use one first: short notes, wrapped charge rows", async () => {
    const outputs = outputsOf(syntheticModel(40, { partners: 4, years: 2 }));
    const base = prepareStatements(outputs);
    // Some lines without a line-year ("Basis: ." fits its column: a note neither merged nor wrapped, a style the rows
    // above the lines may not have), some with a description long enough to wrap the charge row.
    const odd: StatementsPrepared = {
      ...base,
      // Long enough to be merged across the page, so no note above the lines has the style of a note that fits.
      title: "Shared costs of four partners, a title long enough to be merged across the page",
      lineWordsOf: (r) => {
        const { lineRef, yearLabel } = r;
        const ly = base.lineYear(lineRef, yearLabel);
        const n = code(`${lineRef}|${yearLabel}`);
        if (n % 4 === 0 && Number(lineRef.replace(/\D/g, "")) > 5) return undefined;
        const words = (changed: LineYear | undefined): LineYearWords | undefined => changed && base.wordsOf(changed, lineRef);
        if (ly !== undefined && n % 5 === 0) return words({ ...ly, description: "a description long enough to wrap ".repeat(3) });
        // Text written as it is in UTF-8 (é, “ ”, ·, –, 中) and text with characters to escape (& < > " _ and a tab).
        if (ly !== undefined && n % 7 === 0) return words({ ...ly, description: "Café “levy” · 2–3 中" });
        if (ly !== undefined && n % 7 === 1) return words({ ...ly, description: 'R&D <costs> "x" _x0041_\tend 😀' });
        return base.lineWordsOf(r);
      },
    };
    const first = [...partnerNames(outputs.run.model).keys()][0]!;
    const sheet = partnerStatementSheet(outputs, first, odd);
    // The case is the one meant: short notes and tall charge rows among the lines.
    expect(
      sheet.text?.rowHeights.some((h) => h.height > 18 && sheet.blocks.some((b) => b.row === h.row && b.values[0]?.length === 5)),
    ).toBe(true);
    expect(sheet.blocks.some((b) => b.values[0]?.[0] === "Basis: .")).toBe(true);
    for (const text of ["Café", "R&D"]) expect(sheet.blocks.some((b) => String(b.values[0]?.[0]).includes(text))).toBe(true);
    for (const partner of partnerNames(outputs.run.model).keys())
      expect(await parts(await apart(outputs, partner, odd)), partner).toEqual(await parts(await whole(outputs, partner, odd)));
  });
});

/** A number as XmlBytes writes it into a sheet. */
function written(v: number): string {
  const out = new XmlBytes(16);
  out.number(v);
  return out.bytes().toString("latin1");
}

describe("numberText and XmlBytes.number (a cell's number as its shortest text)", () => {
  it("is JavaScript's own text for every number: pence as pounds at any size, and any double (property)", () => {
    const pence = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.maxSafeInteger(), fc.integer({ min: -(1e15 + 10), max: 1e15 + 10 }));
    fc.assert(
      fc.property(pence, (p) => numberText(p / 100) === `${p / 100}` && written(p / 100) === `${p / 100}`),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double(), (v) => numberText(v) === `${v}` && written(v) === `${v}`),
      { numRuns: 20_000 },
    );
    for (const v of [
      0,
      -0,
      0.01,
      -0.01,
      0.1,
      0.05,
      1e13 - 0.01,
      1e13,
      1e13 + 0.01,
      -(1e15 - 1) / 100,
      (1e15 - 1) / 100,
      1e15 / 100,
      1e21,
      NaN,
    ])
      expect([numberText(v), written(v)]).toEqual([`${v}`, `${v}`]);
  });
});
