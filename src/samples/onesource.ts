import type { SampleModel } from "./sample";

const SPENT = "2018-03-31";

/**
 * oneSource ICT (Havering and Newham), from the Joint Committee report of
 * 3 August 2018: shared revenue spend by area split in proportion to each
 * council's shared revenue contribution (£0.8m and £581k), and capital spend
 * charged directly to the council it was for. The report's "£1382k" total
 * does not match its lines (£1,441k): the stated total makes that visible.
 * The "Cloud first" scenario's figures, the financing of two capital lines
 * and the capital-versus-cloud option (docs/capital.md) are illustrative.
 */
export const ONESOURCE: SampleModel = {
  id: "onesource",
  title: "oneSource ICT (Havering and Newham)",
  summary:
    "Shared revenue spend split by each council's contribution, capital charged directly. The report's £1382k shared revenue " +
    "total does not match its lines, which add to £1,441k. A 'Cloud first' scenario turns capital into ongoing and one-off revenue.",
  source: "seeds/003 (oneSource Joint Committee, 3 August 2018)",
  model: {
    partners: [
      { id: "LBH", name: "London Borough of Havering" },
      { id: "LBN", name: "London Borough of Newham" },
    ],
    drivers: [
      {
        id: "contribution",
        label: "Shared revenue contribution (£)",
        values: [
          { partner: "LBH", value: 800000 },
          { partner: "LBN", value: 581000 },
        ],
      },
    ],
    bases: [],
    costLines: [
      {
        ref: "OS-C01",
        description: "Library PC refresh",
        service: "Infrastructure",
        category: "capital",
        nature: "one-off",
        amount: 352000,
        start: SPENT,
        basis: "direct:LBN",
        // Illustrative financing (the report does not say how): borrowing repaid over a typical PC life.
        financing: "borrowing",
        assetLife: 4,
        mrpMethod: "equal instalments",
        interestRate: 4.5,
      },
      {
        ref: "OS-C02",
        description: "Mobile working for Children's Services",
        service: "Infrastructure",
        category: "capital",
        nature: "one-off",
        amount: 233000,
        start: SPENT,
        basis: "direct:LBN",
      },
      {
        ref: "OS-C03",
        description: "Express route",
        service: "Infrastructure",
        category: "capital",
        nature: "one-off",
        amount: 46000,
        start: SPENT,
        basis: "direct:LBH",
      },
      {
        ref: "OS-C04",
        description: "Power BI",
        service: "Business systems",
        category: "capital",
        nature: "one-off",
        amount: 27000,
        start: SPENT,
        basis: "direct:LBH",
      },
      {
        ref: "OS-C05",
        description: "Infrastructure migration",
        service: "Infrastructure",
        category: "capital",
        nature: "one-off",
        amount: 115000,
        start: SPENT,
        basis: "direct:LBH",
        // Illustrative financing: the capital option the "Cloud first" options compare against.
        financing: "borrowing",
        assetLife: 5,
        inUseFrom: "2018-06-01",
        mrpMethod: "annuity",
        interestRate: 4.5,
      },
      {
        ref: "OS-R01",
        description: "Security (GDPR, PCI-DSS, ICT security)",
        service: "Security",
        category: "revenue",
        nature: "one-off",
        amount: 468000,
        start: SPENT,
        basis: "driver:contribution",
      },
      {
        ref: "OS-R02",
        description: "CRM support",
        service: "Business systems",
        category: "revenue",
        nature: "one-off",
        amount: 420000,
        start: SPENT,
        basis: "driver:contribution",
      },
      {
        ref: "OS-R03",
        description: "Data warehouse",
        service: "Business systems",
        category: "revenue",
        nature: "one-off",
        amount: 360000,
        start: SPENT,
        basis: "driver:contribution",
      },
      {
        ref: "OS-R04",
        description: "Infrastructure projects",
        service: "Infrastructure",
        category: "revenue",
        nature: "one-off",
        amount: 193000,
        start: SPENT,
        basis: "driver:contribution",
      },
    ],
    settings: { firstYear: "2017/18", lastYear: "2019/20", unit: "penny", proRata: "days", discountRate: 3.5 },
    capitalOptions: [
      // Illustrative: the migration as a cloud service (the "Cloud first" scenario's figures), against borrowing for it.
      { name: "Cloud first: infrastructure", line: "OS-C05", subscription: 20000, setUp: 40000, exit: 10000 },
    ],
    budgets: [
      { partner: "LBH", year: "2017/18", category: "capital", amount: 1000000 },
      { partner: "LBN", year: "2017/18", category: "capital", amount: 1000000 },
      { partner: "LBH", year: "2017/18", category: "revenue", amount: 800000 },
      { partner: "LBN", year: "2017/18", category: "revenue", amount: 581000 },
    ],
    statedTotals: [
      { label: "Shared revenue spend (report)", lines: ["OS-R01", "OS-R02", "OS-R03", "OS-R04"], amount: 1382000, unit: 1000 },
      { label: "LBN capital spend (report)", lines: ["OS-C01", "OS-C02"], amount: 585000, unit: 1000 },
      { label: "LBH capital spend (report)", lines: ["OS-C03", "OS-C04", "OS-C05"], amount: 188000, unit: 1000 },
    ],
    scenarios: [
      {
        name: "Cloud first",
        description:
          "Infrastructure migration replaced by cloud hosting (ongoing revenue) and one-off set-up funded from revenue, not " +
          "capital. Figures illustrative.",
        changes: [
          { kind: "setAmount", line: "OS-C05", amount: 0 },
          {
            kind: "addLine",
            line: {
              ref: "OS-R05",
              description: "Cloud hosting (illustrative)",
              service: "Infrastructure",
              category: "revenue",
              nature: "ongoing",
              amount: 60000,
              start: "2018-04-01",
              basis: "driver:contribution",
            },
          },
          {
            kind: "addLine",
            line: {
              ref: "OS-R06",
              description: "Cloud set-up, one-off revenue (illustrative)",
              service: "Infrastructure",
              category: "revenue",
              nature: "one-off",
              amount: 40000,
              start: "2018-04-01",
              basis: "driver:contribution",
            },
          },
        ],
      },
    ],
  },
  notes: {
    drivers: { contribution: "From the report: shared revenue of £0.8m (Havering) and £581k (Newham), £1.381m in all." },
    costLines: {
      "OS-C01": "Capital spend, LBN column of the report.",
      "OS-C02": "Capital spend, LBN column of the report.",
      "OS-C03": "Capital spend, LBH column of the report.",
      "OS-C04": "Capital spend, LBH column of the report.",
      "OS-C05": "Capital spend, LBH column of the report.",
      "OS-R01": "Summary shared revenue spend.",
      "OS-R02": "Summary shared revenue spend.",
      "OS-R03": "Summary shared revenue spend (DWH).",
      "OS-R04": "Summary shared revenue spend.",
    },
    budgets: {
      0: "Havering's recurring £1m capital.",
      1: "Newham's one-off £3m approval; £1m assumed for 2017/18.",
      2: "Shared revenue contribution.",
      3: "Shared revenue contribution.",
    },
    statedTotals: { "Shared revenue spend (report)": "The report says £1382k; its four lines add to £1,441k." },
  },
};
