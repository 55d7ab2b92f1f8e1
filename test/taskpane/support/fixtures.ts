import { apportionModel, errorMessage, type ApportionResult, type ModelInput } from "../../../src/engine";

/** A small three-borough ICT model (tickets driver, one capital one-off, one revenue ongoing from January). */
export const SMALL_MODEL: ModelInput = {
  partners: [
    { id: "BRE", name: "Brent", host: true },
    { id: "LEW", name: "Lewisham" },
    { id: "SOU", name: "Southwark" },
  ],
  drivers: [
    {
      id: "tickets",
      label: "Tickets",
      illustrative: true,
      values: [
        { partner: "BRE", value: 25_000 },
        { partner: "LEW", value: 9_000 },
        { partner: "SOU", value: 22_000 },
      ],
    },
  ],
  costLines: [
    {
      ref: "ICT-01",
      description: "Laptop refresh",
      category: "capital",
      nature: "one-off",
      amount: 100,
      start: "2020-06-01",
      basis: "equal",
    },
    {
      ref: "ICT-02",
      description: "Service desk",
      category: "revenue",
      nature: "ongoing",
      amount: 1_000_000,
      start: "2021-01-01",
      basis: "driver:tickets",
    },
  ],
  settings: { firstYear: "2020/21", lastYear: "2021/22" },
};

/** Apportions a model, throwing with the engine's messages if it fails. */
export function apportioned(model: ModelInput = SMALL_MODEL): ApportionResult {
  const r = apportionModel(model);
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}
