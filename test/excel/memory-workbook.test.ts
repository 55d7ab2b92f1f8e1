import { describe, expect, it } from "vitest";
import { displayText } from "../../src/excel/memory/display";
import { createMemoryPort } from "../../src/excel/memory/memory-port";
import { EAST_KENT_HOUSING } from "../../src/samples";

describe("the in-memory workbook, as the browser preview uses it", () => {
  it("lists sheets, shows cells as Excel would and tells listeners about changes", async () => {
    const { port, workbook } = createMemoryPort();
    let changes = 0;
    const stop = workbook.subscribe(() => changes++);
    expect((await port.createModel(EAST_KENT_HOUSING.model)).ok).toBe(true);
    expect(changes).toBeGreaterThan(0);
    stop();
    expect(workbook.sheetNames()).toEqual([
      "Sheet1",
      "Partners",
      "Drivers",
      "Costs",
      "Bases",
      "Budgets",
      "Settings",
      "Scenarios",
      "Exits",
      "Disputes",
      "Lists",
    ]);
    const costs = workbook.view("Costs");
    expect(costs?.text(1, 5)).toBe("£68,000.00");
    expect(costs?.text(1, 6)).toBe("1 Dec 2020");
    expect(costs?.values()[0]?.[0]).toBe("Ref");
    expect(costs?.tables.map((t) => t.name)).toEqual(["Costs"]);
    expect(displayText({ value: -59000, format: "£#,##0.00;-£#,##0.00", style: undefined })).toBe("-£59,000.00");
  });

  it("lets a user type below a table to add a row, which the model then reads", async () => {
    const { port, workbook } = createMemoryPort();
    expect((await port.createModel(EAST_KENT_HOUSING.model)).ok).toBe(true);
    const version = workbook.getVersion();
    workbook.setCellValue("Costs!A5", "EKH-04");
    for (const [a, v] of [
      ["D5", "revenue"],
      ["E5", "one-off"],
      ["F5", 1000],
      ["G5", "2021-06-01"],
      ["I5", "equal"],
    ] as const)
      workbook.setCellValue(`Costs!${a}`, v);
    expect(workbook.getVersion()).toBeGreaterThan(version);
    const read = await port.readModel();
    expect(read.ok && read.value.model.costLines.map((l) => l.ref)).toEqual(["EKH-01", "EKH-02", "EKH-03", "EKH-04"]);
  });
});
