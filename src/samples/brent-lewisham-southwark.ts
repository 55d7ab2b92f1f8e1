import type { BudgetInput, JournalsInput, MonitoringInput, PartnerServiceInput } from "../engine";
import type { SampleModel } from "./sample";

const ILLUSTRATIVE = "Illustrative figure: the committee transcript gives no cost breakdown.";

const budgets: BudgetInput[] = [
  { partner: "BRE", year: "2020/21", category: "revenue", amount: 4500000 },
  { partner: "LEW", year: "2020/21", category: "revenue", amount: 2540000 },
  { partner: "SOU", year: "2020/21", category: "revenue", amount: 4450000 },
  { partner: "BRE", year: "2021/22", category: "revenue", amount: 4590000 },
  { partner: "LEW", year: "2021/22", category: "revenue", amount: 2600000 },
  { partner: "SOU", year: "2021/22", category: "revenue", amount: 4400000 },
  { partner: "BRE", year: "2022/23", category: "revenue", amount: 4660000 },
  { partner: "LEW", year: "2022/23", category: "revenue", amount: 2700000 },
  { partner: "SOU", year: "2022/23", category: "revenue", amount: 4610000 },
  { partner: "BRE", year: "2020/21", category: "capital", amount: 410000 },
  { partner: "LEW", year: "2020/21", category: "capital", amount: 290000 },
  { partner: "SOU", year: "2020/21", category: "capital", amount: 640000 },
];

/**
 * Lewisham's and Southwark's own services, each under the revenue outturn
 * (RO) form its spend is reported on (the form titles of MHCLG's RO suite, as
 * in docs/service-recharges.md), with illustrative user accounts per service
 * that add up to each borough's users driver. Brent keeps no list here: its
 * recharge is shown as not spread.
 */
const RO = {
  education: "RO1 Education services",
  highways: "RO2 Highways and transport services",
  care: "RO3 Social care and public health services",
  housing: "RO4 Housing services (GFRA only)",
  culture: "RO5 Cultural, environmental, regulatory and planning services",
  central: "RO6 Protective, central and other services",
} as const;

const serviceList = (partner: string, prefix: string, rows: readonly [string, string, number][]): PartnerServiceInput[] =>
  rows.map(([service, heading, value], i) => ({
    partner,
    service,
    heading,
    costCentre: `${prefix}${String(100 + i * 10)}`,
    measure: "users",
    value,
  }));

const partnerServices: PartnerServiceInput[] = [
  ...serviceList("LEW", "LC", [
    ["Schools and education support", RO.education, 420],
    ["Highways and parking", RO.highways, 180],
    ["Adult social care", RO.care, 610],
    ["Children's social care", RO.care, 390],
    ["Housing needs and homelessness", RO.housing, 260],
    ["Libraries, environment and planning", RO.culture, 240],
    ["Corporate and democratic core", RO.central, 200],
  ]),
  ...serviceList("SOU", "SC", [
    ["Education and early years", RO.education, 540],
    ["Highways, transport and parking", RO.highways, 310],
    ["Adult social care and public health", RO.care, 980],
    ["Children's social care", RO.care, 560],
    ["Housing (general fund)", RO.housing, 420],
    ["Leisure, environment and regulatory", RO.culture, 390],
    ["Central services", RO.central, 300],
  ]),
];

/**
 * Example coding for each partner's ledger (docs/journals.md): every code,
 * layout choice and invoicing pattern is illustrative, not any council's real
 * chart of accounts. Lewisham Homes (an ALMO, not a section 33 body) is coded
 * for the scenarios in which it joins: VAT charged to it is a real cost.
 * Laptops bought and passed on are goods, so standard-rated (as is Lewisham
 * Homes' onboarding, which includes devices); the shared service itself is
 * outside the scope.
 */
const JOURNALS: JournalsInput = {
  coding: [
    { partner: "BRE", costCentre: "BRE-ICT-SS", account: "44000" },
    { partner: "BRE", category: "capital", costCentre: "BRE-CAP-ICT", account: "70100" },
    { partner: "LEW", costCentre: "LEW-ICT01", account: "43210" },
    { partner: "LEW", service: "Devices", costCentre: "LEW-ICT01", account: "43250" },
    { partner: "LEW", category: "capital", costCentre: "LEW-CAP-ICT", account: "70110" },
    { partner: "SOU", costCentre: "SOU-IT200", account: "4520" },
    { partner: "SOU", category: "capital", costCentre: "SOU-CAP-IT", account: "7010" },
    { partner: "SOU", line: "BLS-05", costCentre: "SOU-CAP-NET", account: "7015" },
    { partner: "LH", costCentre: "LH-ICT", account: "5100" },
    { partner: "LH", category: "capital", costCentre: "LH-ICT", account: "8100" },
  ],
  hostCoding: [
    { partner: "LEW", costCentre: "BRE-ICT-SS", account: "92110", debtor: "11200" },
    { partner: "SOU", costCentre: "BRE-ICT-SS", account: "92120", debtor: "11200" },
    { partner: "LH", costCentre: "BRE-ICT-SS", account: "92130", debtor: "11210" },
  ],
  vat: [
    { line: "BLS-01", treatment: "Outside the scope" },
    { line: "BLS-02", treatment: "Outside the scope" },
    { line: "BLS-07", treatment: "Standard-rated" },
    // Added by the "Lewisham Homes joins" scenario: its onboarding includes devices supplied to it (illustrative).
    { line: "BLS-09", treatment: "Standard-rated" },
  ],
  ledgers: [
    { partner: "BRE", layout: "generic", vatAccount: "25010", reserveAccount: "39010", section33: true },
    {
      partner: "LEW",
      layout: "oracle-fusion",
      creditor: "21100",
      vatAccount: "15100",
      reserveAccount: "39200",
      section33: true,
      frequency: "quarterly",
      prefix: "BLS-LEW-",
      // Lewisham posts its journal by service cost centre: the split its Service recharges sheet shows.
      byService: true,
    },
    {
      partner: "SOU",
      layout: "unit4",
      creditor: "2110",
      vatAccount: "1510",
      reserveAccount: "3920",
      section33: true,
      frequency: "monthly",
    },
    {
      partner: "LH",
      layout: "LH upload",
      creditor: "2200",
      reserveAccount: "3990",
      section33: false,
      frequency: "quarterly",
      termsDays: 14,
    },
  ],
  columns: [
    { layout: "LH upload", header: "Date", field: "date", value: "DD/MM/YYYY" },
    { layout: "LH upload", header: "Period", field: "period" },
    { layout: "LH upload", header: "Cost Centre", field: "costCentre" },
    { layout: "LH upload", header: "Account", field: "account" },
    { layout: "LH upload", header: "Debit", field: "debit" },
    { layout: "LH upload", header: "Credit", field: "credit" },
    { layout: "LH upload", header: "Narrative", field: "description" },
    { layout: "LH upload", header: "Ref", field: "reference" },
  ],
};

/** The ledger export the sample's actuals were imported from (src/samples/monitoring/, docs/monitoring.md). */
const LEDGER = "bls-ledger-2020-21-p1-p8.csv";

/**
 * In-year monitoring of 2020/21 to period 8 (November): each period's spend
 * by cost line, as importing the host's ledger export
 * (src/samples/monitoring/bls-ledger-2020-21-p1-p8.csv) through the Mapping
 * below gives it (a test imports the file and compares). Running costs run
 * ahead of profile from August (home working), the laptops cost a little
 * more than budgeted, and two HR transactions posted to the ICT ledger are
 * left unmapped. The year monitored is the model's first, 2020/21. Figures
 * illustrative.
 */
const MONITORING: MonitoringInput = {
  actuals: [
    { period: 1, line: "BLS-01", amount: 805000, source: LEDGER },
    { period: 1, line: "BLS-02", amount: 120000, source: LEDGER },
    { period: 1, line: "BLS-04", amount: 35500, source: LEDGER },
    { period: 1, line: "BLS-06", amount: 3750, source: LEDGER },
    { period: 2, line: "BLS-01", amount: 805000, source: LEDGER },
    { period: 2, line: "BLS-02", amount: 120000, source: LEDGER },
    { period: 2, line: "BLS-03", amount: 8065.75, source: LEDGER },
    { period: 2, line: "BLS-04", amount: 35500, source: LEDGER },
    { period: 2, line: "BLS-06", amount: 3750, source: LEDGER },
    { period: 3, line: "BLS-01", amount: 805000, source: LEDGER },
    { period: 3, line: "BLS-02", amount: 120000, source: LEDGER },
    { period: 3, line: "BLS-03", amount: 8065.75, source: LEDGER },
    { period: 3, line: "BLS-04", amount: 35500, source: LEDGER },
    { period: 3, line: "BLS-06", amount: 3750, source: LEDGER },
    { period: 3, line: "BLS-07", amount: 980000, source: LEDGER },
    { period: 4, line: "BLS-01", amount: 805000, source: LEDGER },
    { period: 4, line: "BLS-02", amount: 107500, source: LEDGER },
    { period: 4, line: "BLS-03", amount: 8065.75, source: LEDGER },
    { period: 4, line: "BLS-04", amount: 35500, source: LEDGER },
    { period: 4, line: "BLS-06", amount: 3750, source: LEDGER },
    { period: 4, line: "BLS-07", amount: 173500, source: LEDGER },
    { period: 5, line: "BLS-01", amount: 816400, source: LEDGER },
    { period: 5, line: "BLS-02", amount: 120000, source: LEDGER },
    { period: 5, line: "BLS-03", amount: 8065.75, source: LEDGER },
    { period: 5, line: "BLS-04", amount: 35500, source: LEDGER },
    { period: 5, line: "BLS-06", amount: 3750, source: LEDGER },
    { period: 6, line: "BLS-01", amount: 816400, source: LEDGER },
    { period: 6, line: "BLS-02", amount: 120000, source: LEDGER },
    { period: 6, line: "BLS-03", amount: 8065.75, source: LEDGER },
    { period: 6, line: "BLS-04", amount: 35500, source: LEDGER },
    { period: 6, line: "BLS-05", amount: 190000, source: LEDGER },
    { period: 6, line: "BLS-06", amount: 3750, source: LEDGER },
    { period: 7, line: "BLS-01", amount: 825624.99, source: LEDGER },
    { period: 7, line: "BLS-02", amount: 120000, source: LEDGER },
    { period: 7, line: "BLS-03", amount: 8065.75, source: LEDGER },
    { period: 7, line: "BLS-04", amount: 35500, source: LEDGER },
    { period: 7, line: "BLS-06", amount: 3750, source: LEDGER },
    { period: 8, line: "BLS-01", amount: 825624.99, source: LEDGER },
    { period: 8, line: "BLS-02", amount: 120000, source: LEDGER },
    { period: 8, line: "BLS-04", amount: 35500, source: LEDGER },
    { period: 8, line: "BLS-06", amount: 3750, source: LEDGER },
  ],
  mapping: [
    { costCentre: "IC100", account: "*", line: "BLS-01" },
    { costCentre: "IC100", account: "0310", line: "BLS-04" },
    { costCentre: "IC100", account: "44*", line: "BLS-02" },
    { costCentre: "IC200", line: "BLS-03" },
    { costCentre: "IC300", line: "BLS-05" },
    { costCentre: "IC400", line: "BLS-06" },
    { costCentre: "IC500", line: "BLS-07" },
  ],
};

/**
 * The Brent, Lewisham and Southwark shared ICT service (Brent hosts), from a
 * joint committee webcast: usage drivers that differ wildly between boroughs
 * (Lewisham raises about 2.5 times fewer tickets than Brent), a £59k
 * underspend carried forward, the host's pension on-costs under review,
 * Southwark's network replacement for PSN compliance (£190,000, as in the PSN
 * source), card-payment compliance that does not apply to Southwark, and
 * Lewisham Homes possibly joining — inside Lewisham's share or as a direct
 * customer — on the principle "do no harm". Ticket and user counts, the
 * service's costs and the budgets are illustrative.
 */
export const BRENT_LEWISHAM_SOUTHWARK: SampleModel = {
  id: "brent-lewisham-southwark",
  title: "Brent, Lewisham and Southwark shared ICT",
  summary:
    "A three-borough ICT service hosted by Brent: a weighted users-and-tickets basis, licences by users, a cost that excludes " +
    "Southwark, a direct capital charge, an underspend credit, and scenarios for Lewisham Homes joining (directly or within " +
    "Lewisham) with a do-no-harm check.",
  source: "seeds/004 (joint committee webcast) and seeds/002 (PSN compliance)",
  model: {
    partners: [
      { id: "BRE", name: "London Borough of Brent", host: true },
      { id: "LEW", name: "London Borough of Lewisham" },
      { id: "SOU", name: "London Borough of Southwark" },
    ],
    drivers: [
      {
        id: "tickets",
        label: "Service desk tickets",
        illustrative: true,
        source: "ServiceNow ticket export, April to August 2020",
        asAt: "2020-08-31",
        values: [
          { partner: "BRE", value: 24500 },
          { partner: "LEW", value: 9500 },
          { partner: "SOU", value: 22000 },
        ],
      },
      {
        id: "users",
        label: "User accounts",
        illustrative: true,
        source: "Active Directory enabled accounts report",
        asAt: "2020-09-30",
        values: [
          { partner: "BRE", value: 3200 },
          { partner: "LEW", value: 2300 },
          { partner: "SOU", value: 3500 },
        ],
      },
    ],
    bases: [
      {
        id: "IAA",
        kind: "percentages",
        label: "Inter-authority agreement shares",
        shares: [
          { partner: "BRE", percent: 40 },
          { partner: "LEW", percent: 25 },
          { partner: "SOU", percent: 35 },
        ],
      },
      {
        id: "usersTickets",
        kind: "mix",
        label: "50% users, 50% tickets",
        components: [
          { source: "driver:users", weight: 50 },
          { source: "driver:tickets", weight: 50 },
        ],
      },
    ],
    costLines: [
      {
        ref: "BLS-01",
        description: "Shared ICT service: staff and running costs",
        service: "Shared ICT",
        category: "revenue",
        nature: "ongoing",
        amount: 9600000,
        start: "2020-04-01",
        basis: "usersTickets",
        indexationRate: 2,
      },
      {
        ref: "BLS-02",
        description: "Microsoft 365 licences",
        service: "Shared ICT",
        category: "revenue",
        nature: "ongoing",
        amount: 1440000,
        start: "2020-04-01",
        basis: "driver:users",
      },
      {
        ref: "BLS-03",
        description: "24x7 out-of-hours telephone support (pilot to October)",
        service: "Service desk",
        category: "revenue",
        nature: "ongoing",
        amount: 96000,
        start: "2020-05-01",
        end: "2020-10-31",
        basis: "equal",
      },
      {
        ref: "BLS-04",
        description: "Host pension on-costs (under review by the s151 officers)",
        service: "Shared ICT",
        category: "revenue",
        nature: "ongoing",
        amount: 420000,
        start: "2020-04-01",
        basis: "IAA",
      },
      {
        ref: "BLS-05",
        description: "Southwark network replacement for PSN compliance",
        service: "Network",
        category: "capital",
        nature: "one-off",
        amount: 190000,
        start: "2020-09-30",
        basis: "direct:SOU",
      },
      {
        ref: "BLS-06",
        description: "PCI-DSS card payment compliance",
        service: "Security",
        category: "revenue",
        nature: "ongoing",
        amount: 45000,
        start: "2020-04-01",
        basis: "equal",
        excludes: ["SOU"],
      },
      {
        ref: "BLS-07",
        description: "Laptops for home working",
        service: "Devices",
        category: "capital",
        nature: "one-off",
        amount: 1150000,
        start: "2020-06-30",
        basis: "driver:users",
      },
      {
        ref: "BLS-08",
        description: "2019/20 underspend carried forward",
        service: "Shared ICT",
        category: "revenue",
        nature: "one-off",
        amount: -59000,
        start: "2020-04-01",
        basis: "IAA",
      },
    ],
    settings: { firstYear: "2020/21", lastYear: "2022/23", unit: "penny", proRata: "days" },
    budgets,
    tolerance: { percent: 1 },
    partnerServices,
    scenarios: [
      {
        name: "Lewisham Homes joins",
        description:
          "Lewisham Homes joins on 1 April 2021 as a direct customer with its own tickets and users, a share of the agreement " +
          "and a one-off onboarding cost; it pays nothing for 2020/21. Figures illustrative.",
        changes: [
          {
            kind: "addPartner",
            partner: { id: "LH", name: "Lewisham Homes", joins: "2021-04-01" },
            drivers: { tickets: 2500, users: 600 },
            percentages: { IAA: 8 },
          },
          {
            kind: "addLine",
            line: {
              ref: "BLS-09",
              description: "Lewisham Homes onboarding",
              service: "Shared ICT",
              category: "revenue",
              nature: "one-off",
              amount: 80000,
              start: "2021-04-01",
              basis: "direct:LH",
            },
          },
        ],
      },
      {
        name: "Lewisham Homes within Lewisham",
        description: "Lewisham Homes pays part of Lewisham's share: its tickets and users are among Lewisham's. Figures illustrative.",
        changes: [
          {
            kind: "addPartner",
            partner: { id: "LH", name: "Lewisham Homes" },
            drivers: { tickets: 2500, users: 600 },
            percentages: { IAA: 5 },
            within: "LEW",
          },
        ],
      },
      {
        name: "Core service by users only",
        description:
          "Tickets are not comparable between boroughs (some use the tool for non-ICT work): split the core service by users alone.",
        changes: [{ kind: "setBasis", line: "BLS-01", basis: "driver:users" }],
      },
    ],
    journals: JOURNALS,
    monitoring: MONITORING,
  },
  notes: {
    partners: { BRE: "Host: employs the staff and holds the budget." },
    drivers: {
      tickets: "Illustrative: 56,000 tickets in five months in all; Lewisham raises about 2.5 times fewer than Brent.",
      users: "Illustrative: about 7,000 staff moved to home working.",
    },
    bases: {
      IAA: "Illustrative shares; the inter-authority agreement's figures are not in the source.",
      usersTickets: "Weighted mix: half by users, half by tickets.",
    },
    costLines: {
      "BLS-01": ILLUSTRATIVE,
      "BLS-02": ILLUSTRATIVE,
      "BLS-03": "Third-party out-of-hours support, offered until October 2020. Amount illustrative.",
      "BLS-04": "The host's pension on-costs are under review by the three s151 officers. Amount illustrative.",
      "BLS-05": "£190,000 for new equipment, as one council estimated for PSN compliance.",
      "BLS-06": "Southwark sends card payments to a third party, so PCI-DSS does not apply to it. Amount illustrative.",
      "BLS-07": ILLUSTRATIVE,
      "BLS-08": "The first year closed £59k underspent, carried forward (a credit).",
    },
    budgets: Object.fromEntries(budgets.map((_, i) => [i, "Illustrative budget."])),
    partnerServices: Object.fromEntries(
      partnerServices.map((_, i) => [i, "Illustrative users; the heading is the RO form the service reports on."]),
    ),
  },
};
