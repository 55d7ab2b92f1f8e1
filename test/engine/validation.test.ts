import { describe, expect, it } from "vitest";
import { apportionModel, errorMessage, type EngineError, type ModelInput } from "../../src/engine";

const base: ModelInput = {
  partners: [{ id: "Brent" }, { id: "Lewisham" }, { id: "Southwark" }],
  drivers: [
    {
      id: "tickets",
      values: [
        { partner: "Brent", value: 10 },
        { partner: "Lewisham", value: 4 },
        { partner: "Southwark", value: 8 },
      ],
    },
  ],
  bases: [
    {
      id: "IAA",
      kind: "percentages",
      shares: [
        { partner: "Brent", percent: 40 },
        { partner: "Lewisham", percent: 30 },
        { partner: "Southwark", percent: 30 },
      ],
    },
  ],
  costLines: [{ ref: "ICT-01", category: "revenue", nature: "ongoing", amount: 1000, start: "2021-04-01", basis: "tickets" }],
  settings: { firstYear: "2021/22", lastYear: "2022/23" },
};

function errorsOf(model: ModelInput): EngineError[] {
  const r = apportionModel(model);
  if (r.ok) throw new Error("expected the model to be rejected");
  return [...r.errors];
}

function line(patch: Partial<ModelInput["costLines"][number]>): ModelInput {
  return { ...base, costLines: [{ ...base.costLines[0]!, ...patch }] };
}

/** Each case: a broken model, the error kind expected, and words its message must contain to name the input. */
const cases: [string, ModelInput, EngineError["kind"], string[]][] = [
  [
    "unknown partner in a basis",
    {
      ...base,
      bases: [
        {
          id: "IAA",
          kind: "percentages",
          shares: [
            { partner: "Brent", percent: 50 },
            { partner: "Lambeth", percent: 50 },
          ],
        },
      ],
    },
    "unknownPartner",
    ['Basis "IAA"', '"Lambeth"'],
  ],
  ["duplicate partner", { ...base, partners: [...base.partners, { id: "Brent" }] }, "duplicatePartner", ['"Brent"', "more than once"]],
  [
    "percentages not totalling 100%",
    {
      ...base,
      bases: [
        {
          id: "IAA",
          kind: "percentages",
          shares: [
            { partner: "Brent", percent: 40 },
            { partner: "Lewisham", percent: 30 },
            { partner: "Southwark", percent: 29.5 },
          ],
        },
      ],
    },
    "percentagesNotHundred",
    ['"IAA"', "99.5%"],
  ],
  [
    "negative driver",
    {
      ...base,
      drivers: [
        {
          id: "tickets",
          values: [
            { partner: "Brent", value: -3 },
            { partner: "Lewisham", value: 4 },
            { partner: "Southwark", value: 8 },
          ],
        },
      ],
    },
    "negativeValue",
    ['Driver "tickets"', 'partner "Brent"', "-3"],
  ],
  [
    "non-numeric driver",
    {
      ...base,
      drivers: [
        {
          id: "tickets",
          values: [
            { partner: "Brent", value: "lots" },
            { partner: "Lewisham", value: 4 },
            { partner: "Southwark", value: 8 },
          ],
        },
      ],
    },
    "notANumber",
    ['Driver "tickets"', 'partner "Brent"', '"lots"'],
  ],
  [
    "all drivers zero",
    {
      ...base,
      drivers: [
        {
          id: "tickets",
          values: [
            { partner: "Brent", value: 0 },
            { partner: "Lewisham", value: 0 },
            { partner: "Southwark", value: 0 },
          ],
        },
      ],
    },
    "allDriversZero",
    ['Cost line "ICT-01"', "driver:tickets", "2021/22"],
  ],
  ["missing amount", line({ amount: "" }), "missingValue", ['Cost line "ICT-01"', "amount"]],
  ["end date before start date", line({ end: "2021-03-31" }), "endBeforeStart", ['Cost line "ICT-01"', "2021-03-31"]],
  [
    "unknown financial year text",
    { ...base, settings: { ...base.settings, firstYear: "2021/23" } },
    "unknownYear",
    ["firstYear", '"2021/23"'],
  ],
  ["unknown basis", line({ basis: "headcount" }), "unknownBasis", ['Cost line "ICT-01"', '"headcount"']],
  ["amount more precise than a penny", line({ amount: 1000.005 }), "amountPrecision", ['Cost line "ICT-01"', "1000.005"]],
  [
    "one-off amount not a whole number of the unit",
    { ...line({ nature: "one-off", amount: 1000.5 }), settings: { ...base.settings, unit: 1 } },
    "amountPrecision",
    ['Cost line "ICT-01"', "1000.50", "1.00"],
  ],
  ["invalid date", line({ start: "31/03/2021" }), "invalidDate", ['Cost line "ICT-01"', "start"]],
  ["unknown category word", line({ category: "capex" }), "invalidChoice", ['Cost line "ICT-01"', '"capex"', '"capital"']],
  ["duplicate cost line reference", { ...base, costLines: [base.costLines[0]!, base.costLines[0]!] }, "duplicateId", ['"ICT-01"']],
  [
    "direct charge to a partner outside the line",
    line({ basis: "direct:Brent", excludes: ["Brent"] }),
    "excludedPartner",
    ['partner "Brent" is excluded from this line'],
  ],
  [
    "mix weights not totalling 100%",
    {
      ...base,
      bases: [
        {
          id: "Mix",
          kind: "mix",
          components: [
            { source: "equal", weight: 40 },
            { source: "tickets", weight: 50 },
          ],
        },
      ],
    },
    "weightsNotHundred",
    ['Basis "Mix"', "90%"],
  ],
  [
    "driver value missing for a partner",
    {
      ...base,
      drivers: [
        {
          id: "tickets",
          values: [
            { partner: "Brent", value: 1 },
            { partner: "Lewisham", value: 4 },
          ],
        },
      ],
    },
    "missingValue",
    ['Driver "tickets"', 'partner "Southwark"', "2021/22"],
  ],
  ["first year after last year", { ...base, settings: { ...base.settings, firstYear: "2023/24" } }, "yearRange", ["2023/24", "2022/23"]],
  ["amount over £1 trillion", line({ amount: "1000000000000.01" }), "amountTooLarge", ['Cost line "ICT-01"']],
];

describe("validation errors are values that name the input", () => {
  for (const [name, model, kind, words] of cases) {
    it(name, () => {
      const errors = errorsOf(model);
      const match = errors.find((e) => e.kind === kind);
      expect(match, `kinds were ${errors.map((e) => e.kind).join(", ")}`).toBeDefined();
      const message = errorMessage(match!);
      for (const w of words) expect(message).toContain(w);
    });
  }

  it("reports every problem at once, not just the first", () => {
    const errors = errorsOf({ ...line({ amount: "x", basis: "nope", start: "" }), partners: [...base.partners, { id: "Brent" }] });
    expect(errors.map((e) => e.kind).sort()).toEqual(["duplicatePartner", "missingValue", "notANumber", "unknownBasis"]);
  });

  it("falls back to equal shares on all-zero drivers only when the model says so", () => {
    const zero = { ...base, drivers: [{ id: "tickets", values: base.partners.map((p) => ({ partner: p.id, value: 0 })) }] };
    const r = apportionModel({ ...zero, settings: { ...zero.settings, zeroDriverFallback: "equal" } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.lineYears[0]?.shares).toEqual([33_334, 33_333, 33_333]);
      expect(r.value.lineYears[0]?.components[0]?.fellBackToEqual).toBe(true);
    }
  });
});
