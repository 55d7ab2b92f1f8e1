import { describe, expect, it } from "vitest";
import { ruleIds } from "./rule-ids";

// Proves the layering rules in eslint.config.mjs: src/engine is pure, only src/excel
// calls Office.js.

const IMPORTS_REACT = 'import * as React from "react";\nexport const x = React;\n';
const IMPORTS_FLUENT = 'import { Button } from "@fluentui/react-components";\nexport const x = Button;\n';
const IMPORTS_OFFICE_PACKAGE = 'import * as certs from "office-addin-dev-certs";\nexport const x = certs;\n';
const USES_OFFICE = "export const host = Office.context.host;\n";
const USES_EXCEL_RUN =
  "export async function f(): Promise<void> {\n  await Excel.run(async (context) => {\n    await context.sync();\n  });\n}\n";

describe("engine purity lint rules", () => {
  it("flags React imported into src/engine", async () => {
    expect(await ruleIds(IMPORTS_REACT, "src/engine/x.ts")).toContain("no-restricted-imports");
  });

  it("flags Fluent UI and office-* packages imported into src/engine", async () => {
    expect(await ruleIds(IMPORTS_FLUENT, "src/engine/x.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(IMPORTS_OFFICE_PACKAGE, "src/engine/x.ts")).toContain("no-restricted-imports");
  });

  it("flags relative imports from src/engine into the edges", async () => {
    for (const [code, file] of [
      ['import { a } from "../excel/io";\nexport const x = a;\n', "src/engine/x.ts"],
      ['import { a } from "../taskpane/App";\nexport const x = a;\n', "src/engine/x.ts"],
      ['import { a } from "../../functions/functions";\nexport const x = a;\n', "src/engine/deep/x.ts"],
    ] as const) {
      expect(await ruleIds(code, file), code).toContain("no-restricted-imports");
    }
  });

  it("allows relative imports inside src/engine", async () => {
    const ids = await ruleIds('import { a } from "./money";\nexport const x = a;\n', "src/engine/x.ts");
    expect(ids).not.toContain("no-restricted-imports");
  });

  it("flags the Office global in src/engine", async () => {
    expect(await ruleIds(USES_OFFICE, "src/engine/x.ts")).toContain("no-restricted-globals");
    expect(await ruleIds(USES_EXCEL_RUN, "src/engine/x.ts")).toContain("no-restricted-globals");
  });

  it("does not flag the same code under src/excel", async () => {
    expect(await ruleIds(IMPORTS_REACT, "src/excel/x.ts")).not.toContain("no-restricted-imports");
    expect(await ruleIds(USES_OFFICE, "src/excel/x.ts")).not.toContain("no-restricted-globals");
    expect(await ruleIds(USES_EXCEL_RUN, "src/excel/x.ts")).toEqual([]);
  });

  it("flags Excel.run in src/taskpane", async () => {
    const ids = await ruleIds(USES_EXCEL_RUN, "src/taskpane/x.tsx");
    expect(ids).toContain("no-restricted-globals");
    expect(ids).toContain("no-restricted-properties");
  });

  it("flags the Office global in src/taskpane (only src/excel touches Office.js)", async () => {
    expect(await ruleIds(USES_OFFICE, "src/taskpane/x.tsx")).toContain("no-restricted-globals");
  });

  it("runs the office-addins rules on src/excel", async () => {
    const code =
      "export async function f(): Promise<void> {\n  await Excel.run(async (context) => {\n" +
      '    const range = context.workbook.getSelectedRange();\n    range.load("values");\n' +
      "    console.log(range.values);\n  });\n}\n";
    expect(await ruleIds(code, "src/excel/x.ts")).toContain("office-addins/call-sync-before-read");
  });
});
