import { describe, expect, it } from "vitest";
import { applyScenario, SCENARIO_CHANGE_KINDS, scenarioChangeRule } from "../../../src/engine";
import { sampleById } from "../../../src/samples";
import { unwrap } from "./model-arbitrary";

describe("the scenario rules, written down for the scenario editor", () => {
  it("every change kind has one sentence", () => {
    for (const kind of SCENARIO_CHANGE_KINDS) expect(scenarioChangeRule(kind)).toMatch(/^[A-Z].*\.$/);
  });

  it("percent.IAA=8 does what the addPartner sentence says: the others keep their proportions of the remaining 92%", () => {
    expect(scenarioChangeRule("addPartner")).toContain("percent.IAA=8 turns 40% into 36.8%");
    const model = sampleById("brent-lewisham-southwark")?.model;
    if (model === undefined) throw new Error("no sample");
    const m = unwrap(
      applyScenario(model, { name: "t", changes: [{ kind: "addPartner", partner: { id: "LH" }, percentages: { IAA: 8 } }] }),
    );
    const iaa = m.bases?.find((b) => b.id === "IAA");
    expect(iaa?.kind === "percentages" ? iaa.shares.map((s) => [s.partner, Number(s.percent)]) : []).toEqual([
      ["BRE", 36.8],
      ["LEW", 23],
      ["SOU", 32.2],
      ["LH", 8],
    ]);
  });
});
