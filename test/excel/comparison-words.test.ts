import { describe, expect, it } from "vitest";
import { compareScenarios, doNoHarm, partnerNames, runScenario } from "../../src/engine";
import { comparisonSheet } from "../../src/excel/layout/outputs/comparison";
import { sampleById } from "../../src/samples";

describe("the Scenario comparison sheet names partners in words, with their codes in their own column", () => {
  it("leads each row with the Name, its Partner code beside it, and says who is joining by name", () => {
    const sample = sampleById("brent-lewisham-southwark")!;
    const joins = sample.model.scenarios!.find((s) => s.name === "Lewisham Homes joins")!;
    const run = runScenario(sample.model, joins);
    const comparison = compareScenarios(sample.model, null, joins);
    const harm = doNoHarm(sample.model, joins);
    if (!run.ok || !comparison.ok || !harm.ok) throw new Error("engine failed");
    const sheet = comparisonSheet(run.value, comparison.value, harm.value, joins.name);
    const names = partnerNames(run.value.model);
    const header = sheet.blocks.find((b) => b.values[0]?.[0] === "Name" && b.values[0]?.[1] === "Partner");
    expect(header).toBeDefined();
    const body = sheet.blocks.find((b) => b.row === (header?.row ?? -1) + 1);
    expect(body?.values).toHaveLength(comparison.value.rows.length);
    for (const r of body?.values ?? []) expect(r[0]).toBe(names.get(String(r[1])));
    expect(new Set((body?.values ?? []).map((r) => r[0]))).toContain("Lewisham Homes");
    const verdict = sheet.blocks.find((b) => String(b.values[0]?.[0]).startsWith("Do no harm"));
    expect(String(verdict?.values[0]?.[1])).toContain("Joining: Lewisham Homes (LH)");
  });
});
