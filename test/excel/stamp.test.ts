import { describe, expect, it } from "vitest";
import { checkModelBudgets } from "../../src/engine";
import { buildOutputSheets } from "../../src/excel/layout/outputs";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";

const report = checkModelBudgets(BRENT_LEWISHAM_SOUTHWARK.model);
if (!report.ok) throw new Error("engine failed");
const base = { run: report.value.run, budget: report.value };

describe("what the output sheets say about their run", () => {
  it("a recorded run: every title says when it was run, every footer 'Run …'", () => {
    const sheets = buildOutputSheets({ ...base, stamp: { when: "1 Dec 2026 14:03 UTC", fingerprint: "1fc70fc28723" } });
    for (const s of sheets) {
      expect(String(s.blocks.find((b) => b.row === 0 && b.col === 0)?.values[0]?.[0]), s.name).toMatch(
        / — run 1 Dec 2026 14:03 UTC, inputs 1fc70fc28723$/,
      );
      if (s.print !== undefined) expect(s.print.footer.right, s.name).toMatch(/\nRun 1 Dec 2026 14:03 UTC$/);
    }
  });

  it("a run not recorded in the Run log (--no-write --pdf) never says 'run': it was calculated", () => {
    const sheets = buildOutputSheets({ ...base, stamp: { when: "1 Dec 2026 14:03 UTC", fingerprint: "1fc70fc28723", recorded: false } });
    for (const s of sheets) {
      const title = String(s.blocks.find((b) => b.row === 0 && b.col === 0)?.values[0]?.[0]);
      expect(title, s.name).toMatch(/ — calculated 1 Dec 2026 14:03 UTC \(not recorded in the Run log\), inputs 1fc70fc28723$/);
      expect(title, s.name).not.toMatch(/ — run /);
      if (s.print !== undefined) expect(s.print.footer.right, s.name).toMatch(/\nCalculated 1 Dec 2026 14:03 UTC, not in the Run log$/);
    }
  });
});
