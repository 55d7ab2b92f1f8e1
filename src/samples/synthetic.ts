import {
  fyLabel,
  type BasisInput,
  type BudgetInput,
  type CostLineInput,
  type DriverInput,
  type ModelInput,
  type PartnerInput,
  type StatedTotalInput,
} from "../engine";

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
  const partners: PartnerInput[] = Array.from({ length: nPartners }, (_, i) => ({
    id: `P${String(i + 1).padStart(2, "0")}`,
    name: `Partner council ${i + 1}`,
    ...(i === 0 ? { host: true } : {}),
  }));
  const drivers: DriverInput[] = ["users", "tickets"].map((id) => ({
    id,
    label: id === "users" ? "Users" : "Tickets",
    illustrative: true,
    values: partners.map((p) => ({ partner: p.id, value: int(50, 5000) })),
  }));
  const base = Math.floor(100 / nPartners);
  const bases: BasisInput[] = [
    {
      id: "pct",
      kind: "percentages",
      label: "Agreed shares",
      shares: partners.map((p, i) => ({ partner: p.id, percent: i === 0 ? 100 - base * (nPartners - 1) : base })),
    },
    {
      id: "mix",
      kind: "mix",
      label: "60% users, 40% tickets",
      components: [
        { source: "driver:users", weight: 60 },
        { source: "driver:tickets", weight: 40 },
      ],
    },
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

/** The size of a {@link syntheticScaleModel}. */
export interface ScaleOptions {
  readonly lines: number;
  readonly partners: number;
  readonly years: number;
}

/** The sizes `--sample synthetic` accepts: large enough to find the limits, small enough to stay a model. */
export const SCALE_LIMITS = {
  lines: { min: 1, max: 1_000_000 },
  partners: { min: 1, max: 1_000 },
  years: { min: 1, max: 50 },
} as const;

/** The size `--sample synthetic` writes when none is given. */
export const SCALE_DEFAULTS: ScaleOptions = { lines: 1_000, partners: 20, years: 5 };

function poundsText(p: number): string {
  return `${Math.floor(p / 100)}.${String(p % 100).padStart(2, "0")}`;
}

function pence(text: string): number {
  const [pounds = "0", pennies = "0"] = text.split(".");
  return Number(pounds) * 100 + Number(pennies.padEnd(2, "0"));
}

/**
 * The benchmarks' large model (and `shared-apportion --sample synthetic`):
 * `lines` ongoing charges from the first year (one in five starting on
 * 1 October, so part years are pro-rated), 3% annual indexation, bases
 * equal, two drivers, percentages, a 60/40 mix and direct, a budget for
 * every partner, year and category, and two stated totals. Each line is
 * split in every year: lines × years allocations of `partners` charges.
 * Deterministic: the same size always gives the same model.
 */
export function syntheticScaleModel(options: ScaleOptions = { lines: 10_000, partners: 20, years: 5 }): ModelInput {
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
  // The stated total lists its lines in one cell, so it covers the ICT lines among the first
  // 2,000 (at most 14,000 characters): the model stays valid, and writable, at any size.
  const ict = costLines.slice(0, 2_000).filter((l) => l.service === "ICT");
  const statedTotals: StatedTotalInput[] = [
    {
      label: `ICT lines among the first ${Math.min(2_000, costLines.length).toLocaleString("en-GB")} (annual charges)`,
      lines: ict.map((l) => l.ref),
      amount: poundsText(ict.reduce((s, l) => s + pence(String(l.amount)), 0)),
    },
    {
      label: "First 100 lines in 2021/22 (reported in £000s)",
      lines: costLines.slice(0, 100).map((l) => l.ref),
      year: fyLabel(first),
      amount: 1,
      unit: "thousand",
    },
  ];
  return { ...base, costLines, settings: { ...base.settings, indexationRate: 3 }, budgets, statedTotals };
}
