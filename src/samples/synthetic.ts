import { fyLabel, type BasisInput, type CostLineInput, type DriverInput, type ModelInput, type PartnerInput } from "../engine";

/** Options for {@link syntheticModel}. */
export interface SyntheticOptions {
  /** Number of partners (default 4). */
  readonly partners?: number;
  /** Number of financial years from 2021/22 (default 3). */
  readonly years?: number;
  /** Every n-th line is an ongoing charge (default 4); the rest are one-off costs. */
  readonly ongoingEvery?: number;
  /** Seed of the deterministic generator (default 1). */
  readonly seed?: number;
}

/** A small deterministic generator (mulberry32), so the same options always give the same model. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const SERVICES = ["ICT", "HR", "Finance", "Estates"];

/**
 * A synthetic model of `lines` cost lines for tests and benchmarks: a mix of
 * capital and revenue, one-off and ongoing (some starting part-way through a
 * year), split equally, by drivers, by percentages, by a weighted mix and by
 * direct charge. Deterministic: the same arguments give the same model.
 */
export function syntheticModel(lines: number, options: SyntheticOptions = {}): ModelInput {
  const nPartners = Math.max(1, options.partners ?? 4);
  const nYears = Math.max(1, options.years ?? 3);
  const every = Math.max(1, options.ongoingEvery ?? 4);
  const rand = generator(options.seed ?? 1);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const first = 2021;
  const partners: PartnerInput[] = Array.from({ length: nPartners }, (_, i) => ({ id: `P${String(i + 1).padStart(2, "0")}`, name: `Partner council ${i + 1}`, ...(i === 0 ? { host: true } : {}) }));
  const drivers: DriverInput[] = ["users", "tickets"].map((id) => ({
    id,
    label: id === "users" ? "Users" : "Tickets",
    illustrative: true,
    values: partners.map((p) => ({ partner: p.id, value: int(50, 5000) })),
  }));
  const base = Math.floor(100 / nPartners);
  const bases: BasisInput[] = [
    { id: "pct", kind: "percentages", label: "Agreed shares", shares: partners.map((p, i) => ({ partner: p.id, percent: i === 0 ? 100 - base * (nPartners - 1) : base })) },
    { id: "mix", kind: "mix", label: "60% users, 40% tickets", components: [{ source: "driver:users", weight: 60 }, { source: "driver:tickets", weight: 40 }] },
  ];
  const choices = ["equal", "driver:users", "driver:tickets", "pct", "mix", "direct:P01"];
  const costLines: CostLineInput[] = [];
  for (let i = 1; i <= lines; i++) {
    const ongoing = i % every === 0;
    const year = first + int(0, nYears - 1);
    const month = int(1, 12);
    const calYear = month >= 4 ? year : year + 1;
    const pence = int(10_000, 100_000_000);
    costLines.push({
      ref: `L${String(i).padStart(6, "0")}`,
      description: `Synthetic cost ${i}`,
      service: SERVICES[i % SERVICES.length] ?? "ICT",
      category: i % 3 === 0 ? "capital" : "revenue",
      nature: ongoing ? "ongoing" : "one-off",
      amount: (pence / 100).toFixed(2),
      start: ongoing ? iso(first + (i % 2 === 0 ? 0 : int(0, nYears - 1)), i % 5 === 0 ? 10 : 4, 1) : iso(calYear, month, int(1, 28)),
      basis: choices[i % choices.length] ?? "equal",
    });
  }
  return {
    partners,
    drivers,
    bases,
    costLines,
    settings: { firstYear: fyLabel(first), lastYear: fyLabel(first + nYears - 1), unit: "penny", proRata: "days" },
    budgets: partners.flatMap((p) => [
      { partner: p.id, year: fyLabel(first), category: "revenue", amount: 1_000_000 },
      { partner: p.id, year: fyLabel(first), category: "capital", amount: 500_000 },
    ]),
    scenarios: [{ name: "Everything 10% dearer", changes: [{ kind: "uplift", percent: 10 }] }],
  };
}
