import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildJournals,
  errorMessage,
  fyLabel,
  runModel,
  settleYearEnd,
  vatOn,
  type JournalsInput,
  type JournalsReport,
  type ModelInput,
  type ModelRun,
  type Result,
} from "../../../src/engine";
import { caseArb } from "./journals-arbitrary";

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}

/** Each partner's total for the year, read from the run's totals (what the Allocations sheet adds up). */
function allocationTotals(run: ModelRun, year: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of run.totals) if (t.year === year) out.set(t.partner, (out.get(t.partner) ?? 0) + t.amount);
  return out;
}

function checkReport(run: ModelRun, input: JournalsInput, r: JournalsReport): void {
  const totals = allocationTotals(run, r.year);
  // Every journal balances.
  for (const j of r.journals) {
    const dr = j.lines.filter((l) => l.amount > 0).reduce((a, l) => a + l.amount, 0);
    const cr = -j.lines.filter((l) => l.amount < 0).reduce((a, l) => a + l.amount, 0);
    expect(dr).toBe(cr);
    expect(j.debits).toBe(dr);
    for (const l of j.lines) expect(l.description).toContain(r.reference);
  }
  // Each partner's expenditure journal posts exactly its Allocations total, net.
  for (const [partner, total] of totals) {
    if (partner === r.host) {
      expect(r.hostRetained).toBe(total);
      continue;
    }
    const exp = r.journals.find((j) => j.ledger === partner && j.kind === "expenditure");
    if (total === 0 && exp === undefined) continue;
    expect(exp?.lines.filter((l) => l.kind === "charge").reduce((a, l) => a + l.amount, 0)).toBe(total);
  }
  // The host's income journal credits exactly the others' totals, net.
  const others = [...totals].filter(([p]) => p !== r.host).reduce((a, [, t]) => a + t, 0);
  const income = r.journals.find((j) => j.ledger === r.host && j.kind === "income");
  expect(0 - (income?.lines.filter((l) => l.kind === "income").reduce((a, l) => a + l.amount, 0) ?? 0)).toBe(others);
  // Instalments add up exactly; VAT per line follows the rule; totals are sums of lines.
  const treatments = new Map((input.vat ?? []).map((v) => [v.line, v.treatment]));
  for (const s of r.invoices) {
    expect(s.invoices.reduce((a, v) => a + v.net, 0)).toBe(totals.get(s.partner) ?? 0);
    expect(s.net).toBe(s.charge);
    for (const inv of s.invoices) {
      for (const l of inv.lines) {
        const standard = treatments.get(l.line) === "standard-rated";
        expect(l.vat).toBe(standard ? vatOn(l.net, "standard") : 0);
        expect(l.gross).toBe(l.net + l.vat);
      }
      expect(inv.vat).toBe(inv.lines.reduce((a, l) => a + l.vat, 0));
      expect(inv.gross).toBe(inv.net + inv.vat);
    }
    // The partner's creditor takes the gross it is invoiced.
    const exp = r.journals.find((j) => j.ledger === s.partner && j.kind === "expenditure");
    expect(0 - (exp?.lines.find((l) => l.kind === "creditor")?.amount ?? 0)).toBe(s.gross);
    // VAT is recovered by a section 33 body, a cost to any other.
    const c = r.controls.find((x) => x.partner === s.partner);
    expect(c?.irrecoverableVat).toBe(s.section33 ? 0 : s.vat);
  }
}

describe("journals and invoices over random models (fast-check)", () => {
  it("every journal balances and ties to the allocations; instalments add up; VAT follows the rule", () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom("2025/26", "2026/27"), ({ model, journals }, year) => {
        const run = unwrap(runModel(model));
        const r = unwrap(buildJournals(run, { ...journals, year }, "RUN1"));
        expect(r.yearLabel).toBe(year);
        checkReport(run, journals, r);
      }),
      { numRuns: 300 },
    );
  });
});

const SMALL: ModelInput = {
  partners: [{ id: "BRE", host: true }, { id: "LEW" }, { id: "SWK" }],
  costLines: [
    {
      ref: "C1",
      description: "Service desk",
      service: "ICT",
      category: "revenue",
      nature: "ongoing",
      amount: "30000.00",
      start: "2025-04-01",
      basis: "equal",
    },
    {
      ref: "C2",
      description: "Laptops",
      service: "ICT",
      category: "capital",
      nature: "one-off",
      amount: "1000.00",
      start: "2025-06-01",
      basis: "equal",
    },
  ],
  settings: { firstYear: "2025/26", lastYear: "2025/26" },
};

const CODED: JournalsInput = {
  coding: [
    { partner: "LEW", costCentre: "LEW-ICT", account: "4100" },
    { partner: "LEW", category: "capital", costCentre: "LEW-CAP", account: "7100" },
    { partner: "SWK", costCentre: "SWK-ICT", account: "5200" },
  ],
  hostCoding: [
    { partner: "LEW", costCentre: "BRE-ICT", account: "9100", debtor: "1200" },
    { partner: "SWK", costCentre: "BRE-ICT", account: "9200", debtor: "1200" },
  ],
  ledgers: [
    { partner: "LEW", creditor: "2100", vatAccount: "1500", frequency: "quarterly" },
    { partner: "SWK", creditor: "2200", vatAccount: "1500", section33: "no" },
  ],
  vat: [{ line: "C2", treatment: "standard-rated" }],
  hostVatAccount: "2500",
};

describe("journals for a small model", () => {
  it("codes capital to its own account, most specific row first", () => {
    const r = unwrap(buildJournals(unwrap(runModel(SMALL)), CODED, "R-1"));
    const lew = r.journals.find((j) => j.ledger === "LEW" && j.kind === "expenditure");
    expect(lew?.lines.map((l) => [l.kind, l.costCentre, l.account, l.amount])).toEqual([
      ["charge", "LEW-ICT", "4100", 1_000_000],
      // £1,000 three ways: 333.34 to Brent (first), 333.33 to Lewisham.
      ["charge", "LEW-CAP", "7100", 33_333],
      // £333.33 quarterly: 83.34 + 83.33 + 83.33 + 83.33; VAT per invoice line 16.67 × 4 = 66.68 (66.67 on the whole).
      ["vat", "", "1500", 6_668],
      ["creditor", "", "2100", -(1_000_000 + 33_333 + 6_668)],
    ]);
  });

  it("puts VAT on the cost codes of a body that is not a section 33 body", () => {
    const r = unwrap(buildJournals(unwrap(runModel(SMALL)), CODED, "R-1"));
    const swk = r.journals.find((j) => j.ledger === "SWK" && j.kind === "expenditure");
    expect(swk?.lines.find((l) => l.kind === "irrecoverableVat")).toMatchObject({ costCentre: "SWK-ICT", account: "5200", amount: 6_667 });
    expect(r.controls.find((c) => c.partner === "SWK")?.irrecoverableVat).toBe(6_667);
  });

  it("names the partner and line of a charge no coding row codes, and returns no journals", () => {
    const r = buildJournals(unwrap(runModel(SMALL)), { ...CODED, coding: CODED.coding.filter((c) => c.partner !== "SWK") }, "R-1");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.errors.map(errorMessage);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('partner "SWK"');
    expect(messages[0]).toContain('cost line "C1"');
    expect(r.errors[0]?.at).toMatchObject({ entity: "costLine", key: "C1", partner: "SWK" });
  });

  it("reports equally specific rows that disagree", () => {
    const coding = [...CODED.coding, { partner: "LEW", costCentre: "OTHER", account: "4100" }];
    const r = buildJournals(unwrap(runModel(SMALL)), { ...CODED, coding }, "R-1");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.kind)).toContain("codingAmbiguous");
  });

  it("needs a creditor account, and says so at the ledger row", () => {
    const ledgers = [{ partner: "LEW", vatAccount: "1500" }, CODED.ledgers?.[1] ?? { partner: "SWK" }];
    const r = buildJournals(unwrap(runModel(SMALL)), { ...CODED, ledgers }, "R-1");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        kind: "ledgerCodeMissing",
        partner: "LEW",
        at: { entity: "ledger", index: 1, field: "creditor" },
      });
  });

  it("accrues a year-end settlement at 31 March, to creditors or to a reserve", () => {
    const model: ModelInput = { ...SMALL, outturns: [{ year: "2025/26", category: "revenue", amount: "27000.00" }] };
    const run = unwrap(runModel(model));
    for (const accrual of ["creditor", "reserve"] as const) {
      const input: JournalsInput = {
        ...CODED,
        accrual,
        hostReserveAccount: "3900",
        ledgers: CODED.ledgers?.map((l) => ({ ...l, reserveAccount: "3800" })),
      };
      // The settlement the budget check reports (no carry-forward): a £3,000 revenue underspend shared by
      // contributions (£10,000 each), so each partner is owed £1,000.
      const r = unwrap(buildJournals(run, input, "R-1", unwrap(settleYearEnd(model, run.rows))));
      const acc = r.journals.filter((j) => j.kind === "accrual");
      expect(acc.map((j) => j.ledger)).toEqual(["LEW", "SWK", "BRE"]);
      for (const j of acc) expect(fyLabel(j.year)).toBe("2025/26");
      const lew = acc[0];
      expect(lew?.lines.map((l) => [l.account, l.amount])).toEqual([
        ["4100", -100_000],
        [accrual === "reserve" ? "3800" : "2100", 100_000],
      ]);
      expect(r.controls.find((c) => c.partner === "LEW")?.accrued).toBe(-100_000);
    }
  });
});
