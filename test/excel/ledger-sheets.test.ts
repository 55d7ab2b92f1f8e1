import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { inertCell, journalCsvFiles, journalsOfRun } from "../../src/app";
import { checkModelBudgets, errorMessage, type ModelInput, type Result } from "../../src/engine";
import type { SheetSpec } from "../../src/excel/layout/cells";
import { TEXT_FORMAT } from "../../src/excel/layout/names";
import { buildOutputSheets, type RunOutputs } from "../../src/excel/layout/outputs";
import { LEDGER_SHEET_KIND, LEDGER_SHEET_PREFIX, ledgerSheetName } from "../../src/excel/layout/outputs/ledger-sheets";
import { withRetiredOutputs } from "../../src/excel/layout/retired-outputs";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { gridOf as portGrid, HARNESSES } from "../support/port-harness";

function unwrap<T>(r: Result<T> | undefined): T {
  if (r === undefined) throw new Error("no result");
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}

function outputsOf(model: ModelInput): RunOutputs {
  const budget = unwrap(checkModelBudgets(model));
  return { run: budget.run, budget, stamp: { when: "7 Dec 2026 05:00 UTC", fingerprint: "0123456789ab" } };
}

/** A sheet's cells as a grid (its blocks laid down), and the number format of each cell written. */
function gridOf(sheet: SheetSpec): { cells: unknown[][]; formats: (string | null | undefined)[][] } {
  const cells: unknown[][] = [];
  const formats: (string | null | undefined)[][] = [];
  for (const b of sheet.blocks) {
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        (cells[b.row + r] ??= [])[b.col + c] = v;
        (formats[b.row + r] ??= [])[b.col + c] = b.formats?.[c];
      }),
    );
  }
  return { cells, formats };
}

const ledgers = (sheets: readonly SheetSpec[]): SheetSpec[] => sheets.filter((s) => s.kind === LEDGER_SHEET_KIND);

describe("ledger sheets: each journal's upload file in the workbook", () => {
  it("holds exactly the cells of its CSV file (the sample), every cell text", () => {
    const outputs = outputsOf(BRENT_LEWISHAM_SOUTHWARK.model);
    const files = journalCsvFiles(unwrap(journalsOfRun(outputs)));
    const sheets = ledgers(buildOutputSheets(outputs));
    expect(files.length).toBeGreaterThan(0);
    expect(sheets).toHaveLength(files.length);
    files.forEach((f, i) => {
      const sheet = sheets[i] as SheetSpec;
      const { cells, formats } = gridOf(sheet);
      const csv = parse(f.text, { bom: true }) as string[][];
      // The CSV makes formula starts inert; so does Excel's Save As for a text cell it shows as typed.
      expect(cells.map((r) => r.map((v) => inertCell(String(v))))).toEqual(csv);
      for (const r of cells) for (const v of r) expect(typeof v).toBe("string");
      for (const r of formats) for (const fmt of r) expect(fmt).toBe(TEXT_FORMAT);
      expect(sheet.name.startsWith(LEDGER_SHEET_PREFIX)).toBe(true);
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      expect(sheet.role).toBe("output");
      // Not squeezed onto one page: a ledger's fifty-odd columns would print far below a legible size.
      expect(sheet.print).toBeUndefined();
    });
    expect(new Set(sheets.map((s) => s.name.toLowerCase())).size).toBe(sheets.length);
  });

  it("keeps a code's leading zeros and carries no run stamp in its first cell", () => {
    const model: ModelInput = {
      partners: [{ id: "H", host: true }, { id: "A" }],
      costLines: [{ ref: "L1", category: "revenue", nature: "ongoing", amount: "100", start: "2025-04-01", basis: "equal" }],
      settings: { firstYear: "2025/26", lastYear: "2025/26" },
      journals: {
        coding: [
          { partner: "H", costCentre: "001", account: "0500" },
          { partner: "A", costCentre: "00123", account: "04010" },
        ],
        hostCoding: [{ partner: "A", account: "09000", debtor: "01100" }],
        ledgers: [{ partner: "A", creditor: "02000" }],
      },
    };
    const sheets = ledgers(buildOutputSheets(outputsOf(model)));
    const a = sheets.find((s) => s.name === `${LEDGER_SHEET_PREFIX}A expenditure`);
    const flat = gridOf(a as SheetSpec).cells.flat();
    expect(flat).toContain("00123");
    expect(flat).toContain("04010");
    expect(flat).toContain("02000");
    expect(String(gridOf(a as SheetSpec).cells[0]?.[0])).not.toContain("inputs 0123");
  });

  it("is none for a model without journals inputs", () => {
    const { journals: _none, ...plain } = BRENT_LEWISHAM_SOUTHWARK.model;
    expect(ledgers(buildOutputSheets(outputsOf(plain)))).toEqual([]);
  });

  it("is retired, keeping its name, when a later run has no such journal", () => {
    const { journals: _none, ...plain } = BRENT_LEWISHAM_SOUTHWARK.model;
    const specs = buildOutputSheets(outputsOf(plain));
    const old = `${LEDGER_SHEET_PREFIX}LEW expenditure`;
    const written = withRetiredOutputs([{ name: old, marker: { v: 1, role: "output", kind: LEDGER_SHEET_KIND } }], specs);
    const retired = written.find((s) => s.name === old);
    expect(retired?.kind).toBe(LEDGER_SHEET_KIND);
    expect(String(gridOf(retired as SheetSpec).cells[0]?.[0])).toMatch(/^No journal for this ledger in the latest run/);
    // A user's sheet of the same name (no marker) is not ours to replace.
    expect(withRetiredOutputs([{ name: old, marker: undefined }], specs).some((s) => s.name === old)).toBe(false);
  });

  it("names fit Excel: long or odd ids shortened and made safe, clashes numbered", () => {
    const taken = new Set<string>();
    const a = ledgerSheetName("A/very[long]partner:identifier*", "expenditure", taken);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(a).not.toMatch(/[[\]:*?/\\]/);
    expect(a.endsWith(" expenditure")).toBe(true);
    taken.add(a.toLowerCase());
    const b = ledgerSheetName("A/very[long]partner:identifier*", "expenditure", taken);
    expect(b).not.toBe(a);
    expect(b.length).toBeLessThanOrEqual(31);
  });
});

describe.each(HARNESSES)("ledger sheets in a workbook ($name adapter)", ({ make }) => {
  it("are written with the run, and an earlier run's are retired when the latest has none", async () => {
    const h = make();
    const model = BRENT_LEWISHAM_SOUTHWARK.model;
    expect((await h.port.createModel(model, { notes: BRENT_LEWISHAM_SOUTHWARK.notes })).ok).toBe(true);
    expect((await h.port.writeOutputs(outputsOf(model))).ok).toBe(true);
    const name = `${LEDGER_SHEET_PREFIX}LEW expenditure`;
    const csv = parse(journalCsvFiles(unwrap(journalsOfRun(outputsOf(model))))[0]?.text ?? "", { bom: true }) as string[][];
    expect(portGrid(h.snapshot(), name).map((r) => r.map((v) => inertCell(String(v))))).toEqual(csv);
    const { journals: _none, ...plain } = model;
    const again = await h.port.writeOutputs(outputsOf(plain));
    expect(again.ok, JSON.stringify(again)).toBe(true);
    expect(String(portGrid(h.snapshot(), name)[0]?.[0])).toMatch(/^No journal for this ledger in the latest run/);
  });
});
