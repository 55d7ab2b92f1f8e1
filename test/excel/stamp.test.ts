import { describe, expect, it } from "vitest";
import { checkModelBudgets } from "../../src/engine";
import { buildOutputSheets, PACK_KINDS } from "../../src/excel/layout/outputs";
import { LEDGER_SHEET_KIND } from "../../src/excel/layout/outputs/ledger-sheets";
import { aboutSheet, coverSheet } from "../../src/excel/layout/outputs/pack";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";

const report = checkModelBudgets(BRENT_LEWISHAM_SOUTHWARK.model);
if (!report.ok) throw new Error("engine failed");
const base = { run: report.value.run, budget: report.value };

describe("what the output sheets say about their run", () => {
  it("a recorded run: every title says when it was run (the pack's sheets: its cover), every footer 'Run …'", () => {
    const outputs = { ...base, stamp: { when: "1 Dec 2026 14:03 UTC", fingerprint: "1fc70fc28723" } };
    const sheets = buildOutputSheets(outputs);
    expect(sheets.filter((s) => PACK_KINDS.has(s.kind)).map((s) => s.kind)).toEqual([
      "committee",
      "budgetCheck",
      "comparison",
      "charts",
      "methodology",
    ]);
    const words = (s: { blocks: readonly { values: readonly (readonly unknown[])[] }[] }): string =>
      s.blocks.flatMap((b) => b.values.flat()).join(" ");
    expect(words(coverSheet(outputs, []))).toContain("Run 1 Dec 2026 14:03 UTC, recorded in the workbook's Run log.");
    expect(words(aboutSheet(outputs))).toContain("Inputs fingerprint 1fc70fc28723");
    for (const s of sheets) {
      const title = String(s.blocks.find((b) => b.row === 0 && b.col === 0)?.values[0]?.[0]);
      // A committee's pages say what they show; the run and its fingerprint are on the pack's cover and in its closing note.
      if (PACK_KINDS.has(s.kind)) expect(title, s.name).not.toMatch(/inputs|1fc70fc28723| — run /);
      // A ledger sheet is its upload file cell for cell (no title); every journal line names the run by its reference.
      else if (s.kind === LEDGER_SHEET_KIND) expect(words(s), s.name).toContain("SA-1fc70fc28723");
      else expect(title, s.name).toMatch(/ — run 1 Dec 2026 14:03 UTC, inputs 1fc70fc28723$/);
      if (s.print !== undefined) expect(s.print.footer.right, s.name).toMatch(/\nRun 1 Dec 2026 14:03 UTC$/);
    }
  });

  it("a run not recorded in the Run log (--no-write --pdf) never says 'run': it was calculated", () => {
    const outputs = { ...base, stamp: { when: "1 Dec 2026 14:03 UTC", fingerprint: "1fc70fc28723", recorded: false } };
    const sheets = buildOutputSheets(outputs);
    const cover = coverSheet(outputs, [])
      .blocks.flatMap((b) => b.values.flat())
      .join(" ");
    expect(cover).toContain("Calculated 1 Dec 2026 14:03 UTC; not recorded in the workbook's Run log");
    expect(cover).toContain("not possible (the run is not recorded)");
    expect(cover).not.toMatch(/\bRun 1 Dec/);
    for (const s of sheets) {
      const title = String(s.blocks.find((b) => b.row === 0 && b.col === 0)?.values[0]?.[0]);
      expect(title, s.name).not.toMatch(/ — run /);
      if (!PACK_KINDS.has(s.kind) && s.kind !== LEDGER_SHEET_KIND)
        expect(title, s.name).toMatch(/ — calculated 1 Dec 2026 14:03 UTC \(not recorded in the Run log\), inputs 1fc70fc28723$/);
      if (s.print !== undefined) expect(s.print.footer.right, s.name).toMatch(/\nCalculated 1 Dec 2026 14:03 UTC, not in the Run log$/);
    }
  });
});
