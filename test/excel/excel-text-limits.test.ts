import { describe, expect, it } from "vitest";
import { compareMany, runModel } from "../../src/engine";
import type { SheetSpec } from "../../src/excel/layout/cells";
import { allocationsSheet } from "../../src/excel/layout/outputs/allocations";
import { manyComparisonSheet } from "../../src/excel/layout/outputs/comparison";
import { fitColumnNames, SHEET_NAME_MAX, sheetLimitProblems, TABLE_COLUMN_NAME_MAX } from "../../src/excel/layout/sheet-limits";
import { workbookProblemMessage } from "../../src/excel/problems";
import { BRENT_LEWISHAM_SOUTHWARK, syntheticScaleModel } from "../../src/samples";

/**
 * Excel keeps at most 255 characters in a table column's name, and column
 * names are unique ignoring case; a longer name makes Excel offer to repair
 * the file (ClosedXML #141, #174; openpyxl pull request #402). The tables the
 * add-in writes are headed by scenario names, so a long scenario name must
 * not break them.
 */

/** Two 300-character names alike for their first 296. */
const LONG = "Lewisham Homes joins as a direct customer with its own tickets, users and a share of the agreement; ".repeat(4).slice(0, 296);
const LONG_A = `${LONG} (A)`;
const LONG_B = `${LONG} (B)`;

/** The header cells of a sheet's tables. */
function tableHeaders(spec: SheetSpec): string[][] {
  return spec.tables.map((t) => {
    const block = spec.blocks.find((b) => b.row === t.row && b.col === t.col);
    return (block?.values[0] ?? []).map(String);
  });
}

describe("table column names within Excel's limits", () => {
  it("leaves names that fit alone", () => {
    expect(fitColumnNames(["Partner", "Name", "Base (£)", "Lewisham Homes joins (£)"])).toEqual([
      "Partner",
      "Name",
      "Base (£)",
      "Lewisham Homes joins (£)",
    ]);
  });

  it("shortens a long name to 255 characters, keeping its start and its end around an ellipsis", () => {
    const [fitted = ""] = fitColumnNames([`${LONG_A} (£)`]);
    expect(fitted).toHaveLength(TABLE_COLUMN_NAME_MAX);
    expect(fitted.startsWith(LONG.slice(0, 150))).toBe(true);
    expect(fitted.endsWith(" (A) (£)")).toBe(true);
    expect(fitted).toContain("\u2026");
    expect(fitColumnNames([`${LONG_A} (£)`])).toEqual([fitted]);
  });

  it("keeps names unique ignoring case, as Excel compares them, within the limit", () => {
    expect(fitColumnNames(["Base", "base", "BASE"])).toEqual(["Base", "base (2)", "BASE (3)"]);
    const same = `${"x".repeat(300)} (£)`;
    const fitted = fitColumnNames([same, same]);
    expect(fitted.map((f) => f.length)).toEqual([255, 255]);
    expect(fitted[1]?.endsWith(" (2)")).toBe(true);
    expect(new Set(fitted.map((f) => f.toLowerCase())).size).toBe(2);
  });

  it("never splits a character outside the Basic Multilingual Plane", () => {
    const [fitted = ""] = fitColumnNames(["\u{1F3E0}".repeat(200)]);
    expect(fitted.length).toBeLessThanOrEqual(255);
    expect(fitted.replace(/\u{1F3E0}/gu, "").replace("\u2026", "")).toBe("");
  });

  it("heads the comparison of scenarios named with 300 characters with distinct names of at most 255", () => {
    const base = BRENT_LEWISHAM_SOUTHWARK.model;
    const [a, b] = base.scenarios ?? [];
    if (a === undefined || b === undefined) throw new Error("sample scenarios");
    const run = runModel(base);
    const many = compareMany(base, [
      { ...a, name: LONG_A },
      { ...b, name: LONG_B },
    ]);
    if (!run.ok || !many.ok) throw new Error("engine");
    const [headers = []] = tableHeaders(manyComparisonSheet(run.value, many.value, undefined));
    expect(headers).toHaveLength(11);
    for (const h of headers) expect(h.length).toBeLessThanOrEqual(TABLE_COLUMN_NAME_MAX);
    expect(new Set(headers.map((h) => h.toLowerCase())).size).toBe(headers.length);
    // Each scenario's columns still say which scenario and what they hold.
    expect(headers.filter((h) => h.endsWith("(A) (£)"))).toHaveLength(1);
    expect(headers.filter((h) => h.endsWith("(B) − Base %"))).toHaveLength(1);
  });

  it("refuses, at its header cell, a table column whose name would still be too long", () => {
    const run = runModel(syntheticScaleModel({ lines: 4, partners: 3, years: 1 }));
    if (!run.ok) throw new Error("engine");
    const sheet = allocationsSheet(run.value);
    const [table] = sheet.tables;
    if (table === undefined) throw new Error("no table");
    const long: SheetSpec = {
      ...sheet,
      blocks: sheet.blocks.map((b) =>
        b.row === table.row ? { ...b, values: [(b.values[0] ?? []).map((v, i) => (i === 9 ? "P".repeat(256) : v))] } : b,
      ),
    };
    const problems = sheetLimitProblems(long);
    expect(problems).toEqual([
      {
        kind: "columnNameTooLong",
        table: "Allocations",
        length: 256,
        allowed: 255,
        at: { sheet: "Allocations", row: table.row, col: 9, address: `Allocations!J${table.row + 1}` },
      },
    ]);
    expect(workbookProblemMessage(problems[0]!)).toBe(
      `Allocations!J${table.row + 1}: a column of the table "Allocations" would be headed with 256 characters, and Excel keeps ` +
        "255 in a table column's name. Nothing was written. Shorten the id or name that heads it.",
    );
  });

  it("refuses a sheet name Excel would not take, before anything is written", () => {
    const run = runModel(syntheticScaleModel({ lines: 2, partners: 2, years: 1 }));
    if (!run.ok) throw new Error("engine");
    const sheet = allocationsSheet(run.value);
    expect(SHEET_NAME_MAX).toBe(31);
    expect(sheetLimitProblems({ ...sheet, name: "A".repeat(31) })).toEqual([]);
    for (const name of ["A".repeat(32), "Costs [old]", "'Quoted'", ""])
      expect(sheetLimitProblems({ ...sheet, name }), name).toContainEqual({ kind: "invalidSheetName", sheet: name });
    expect(workbookProblemMessage({ kind: "invalidSheetName", sheet: "A".repeat(32) })).toBe(
      `A sheet would be named "${"A".repeat(32)}" (32 characters), which Excel does not allow: at most 31 characters, none of ` +
        "[ ] : * ? / \\, and no apostrophe at either end. Nothing was written.",
    );
  });
});
