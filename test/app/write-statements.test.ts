import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeStatementSheets } from "../../src/app";
import { checkModelBudgets, partnerNames } from "../../src/engine";
import type { CellValue, RunOutputs } from "../../src/excel";
import { partnerStatementSheet, statementSheetName, STATEMENT_TOTAL } from "../../src/excel/layout/outputs/statement";
import { decodeMarker } from "../../src/excel/layout/marker";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { gridOf, HARNESSES, type PortHarness } from "../support/port-harness";

const STAMP = { when: "1 Dec 2026 14:03 UTC", fingerprint: "1fc70fc28723" };
const pence = (v: CellValue | undefined): number => Math.round(Number(v) * 100);

/** A workbook holding the sample's model and its written outputs, and those outputs (stamped as a recorded run). */
async function written(make: () => PortHarness): Promise<{ h: PortHarness; outputs: RunOutputs }> {
  const h = make();
  if (!(await h.port.createModel(BRENT_LEWISHAM_SOUTHWARK.model)).ok) throw new Error("create");
  const report = checkModelBudgets(BRENT_LEWISHAM_SOUTHWARK.model);
  if (!report.ok) throw new Error("run");
  const outputs: RunOutputs = { run: report.value.run, budget: report.value, stamp: STAMP };
  if (!(await h.port.writeOutputs(outputs)).ok) throw new Error("write");
  return { h, outputs };
}

/** The cells of a laid-out sheet as a grid from A1, as a snapshot shows them. */
function specGrid(outputs: RunOutputs, partner: string): CellValue[][] {
  const out: CellValue[][] = [];
  for (const b of partnerStatementSheet(outputs, partner).blocks)
    b.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === "") return;
        while (out.length <= b.row + r) out.push([]);
        const row = out[b.row + r]!;
        while (row.length <= b.col + c) row.push("");
        row[b.col + c] = v;
      }),
    );
  return out;
}

describe.each(HARNESSES)("statement sheets in the workbook ($name adapter)", ({ make }) => {
  it("writes one statement sheet per partner, each its own figures adding up to its total, as owned sheets after the outputs", async () => {
    const { h, outputs } = await written(make);
    const r = await writeStatementSheets(h.port, outputs, { kind: "all" });
    expect(r.kind).toBe("written");
    const ids = [...partnerNames(outputs.run.model).keys()];
    const names = ids.map((id) => `Statement \u2013 ${id}`);
    expect(r.kind === "written" && r.report.sheets).toEqual(names);
    const snap = h.snapshot();
    // After every output sheet, in the partners' order.
    const order = snap.map((s) => s.name);
    expect(order.slice(-names.length)).toEqual(names);
    for (const id of ids) {
      const name = `Statement \u2013 ${id}`;
      const grid = gridOf(snap, name);
      expect(grid).toEqual(specGrid(outputs, id));
      expect(decodeMarker(snap.find((s) => s.name === name)?.marker)).toMatchObject({ role: "output", kind: "partnerStatement" });
      // The charges by cost line total what the engine charges this partner, and the statement says it balances.
      const total = grid.find((row) => row[0] === STATEMENT_TOTAL && row.length === 5 && typeof row[4] === "number");
      expect(pence(total?.[4])).toBe(outputs.run.rows.filter((x) => x.partner === id).reduce((s, x) => s + x.amount, 0));
      expect(grid.some((row) => String(row[0]).startsWith("Balanced: yes."))).toBe(true);
    }
  });

  it("writes only the chosen partner's sheet, and replaces it on the next write without asking", async () => {
    const { h, outputs } = await written(make);
    const first = await writeStatementSheets(h.port, outputs, { kind: "partner", partner: "LEW" });
    expect(first.kind === "written" && first.report.sheets).toEqual(["Statement \u2013 LEW"]);
    expect(
      h
        .snapshot()
        .filter((s) => s.name.startsWith("Statement"))
        .map((s) => s.name),
    ).toEqual(["Statement \u2013 LEW"]);
    const again = await writeStatementSheets(h.port, outputs, { kind: "partner", partner: "LEW" });
    expect(again.kind).toBe("written");
    expect(
      h
        .snapshot()
        .filter((s) => s.name.startsWith("Statement"))
        .map((s) => s.name),
    ).toEqual(["Statement \u2013 LEW"]);
  });

  it("refuses, writing nothing, when a user's sheet has the statement's name", async () => {
    const { h, outputs } = await written(make);
    h.addUserSheet("Statement \u2013 SOU", { A1: "my notes" });
    const before = JSON.stringify(h.snapshot());
    const r = await writeStatementSheets(h.port, outputs, { kind: "all" });
    expect(r.kind).toBe("failed");
    expect(r.kind !== "written" && r.problems.map((p) => p.message).join(" ")).toMatch(/Statement \u2013 SOU/);
    expect(JSON.stringify(h.snapshot())).toBe(before);
  });

  it("asks before replacing a statement sheet edited by hand, and replaces it when told to", async () => {
    const { h, outputs } = await written(make);
    expect((await writeStatementSheets(h.port, outputs, { kind: "partner", partner: "BRE" })).kind).toBe("written");
    h.type("Statement \u2013 BRE!A40", "checked by JB");
    // A run neither replaces nor asks about it: it writes the outputs only.
    const check = await h.port.checkOutputs();
    expect(check.ok && check.value.sheets.map((s) => s.name)).not.toContain("Statement \u2013 BRE");
    expect((await h.port.writeOutputs(outputs)).ok).toBe(true);
    expect(gridOf(h.snapshot(), "Statement \u2013 BRE").flat()).toContain("checked by JB");
    const asked = await writeStatementSheets(h.port, outputs, { kind: "partner", partner: "BRE" });
    expect(asked.kind === "needsConsent" && asked.sheets).toEqual(["Statement \u2013 BRE"]);
    const replaced = await writeStatementSheets(h.port, outputs, { kind: "partner", partner: "BRE" }, { replaceEdited: true });
    expect(replaced.kind).toBe("written");
    expect(gridOf(h.snapshot(), "Statement \u2013 BRE")).toEqual(specGrid(outputs, "BRE"));
  });

  it("states only a recorded run, and only a partner of it", async () => {
    const { h, outputs } = await written(make);
    const before = JSON.stringify(h.snapshot());
    const { stamp: _stamp, ...unrecorded } = outputs;
    const r = await writeStatementSheets(h.port, unrecorded, { kind: "all" });
    expect(r.kind !== "written" && r.problems[0]?.message).toMatch(/^Write the results first/);
    const nobody = await writeStatementSheets(h.port, outputs, { kind: "partner", partner: "XYZ" });
    expect(nobody.kind !== "written" && nobody.problems[0]?.message).toMatch(/"XYZ" is not a partner of this run/);
    expect(JSON.stringify(h.snapshot())).toBe(before);
  });
});

describe("statement sheet names (fast-check)", () => {
  it("shortens a long id to Excel's 31 characters, never ending in an apostrophe, and numbers a clash", () => {
    const long = `${"x".repeat(18)}'yyyyy`;
    expect(statementSheetName(long, new Set())).toBe(`Statement \u2013 ${"x".repeat(18)}`);
    expect(statementSheetName("A/B", new Set())).toBe("Statement \u2013 A_B");
    expect(statementSheetName("a_b", new Set(["statement \u2013 a_b"]))).toBe("Statement \u2013 a_b 2");
  });

  it("are valid Excel sheet names, distinct (ignoring case) for any partner ids, and name the partner when it fits", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 12 }), (ids) => {
        const taken = new Set<string>();
        for (const id of ids) {
          const name = statementSheetName(id, taken);
          expect(name.length).toBeLessThanOrEqual(31);
          expect(name).not.toMatch(/[[\]:*?/\\]|'$/);
          expect(name.startsWith("Statement \u2013 ")).toBe(true);
          expect(taken.has(name.toLowerCase())).toBe(false);
          if (/^[A-Za-z0-9]{1,10}$/.test(id) && !taken.has(`statement \u2013 ${id}`.toLowerCase()))
            expect(name).toBe(`Statement \u2013 ${id}`);
          taken.add(name.toLowerCase());
        }
      }),
    );
  });
});
