import { describe, expect, it } from "vitest";
import { ruleIds } from "./rule-ids";

// Proves the React, hooks, floating-promise and duplicate-import rules in eslint.config.mjs.

const HOOK_IN_CONDITION =
  'import * as React from "react";\n' +
  "export function C({ on }: { on: boolean }): React.JSX.Element {\n" +
  "  if (on) React.useEffect(() => undefined);\n" +
  "  return <div />;\n}\n";
const MISSING_DEPENDENCY =
  'import * as React from "react";\n' +
  "export function C({ n }: { n: number }): React.JSX.Element {\n" +
  "  React.useEffect(() => {\n    console.log(n);\n  }, []);\n" +
  "  return <div />;\n}\n";
const NO_KEY = 'import * as React from "react";\nexport const C = (): React.JSX.Element => <ul>{[1, 2].map((n) => <li>{n}</li>)}</ul>;\n';
const FLOATING = "async function save(): Promise<void> {}\n" + "export function onClick(): void {\n  save();\n}\n";
const AWAITED = "async function save(): Promise<void> {}\nexport async function onClick(): Promise<void> {\n  await save();\n}\n";
const TWICE = 'import { a } from "./m";\nimport { b } from "./m";\nexport const x = [a, b];\n';

describe("React rules on the task pane", { timeout: 60_000 }, () => {
  it("flags a hook called conditionally", async () => {
    expect(await ruleIds(HOOK_IN_CONDITION, "src/taskpane/x.tsx")).toContain("react-hooks/rules-of-hooks");
  });

  it("flags an effect that leaves out what it reads", async () => {
    expect(await ruleIds(MISSING_DEPENDENCY, "src/taskpane/x.tsx")).toContain("react-hooks/exhaustive-deps");
  });

  it("flags list items without a key", async () => {
    expect(await ruleIds(NO_KEY, "src/taskpane/x.tsx")).toContain("react/jsx-key");
  });
});

// The first type-aware lint starts the TypeScript project service: seconds on a busy machine.
describe("no floating promises (type-aware)", { timeout: 120_000 }, () => {
  // The probe paths eslint.config.mjs lets the type checker see without a file on disk.
  it.each(["src/app/lint-probe.ts", "src/cli/lint-probe.ts", "src/taskpane/lint-probe.tsx", "src/excel/office/lint-probe.ts"])(
    "flags a promise nobody awaits in %s",
    async (file) => {
      expect(await ruleIds(FLOATING, file)).toContain("@typescript-eslint/no-floating-promises");
    },
  );

  it("allows an awaited promise", async () => {
    expect(await ruleIds(AWAITED, "src/app/lint-probe.ts")).not.toContain("@typescript-eslint/no-floating-promises");
  });
});

describe("one import per module", () => {
  it("flags a module imported twice in src", async () => {
    expect(await ruleIds(TWICE, "src/engine/x.ts")).toContain("no-duplicate-imports");
  });

  it("allows a separate type-only import", async () => {
    const code = 'import { a } from "./m";\nimport type { B } from "./m";\nexport const x: B = a;\n';
    expect(await ruleIds(code, "src/engine/x.ts")).not.toContain("no-duplicate-imports");
  });
});
