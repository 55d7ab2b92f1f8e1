/**
 * End to end in real headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core; no browser is ever downloaded) against the production
 * build of the browser preview, served from a temporary directory by a tiny
 * static server on a free port. Each step saves a screenshot to
 * test-artifacts/e2e/NN-step.png and runs an axe-core scan (no serious or
 * critical violations).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareScenarios, doNoHarm, errorMessage, formatMoney, runModel, type ScenarioInput } from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { seriousViolations } from "./support/axe";
import { ROOT, buildInto } from "./support/build";
import { initialScripts } from "./support/bundle-size";
import { hasChromium, launchChromium, type Browser } from "./support/chromium";
import { readGrid } from "./support/grid";
import { serveDirectory, type StaticServer } from "./support/static-server";

const ARTIFACTS = join(ROOT, "test-artifacts", "e2e");
const DIST = join(ROOT, "test-artifacts", "e2e-dist");
const sample = BRENT_LEWISHAM_SOUTHWARK;
const joins = (sample.model.scenarios ?? []).find((s) => s.name === "Lewisham Homes joins") as ScenarioInput;

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** The task pane (the preview's left column). */
function pane(): Locator {
  return page.getByRole("complementary", { name: "Task pane" });
}

/** The sheet tabs of the in-memory workbook. */
function sheetTab(name: string): Locator {
  return page.getByRole("navigation", { name: "Sheets" }).getByRole("tab", { name, exact: true });
}

async function openScreen(name: string): Promise<void> {
  await pane().getByRole("tab", { name, exact: true }).click();
  await pane().getByRole("tabpanel", { name }).waitFor();
}

async function step(n: number, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${String(n).padStart(2, "0")}-${name}.png`), fullPage });
  const violations = await seriousViolations(page);
  expect(violations, `axe on step ${n} (${name})`).toEqual([]);
}

/** The task pane's initial load budget, gzipped (office.js from the CDN excluded). */
const INITIAL_LOAD_BUDGET = 250 * 1024;

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildInto(DIST);
}, 300_000);

describe("production build", () => {
  it("keeps the task pane's initial load within 250 KB gzipped", () => {
    const scripts = initialScripts(DIST, "taskpane.html");
    const total = scripts.reduce((a, s) => a + s.gzipped, 0);
    const report = [...scripts.map((s) => `${s.file}\t${s.bytes} B\t${s.gzipped} B gzipped`), `total\t\t${total} B gzipped (budget ${INITIAL_LOAD_BUDGET} B)`].join("\n");
    writeFileSync(join(ARTIFACTS, "bundle-size.txt"), `${report}\n`);
    expect(scripts.map((s) => s.file)).toContain("taskpane.js");
    expect(total, report).toBeLessThanOrEqual(INITIAL_LOAD_BUDGET);
  });
});

describe.skipIf(!hasChromium())("browser preview in Chromium", () => {
  beforeAll(async () => {
    server = await serveDirectory(DIST);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("01 opens the preview with a sample model loaded, reachable by keyboard", async () => {
    await page.goto(`${server.url}/preview.html`);
    await pane().getByRole("heading", { name: "Start", level: 2 }).waitFor();
    await pane().getByText(/This workbook has a model/).waitFor();
    expect(await sheetTab("Costs").count()).toBe(1);
    // Keyboard: Tab reaches the screen tabs; arrows move between them; Enter opens one.
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain("Check");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await pane().getByRole("heading", { name: "Start", level: 2 }).waitFor();
    await step(1, "start");
  });

  it("02 creates the Brent/Lewisham/Southwark sample (confirming the replacement of the preloaded one)", async () => {
    await pane().getByRole("combobox", { name: /New model/ }).selectOption({ label: sample.title });
    await pane().getByRole("button", { name: "Create model" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Replace the input sheets?" });
    await dialog.waitFor();
    // The modal's backdrop is fixed to the viewport: a viewport screenshot shows the page behind it.
    await step(2, "confirm-replace", false);
    await dialog.getByRole("button", { name: "Replace them" }).click();
    await pane().getByText(`Created the model "${sample.title}"`).waitFor();
    await sheetTab("Costs").click();
    await page.locator('table[data-sheet="Costs"]').waitFor();
    await step(3, "sample-created");
  });

  it("03 checks the model: no problems", async () => {
    await openScreen("Check");
    await pane().getByText("No problems").waitFor();
    expect(await pane().getByRole("button", { name: "Run" }).isEnabled()).toBe(true);
    await step(4, "check-clean");
  });

  it("04 runs: previews the totals, writes them, and the Summary sheet shows the engine's totals", async () => {
    await openScreen("Run");
    await pane().getByRole("button", { name: "Calculate" }).click();
    await pane().getByRole("button", { name: "Write to workbook" }).waitFor();
    expect(await sheetTab("Summary").count()).toBe(0);
    const run = runModel(sample.model);
    if (!run.ok) throw new Error(run.errors.map(errorMessage).join("\n"));
    await expect.poll(() => pane().getByText(`${formatMoney(run.value.result.balance.totalIn)} to share`, { exact: false }).count()).toBe(1);
    await step(5, "run-preview");

    await pane().getByRole("button", { name: "Write to workbook" }).click();
    await pane().getByText("Results written").waitFor();
    await sheetTab("Summary").click();
    await page.locator('table[data-sheet="Summary"]').waitFor();
    const grid = await readGrid(page, "Summary");
    for (const p of sample.model.partners) {
      const total = run.value.rows.filter((r) => r.partner === p.id).reduce((a, r) => a + r.amount, 0);
      const row = grid.find((r) => r[0] === p.id && r[2] === "All years");
      expect(row, `Summary row for ${p.id}, all years`).toBeDefined();
      expect(row?.[9]).toBe(formatMoney(total));
    }
    await step(6, "run-written");
  });

  it("05 opens the budget view", async () => {
    await openScreen("Budget");
    await pane().getByRole("heading", { name: "Budget", level: 2 }).waitFor();
    await pane().getByRole("table", { name: /Recharge against budget: London Borough of Brent/ }).waitFor();
    expect(await pane().getByText(/^(On budget|Within tolerance \((over|under)\)|Over budget|Under budget|No budget)$/).count()).toBeGreaterThan(0);
    await step(7, "budget");
  });

  it("06 compares “Lewisham Homes joins” with the base and shows the do-no-harm result", async () => {
    await openScreen("Scenarios");
    await pane().getByRole("combobox", { name: "Compare" }).selectOption({ label: "Base model" });
    await pane().getByRole("combobox", { name: "With" }).selectOption({ label: joins.name });
    await pane().getByRole("button", { name: "Compare", exact: true }).click();
    const harm = doNoHarm(sample.model, joins);
    const comparison = compareScenarios(sample.model, null, joins);
    if (!harm.ok || !comparison.ok) throw new Error("engine failed");
    await pane().getByText(harm.value.passed ? "Do no harm: passed" : "Do no harm: failed").waitFor();
    const lewisham = pane().getByRole("table", { name: "Base against Lewisham Homes joins: London Borough of Lewisham (LEW)" });
    const first = comparison.value.rows.find((r) => r.partner === "LEW");
    expect(await lewisham.getByRole("row").nth(1).textContent()).toContain(formatMoney(first?.to ?? 0));
    await step(8, "compare-do-no-harm");
  });

  it("07 explains a charge selected on the Allocations sheet", async () => {
    await openScreen("Explain");
    await sheetTab("Allocations").click();
    // I3: the first partner's charge on the first line-year (partner names in row 1, headers in row 2).
    await page.locator('table[data-sheet="Allocations"] td[data-address="I3"]').click();
    const card = pane().getByRole("group", { name: /^How .* charge for .* was derived$/ });
    await card.waitFor();
    // Plain words first: each driver as a share, the charge to the penny, rounding in pence.
    expect(await card.textContent()).toMatch(/[\d,]+ of [\d,]+ .+ = \d+\.\d\d%/);
    expect(await card.textContent()).toMatch(/Charged£[\d,]+\.\d\d/);
    expect(await card.textContent()).toMatch(/Rounding[+-]\d+\.\d\dp/);
    await step(9, "explain");
    // The exact figures one click away.
    await card.getByRole("button", { name: "Show the exact figures" }).click();
    expect(await card.textContent()).toMatch(/Exact share£[\d,]+\.\d+/);
    expect(await card.textContent()).toMatch(/Rounding adjustment[+-]£0\.\d+/);
  });

  it("08 breaks an input, lists the problem, and clicking it selects the cell", async () => {
    await sheetTab("Costs").click();
    const grid = await readGrid(page, "Costs");
    const header = grid[0] ?? [];
    const amountCol = header.findIndex((h) => h.startsWith("Amount"));
    const letter = String.fromCharCode(65 + amountCol);
    const address = `${letter}3`;
    await page.locator(`table[data-sheet="Costs"] td[data-address="${address}"]`).click();
    const editor = page.getByRole("textbox", { name: `Cell Costs!${address}` });
    await editor.fill("twelve pounds");
    await page.getByRole("button", { name: "Set value" }).click();
    await expect.poll(async () => (await readGrid(page, "Costs"))[2]?.[amountCol]).toBe("twelve pounds");
    // Move the selection away so the click on the problem visibly brings it back.
    await page.locator('table[data-sheet="Costs"] td[data-address="A1"]').click();

    await openScreen("Check");
    await pane().getByRole("button", { name: "Check again" }).click();
    const problem = pane().getByRole("list", { name: "Problems" }).getByRole("button", { name: new RegExp(`^Costs!${address}`) });
    await problem.waitFor();
    expect(await pane().getByRole("button", { name: "Run" }).isDisabled()).toBe(true);
    await problem.click();
    await expect.poll(() => page.getByRole("textbox", { name: `Cell Costs!${address}` }).count()).toBe(1);
    await step(10, "problem-selected");
    expect(pageErrors).toEqual([]);
  });

  it("09 shows the pane in the dark theme (as in a dark Office theme)", async () => {
    await page.goto(`${server.url}/preview.html?theme=dark`);
    await openScreen("Run");
    await pane().getByRole("button", { name: "Calculate" }).click();
    await pane().getByRole("button", { name: "Write to workbook" }).waitFor();
    const background = await pane().locator(".fui-FluentProvider").first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await step(11, "dark-theme-run-preview");
    expect(pageErrors).toEqual([]);
  });
});
