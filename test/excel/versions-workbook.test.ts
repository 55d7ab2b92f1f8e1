import { describe, expect, it } from "vitest";
import { changedTables, fingerprintInputs, trueUpJson } from "../../src/app";
import { isoDate, parseDate, runModel, type ModelInput } from "../../src/engine";
import { trueUpSheet } from "../../src/excel/layout/outputs/true-up";
import { createMemoryPort } from "../../src/excel/memory/memory-port";

/**
 * Versions and the true-up in the workbook (issue 33; docs/versions.md): the
 * Bases table's Valid from column, the Drivers table's Valid from and Status
 * columns and the true-up settings are written and read back as the same
 * model; the True-up sheet and `--json`'s `trueUp` say what the run did.
 */

const MODEL: ModelInput = {
  partners: [
    { id: "HAV", name: "Havering", host: true },
    { id: "NEW", name: "Newham" },
  ],
  drivers: [
    {
      id: "users",
      values: [
        { partner: "HAV", value: 600 },
        { partner: "NEW", value: 400 },
        { partner: "NEW", value: 500, validFrom: "2022-10-03" },
        { partner: "HAV", year: "2022/23", value: 500, status: "Actual" },
        { partner: "NEW", year: "2022/23", value: 500, status: "Actual" },
      ],
    },
  ],
  bases: [
    {
      id: "HR",
      kind: "percentages",
      shares: [
        { partner: "HAV", percent: 74 },
        { partner: "NEW", percent: 26 },
      ],
    },
  ],
  basisVersions: [
    {
      basis: "HR",
      validFrom: "2022-10-03",
      shares: [
        { partner: "HAV", percent: 82 },
        { partner: "NEW", percent: 18 },
      ],
    },
  ],
  costLines: [
    { ref: "HR-01", category: "revenue", nature: "ongoing", amount: 250000, start: "2022-04-01", basis: "HR" },
    { ref: "ICT-01", category: "revenue", nature: "ongoing", amount: 100000, start: "2022-04-01", basis: "driver:users" },
  ],
  settings: { firstYear: "2022/23", lastYear: "2023/24" },
  trueUp: { tolerance: { points: 3 }, timing: "same year" },
};

function normalise(v: unknown, key?: string): unknown {
  if (key === "validFrom" && (typeof v === "string" || typeof v === "number")) {
    const d = parseDate(v, { entity: "argument" });
    return d.ok ? isoDate(d.value) : v;
  }
  if (Array.isArray(v)) return v.map((x) => normalise(x));
  if (typeof v === "object" && v !== null)
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined && x !== false && !(Array.isArray(x) && x.length === 0))
        .map(([k, x]) => [k, normalise(x, k)]),
    );
  return typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

describe("versions in the workbook", () => {
  it("are written as tables and read back as the same model, with the same charges", async () => {
    const { port } = createMemoryPort();
    expect((await port.createModel(MODEL)).ok).toBe(true);
    const read = await port.readModel();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value.problems).toEqual([]);
    const m = read.value.model;
    expect(normalise(m.basisVersions)).toEqual(normalise(MODEL.basisVersions));
    expect(normalise(m.trueUp)).toEqual(normalise(MODEL.trueUp));
    const values = (x: ModelInput): unknown =>
      normalise([...(x.drivers?.[0]?.values ?? [])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
    expect(values(m)).toEqual(values(MODEL));
    const a = runModel(MODEL);
    const b = runModel(m);
    expect(b.ok && b.value.rows).toEqual(a.ok && a.value.rows);
  });

  it("the True-up sheet lists each partner's shares, the change, the verdict and the adjustment", () => {
    const run = runModel(MODEL);
    if (!run.ok) throw new Error(JSON.stringify(run.errors));
    // ICT-01 2022/23 by days: 185 days at 600 : 400 and 180 at 600 : 500 (NEW's value from 3 October 2022) were charged;
    // actuals 500 : 500 move HAV from 59.3…% to 50%, beyond 3 points, so the line-year is trued up.
    const report = run.value.trueUp;
    expect(report?.lines.map((l) => [l.lineRef, l.yearLabel, l.trued])).toEqual([["ICT-01", "2022/23", true]]);
    const sheet = trueUpSheet(run.value, report ?? { timing: "same year", lines: [] });
    const cells = sheet.blocks.flatMap((b) => b.values.map((r) => r.map((c) => String(c)).join("|")));
    const hav = cells.find((r) => r.startsWith("ICT-01|2022/23|HAV|Havering|"));
    expect(hav?.split("|").slice(5, 7)).toEqual(["50", report?.lines[0]?.rows[0]?.changePoints]);
    expect(hav?.split("|")[9]).toBe("No");
    expect(cells.some((r) => r.includes("Beyond tolerance (3 percentage points)"))).toBe(true);
    // Charged plus adjustment is the split on actuals: £50,000 each.
    const rows = report?.lines[0]?.rows ?? [];
    expect(rows.map((r) => r.estimatedCharge + r.adjustment)).toEqual([5_000_000, 5_000_000]);
    const json = trueUpJson(report) as { lines: { partners: { adjustment: string; onActuals: string }[] }[] };
    expect(json.lines[0]?.partners.map((p) => p.onActuals)).toEqual(["50000.00", "50000.00"]);
    expect(json.lines[0]?.partners.reduce((s, p) => s + Number(p.adjustment), 0)).toBeCloseTo(0, 10);
    expect(trueUpJson(undefined)).toBeNull();
  });
});

describe("versions: bad input points at its cell", () => {
  it("a later version's percent that makes it total other than 100%, and a driver status that is neither", async () => {
    const { port } = createMemoryPort();
    const bad: ModelInput = {
      ...MODEL,
      basisVersions: [
        {
          basis: "HR",
          validFrom: "2022-10-03",
          shares: [
            { partner: "HAV", percent: 80 },
            { partner: "NEW", percent: 18 },
          ],
        },
      ],
      drivers: [
        { id: "users", values: [...(MODEL.drivers?.[0]?.values ?? []), { partner: "HAV", year: "2023/24", value: 1, status: "Guess" }] },
      ],
    };
    expect((await port.createModel(bad)).ok).toBe(true);
    const read = await port.readModel();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const run = runModel(read.value.model);
    expect(run.ok).toBe(false);
    if (run.ok) return;
    const where = run.errors.map((e) => `${e.kind} ${read.value.locate(e.at)?.address ?? "(nowhere)"}`);
    // The Bases table: the base's two rows (2 and 3), then the version's (4 and 5); Percent is column D.
    expect(where).toContain("percentagesNotHundred Bases!D4");
    expect(where.some((w) => w.startsWith("invalidChoice Drivers!"))).toBe(true);
  });
});

describe("a basis's own true-up rule: the TrueUpRules table beside the Bases table", () => {
  it("is written only for a model that has one, read back the same, and a bad value is located at its cell", async () => {
    const { port } = createMemoryPort();
    const own: ModelInput = {
      ...MODEL,
      trueUp: { ...MODEL.trueUp, byBasis: [{ basis: "driver:users", points: 10, timing: "next year" }] },
    };
    expect((await port.createModel(own)).ok).toBe(true);
    const read = await port.readModel();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value.problems).toEqual([]);
    expect(normalise(read.value.model.trueUp)).toEqual(normalise(own.trueUp));
    // ICT-01 2022/23 moves HAV's share by 9.3 points: within the basis's 10 (the model's 3 would true it up).
    const run = runModel(read.value.model);
    if (!run.ok) throw new Error(JSON.stringify(run.errors));
    expect(run.value.trueUp?.lines.map((l) => [l.lineRef, l.trued, l.timing, l.tolerance])).toEqual([
      ["ICT-01", false, "next year", "10 percentage points"],
    ]);

    // A model without a basis's own rule has no TrueUpRules table: its workbook is laid out as before.
    const plain = createMemoryPort();
    expect((await plain.port.createModel(MODEL)).ok).toBe(true);
    const back = await plain.port.readModel();
    expect(back.ok && back.value.model.trueUp?.byBasis).toBeUndefined();

    const bad: ModelInput = {
      ...MODEL,
      trueUp: {
        byBasis: [
          { basis: "users", points: "-1", timing: "later" },
          { basis: "nonsense", points: 2 },
        ],
      },
    };
    const fresh = createMemoryPort().port;
    expect((await fresh.createModel(bad)).ok).toBe(true);
    const again = await fresh.readModel();
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    const failed = runModel(again.value.model);
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    // TrueUpRules is I:M on the Bases sheet: Basis I, points J, True-up in L; users on row 2, nonsense on row 3.
    const where = failed.errors.map((e) => again.value.locate(e.at)?.address ?? "(nowhere)");
    expect(where.sort()).toEqual(["Bases!I3", "Bases!J2", "Bases!L2"]);
  });
});

describe("a basis's own true-up rule in the fingerprint", () => {
  it("changes the Settings part only, and only for a model that has one", () => {
    const run = { scenario: "", compareFirst: "", compareSecond: "" };
    const before = fingerprintInputs(MODEL, run);
    const own = fingerprintInputs({ ...MODEL, trueUp: { ...MODEL.trueUp, byBasis: [{ basis: "driver:users", points: 10 }] } }, run);
    expect(changedTables(before.tables, own.tables)).toEqual(["Settings"]);
    // The same rule again is the same fingerprint: inputs, not chance.
    expect(fingerprintInputs({ ...MODEL, trueUp: { ...MODEL.trueUp, byBasis: [{ basis: "driver:users", points: 10 }] } }, run).value).toBe(
      own.value,
    );
  });
});
