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
 * scans `selector`, returning the serious and critical violations.
 *
 * One documented false positive is set aside, node by node: Fluent UI v9's
 * focus manager (tabster) adds `<i data-tabster-dummy aria-hidden="true"
 * tabindex="0">` sentinels that move focus on at once, which axe reports as
 * `aria-hidden-focus` (microsoft/tabster#288; Accessibility Insights suppresses
 * the same nodes). Any other node failing that rule still fails the scan.
 */
export async function seriousViolations(page: Page, selector = "body"): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  // Evaluated through the DevTools protocol, not added as a <script>: the page's
  // Content-Security-Policy rightly refuses inline script.
  if (!loaded) await page.evaluate(readFileSync(AXE_PATH, "utf8"));
  return page.evaluate(async (sel) => {
    type Node = { target: unknown[]; html: string };
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: Node[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
    const res = await axe.run(sel, { resultTypes: ["violations"] });
    const tabsterSentinel = (id: string, n: Node): boolean => id === "aria-hidden-focus" && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(n.html);
    return res.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.filter((n) => !tabsterSentinel(v.id, n)).map((n) => n.target.join(" ")) }))
      .filter((v) => v.targets.length > 0);
  }, selector);
}
