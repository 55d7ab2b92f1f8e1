import { describe, expect, it } from "vitest";
import { ruleIds } from "./rule-ids";

// Proves the "one way in" rule in eslint.config.mjs: the task pane and the command line
// reach the application, workbook, engine and sample layers through their index only.

const importing = (path: string): string => `import { a } from "${path}";\nexport const x = a;\n`;

describe("clients import each layer's index only", () => {
  it.each([
    ["../excel/layout/outputs", "src/cli/x.ts"],
    ["../excel/memory/memory-workbook", "src/taskpane/x.tsx"],
    ["../../excel/port", "src/taskpane/hooks/x.ts"],
    ["../app/run-model", "src/cli/x.ts"],
    ["../../engine/scenarios/run", "src/cli/xlsx/x.ts"],
    ["../samples/synthetic", "src/taskpane/x.tsx"],
  ])("flags %s imported into %s", async (path, file) => {
    expect(await ruleIds(importing(path), file)).toContain("no-restricted-imports");
  });

  it.each([
    ["../excel", "src/cli/x.ts"],
    ["../../app", "src/taskpane/hooks/x.ts"],
    ["../engine", "src/taskpane/x.tsx"],
    ["./report", "src/cli/x.ts"],
    ["../components/Notice", "src/taskpane/screens/x.tsx"],
  ])("allows %s in %s", async (path, file) => {
    expect(await ruleIds(importing(path), file)).not.toContain("no-restricted-imports");
  });

  it("does not restrict the layers themselves", async () => {
    expect(await ruleIds(importing("../layout/outputs"), "src/excel/office/x.ts")).not.toContain("no-restricted-imports");
    expect(await ruleIds(importing("../excel/layout/cells"), "src/app/x.ts")).not.toContain("no-restricted-imports");
  });
});
