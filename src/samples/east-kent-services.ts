import type { SupportUsageInput } from "../engine";
import type { SampleModel } from "./sample";

const ILLUSTRATIVE = "Illustrative figure (not from a published source).";

/** ICT service desk tickets a year, and HR's FTE supported, per user (illustrative). */
const ICT_TICKETS: Readonly<Record<string, number>> = { HR: 1_200, CCC: 9_800, DDC: 6_100, TDC: 7_400, EKH: 3_900, MAR: 600 };
const HR_FTE: Readonly<Record<string, number>> = { ICT: 62, CCC: 780, DDC: 450, TDC: 560, EKH: 310, MAR: 95 };

const USAGE: SupportUsageInput[] = [
  ...Object.entries(ICT_TICKETS).map(([by, value]) => ({ service: "ICT", by, value })),
  // East Kent Housing moves its housing system to the cloud: fewer ICT tickets from 2024/25.
  { service: "ICT", by: "EKH", year: "2024/25", value: 2_100 },
  ...Object.entries(HR_FTE).map(([by, value]) => ({ service: "HR", by, value })),
];

/**
 * East Kent Services: a shared service whose ICT and HR teams serve three
 * councils, East Kent Housing and the Marlowe Theatre, and each other (ICT
 * supports HR's systems; HR does ICT's payroll and recruitment). Both
 * services are recharged in full, by the reciprocal method; the scenarios
 * show what step-down or the direct method would charge instead. Every
 * figure is illustrative.
 */
export const EAST_KENT_SERVICES: SampleModel = {
  id: "east-kent-services",
  title: "East Kent Services: ICT and HR (illustrative)",
  summary:
    "Support services that serve each other: ICT and HR serve Canterbury, Dover, Thanet, East Kent Housing and the Marlowe " +
    "Theatre, and each other. Their costs are recharged in full by the reciprocal method (solved exactly); scenarios compare " +
    "step-down and the direct method. All figures are illustrative.",
  source: "Illustrative (the partners are East Kent Services' councils and bodies; no published figures)",
  model: {
    partners: [
      { id: "CCC", name: "Canterbury City Council" },
      { id: "DDC", name: "Dover District Council" },
      { id: "TDC", name: "Thanet District Council", host: true },
      { id: "EKH", name: "East Kent Housing" },
      { id: "MAR", name: "Marlowe Theatre" },
    ],
    drivers: [],
    bases: [],
    costLines: [
      {
        ref: "ICT-01",
        description: "ICT staff, licences and hosting",
        service: "ICT",
        category: "revenue",
        nature: "ongoing",
        amount: 1_850_000,
        start: "2022-04-01",
        basis: "support:ICT",
      },
      {
        ref: "ICT-02",
        description: "Device refresh",
        service: "ICT",
        category: "capital",
        nature: "one-off",
        amount: 420_000,
        start: "2022-09-01",
        basis: "support:ICT",
      },
      {
        ref: "HR-01",
        description: "HR and payroll team",
        service: "HR",
        category: "revenue",
        nature: "ongoing",
        amount: 640_000,
        start: "2022-04-01",
        basis: "support:HR",
      },
      {
        ref: "HR-02",
        description: "Payroll system migration",
        service: "HR",
        category: "revenue",
        nature: "one-off",
        amount: 75_000,
        start: "2023-05-15",
        basis: "support:HR",
      },
    ],
    settings: { firstYear: "2022/23", lastYear: "2024/25", unit: "penny", proRata: "days", indexationRate: 2 },
    support: {
      services: [
        { id: "ICT", label: "ICT service" },
        { id: "HR", label: "HR and payroll" },
      ],
      usage: USAGE,
      method: "reciprocal",
    },
    budgets: [
      { partner: "CCC", year: "2022/23", category: "capital", amount: 150_000 },
      { partner: "CCC", year: "2022/23", category: "revenue", amount: 880_000 },
      { partner: "CCC", year: "2023/24", category: "revenue", amount: 925_000 },
      { partner: "CCC", year: "2024/25", category: "revenue", amount: 945_000 },
      { partner: "DDC", year: "2022/23", category: "capital", amount: 90_000 },
      { partner: "DDC", year: "2022/23", category: "revenue", amount: 540_000 },
      { partner: "DDC", year: "2023/24", category: "revenue", amount: 560_000 },
      { partner: "DDC", year: "2024/25", category: "revenue", amount: 590_000 },
      { partner: "EKH", year: "2022/23", category: "capital", amount: 60_000 },
      { partner: "EKH", year: "2022/23", category: "revenue", amount: 350_000 },
      { partner: "EKH", year: "2023/24", category: "revenue", amount: 370_000 },
      { partner: "EKH", year: "2024/25", category: "revenue", amount: 360_000 },
      { partner: "MAR", year: "2022/23", category: "capital", amount: 9_500 },
      { partner: "MAR", year: "2022/23", category: "revenue", amount: 70_000 },
      { partner: "MAR", year: "2023/24", category: "revenue", amount: 72_000 },
      { partner: "MAR", year: "2024/25", category: "revenue", amount: 76_000 },
      { partner: "TDC", year: "2022/23", category: "capital", amount: 112_000 },
      { partner: "TDC", year: "2022/23", category: "revenue", amount: 655_000 },
      { partner: "TDC", year: "2023/24", category: "revenue", amount: 690_000 },
      { partner: "TDC", year: "2024/25", category: "revenue", amount: 715_000 },
    ],
    tolerance: { percent: 1 },
    scenarios: [
      {
        name: "Step-down, ICT first",
        description: "Close ICT first (its cost goes to HR and the partners), then HR (to the partners only).",
        changes: [{ kind: "setSupportMethod", method: "step-down", order: ["ICT", "HR"] }],
      },
      {
        name: "Direct method",
        description: "Ignore what ICT and HR do for each other.",
        changes: [{ kind: "setSupportMethod", method: "direct" }],
      },
      {
        name: "Marlowe doubles its ICT use",
        description: "A new box-office system: the Marlowe Theatre raises 1,200 tickets a year instead of 600.",
        changes: [{ kind: "setSupportUsage", service: "ICT", by: "MAR", value: 1_200 }],
      },
    ],
  },
  notes: {
    partners: { EKH: ILLUSTRATIVE, MAR: ILLUSTRATIVE },
    costLines: { "ICT-01": ILLUSTRATIVE, "ICT-02": ILLUSTRATIVE, "HR-01": ILLUSTRATIVE, "HR-02": ILLUSTRATIVE },
    budgets: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i, "Illustrative budget."])),
    supportServices: { ICT: "Usage: service desk tickets a year (illustrative).", HR: "Usage: FTE supported (illustrative)." },
    supportUsage: Object.fromEntries(USAGE.map((_, i) => [i, ILLUSTRATIVE])),
  },
};
