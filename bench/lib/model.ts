/**
 * The full-run workload: 10,000 cost lines × 20 partners × 5 financial years.
 * Built from the add-in's own synthetic model generator (src/samples), with
 * every line an ongoing charge from the first year (one in five starting on
 * 1 October, so part-year pro-rating is exercised), 3% annual indexation
 * (exact compound fractions), budgets for every partner × year × capital/
 * revenue, and two stated totals. Each line is split in each of the five
 * years: 50,000 allocations of 20, 1,000,000 charges.
 */
import { fyLabel, type BudgetInput, type ModelInput, type StatedTotalInput } from "../../src/engine";
import { syntheticModel } from "../../src/samples";

function pence(text: string): number {
  const [pounds = "0", pennies = "0"] = text.split(".");
  return Number(pounds) * 100 + Number(pennies.padEnd(2, "0"));
}

function poundsText(p: number): string {
  return `${Math.floor(p / 100)}.${String(p % 100).padStart(2, "0")}`;
}

export interface BenchModelOptions {
  readonly lines: number;
  readonly partners: number;
  readonly years: number;
}

export function benchModel(options: BenchModelOptions = { lines: 10_000, partners: 20, years: 5 }): ModelInput {
  const base = syntheticModel(options.lines, { partners: options.partners, years: options.years, ongoingEvery: 1, seed: 7 });
  const first = 2021;
  const costLines = base.costLines.map((l, i) => ({ ...l, nature: "ongoing", start: i % 5 === 0 ? `${first}-10-01` : `${first}-04-01` }));
  const budgets: BudgetInput[] = [];
  for (const p of base.partners) {
    for (let y = first; y < first + options.years; y++) {
      budgets.push({ partner: p.id, year: fyLabel(y), category: "revenue", amount: 170_000_000 });
      budgets.push({ partner: p.id, year: fyLabel(y), category: "capital", amount: 85_000_000 });
    }
  }
  const ict = costLines.filter((l) => l.service === "ICT");
  const statedTotals: StatedTotalInput[] = [
    { label: "ICT lines (annual charges)", lines: ict.map((l) => l.ref), amount: poundsText(ict.reduce((s, l) => s + pence(String(l.amount)), 0)) },
    { label: "First 100 lines in 2021/22 (reported in £000s)", lines: costLines.slice(0, 100).map((l) => l.ref), year: fyLabel(first), amount: 1, unit: "thousand" },
  ];
  return { ...base, costLines, settings: { ...base.settings, indexationRate: 3 }, budgets, statedTotals };
}
