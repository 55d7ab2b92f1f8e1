import fc from "fast-check";
import type { CostLineInput, JournalsInput, ModelInput } from "../../../src/engine";

const PARTNERS = ["H", "A", "B", "C"];
const SERVICES = ["", "ICT", "Apps"];

/** A random model (the first partner hosts) and journals inputs that code every charge. */
export const caseArb = fc
  .record({
    partners: fc.integer({ min: 2, max: 4 }),
    lines: fc.array(
      fc.record({
        amount: fc.integer({ min: -5_000_000, max: 50_000_000 }),
        basis: fc.constantFrom("equal", "direct:A", "direct:H", "pct"),
        category: fc.constantFrom("capital", "revenue"),
        nature: fc.constantFrom("one-off", "ongoing"),
        service: fc.constantFrom(...SERVICES),
        vat: fc.constantFrom("outside the scope", "standard-rated", "zero-rated", "exempt"),
        startMonth: fc.integer({ min: 1, max: 12 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    frequency: fc.array(fc.constantFrom("annual", "quarterly", "monthly"), { minLength: 4, maxLength: 4 }),
    section33: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    specific: fc.array(
      fc.record({ partner: fc.integer({ min: 0, max: 3 }), line: fc.integer({ min: 0, max: 7 }), byService: fc.boolean() }),
      {
        maxLength: 6,
      },
    ),
    pct: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 3, maxLength: 3 }),
  })
  .map((c) => {
    const ids = PARTNERS.slice(0, c.partners);
    const pctShares = ids.map((_, i) =>
      i === 0 ? 100 - c.pct.slice(0, ids.length - 1).reduce((a, b) => a + Math.min(b, 33), 0) : Math.min(c.pct[i - 1] ?? 0, 33),
    );
    const costLines: CostLineInput[] = c.lines.map((l, i) => ({
      ref: `L${i}`,
      description: `Line ${i}`,
      service: l.service,
      category: l.category,
      nature: l.nature,
      amount: (l.amount / 100).toFixed(2),
      start: `2025-${String(l.startMonth).padStart(2, "0")}-01`,
      basis: l.basis,
    }));
    const model: ModelInput = {
      partners: ids.map((id, i) => ({ id, name: `Partner ${id}`, ...(i === 0 ? { host: true } : {}) })),
      bases: [{ id: "pct", kind: "percentages", shares: ids.map((p, i) => ({ partner: p, percent: pctShares[i] ?? 0 })) }],
      costLines,
      settings: { firstYear: "2025/26", lastYear: "2026/27" },
    };
    const journals: JournalsInput = {
      coding: [
        ...c.specific
          .filter((s) => s.partner < ids.length && s.line < c.lines.length && (!s.byService || c.lines[s.line]?.service !== ""))
          .map((s) => {
            // Codes follow from what the row names, so a repeated row agrees with itself (never ambiguous).
            const service = c.lines[s.line]?.service ?? "";
            const target = s.byService ? `S-${service}` : `L${s.line}`;
            return {
              partner: ids[s.partner] as string,
              ...(s.byService ? { service } : { line: `L${s.line}` }),
              costCentre: `CC-${s.partner}-${target}`,
              account: `5${target}`,
            };
          }),
        ...ids.map((p) => ({ partner: p, costCentre: `${p}-DEFAULT`, account: "54000" })),
      ],
      hostCoding: ids.slice(1).map((p) => ({ partner: p, costCentre: "ICT-INC", account: `9${p}`, debtor: "11000" })),
      ledgers: ids.map((p, i) => ({
        partner: p,
        creditor: "20000",
        vatAccount: "15000",
        section33: c.section33[i] ?? true,
        frequency: c.frequency[i] ?? "annual",
      })),
      vat: c.lines.map((l, i) => ({ line: `L${i}`, treatment: l.vat })),
      hostVatAccount: "25000",
    };
    return { model, journals };
  });
