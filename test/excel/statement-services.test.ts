import { describe, expect, it } from "vitest";
import { checkModelBudgets } from "../../src/engine";
import { partnerStatementSheet } from "../../src/excel/layout/outputs/statement";
import { STATEMENT_SERVICE_HEADERS } from "../../src/excel/layout/outputs/service-recharges";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { unwrap } from "../engine/scenarios/model-arbitrary";

/** A money cell (pounds) as whole pence. */
const pence = (v: unknown): number => Math.round(Number(v) * 100);

describe("a partner statement's own service split", () => {
  const report = unwrap(checkModelBudgets(BRENT_LEWISHAM_SOUTHWARK.model));

  it("shows Lewisham's services for each year and category, adding up to its recharge at the penny and at £000", () => {
    const sheet = partnerStatementSheet({ run: report.run, budget: report }, "LEW");
    expect(sheet.blocks.some((b) => b.values[0]?.[0] === "Your share by service")).toBe(true);
    const heads = sheet.blocks.filter((b) => b.style === "header" && b.values[0]?.[0] === STATEMENT_SERVICE_HEADERS[0]);
    const charged = report.run.totals.filter((t) => t.partner === "LEW" && t.amount !== 0);
    expect(heads).toHaveLength(charged.length);
    for (const head of heads) {
      // The year and category are in the header row above; the services in the block below; then their Total.
      const label = String(sheet.blocks.find((b) => b.row === head.row - 1)?.values[0]?.[0]);
      const [year, category] = label.split(" ");
      const t = charged.find((x) => x.yearLabel === year && x.category === category);
      expect(t, label).toBeDefined();
      const body = sheet.blocks.find((b) => b.row === head.row + 1)?.values ?? [];
      expect(body).toHaveLength(7);
      const total = sheet.blocks.find((b) => b.row === head.row + 1 + body.length && b.style === "total")?.values[0] ?? [];
      expect(body.reduce((a, r) => a + pence(r[3]), 0)).toBe(t?.amount);
      expect(pence(total[3])).toBe(t?.amount);
      // £000: the recharge rounded half away from zero (an independent sum here), and the services add up to it.
      const k = Math.sign(t?.amount ?? 0) * Math.floor((Math.abs(t?.amount ?? 0) + 50_000) / 100_000);
      expect(body.reduce((a, r) => a + Number(r[4]), 0)).toBe(k);
      expect(total[4]).toBe(k);
      const note = String(sheet.blocks.find((b) => b.row === head.row + 2 + body.length)?.values[0]?.[0]);
      expect(note).toMatch(/^RO lines \(£000\): RO1 Education services \d+; RO2 /);
      expect(note).toContain("Fully recharged");
    }
  });

  it("adds nothing for Brent, which keeps no service list", () => {
    const sheet = partnerStatementSheet({ run: report.run, budget: report }, "BRE");
    expect(sheet.blocks.some((b) => b.values[0]?.[0] === "Your share by service")).toBe(false);
  });
});
