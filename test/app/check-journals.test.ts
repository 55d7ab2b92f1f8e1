import { describe, expect, it } from "vitest";
import { checkModel, ENGINE, openModel } from "../../src/app";
import type { ModelInput } from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples/brent-lewisham-southwark";
import { memoryHarness } from "../support/port-harness";

async function problemsOf(model: ModelInput) {
  const h = memoryHarness();
  expect((await h.port.createModel(model, { notes: BRENT_LEWISHAM_SOUTHWARK.notes })).ok).toBe(true);
  const opened = await openModel(h.port, ENGINE);
  if (opened.kind !== "opened") throw new Error(opened.kind);
  return checkModel(opened.session, opened.problems);
}

describe("the model check includes the journals", () => {
  it("warns of a charge no coding row codes, naming partner and line, located at a cell", async () => {
    const sample = BRENT_LEWISHAM_SOUTHWARK.model;
    const journals = sample.journals;
    if (journals === undefined) throw new Error("the sample has journals inputs");
    // Southwark's coding rows given to Lewisham Homes: Southwark's charges have no code.
    const uncoded: ModelInput = {
      ...sample,
      journals: { ...journals, coding: journals.coding.map((c) => (c.partner === "SOU" ? { ...c, partner: "LH" } : c)) },
    };
    const found = (await problemsOf(uncoded)).filter((p) => p.message.startsWith("The journals cannot be made"));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.severity === "warning")).toBe(true);
    expect(found.some((p) => p.message.includes('partner "SOU"') && p.message.includes('cost line "BLS-01"'))).toBe(true);
    expect(found.some((p) => p.address !== undefined)).toBe(true);
  });

  it("says nothing of journals for the sample as it is, or a model without journals inputs", async () => {
    const { journals: _none, ...plain } = BRENT_LEWISHAM_SOUTHWARK.model;
    for (const model of [BRENT_LEWISHAM_SOUTHWARK.model, plain]) {
      expect((await problemsOf(model)).filter((p) => p.message.includes("journals cannot be made"))).toEqual([]);
    }
  });
});
