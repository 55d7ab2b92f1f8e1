import { describe, expect, it } from "vitest";
import { ruleIds } from "./rule-ids";

// Proves the one-door rule in eslint.config.mjs: the task pane and the command line import values
// from src/app only; from the engine and the workbook layer, types only.

const RULE = "@typescript-eslint/no-restricted-imports";
const value = (path: string): string => `import { a } from "${path}";\nexport const x = a;\n`;
const typeOnly = (path: string): string => `import type { A } from "${path}";\nexport type X = A;\n`;
const inlineType = (path: string): string => `import { type A } from "${path}";\nexport type X = A;\n`;

describe("clients import values from src/app only", () => {
  it.each([
    ["../engine", "src/cli/x.ts"],
    ["../excel", "src/cli/x.ts"],
    ["../../engine", "src/taskpane/hooks/x.ts"],
    ["../../../excel", "src/taskpane/components/scenario/x.tsx"],
  ])("flags a value from %s in %s", async (path, file) => {
    expect(await ruleIds(value(path), file)).toContain(RULE);
  });

  it.each([
    ["../engine", "src/cli/x.ts"],
    ["../../excel", "src/taskpane/screens/x.tsx"],
  ])("allows types from %s in %s", async (path, file) => {
    expect(await ruleIds(typeOnly(path), file)).not.toContain(RULE);
    expect(await ruleIds(inlineType(path), file)).not.toContain(RULE);
  });

  it("allows values from src/app and the samples", async () => {
    expect(await ruleIds(value("../app"), "src/cli/x.ts")).not.toContain(RULE);
    expect(await ruleIds(value("../../app"), "src/taskpane/hooks/x.ts")).not.toContain(RULE);
    expect(await ruleIds(value("../samples"), "src/taskpane/x.tsx")).not.toContain(RULE);
  });

  it("leaves the layers themselves alone", async () => {
    expect(await ruleIds(value("../engine"), "src/app/x.ts")).not.toContain(RULE);
    expect(await ruleIds(value("../engine"), "src/excel/x.ts")).not.toContain(RULE);
    expect(await ruleIds(value("../engine"), "src/functions/x.ts")).not.toContain(RULE);
  });
});
