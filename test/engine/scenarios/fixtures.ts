import type { ModelInput } from "../../../src/engine";

/**
 * The Brent, Lewisham and Southwark shared ICT service (Brent hosts), with
 * made-up but plausible figures: 56,000 tickets over five months, Lewisham
 * raising far fewer than the others (docs/domain.md, "The situations we model").
 */
export const sharedIct: ModelInput = {
  partners: [
    { id: "BRT", name: "London Borough of Brent", host: true },
    { id: "LEW", name: "London Borough of Lewisham" },
    { id: "SWK", name: "London Borough of Southwark" },
  ],
  drivers: [
    {
      id: "tickets",
      label: "Service desk tickets",
      values: [
        { partner: "BRT", value: 20_000 },
        { partner: "LEW", value: 8_000 },
        { partner: "SWK", value: 28_000 },
      ],
    },
    {
      id: "users",
      values: [
        { partner: "BRT", value: 3_000 },
        { partner: "LEW", value: 2_000 },
        { partner: "SWK", value: 2_000 },
      ],
    },
  ],
  bases: [
    {
      id: "iaa",
      kind: "percentages",
      shares: [
        { partner: "BRT", percent: 40 },
        { partner: "LEW", percent: 25 },
        { partner: "SWK", percent: 35 },
      ],
    },
  ],
  costLines: [
    {
      ref: "ICT-01",
      description: "Service desk",
      service: "ICT",
      category: "revenue",
      nature: "ongoing",
      amount: 1_000_000,
      start: "2021-04-01",
      basis: "tickets",
    },
    {
      ref: "ICT-02",
      description: "Network refresh",
      service: "ICT",
      category: "capital",
      nature: "one-off",
      amount: 300_000,
      start: "2021-09-01",
      basis: "equal",
    },
    {
      ref: "ICT-03",
      description: "Licences",
      service: "ICT",
      category: "revenue",
      nature: "ongoing",
      amount: 600_000,
      start: "2021-04-01",
      basis: "iaa",
    },
  ],
  settings: { firstYear: "2021/22", lastYear: "2022/23" },
};
