import { describe, expect, it } from "vitest";
import { isoDate, parseDate, runModel, type ModelInput } from "../../src/engine";
import { buildInputSheets } from "../../src/excel/layout/template";
import { createMemoryPort } from "../../src/excel/memory/memory-port";
import { SAMPLES, syntheticModel } from "../../src/samples";

/** Dates as ISO text, absent optional lists as empty: the same model however it was written. */
function normalise(model: ModelInput): unknown {
  // The exits and disputes dates (docs/exits.md) read back as Excel dates too.
  const dateKeys = new Set([
    "start",
    "end",
    "joins",
    "leaves",
    "inUseFrom",
    "asAt",
    "validFrom",
    "notice",
    "committedTo",
    "date",
    "raisedOn",
  ]);
  const walk = (v: unknown, key?: string): unknown => {
    if (key !== undefined && dateKeys.has(key) && (typeof v === "string" || typeof v === "number")) {
      const d = parseDate(v, { entity: "argument" });
      return d.ok ? isoDate(d.value) : v;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (typeof v === "object" && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined || x === false || (Array.isArray(x) && x.length === 0)) continue;
        out[k] = walk(x, k);
      }
      return out;
    }
    return v;
  };
  const m = walk(model) as Record<string, Record<string, unknown>>;
  m.settings = { unit: "penny", proRata: "days", zeroDriverFallback: "error", ...m.settings };
  return m;
}

const WITH_EVERYTHING: ModelInput = {
  ...(SAMPLES[2]?.model ?? syntheticModel(3)),
  // Membership dates in the Partners table's Joins and Leaves columns, for a partner and a partner within.
  partners: (SAMPLES[2]?.model ?? syntheticModel(3)).partners.map((p, i) =>
    i === 2 ? { ...p, joins: "2020-07-01", leaves: "2023-03-31" } : p,
  ),
  withinPartners: [
    {
      partner: { id: "LH", name: "Lewisham Homes", joins: "2021-04-01" },
      within: "LEW",
      drivers: { tickets: 2500, users: 600 },
      percentages: { IAA: 5 },
    },
  ],
  outturns: [
    { year: "2020/21", category: "revenue", amount: 11234567.89 },
    { year: "2020/21", category: "capital", service: "Devices", amount: 1100000 },
  ],
  yearEnd: { basis: "IAA", carryForward: true },
  statedTotals: [{ label: "Reported revenue, £000s", lines: ["BLS-01", "BLS-02"], year: "2020/21", amount: 11040000, unit: 1000 }],
  tolerance: { amount: 10000, percent: 1.5 },
  settings: {
    firstYear: "2020/21",
    lastYear: "2023/24",
    unit: "pound",
    proRata: "months",
    indexationRate: 2.5,
    indexationBaseYear: "2020/21",
    zeroDriverFallback: "equal",
  },
};

describe("the input tables hold a whole model", () => {
  it.each([
    ...SAMPLES.map((s) => [s.id, s.model] as const),
    ["everything", WITH_EVERYTHING] as const,
    ["synthetic", syntheticModel(200, { seed: 7 })] as const,
  ])("%s: written as tables and read back, it is the same model", async (_id, model) => {
    const { port } = createMemoryPort();
    expect((await port.createModel(model)).ok).toBe(true);
    const read = await port.readModel();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value.problems).toEqual([]);
    expect(normalise(read.value.model)).toEqual(normalise(model));
    const a = runModel(model);
    const b = runModel(read.value.model);
    expect(b.ok).toBe(a.ok);
    expect(b.ok && b.value.rows).toEqual(a.ok && a.value.rows);
  });

  it("refuses a model whose driver is named like a fixed column", () => {
    const model = syntheticModel(1);
    const r = buildInputSheets({ ...model, drivers: [{ id: "Year", values: [] }] });
    expect(r.ok).toBe(false);
  });

  it("lays out the documented tables and columns", () => {
    const r = buildInputSheets(undefined);
    if (!r.ok) throw new Error("template");
    expect(r.sheets.map((s) => `${s.name}: ${s.tables.map((t) => t.name).join(", ")}`)).toEqual([
      "Partners: Partners",
      "Drivers: DriverList, Drivers",
      "Costs: Costs, Options",
      "Bases: Bases",
      "Budgets: Budgets, StatedTotals, Outturns",
      "Settings: Settings",
      "Scenarios: Scenarios",
      "Support: SupportServices, SupportUsage",
      "Partner services: PartnerServices",
      "Coding: Coding, HostCoding, VatLines",
      "Ledgers: Ledgers, LedgerColumns",
      "Actuals: Actuals, Forecast, Profile, Mapping",
      "Exits: Leavers, ExitLines, ExitCosts",
      "Disputes: Disputes",
      "Lists: ",
    ]);
    // The Actuals sheet's tables' headers, as docs/workbook-layout.md lists them.
    expect(r.sheets.find((s) => s.name === "Actuals")?.blocks.map((b) => b.values[0])).toEqual(
      expect.arrayContaining([
        ["Period", "Line", "Actual (£)", "Source"],
        ["Period", "Line", "Forecast (£)", "Note"],
        ["Line", "Period", "Weight"],
        ["Cost centre", "Account", "Line", "Note"],
      ]),
    );
    // The Partner services table's headers, as docs/workbook-layout.md lists them.
    expect(r.sheets.find((s) => s.name === "Partner services")?.blocks[0]?.values[0]).toEqual([
      "Partner",
      "Year",
      "Service",
      "RO line or heading",
      "Cost centre",
      "Measure",
      "Basis value",
      "Note",
    ]);
    const costs = r.sheets.find((s) => s.name === "Costs");
    expect(costs?.blocks[0]?.values[0]).toEqual([
      "Ref",
      "Description",
      "Service",
      "Category",
      "Nature",
      "Amount (£)",
      "Start",
      "End",
      "Basis",
      "Applies to",
      "Excludes",
      "Indexation %",
      "Index base year",
      "Note",
      "Financing",
      "Asset life",
      "In use from",
      "MRP method",
      "Interest rate %",
    ]);
    expect(costs?.freezeRows).toBe(1);
    expect(costs?.blocks[1]?.formats?.[5]).toBe("£#,##0.00;-£#,##0.00");
    expect(costs?.validations.map((v) => v.col)).toEqual([3, 4, 8, 14, 17]);
  });
});
