import { describe, expect, it } from "vitest";
import { withMonitoringSheet } from "../../src/app";
import { checkModelBudgets } from "../../src/engine";
import { buildOutputSheets } from "../../src/excel";
import { PRINT_WIDTH } from "../../src/excel/layout/cells";
import { widthOf } from "../../src/excel/layout/outputs/paper";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_HOUSING } from "../../src/samples";

function outputsOf(model = BRENT_LEWISHAM_SOUTHWARK.model) {
  const report = checkModelBudgets(model);
  if (!report.ok) throw new Error("budgets");
  return { run: report.value.run, budget: report.value };
}

const text = (s: { blocks: readonly { values: readonly (readonly unknown[])[] }[] }): string[] =>
  s.blocks.flatMap((b) => b.values.flatMap((r) => r.filter((v): v is string => typeof v === "string")));

describe("the Monitoring sheet", () => {
  it("is written for the sample's 2020/21 actuals to November, with the forecast settlement in words, fitting A4 across", () => {
    const sheets = buildOutputSheets(withMonitoringSheet(outputsOf()));
    const names = sheets.map((s) => s.name);
    // After the Methodology, before the Journals.
    expect(names.indexOf("Monitoring")).toBe(names.indexOf("Methodology") + 1);
    const sheet = sheets.find((s) => s.name === "Monitoring")!;
    const words = text(sheet);
    expect(words[0]).toMatch(/^Monitoring: 2020\/21 to period 8 \(Nov\)/);
    expect(words.filter((w) => / is forecast to /.test(w))).toHaveLength(3);
    expect(words).toContain("By period, Apr to Sep (£): each partner's profiled budget, actual and variance");
    expect(widthOf(sheet.columnWidths, 0, sheet.print?.area.cols ?? 0)).toBeLessThanOrEqual(PRINT_WIDTH.landscape);
  });

  it("is not written for a model without monitoring inputs, nor without the layout asked for", () => {
    expect(buildOutputSheets(withMonitoringSheet(outputsOf(EAST_KENT_HOUSING.model))).map((s) => s.name)).not.toContain("Monitoring");
    expect(buildOutputSheets(outputsOf()).map((s) => s.name)).not.toContain("Monitoring");
  });

  it("says why there is no monitoring when its inputs are wrong, rather than showing figures", () => {
    const model = BRENT_LEWISHAM_SOUTHWARK.model;
    const bad = { ...model, monitoring: { ...model.monitoring, actuals: [{ period: 3, line: "NOPE", amount: 1 }] } };
    const sheet = buildOutputSheets(withMonitoringSheet(outputsOf(bad))).find((s) => s.name === "Monitoring")!;
    expect(text(sheet)[0]).toBe("Monitoring: not worked out");
    expect(text(sheet)[1]).toContain('cost line "NOPE" is not in the model');
  });
});
