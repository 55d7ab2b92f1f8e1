import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareSupportMethods, runModel, runScenario } from "../../src/engine";
import { EAST_KENT_SERVICES } from "../../src/samples";
import { cli, pence, readBack, sheetRows, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
let file: string;
beforeAll(async () => {
  t = await tempDir();
  file = t.file("eks.xlsx");
  const made = await cli(["--sample", EAST_KENT_SERVICES.id, file]);
  if (made.code !== 0) throw new Error(made.stderr);
});
afterAll(async () => {
  await t.cleanup();
});

const text = (pence: number | undefined): string | null => (pence === undefined ? null : (pence / 100).toFixed(2));

describe("support services from the command line", () => {
  it("--json has the method, each year's flows (exact) and each partner's charges under the three methods", async () => {
    const r = await cli([file, "--json", "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      support: {
        method: string;
        years: {
          year: string;
          category: string;
          services: { service: string; ownCost: string; total: string }[];
          charged: { partner: string; amount: string }[];
        }[];
        methods: { used: string; partners: Record<string, string | null>[]; totals: Record<string, string | null> };
      };
    };
    const run = runModel(EAST_KENT_SERVICES.model);
    if (!run.ok) throw new Error("engine failed");
    const report = run.value.result.support;
    expect(json.support.method).toBe("reciprocal");
    expect(json.support.years.map((y) => `${y.year} ${y.category}`)).toEqual(report?.years.map((y) => `${y.yearLabel} ${y.category}`));
    json.support.years.forEach((y, i) => {
      const want = report?.years[i];
      expect(y.services.map((s) => [s.service, s.ownCost, s.total])).toEqual(
        want?.services.map((s) => [s.service, text(s.ownCost), s.total.text]),
      );
      expect(y.charged).toEqual(want?.charged.map((c) => ({ partner: c.partner, amount: text(c.amount) })));
    });
    const methods = compareSupportMethods(EAST_KENT_SERVICES.model);
    expect(json.support.methods.used).toBe("reciprocal");
    expect(json.support.methods.partners).toEqual(
      methods?.rows.map((row) => ({
        partner: row.partner,
        direct: text(row.amounts[0]),
        "step-down": text(row.amounts[1]),
        reciprocal: text(row.amounts[2]),
      })),
    );
  });

  it("writes the Support flows sheet, whose charged rows add up to the services' own costs", async () => {
    const out = t.file("eks-out.xlsx");
    const r = await cli([file, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Support services \(reciprocal method\): £[\d,]+\.\d\d of their own costs, all recharged/);
    const rows = sheetRows((await readBack(out)).getWorksheet("Support flows")!);
    const charged = rows.filter((row) => row[0] === "Charged");
    const run = runModel(EAST_KENT_SERVICES.model);
    if (!run.ok) throw new Error("engine failed");
    expect(charged).toHaveLength(run.value.result.support?.years.length ?? -1);
    for (const row of charged) {
      const own = pence(row[2]);
      const partners = row.slice(5 + 2).filter((v) => v !== "" && v !== null && v !== undefined);
      expect(partners.reduce((a: number, v) => a + pence(v), 0)).toBe(own);
    }
    const flat = rows.flat().map(String);
    expect(flat).toContain("Reciprocal (used) (£)");
  });

  it("runs a scenario that changes the method", async () => {
    const r = await cli([file, "--scenario", "Direct method", "--json", "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { support: { method: string }; partners: { partner: string; total: string }[] };
    expect(json.support.method).toBe("direct");
    const s = EAST_KENT_SERVICES.model.scenarios?.find((x) => x.name === "Direct method");
    const run = runScenario(EAST_KENT_SERVICES.model, s!);
    if (!run.ok) throw new Error("engine failed");
    for (const p of json.partners)
      expect(p.total).toBe(text(run.value.rows.filter((x) => x.partner === p.partner).reduce((a, x) => a + x.amount, 0)));
  });
});
