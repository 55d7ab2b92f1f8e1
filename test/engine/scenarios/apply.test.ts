import { describe, expect, it } from "vitest";
import { applyScenario, errorMessage, runModel, type ModelInput, type ScenarioInput } from "../../../src/engine";
import { splitByDrivers } from "../../../src/functions/split";
import { sharedIct } from "./fixtures";
import { unwrap } from "./model-arbitrary";

function apply(changes: ScenarioInput["changes"], base: ModelInput = sharedIct): ModelInput {
  return unwrap(applyScenario(base, { name: "test", changes }));
}

function messages(changes: ScenarioInput["changes"], base: ModelInput = sharedIct): string[] {
  const r = applyScenario(base, { name: "What if", changes });
  if (r.ok) throw new Error("expected the scenario to fail");
  return r.errors.map(errorMessage);
}

function line(model: ModelInput, ref: string) {
  return model.costLines.find((l) => l.ref === ref);
}

describe("applyScenario", () => {
  it("gives back the base model for an empty scenario, and never changes the base", () => {
    const before = structuredClone(sharedIct);
    expect(apply([])).toEqual(sharedIct);
    apply([
      { kind: "setAmount", line: "ICT-01", amount: 5 },
      { kind: "addPartner", partner: { id: "LH" }, drivers: { tickets: 1, users: 1 }, percentages: { iaa: 10 } },
      { kind: "removePartner", partner: "SWK" },
      { kind: "uplift", percent: 10 },
    ]);
    expect(sharedIct).toEqual(before);
  });

  it("changes an amount, a basis and dates, leaving other lines alone", () => {
    const m = apply([
      { kind: "setAmount", line: "ICT-01", amount: "1200000" },
      { kind: "setBasis", line: "ICT-03", basis: "users" },
      { kind: "setDates", line: "ICT-01", start: "2021-10-01", end: "2022-09-30" },
    ]);
    expect(line(m, "ICT-01")).toMatchObject({ amount: "1200000", start: "2021-10-01", end: "2022-09-30", basis: "tickets" });
    expect(line(m, "ICT-03")?.basis).toBe("users");
    expect(line(m, "ICT-02")).toBe(line(sharedIct, "ICT-02"));
  });

  it("keeps a date left out and clears an end given as null", () => {
    const withEnd = apply([{ kind: "setDates", line: "ICT-01", end: "2022-12-31" }]);
    expect(line(withEnd, "ICT-01")).toMatchObject({ start: "2021-04-01", end: "2022-12-31" });
    const cleared = apply([{ kind: "setDates", line: "ICT-01", end: null }], withEnd);
    expect(line(cleared, "ICT-01")?.end).toBeNull();
    expect(line(cleared, "ICT-01")?.start).toBe("2021-04-01");
  });

  it("replaces a driver value, or adds a year-specific one", () => {
    const m = apply([
      { kind: "setDriver", driver: "tickets", partner: "LEW", value: 9_000 },
      { kind: "setDriver", driver: "tickets", partner: "SWK", year: "2022/23", value: 20_000 },
    ]);
    const tickets = m.drivers?.find((d) => d.id === "tickets")?.values;
    expect(tickets).toContainEqual({ partner: "LEW", value: 9_000 });
    expect(tickets).toContainEqual({ partner: "SWK", value: 28_000 });
    expect(tickets).toContainEqual({ partner: "SWK", year: "2022/23", value: 20_000 });
    expect(tickets?.filter((v) => v.partner === "LEW")).toHaveLength(1);
  });

  it("adds a direct customer: its drivers, and a percentage with the others scaled to keep 100%", () => {
    const m = apply([
      {
        kind: "addPartner",
        partner: { id: "LH", name: "Lewisham Homes" },
        drivers: { tickets: 2_000, users: 500 },
        percentages: { iaa: 10 },
      },
    ]);
    expect(m.partners.map((p) => p.id)).toEqual(["BRT", "LEW", "SWK", "LH"]);
    expect(m.drivers?.find((d) => d.id === "tickets")?.values).toContainEqual({ partner: "LH", value: 2_000 });
    const iaa = m.bases?.find((b) => b.id === "iaa");
    // 40 × 0.9 = 36, 25 × 0.9 = 22.5, 35 × 0.9 = 31.5, plus 10: exactly 100.
    expect(iaa?.kind === "percentages" ? iaa.shares : []).toEqual([
      { partner: "BRT", percent: "36" },
      { partner: "LEW", percent: "22.5" },
      { partner: "SWK", percent: "31.5" },
      { partner: "LH", percent: "10" },
    ]);
    expect(runModel(m).ok).toBe(true);
  });

  it("adds a partner within another's share as a within partner, not a partner", () => {
    const m = apply([{ kind: "addPartner", partner: { id: "LH" }, drivers: { tickets: 2_000 }, within: "LEW" }]);
    expect(m.partners).toEqual(sharedIct.partners);
    expect(m.withinPartners).toEqual([{ partner: { id: "LH" }, within: "LEW", drivers: { tickets: 2_000 } }]);
  });

  it("applies changes in order, so a scenario can add a partner and then set its drivers", () => {
    const m = apply([
      { kind: "addPartner", partner: { id: "LH" }, drivers: { tickets: 1, users: 1 } },
      { kind: "setDriver", driver: "tickets", partner: "LH", value: 3_000 },
    ]);
    expect(m.drivers?.find((d) => d.id === "tickets")?.values.filter((v) => v.partner === "LH")).toEqual([{ partner: "LH", value: 3_000 }]);
  });

  it("removes a partner, sharing its percentage exactly when the result is a finite decimal", () => {
    const base: ModelInput = {
      ...sharedIct,
      // BRT is not the host here: a scenario may not remove the host (silent-acceptance catalogue).
      partners: sharedIct.partners.map((p) => ({ ...p, host: false })),
      bases: [
        {
          id: "iaa",
          kind: "percentages",
          shares: [
            { partner: "BRT", percent: 50 },
            { partner: "LEW", percent: 25 },
            { partner: "SWK", percent: 25 },
          ],
        },
      ],
      budgets: [{ partner: "SWK", year: "2021/22", category: "revenue", amount: 1 }],
    };
    const m = apply([{ kind: "removePartner", partner: "BRT" }], base);
    expect(m.partners.map((p) => p.id)).toEqual(["LEW", "SWK"]);
    const iaa = m.bases?.find((b) => b.id === "iaa");
    expect(iaa?.kind === "percentages" ? iaa.shares : []).toEqual([
      { partner: "LEW", percent: "50" },
      { partner: "SWK", percent: "50" },
    ]);
    expect(m.drivers?.every((d) => d.values.every((v) => v.partner !== "BRT"))).toBe(true);
    expect(m.budgets).toEqual(base.budgets);
    expect(unwrap(runModel(m)).rows.every((r) => r.partner !== "BRT")).toBe(true);
  });

  it("turns a percentages basis into a driver when no decimal holds the shared-out figures", () => {
    const base: ModelInput = {
      ...sharedIct,
      bases: [
        {
          id: "iaa",
          kind: "percentages",
          label: "Agreement",
          shares: [
            { partner: "BRT", percent: "33.34" },
            { partner: "LEW", percent: "33.33" },
            { partner: "SWK", percent: "33.33" },
          ],
        },
      ],
    };
    // 33.34 × 100 / 66.67 = 3334/66.67… does not terminate, so the remaining figures are kept as driver values.
    const m = apply([{ kind: "removePartner", partner: "SWK" }], base);
    expect(m.bases).toEqual([]);
    expect(m.drivers?.find((d) => d.id === "iaa")).toEqual({
      id: "iaa",
      label: "Agreement (percentages without SWK)",
      values: [
        { partner: "BRT", value: "33.34" },
        { partner: "LEW", value: "33.33" },
      ],
    });
    // The £600,000 licence line now splits 33.34 : 33.33, exactly as splitting by those drivers directly does.
    const run = unwrap(runModel(m));
    const licences = run.result.lineYears.find((ly) => ly.lineRef === "ICT-03" && ly.yearLabel === "2021/22");
    expect(licences?.shares).toEqual(unwrap(splitByDrivers(600_000, ["33.34", "33.33"])));
  });

  it("refuses to remove a partner a line is charged to directly or is the only partner of", () => {
    const base: ModelInput = {
      ...sharedIct,
      costLines: [
        ...sharedIct.costLines,
        { ref: "SWK-ONLY", category: "revenue", nature: "one-off", amount: 10, start: "2021-05-01", basis: "equal", appliesTo: ["SWK"] },
        { ref: "SWK-DIRECT", category: "revenue", nature: "one-off", amount: 10, start: "2021-05-01", basis: "direct:SWK" },
      ],
    };
    const m = messages([{ kind: "removePartner", partner: "SWK" }], base);
    expect(m).toHaveLength(2);
    expect(m[0]).toContain('Scenario "What if", change 1 (removePartner)');
    expect(m.join("\n")).toContain('cost line "SWK-DIRECT" (basis direct:SWK)');
    expect(m.join("\n")).toContain('cost line "SWK-ONLY" appliesTo: there are no partners to share the cost');
  });

  it("refuses to remove a parent while a partner sits within it, and removes a within partner cleanly", () => {
    const withLh = apply([{ kind: "addPartner", partner: { id: "LH" }, drivers: { tickets: 10 }, within: "LEW" }]);
    expect(messages([{ kind: "removePartner", partner: "LEW" }], withLh).join()).toContain('remove "LH" first');
    expect(apply([{ kind: "removePartner", partner: "LH" }], withLh).withinPartners).toEqual([]);
  });

  it("adds and removes lines, taking a removed line out of stated totals", () => {
    const base: ModelInput = {
      ...sharedIct,
      statedTotals: [
        { label: "ICT", lines: ["ICT-01", "ICT-03"], amount: 1_600_000 },
        { label: "Refresh", lines: ["ICT-02"], amount: 300_000 },
      ],
    };
    const m = apply(
      [
        {
          kind: "addLine",
          line: { ref: "ONB", category: "revenue", nature: "one-off", amount: 9_000, start: "2021-06-01", basis: "equal" },
        },
        { kind: "removeLine", line: "ICT-03" },
        { kind: "removeLine", line: "ICT-02" },
      ],
      base,
    );
    expect(m.costLines.map((l) => l.ref)).toEqual(["ICT-01", "ONB"]);
    expect(m.statedTotals).toEqual([{ label: "ICT", lines: ["ICT-01"], amount: 1_600_000 }]);
    expect(
      messages([
        {
          kind: "addLine",
          line: { ref: "ICT-01", category: "revenue", nature: "one-off", amount: 1, start: "2021-06-01", basis: "equal" },
        },
      ]).join(),
    ).toContain('"ICT-01" is used more than once');
  });

  it("uplifts the lines matching every filter, rounding the new amount once to the penny", () => {
    const base: ModelInput = {
      ...sharedIct,
      costLines: [
        ...sharedIct.costLines,
        { ref: "ODD", service: "HR", category: "revenue", nature: "ongoing", amount: "333.33", start: "2021-04-01", basis: "equal" },
      ],
    };
    const m = apply([{ kind: "uplift", percent: 20, category: "revenue" }], base);
    // 1,000,000 × 1.2 and 600,000 × 1.2 are exact; 333.33 × 1.2 = 399.996 → 400.00; capital is untouched.
    expect(m.costLines.map((l) => [l.ref, l.amount])).toEqual([
      ["ICT-01", "1200000.00"],
      ["ICT-02", 300_000],
      ["ICT-03", "720000.00"],
      ["ODD", "400.00"],
    ]);
    const hrOnly = apply([{ kind: "uplift", percent: "-10", service: "hr", nature: "Ongoing" }], base);
    expect(hrOnly.costLines.map((l) => l.amount)).toEqual([1_000_000, 300_000, 600_000, "300.00"]);
  });

  it("rounds an uplifted one-off cost to the model's unit, since it is split as it stands", () => {
    const base: ModelInput = {
      ...sharedIct,
      settings: { ...sharedIct.settings, unit: "pound" },
      costLines: [{ ref: "X", category: "capital", nature: "one-off", amount: 333, start: "2021-06-01", basis: "equal" }],
    };
    // 333 × 1.2 = 399.60 → £400.
    expect(line(apply([{ kind: "uplift", percent: 20 }], base), "X")?.amount).toBe("400.00");
  });

  it("reports every problem, each naming the scenario, the change and the input", () => {
    const m = messages([
      { kind: "setAmount", line: "NOPE", amount: 1 },
      { kind: "setDriver", driver: "desks", partner: "BRT", value: 1 },
      { kind: "setDriver", driver: "tickets", partner: "XYZ", value: 1 },
      { kind: "addPartner", partner: { id: "LEW" } },
      { kind: "addPartner", partner: { id: "LH" }, percentages: { iaa: 120 }, drivers: { desks: 1 } },
      { kind: "removePartner", partner: "XYZ" },
      { kind: "uplift", percent: 5, service: "Payroll" },
      { kind: "uplift", percent: "lots" },
    ]);
    expect(m).toEqual([
      'Scenario "What if", change 1 (setAmount): line: cost line "NOPE" is not in the model.',
      'Scenario "What if", change 2 (setDriver): driver: driver "desks" is not defined.',
      'Scenario "What if", change 3 (setDriver): partner: partner "XYZ" is not in the partner list.',
      'Scenario "What if", change 4 (addPartner): partner.id: partner "LEW" appears more than once.',
      'Scenario "What if", change 5 (addPartner): drivers.desks: driver "desks" is not defined.',
      'Scenario "What if", change 5 (addPartner): percentages.iaa: 120 is out of range; expected a percentage from 0 to 100.',
      'Scenario "What if", change 6 (removePartner): partner: partner "XYZ" is not in the partner list.',
      'Scenario "What if", change 7 (uplift): filters: Payroll is out of range; expected a filter that matches at least one cost line.',
      'Scenario "What if", change 8 (uplift): percent: "lots" is not a number.',
    ]);
  });
});

describe("a bad value in a scenario is reported against the scenario's change, not the base model", () => {
  const line = sharedIct.costLines[0]!.ref;
  const driver = sharedIct.drivers![0]!;
  const partner = driver.values[0]!.partner;
  const cases: [string, ScenarioInput["changes"][number], string][] = [
    ["an amount that is not a number", { kind: "setAmount", line, amount: "lots" }, "amount"],
    ["a start date that is not a date", { kind: "setDates", line, start: "31/02/2022" }, "start"],
    ["a negative driver value", { kind: "setDriver", driver: driver.id, partner, value: -5 }, "value"],
  ];
  for (const [name, change, field] of cases) {
    it(name, () => {
      const r = applyScenario(sharedIct, { name: "What if", changes: [change] });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const e = r.errors[0]!;
      expect(e.at.entity).toBe("scenario");
      expect(e.at.key).toBe("What if");
      expect(e.at.index).toBe(1);
      expect(errorMessage(e)).toContain(`${change.kind}): ${field}`);
    });
  }
});
