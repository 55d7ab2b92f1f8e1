import { describe, expect, it } from "vitest";
import { ruleIds } from "./rule-ids";

// Proves the layer rules in eslint.config.mjs: dependencies point one way, clients → app → excel →
// engine, and the samples use the workbook layer's index.

const importing = (path: string): string => `import { a } from "${path}";\nexport const x = a;\n`;

describe("the workbook layer never imports the application layer or the clients", () => {
  it.each([
    ["../app", "src/excel/x.ts"],
    ["../../app/run-model", "src/excel/layout/x.ts"],
    ["../taskpane/format", "src/excel/x.ts"],
    ["../../cli/report", "src/excel/office/x.ts"],
  ])("flags %s imported into %s", async (path, file) => {
    expect(await ruleIds(importing(path), file)).toContain("no-restricted-imports");
  });

  it("allows the engine and its own modules", async () => {
    expect(await ruleIds(importing("../engine"), "src/excel/x.ts")).not.toContain("no-restricted-imports");
    expect(await ruleIds(importing("../layout/cells"), "src/excel/office/x.ts")).not.toContain("no-restricted-imports");
  });
});

describe("the application layer never imports its clients", () => {
  it.each([
    ["../taskpane/format", "src/app/x.ts"],
    ["../cli/report", "src/app/x.ts"],
    ["../functions/functions", "src/app/x.ts"],
  ])("flags %s imported into %s", async (path, file) => {
    expect(await ruleIds(importing(path), file)).toContain("no-restricted-imports");
  });

  it("allows the workbook layer and the engine", async () => {
    expect(await ruleIds(importing("../excel"), "src/app/x.ts")).not.toContain("no-restricted-imports");
    expect(await ruleIds(importing("../engine"), "src/app/x.ts")).not.toContain("no-restricted-imports");
  });
});

describe("the samples reach the workbook layer through its index", () => {
  it("flags a sample reaching into excel/layout", async () => {
    expect(await ruleIds(importing("../excel/layout/template"), "src/samples/x.ts")).toContain("no-restricted-imports");
    const typeOnly = 'import type { A } from "../excel/layout/template";\nexport type X = A;\n';
    expect(await ruleIds(typeOnly, "src/samples/x.ts")).toContain("no-restricted-imports");
  });

  it("allows the index", async () => {
    expect(await ruleIds(importing("../excel"), "src/samples/x.ts")).not.toContain("no-restricted-imports");
  });
});
