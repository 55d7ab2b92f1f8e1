import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildJournals,
  checkModelBudgets,
  errorMessage,
  judgeDoNoHarm,
  runModel,
  runScenario,
  splitInstalments,
  vatCosts,
  vatOn,
  type JournalsInput,
  type ModelInput,
  type ModelRun,
  type Result,
  type VatTreatment,
} from "../../../src/engine";
import { caseArb } from "./journals-arbitrary";

function unwrap<T>(r: Result<T> | undefined): T {
  if (r === undefined) throw new Error("no result");
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}

const TREATMENT: Record<string, VatTreatment> = {
  "outside the scope": "outside",
  "standard-rated": "standard",
  "zero-rated": "zero",
  exempt: "exempt",
};

/**
 * The VAT a partner bears on its charges, worked out here from the inputs as
 * an invoice does: each charge split into the partner's instalments, VAT on
 * each part rounded to the penny.
 */
function expectedVat(run: ModelRun, journals: JournalsInput, partner: string, keep: (r: ModelRun["rows"][number]) => boolean): number {
  const ledger = journals.ledgers?.find((l) => l.partner === partner);
  const count = { annual: 1, quarterly: 4, monthly: 12 }[String(ledger?.frequency ?? "annual") as "annual"];
  let vat = 0;
  for (const r of run.rows) {
    if (r.partner !== partner || !keep(r)) continue;
    const t = TREATMENT[String(journals.vat?.find((v) => v.line === r.lineRef)?.treatment)] ?? "outside";
    for (const part of splitInstalments(r.amount, count)) vat += vatOn(part, t);
  }
  return vat;
}

function isSection33(journals: JournalsInput, partner: string): boolean {
  return journals.ledgers?.find((l) => l.partner === partner)?.section33 !== false;
}

describe("VAT in the figures that matter", () => {
  it("each partner's VAT for the journal year is its invoices' VAT, net + VAT = gross, and only a non-section 33 body bears it", () => {
    fc.assert(
      fc.property(caseArb, ({ model, journals }) => {
        const withJ: ModelInput = { ...model, journals };
        const run = unwrap(runModel(withJ));
        const report = unwrap(buildJournals(run, journals, "SA-test"));
        const costs = unwrap(vatCosts(withJ));
        for (const c of report.controls) {
          const rows = run.rows.filter((r) => r.partner === c.partner && r.year === report.year);
          const vat = rows.reduce((s, r) => s + costs.vat(r), 0);
          expect(vat).toBe(c.vat);
          expect(c.allocations + c.vat).toBe(c.gross);
          expect(rows.reduce((s, r) => s + costs.irrecoverable(r), 0)).toBe(c.irrecoverableVat);
          expect(c.irrecoverableVat).toBe(isSection33(journals, c.partner) ? 0 : c.vat);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("the budget check compares a non-section 33 body's budgets with net + VAT, and a section 33 body's with net", () => {
    fc.assert(
      fc.property(caseArb, ({ model, journals }) => {
        const years = ["2025/26", "2026/27"];
        const budgets = model.partners.flatMap((p) =>
          years.flatMap((year) => ["capital", "revenue"].map((category) => ({ partner: p.id, year, category, amount: "0" }))),
        );
        const withJ: ModelInput = { ...model, journals, budgets };
        const report = unwrap(checkModelBudgets(withJ));
        const net = unwrap(checkModelBudgets({ ...model, budgets })).run;
        for (const l of report.budgets.lines) {
          if (l.budget === undefined) continue;
          const cell = (r: ModelRun["rows"][number]): boolean => r.year === l.year && r.category === l.category;
          const netCharge = net.rows.filter((r) => r.partner === l.partner && cell(r)).reduce((s, r) => s + r.amount, 0);
          const extra = isSection33(journals, l.partner) ? 0 : expectedVat(net, journals, l.partner, cell);
          expect(l.recharge).toBe(netCharge + extra);
        }
        const charged = new Set(report.run.rows.map((r) => r.partner));
        expect(new Set(report.vatBasis?.gross)).toEqual(new Set([...charged].filter((p) => !isSection33(journals, p))));
        expect(report.vatBasis?.unavailable).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it("a model without journals inputs has no VAT basis and compares net", () => {
    const model: ModelInput = {
      partners: [{ id: "H", host: true }, { id: "A" }],
      costLines: [{ ref: "L1", category: "revenue", nature: "ongoing", amount: "100", start: "2025-04-01", basis: "equal" }],
      budgets: [{ partner: "A", year: "2025/26", category: "revenue", amount: "50" }],
      settings: { firstYear: "2025/26", lastYear: "2025/26" },
    };
    const report = unwrap(checkModelBudgets(model));
    expect(report.vatBasis).toBeUndefined();
    expect(report.budgets.lines.find((l) => l.partner === "A")?.recharge).toBe(5000);
  });
});

describe("do no harm counts VAT a partner cannot recover", () => {
  /** Host H, council A, and Lewisham Homes (LH), an ALMO; a scenario adds a standard-rated £100 line charged to LH. */
  function lewishamHomes(section33: boolean): { base: ModelInput; scenario: { name: string; changes: never[] } } {
    const base: ModelInput = {
      partners: [{ id: "H", host: true }, { id: "A" }, { id: "LH", name: "Lewisham Homes" }],
      costLines: [{ ref: "L1", category: "revenue", nature: "ongoing", amount: "900", start: "2025-04-01", basis: "equal" }],
      settings: { firstYear: "2025/26", lastYear: "2025/26" },
      journals: {
        coding: ["H", "A", "LH"].map((p) => ({ partner: p, costCentre: `${p}1`, account: "5000" })),
        ledgers: [{ partner: "LH", section33 }],
        vat: [
          { line: "L1", treatment: "outside the scope" },
          { line: "L2", treatment: "standard-rated" },
        ],
      },
    };
    const scenario = {
      name: "Laptops",
      changes: [
        {
          kind: "addLine",
          line: { ref: "L2", category: "revenue", nature: "one-off", amount: "100", start: "2025-04-01", basis: "direct:LH" },
        },
      ] as never[],
    };
    return { base, scenario };
  }

  it("an ALMO's harm includes the VAT on a standard-rated charge: £100 net costs it £120", () => {
    const { base, scenario } = lewishamHomes(false);
    const report = judgeDoNoHarm(unwrap(runModel(base)), unwrap(runScenario(base, scenario)), scenario.name);
    const harm = report.harms.find((h) => h.partner === "LH");
    expect(harm).toMatchObject({ before: 30000, after: 42000, increase: 12000, vatBefore: 0, vatAfter: 2000 });
    expect(report.vatCostPartners).toEqual(["LH"]);
    expect(report.passed).toBe(false);
  });

  it("a section 33 body's harm is the net alone", () => {
    const { base, scenario } = lewishamHomes(true);
    const report = judgeDoNoHarm(unwrap(runModel(base)), unwrap(runScenario(base, scenario)), scenario.name);
    const harm = report.harms.find((h) => h.partner === "LH");
    expect(harm).toMatchObject({ before: 30000, after: 40000, increase: 10000 });
    expect(harm?.vatAfter).toBeUndefined();
    expect(report.vatCostPartners).toBeUndefined();
  });

  it("property: harms include irrecoverable VAT exactly when the partner is not a section 33 body", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom("equal", "direct:A", "pct"),
        ({ model, journals }, pence, basis) => {
          const line = { ref: "NEW", category: "revenue", nature: "one-off", amount: (pence / 100).toFixed(2), start: "2025-04-01", basis };
          const scenario = { name: "New", changes: [{ kind: "addLine" as const, line }] };
          // The scenario is stored with the model, as in a workbook, so its line may have a VAT treatment.
          const base: ModelInput = {
            ...model,
            scenarios: [scenario],
            journals: { ...journals, vat: [...(journals.vat ?? []), { line: "NEW", treatment: "standard-rated" }] },
          };
          const before = unwrap(runModel(base));
          const after = unwrap(runScenario(base, scenario));
          const report = judgeDoNoHarm(before, after, "New");
          const j = base.journals as JournalsInput;
          for (const h of report.harms) {
            const cell = (r: ModelRun["rows"][number]): boolean => r.year === h.year && r.category === h.category;
            const net = (run: ModelRun): number =>
              run.rows.filter((r) => r.partner === h.partner && cell(r)).reduce((s, r) => s + r.amount, 0);
            const s33 = isSection33(j, h.partner);
            const vb = s33 ? 0 : expectedVat(before, j, h.partner, cell);
            const va = s33 ? 0 : expectedVat(after, j, h.partner, cell);
            // The VAT is shown only for a partner that bears it, and then exactly.
            expect(h.vatBefore === undefined).toBe(s33);
            expect([h.vatBefore ?? 0, h.vatAfter ?? 0]).toEqual([vb, va]);
            expect(h.before).toBe(net(before) + vb);
            expect(h.after).toBe(net(after) + va);
            expect(h.increase).toBe(h.after - h.before);
            expect(h.increase).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
