import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildJournals,
  errorMessage,
  runModel,
  serviceRechargesOfRun,
  serviceSplitsOf,
  type JournalsInput,
  type ModelInput,
  type PartnerServiceInput,
  type Result,
} from "../../../src/engine";
import { caseArb } from "./journals-arbitrary";

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Random models where some partners post by service, each with its own service list (values may be zero, never all). */
const byServiceArb = fc
  .record({
    base: caseArb,
    byService: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    values: fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 5 }), { minLength: 4, maxLength: 4 }),
    perYear: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .map(({ base, byService, values, perYear }) => {
    const ids = base.model.partners.map((p) => p.id);
    const partnerServices: PartnerServiceInput[] = ids.flatMap((p, i) => {
      // The first value is at least 1, so every list can take its partner's charge.
      const vs = (values[i] ?? [1]).map((v, k) => (k === 0 ? v + 1 : v));
      const years = perYear[i] === true ? ["2025/26", "2026/27"] : [undefined];
      return years.flatMap((year) =>
        vs.map((v, k) => ({
          partner: p,
          ...(year === undefined ? {} : { year }),
          service: `S${k}`,
          heading: k % 2 === 0 ? "Central services" : "Highways",
          // Service 2 has no cost centre of its own: it falls back to the Coding cost centre.
          ...(k === 2 ? {} : { costCentre: `${p}-S${k}` }),
          value: String(v),
        })),
      );
    });
    const model: ModelInput = { ...base.model, partnerServices };
    const journals: JournalsInput = {
      ...base.journals,
      ledgers: (base.journals.ledgers ?? []).map((l, i) => ({ ...l, byService: byService[i] === true ? "Yes" : "No" })),
    };
    return { model, journals, byService: new Set(ids.filter((_, i) => byService[i] === true)) };
  });

describe("journals posted by service (fast-check)", () => {
  it("balance, tie to the allocations to the penny, and debit each service cost centre its Service recharges share", () => {
    fc.assert(
      fc.property(byServiceArb, fc.constantFrom("2025/26", "2026/27"), ({ model, journals, byService }, year) => {
        const run = unwrap(runModel(model));
        const r = unwrap(buildJournals(run, { ...journals, year }, "RUN1"));
        const report = unwrap(serviceRechargesOfRun(run) ?? { ok: false, errors: [] });
        for (const j of r.journals) {
          expect(sum(j.lines.filter((l) => l.amount > 0).map((l) => l.amount))).toBe(
            // 0 − …, not −…: a journal with no credits must compare as 0, and −0 is not 0 to toBe (Object.is).
            0 - sum(j.lines.filter((l) => l.amount < 0).map((l) => l.amount)),
          );
        }
        for (const c of r.controls) {
          const exp = r.journals.find((j) => j.ledger === c.partner && j.kind === "expenditure");
          const allocations = sum(run.totals.filter((t) => t.partner === c.partner && t.year === r.year).map((t) => t.amount));
          expect(c.allocations).toBe(allocations);
          expect(sum((exp?.lines ?? []).filter((l) => l.kind === "charge").map((l) => l.amount))).toBe(allocations);
          if (!byService.has(c.partner)) continue;
          // The debits per service cost centre are the Service recharges split, penny for penny.
          const splits = serviceSplitsOf(report, c.partner).filter((s) => s.year === r.year);
          const want = new Map<string, number>();
          for (const s of splits) {
            for (const share of s.shares) {
              const cc = share.costCentre === "" ? `${c.partner}-DEFAULT` : share.costCentre;
              if (share.pence !== 0) want.set(cc, (want.get(cc) ?? 0) + share.pence);
            }
          }
          const got = new Map<string, number>();
          for (const l of exp?.lines ?? []) if (l.kind === "charge") got.set(l.costCentre, (got.get(l.costCentre) ?? 0) + l.amount);
          expect(got).toEqual(want);
          // VAT lines are unchanged: the same as posting by cost line.
          const plain = unwrap(
            buildJournals(run, { ...journals, year, ledgers: (journals.ledgers ?? []).map((l) => ({ ...l, byService: "No" })) }, "RUN1"),
          );
          const plainExp = plain.journals.find((j) => j.ledger === c.partner && j.kind === "expenditure");
          const vatOf = (ls: typeof exp): unknown[] =>
            (ls?.lines ?? []).filter((l) => l.kind !== "charge").map((l) => [l.kind, l.costCentre, l.account, l.amount]);
          expect(vatOf(exp)).toEqual(vatOf(plainExp));
        }
      }),
      { numRuns: 200 },
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
  partnerServices: [
    { partner: "LEW", service: "Adults", heading: "Adult social care", costCentre: "LEW-ASC", value: "1" },
    { partner: "LEW", service: "Children", heading: "Children's services", costCentre: "LEW-CSC", value: "2" },
  ],
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
    { partner: "LEW", creditor: "2100", vatAccount: "1500", frequency: "quarterly", byService: "Yes" },
    { partner: "SWK", creditor: "2200", vatAccount: "1500", section33: "no" },
  ],
  vat: [{ line: "C2", treatment: "standard-rated" }],
  hostVatAccount: "2500",
};

describe("a journal posted by service", () => {
  it("splits each category's charge 1:2 onto the services' cost centres, the account from the Coding table", () => {
    const r = unwrap(buildJournals(unwrap(runModel(SMALL)), CODED, "R-1"));
    const lew = r.journals.find((j) => j.ledger === "LEW" && j.kind === "expenditure");
    expect(lew?.lines.map((l) => [l.kind, l.costCentre, l.account, l.amount])).toEqual([
      // Revenue £10,000.00 (a third of £30,000) 1:2: 3,333.333… and 6,666.666…; the odd penny to the larger remainder.
      ["charge", "LEW-ASC", "4100", 333_333],
      ["charge", "LEW-CSC", "4100", 666_667],
      // Capital £333.33 1:2: 111.11 and 222.22 exactly.
      ["charge", "LEW-ASC", "7100", 11_111],
      ["charge", "LEW-CSC", "7100", 22_222],
      // VAT as before: 16.67 × 4 quarterly invoice lines.
      ["vat", "", "1500", 6_668],
      ["creditor", "", "2100", -(1_000_000 + 33_333 + 6_668)],
    ]);
    expect(lew?.control).toBe(1_000_000 + 33_333);
    // Southwark does not post by service: one debit per cost line, as before.
    const swk = r.journals.find((j) => j.ledger === "SWK" && j.kind === "expenditure");
    expect(swk?.lines.filter((l) => l.kind === "charge").map((l) => l.costCentre)).toEqual(["SWK-ICT", "SWK-ICT"]);
  });

  it("is an error at the Ledgers row for a partner with no service list, and returns no journals", () => {
    const ledgers = [CODED.ledgers?.[0] ?? { partner: "LEW" }, { partner: "SWK", creditor: "2200", section33: "no", byService: true }];
    const r = buildJournals(unwrap(runModel(SMALL)), { ...CODED, ledgers }, "R-1");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(2);
    for (const e of r.errors) {
      expect(e).toMatchObject({ kind: "journalsByServiceNoList", partner: "SWK", at: { entity: "ledger", index: 2, field: "byService" } });
      expect(errorMessage(e)).toContain('partner "SWK" posts its journal by service');
    }
    expect(r.errors.map((e) => ("category" in e ? e.category : ""))).toEqual(["revenue", "capital"]);
  });

  it("needs no service list for charges that net to nothing", () => {
    const refund = { ...SMALL.costLines[0]!, ref: "C3", description: "Refund", amount: "-30000.00" };
    const model: ModelInput = { ...SMALL, costLines: [SMALL.costLines[0]!, refund], partnerServices: [] };
    const r = unwrap(buildJournals(unwrap(runModel(model)), { ...CODED, vat: [] }, "R-1"));
    const lew = r.journals.find((j) => j.ledger === "LEW" && j.kind === "expenditure");
    expect(lew?.lines.filter((l) => l.kind === "charge")).toEqual([]);
    expect(lew?.control).toBe(0);
  });

  it("rejects a By service value that is not yes or no, at its row", () => {
    const ledgers = [{ partner: "LEW", creditor: "2100", byService: "sometimes" }];
    const r = buildJournals(unwrap(runModel(SMALL)), { ...CODED, ledgers }, "R-1");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ kind: "invalidChoice", at: { entity: "ledger", index: 1, field: "byService" } });
  });
});
