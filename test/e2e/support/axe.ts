import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

/** One axe violation, trimmed to what a failure message needs. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Injects axe-core (node_modules/axe-core/axe.min.js) into the page once and
 * scans the whole document with every rule axe runs by default, returning
 * every violation of any impact (minor included). Nothing is set aside: the
 * pane avoids the components whose focus sentinels axe flags instead.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  // Evaluated through the DevTools protocol, not added as a <script>: the page's
  // Content-Security-Policy rightly refuses inline script.
  if (!loaded) await page.evaluate(readFileSync(AXE_PATH, "utf8"));
  return page.evaluate(async () => {
    type Node = { target: unknown[] };
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: Node[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
    const res = await axe.run(document, { resultTypes: ["violations"] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
}
