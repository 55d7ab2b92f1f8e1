import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyScenario, errorMessage, parseScenario, readScenario, runScenario, serializeScenario, type ScenarioChange, type ScenarioInput } from "../../../src/engine";
import { sharedIct } from "./fixtures";
import { modelArb } from "./model-arbitrary";

const decimal = fc.oneof(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: -10_000_000, max: 10_000_000 }).map((p) => (p / 100).toFixed(2)));
const ref = fc.constantFrom("L01", "L02", "L03", "NEW", "ICT-01");
const partner = fc.constantFrom("BRT", "LEW", "SWK", "LH", "HAV");
const date = fc.oneof(fc.constantFrom("2020-04-01", "2021-01-01", "2022-03-31"), fc.integer({ min: 43_000, max: 46_000 }));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Every kind of change, with optional fields present or absent and nulls where the types allow them. */
const changeArb: fc.Arbitrary<ScenarioChange> = fc.oneof(
  fc.record({ kind: fc.constant("setAmount" as const), line: ref, amount: decimal }),
  fc.record({ kind: fc.constant("setDates" as const), line: ref, start: opt(date), end: opt(fc.option(date, { nil: null })) }, { requiredKeys: ["kind", "line"] }),
  fc.record({ kind: fc.constant("setBasis" as const), line: ref, basis: fc.constantFrom("equal", "iaa", "mix", "users", "direct:BRT") }),
  fc.record({ kind: fc.constant("setDriver" as const), driver: fc.constantFrom("users", "tickets"), partner, year: opt(fc.constantFrom("2021/22", null)), value: decimal }, { requiredKeys: ["kind", "driver", "partner", "value"] }),
  fc.record(
    {
      kind: fc.constant("addPartner" as const),
      partner: fc.record({ id: fc.constantFrom("LH", "ALMO"), name: opt(fc.string()), host: opt(fc.boolean()) }, { requiredKeys: ["id"] }),
      drivers: opt(fc.dictionary(fc.constantFrom("users", "tickets"), fc.integer({ min: 0, max: 100 }))),
      percentages: opt(fc.dictionary(fc.constant("iaa"), fc.constantFrom("0", "5", "12.5"))),
      within: opt(fc.option(partner, { nil: null })),
    },
    { requiredKeys: ["kind", "partner"] },
  ),
  fc.record({ kind: fc.constant("removePartner" as const), partner }),
  fc.record({
    kind: fc.constant("addLine" as const),
    line: fc.record(
      {
        ref: fc.constantFrom("NEW", "L01"),
        description: opt(fc.string()),
        category: fc.constantFrom("capital", "revenue"),
        nature: fc.constantFrom("one-off", "ongoing"),
        amount: decimal,
        start: date,
        end: opt(fc.option(date, { nil: null })),
        basis: fc.constantFrom("equal", "users"),
        appliesTo: opt(fc.array(partner, { maxLength: 2 })),
        indexationRate: opt(fc.option(fc.constantFrom(0, 2.5, "3"), { nil: null })),
      },
      { requiredKeys: ["ref", "category", "nature", "amount", "start", "basis"] },
    ),
  }),
  fc.record({ kind: fc.constant("removeLine" as const), line: ref }),
  fc.record(
    { kind: fc.constant("uplift" as const), percent: fc.oneof(fc.integer({ min: -100, max: 100 }), fc.constantFrom("2.5", "-12.25")), category: opt(fc.constantFrom("capital", "revenue", null)), nature: opt(fc.constantFrom("one-off", "ongoing", null)), service: opt(fc.constantFrom("ICT", "HR", null)) },
    { requiredKeys: ["kind", "percent"] },
  ),
);

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc.record(
  { name: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""), description: opt(fc.string()), changes: fc.array(changeArb, { maxLength: 6 }) },
  { requiredKeys: ["name", "changes"] },
);

describe("scenario JSON", () => {
  it("property: serialise → parse gives the same scenario, and replaying it gives the same model and the same charges", () => {
    fc.assert(
      fc.property(modelArb(), scenarioArb, (model, scenario) => {
        const text = serializeScenario(scenario);
        const back = parseScenario(text);
        if (!back.ok) throw new Error(back.errors.map(errorMessage).join("\n"));
        expect(back.value).toEqual(scenario);
        expect(serializeScenario(back.value)).toBe(text);
        expect(applyScenario(model, back.value)).toEqual(applyScenario(model, scenario));
        expect(runScenario(model, back.value)).toEqual(runScenario(model, scenario));
      }),
      { numRuns: 1000 },
    );
  });

  it("replays the Lewisham Homes scenario to the penny", () => {
    const scenario: ScenarioInput = { name: "LH within", description: "Lewisham Homes inside Lewisham's share", changes: [{ kind: "addPartner", partner: { id: "LH", name: "Lewisham Homes" }, drivers: { tickets: 2_000 }, within: "LEW" }] };
    const text = serializeScenario(scenario);
    expect(JSON.parse(text)).toEqual(scenario);
    const replay = parseScenario(text);
    expect(replay.ok && runScenario(sharedIct, replay.value)).toEqual(runScenario(sharedIct, scenario));
  });

  it("rejects text that is not JSON, naming what was expected", () => {
    const r = parseScenario("{ name: oops");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(errorMessage(r.errors[0] as never)).toMatch(/^Scenario, text: expected scenario JSON but got /);
  });

  it("reports every shape problem, each naming the change and field", () => {
    const r = readScenario({
      name: "Bad",
      changes: [
        { kind: "setAmount", line: "ICT-01", ammount: 5 },
        { kind: "explode" },
        { kind: "setDriver", driver: "users", partner: 7, value: true },
        { kind: "addLine", line: { ref: "X", category: "revenue", nature: "one-off", start: "2021-04-01", basis: "equal" } },
        "uplift",
      ],
      notes: "hi",
    });
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Scenario "Bad", notes: expected one of the fields name, description, changes but got "notes".',
      'Scenario "Bad", change 1 (setAmount): ammount: expected one of the fields kind, line, amount but got "ammount".',
      'Scenario "Bad", change 1 (setAmount): amount: a value is required.',
      'Scenario "Bad", change 2: kind: "explode" is not one of "setAmount", "setDates", "setBasis", "setDriver", "addPartner", "removePartner", "addLine", "removeLine", "uplift".',
      'Scenario "Bad", change 3 (setDriver): partner: expected text but got number.',
      'Scenario "Bad", change 3 (setDriver): value: expected a number or decimal text but got boolean.',
      'Scenario "Bad", change 4 (addLine): line.amount: a value is required.',
      'Scenario "Bad", change 5: change: expected a change object but got text "uplift".',
    ]);
  });

  it("needs a name and a list of changes", () => {
    const r = readScenario({ changes: {} });
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual(["Scenario, name: a value is required.", "Scenario, changes: expected a list of changes but got object."]);
  });
});
