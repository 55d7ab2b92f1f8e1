/**
 * End to end in real headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core; no browser is ever downloaded) against the production
 * build of the browser preview, served from a temporary directory by a tiny
 * static server on a free port. The pane is shown at Excel's default task
 * pane width (350 px) and at 500 px. Each step saves a screenshot to
 * test-artifacts/e2e/NN-step.png (and the pane alone to
 * test-artifacts/e2e/guide/, the pictures of docs/guide.md), scans the whole
 * page with axe-core (no violations of any impact) and checks that nothing
 * overflows the pane sideways.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compareScenarios,
  compareSupportMethods,
  doNoHarm,
  errorMessage,
  formatMoney,
  runModel,
  type ScenarioInput,
} from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_SERVICES } from "../../src/samples";
import { axeViolations } from "./support/axe";
import { ROOT, buildInto } from "./support/build";
import { initialScripts } from "./support/bundle-size";
import { hasChromium, launchChromium, type Browser } from "./support/chromium";
import { readGrid } from "./support/grid";
import { codesWithoutNames, modelCodes } from "./support/codes";
import { interactiveOverlaps, paneOverflows } from "./support/overflow";
import { serveDirectory, type StaticServer } from "./support/static-server";

const ARTIFACTS = join(ROOT, "test-artifacts", "e2e");
const GUIDE = join(ARTIFACTS, "guide");
/** Excel's default task pane width, a narrower pane, and a wider one. */
const NARROW = 350;
const NARROWEST = 320;
const WIDE = 500;
const DIST = process.env.E2E_DIST ?? join(ROOT, "test-artifacts", "e2e-dist");
const sample = BRENT_LEWISHAM_SOUTHWARK;
const joins = (sample.model.scenarios ?? []).find((s) => s.name === "Lewisham Homes joins") as ScenarioInput;

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** The task pane (the preview's left column). */
function pane(): Locator {
  return page.locator("#task-pane");
}

/** Opens the preview with the pane `width` px wide (and any other query). */
async function openPreview(width: number, query = ""): Promise<void> {
  await page.goto(`${server.url}/preview.html?pane=${width}${query}`);
  await pane().getByRole("heading", { name: "Start", level: 2 }).waitFor();
}

/** The whole page has no axe violations, nothing passes the pane's edge, and no two controls overlap. */
async function expectClean(what: string): Promise<void> {
  // Polled briefly: a state caught mid-transition (a button re-enabling) may fail once, then settle.
  await expect.poll(() => axeViolations(page), { message: `axe: ${what}`, timeout: 3000 }).toEqual([]);
  expect(await paneOverflows(page), `overflow: ${what}`).toEqual([]);
  expect(await interactiveOverlaps(page), `overlap: ${what}`).toEqual([]);
}

/** The sample's partner ids, line refs and basis ids, each only ever shown with its name. */
const CODES = modelCodes(sample.model);

/** {@link expectClean}, and no code of the sample shown without its name. */
async function expectNamed(what: string): Promise<void> {
  await expectClean(what);
  expect(await codesWithoutNames(page, CODES), `codes without names: ${what}`).toEqual([]);
}

/** What has keyboard focus: role (or tag) and accessible text, or "body". */
function focused(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const labels = (el as HTMLSelectElement).labels;
    const name = el.getAttribute("aria-label") ?? (el.tagName === "SELECT" && labels?.[0] ? labels[0].textContent : el.textContent) ?? "";
    return `${el.getAttribute("role") ?? el.tagName.toLowerCase()}: ${name.trim()}`;
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches, failing after `max` presses or if focus ever falls to <body>. */
async function tabTo(pattern: RegExp, { back = false, max = 40 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const now = await focused();
    if (pattern.test(now)) return;
    expect(now, `Tab ${i + 1} towards ${pattern}`).not.toBe("body");
  }
  throw new Error(`Tab never reached ${pattern} (last: ${await focused()})`);
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
  const file = `${String(n).padStart(2, "0")}-${name}.png`;
  await page.screenshot({ path: join(ARTIFACTS, file), fullPage });
  if (fullPage) await pane().screenshot({ path: join(GUIDE, file) });
  await expectClean(`step ${n} (${name})`);
}

/**
 * The task pane's initial load budget, gzipped (office.js from the CDN excluded): issue #30's 200 KB. The pane loaded
 * 202,136 B when sheet writing, the engine's run and the samples moved to chunks loaded on first use (255,766 B
 * before), and 197,297 B once reading a model (the input readers and the validation they reach) loaded on the first
 * read too, with agreement versions added; about 201 KB with monitoring, exits and disputes merged (the session reaches
 * the exit rules through the engine it is given, so they stay out of the first load). Anything larger loads lazily
 * (React.lazy or import()).
 */
const INITIAL_LOAD_BUDGET = 200 * 1024;

beforeAll(() => {
  mkdirSync(GUIDE, { recursive: true });
  // E2E_DIST names a build already made (`webpack --env devUrl --output-path …`), for a machine too busy to build within the time.
  if (process.env.E2E_DIST === undefined) buildInto(DIST);
}, 300_000);

describe("production build", () => {
  it("keeps the task pane's initial load within 200 KB gzipped", () => {
    const scripts = initialScripts(DIST, "taskpane.html");
    const total = scripts.reduce((a, s) => a + s.gzipped, 0);
    const report = [
      ...scripts.map((s) => `${s.file}\t${s.bytes} B\t${s.gzipped} B gzipped`),
      `total\t\t${total} B gzipped (budget ${INITIAL_LOAD_BUDGET} B)`,
    ].join("\n");
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
    await openPreview(NARROW);
    await pane()
      .getByText(/This workbook has a model/)
      .waitFor();
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
    await pane()
      .getByRole("combobox", { name: /New model/ })
      .selectOption({ label: sample.title });
    await pane().getByRole("button", { name: "Create model" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Replace the input sheets?" });
    await dialog.waitFor();
    // The safe answer has the focus: Enter must not replace the user's sheets.
    expect(await focused()).toBe("button: Cancel");
    // Escape cancels too, and focus goes back to the button that asked.
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(focused).toBe("button: Create model");
    await pane().getByRole("button", { name: "Create model" }).click();
    await dialog.waitFor();
    // The modal's backdrop is fixed to the viewport: a viewport screenshot shows the page behind it.
    await step(2, "confirm-replace", false);
    await dialog.getByRole("button", { name: "Replace them" }).click();
    await pane().getByText(`Created the model "${sample.title}"`).waitFor();
    // Focus lands on the outcome, not on <body>.
    await expect.poll(focused).toMatch(/Created the model/);
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
    await expect.poll(focused).toMatch(/Preview: nothing written yet/);
    expect(await sheetTab("Summary").count()).toBe(0);
    const run = runModel(sample.model);
    if (!run.ok) throw new Error(run.errors.map(errorMessage).join("\n"));
    await expect
      .poll(() =>
        pane()
          .getByText(`${formatMoney(run.value.result.balance.totalIn)} to share`, { exact: false })
          .count(),
      )
      .toBe(1);
    await step(5, "run-preview");

    await pane().getByRole("button", { name: "Write to workbook" }).click();
    await pane().getByText("Results written").waitFor();
    await expect.poll(focused).toMatch(/Results written/);
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

  it("04b draws the Charts sheet's charts as SVG: one per chart, named by its title, with columns to scale", async () => {
    await sheetTab("Charts").click();
    await page.locator('table[data-sheet="Charts"]').waitFor();
    const charts = page.getByRole("region", { name: "Charts on Charts" }).getByRole("img");
    const titles = [
      "All partners: capital and revenue charges by partner and year",
      "All partners: one-off and ongoing charges by year",
      ...sample.model.partners.map((p) => `${p.name}: capital and revenue charges by year`),
    ];
    await expect.poll(() => charts.count()).toBe(titles.length);
    for (const [i, title] of titles.entries()) {
      const chart = charts.nth(i);
      expect(await chart.getAttribute("aria-labelledby")).toBeTruthy();
      await expect.poll(() => chart.evaluate((el) => el.querySelector("title")?.textContent)).toBe(title);
      expect(await chart.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent)).toMatch(
        /column chart of (Capital \(£\) and Revenue \(£\)|One-off \(£\) and Ongoing \(£\)) for \d+ categor/,
      );
    }
    // Columns are drawn: the tallest is as tall as the largest figure says, relative to the others.
    const run = runModel(sample.model);
    if (!run.ok) throw new Error(run.errors.map(errorMessage).join("\n"));
    const first = sample.model.partners[0]!;
    const heights = await charts.nth(2).evaluate((el) =>
      [...el.querySelectorAll("rect[data-series]")].map((r) => ({
        series: r.getAttribute("data-series"),
        h: Number(r.getAttribute("height")),
      })),
    );
    const revenue = (y: number): number =>
      run.value.rows.filter((r) => r.partner === first.id && r.year === y && r.category === "revenue").reduce((a, r) => a + r.amount, 0);
    const years = [...new Set(run.value.rows.map((r) => r.year))].sort();
    const drawn = heights.filter((b) => b.series === "1").map((b) => b.h);
    expect(drawn).toHaveLength(years.length);
    const ratio = (drawn[1] ?? 0) / (drawn[0] ?? 1);
    expect(Math.abs(ratio - revenue(years[1]!) / revenue(years[0]!))).toBeLessThan(0.01);
    await page.screenshot({ path: join(ARTIFACTS, "06b-charts.png"), fullPage: true });
    await expectClean("the Charts sheet's charts");
  });

  it("05 opens the budget view", async () => {
    await openScreen("Budget");
    await pane().getByRole("heading", { name: "Budget", level: 2 }).waitFor();
    await pane()
      .getByRole("table", { name: /Recharge against budget: London Borough of Brent/ })
      .waitFor();
    expect(
      await pane()
        .getByText(/^(On budget|Within tolerance \((over|under)\)|Over budget|Under budget|No budget)$/)
        .count(),
    ).toBeGreaterThan(0);
    await step(7, "budget");
  });

  it("05b writes a partner's recharge statement sheet from the Budget screen, and the Committee summary is written", async () => {
    expect(await sheetTab("Committee summary").count()).toBe(1);
    await pane().getByRole("combobox", { name: "Statement for" }).selectOption({ label: "London Borough of Lewisham (LEW)" });
    await pane().getByRole("button", { name: "Write statement sheet" }).click();
    await pane().getByText("Wrote Statement \u2013 LEW.").waitFor();
    expect(await sheetTab("Statement \u2013 LEW").count()).toBe(1);
    await pane().getByRole("heading", { name: "Partner statements" }).scrollIntoViewIfNeeded();
    await step(14, "budget-statement", false);
    await pane().screenshot({ path: join(GUIDE, "14-budget-statement.png") });
  });

  it("05c offers to replace =SHARED formulas with values on the Run screen (the preview says it is done in Excel)", async () => {
    await openScreen("Run");
    await pane().getByRole("button", { name: "Replace =SHARED formulas with values…" }).click();
    await pane().getByText("Nothing was replaced").waitFor();
    await pane().getByRole("heading", { name: "Send without the add-in" }).scrollIntoViewIfNeeded();
    await step(15, "run-send-without-add-in", false);
    await pane().screenshot({ path: join(GUIDE, "15-run-send-without-add-in.png") });
  });

  it("06 compares “Lewisham Homes joins” with the base and shows the do-no-harm result", async () => {
    await openScreen("Scenarios");
    await pane().getByRole("combobox", { name: "Compare" }).selectOption({ label: "Base model" });
    await pane().getByRole("combobox", { name: "With" }).selectOption({ label: joins.name });
    await pane().getByRole("button", { name: "Compare", exact: true }).click();
    const harm = doNoHarm(sample.model, joins);
    const comparison = compareScenarios(sample.model, null, joins);
    if (!harm.ok || !comparison.ok) throw new Error("engine failed");
    await pane()
      .getByText(`${harm.value.passed ? "Do no harm: passed" : "Do no harm: failed"} (${joins.name})`)
      .waitFor();
    const lewisham = pane().getByRole("table", { name: "Base against Lewisham Homes joins: London Borough of Lewisham (LEW)" });
    const first = comparison.value.rows.find((r) => r.partner === "LEW");
    expect(await lewisham.getByRole("row").nth(1).textContent()).toContain(formatMoney(first?.to ?? 0));
    await step(8, "compare-do-no-harm");
    // Every scenario side by side with the base.
    await pane().getByRole("button", { name: "Compare every scenario with the base" }).click();
    await pane()
      .getByText(/^Do no harm: (passed|failed)/)
      .nth(1)
      .waitFor();
    await expectClean("every scenario side by side");
  });

  it("06b edits a scenario: the change fields (a long basis drop-down included) fit the pane", async () => {
    await pane()
      .getByRole("button", { name: `Edit ${joins.name}` })
      .click();
    await pane().getByRole("combobox", { name: "Kind of change" }).selectOption({ label: "Change a basis" });
    await pane().getByRole("button", { name: /^Add/ }).click();
    await pane().getByRole("combobox", { name: "New basis" }).last().waitFor();
    await expectNamed("scenario editor");
    await pane().screenshot({ path: join(GUIDE, "16-scenario-editor.png") });
    await pane().getByRole("button", { name: "Cancel", exact: true }).click();
  });

  it("07 explains a charge selected on the Allocations sheet", async () => {
    await openScreen("Explain");
    await sheetTab("Allocations").click();
    // J3: the first partner's charge on the first line-year (partner names in row 1, headers in row 2; nine fixed columns).
    await page.locator('table[data-sheet="Allocations"] td[data-address="J3"]').click();
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
    await expectClean("Explain: the exact figures");
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
    const problem = pane()
      .getByRole("list", { name: "Problems" })
      .getByRole("button", { name: new RegExp(`^Costs!${address}`) });
    await problem.waitFor();
    expect(await pane().getByRole("button", { name: "Run" }).isDisabled()).toBe(true);
    await problem.click();
    await expect.poll(() => page.getByRole("textbox", { name: `Cell Costs!${address}` }).count()).toBe(1);
    await step(10, "problem-selected");
    expect(pageErrors).toEqual([]);
  });

  it("09 shows the pane in the dark theme (as in a dark Office theme)", async () => {
    await openPreview(NARROW, "&theme=dark");
    await openScreen("Run");
    await pane().getByRole("button", { name: "Calculate" }).click();
    await pane().getByRole("button", { name: "Write to workbook" }).waitFor();
    const background = await pane()
      .locator(".fui-FluentProvider")
      .first()
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await step(11, "dark-theme-run-preview");
    expect(pageErrors).toEqual([]);
  });

  for (const width of [NARROWEST, NARROW, WIDE]) {
    it(`10 walks every screen, dialog and the scenario editor at ${width} px: fits, nothing overlaps, axe clean, codes named`, async () => {
      await openPreview(width);
      await expectNamed(`Start at ${width} px`);
      await pane().getByRole("button", { name: "Create model" }).click();
      await page.getByRole("alertdialog", { name: "Replace the input sheets?" }).waitFor();
      await expectClean(`the replace dialog at ${width} px`);
      await page.keyboard.press("Escape");
      await openScreen("Check");
      await pane().getByText("No problems").waitFor();
      await expectNamed(`Check at ${width} px`);
      await openScreen("Run");
      await expectNamed(`Run before calculating at ${width} px`);
      await pane().getByRole("button", { name: "Calculate" }).click();
      await pane().getByRole("button", { name: "Write to workbook" }).waitFor();
      await expectNamed(`Run: preview at ${width} px`);
      await pane().getByRole("button", { name: "Write to workbook" }).click();
      await pane().getByText("Results written").waitFor();
      await expectNamed(`Run: written at ${width} px`);
      await openScreen("Budget");
      await pane().getByRole("table").first().waitFor();
      await expectNamed(`Budget at ${width} px`);
      await pane().getByRole("combobox", { name: "Budget line" }).selectOption({ index: 1 });
      await expectNamed(`Budget: a budget line explained at ${width} px`);
      await openScreen("Scenarios");
      await pane().getByRole("combobox", { name: "With" }).selectOption({ label: joins.name });
      await pane().getByRole("button", { name: "Compare", exact: true }).click();
      await pane()
        .getByText(/^Do no harm: (passed|failed)/)
        .first()
        .waitFor();
      await expectNamed(`Scenarios: comparison at ${width} px`);
      await pane().getByRole("button", { name: "Compare every scenario with the base" }).click();
      await pane()
        .getByRole("region", { name: /^Every scenario side by side: / })
        .first()
        .waitFor();
      await expectNamed(`Scenarios: every scenario side by side at ${width} px`);
      await pane()
        .getByRole("button", { name: `Edit ${joins.name}` })
        .click();
      await pane().getByRole("heading", { name: "Edit scenario" }).waitFor();
      await expectNamed(`the scenario editor (${joins.name}) at ${width} px`);
      await pane().getByRole("button", { name: "Cancel", exact: true }).click();
      await pane().getByRole("button", { name: "New scenario" }).click();
      await pane().getByRole("heading", { name: "New scenario" }).waitFor();
      const kinds = pane().getByRole("combobox", { name: "Kind of change" });
      for (const label of await kinds.locator("option").allTextContents()) {
        await kinds.selectOption({ label });
        await pane().getByRole("button", { name: "Add change" }).click();
      }
      await expectClean(`the scenario editor with every kind of change at ${width} px`);
      await pane().getByRole("button", { name: "Cancel", exact: true }).click();
      await pane()
        .getByRole("button", { name: `Delete ${joins.name}` })
        .click();
      await page.getByRole("alertdialog", { name: /^Delete the scenario/ }).waitFor();
      await expectClean(`the delete dialog at ${width} px`);
      await page.keyboard.press("Escape");
      await openScreen("Explain");
      await sheetTab("Allocations").click();
      await page.locator('table[data-sheet="Allocations"] td[data-address="J3"]').click();
      const card = pane().getByRole("group", { name: /^How .* charge for .* was derived$/ });
      await card.waitFor();
      await expectNamed(`Explain at ${width} px`);
      await card.getByRole("button", { name: "Show the exact figures" }).click();
      await expectNamed(`Explain: exact figures at ${width} px`);
      await openScreen("Support");
      await expectNamed(`Support at ${width} px`);
      expect(pageErrors).toEqual([]);
    }, 120_000);
  }

  it("11 does the whole flow by keyboard alone: Start → Check → Run → Budget → Scenarios → Explain", async () => {
    await openPreview(NARROW);
    await pane()
      .getByText(/This workbook has a model/)
      .waitFor();
    const kb = page.keyboard;
    // Start: the first Tab reaches the screen tabs, the next the screen's first button.
    await tabTo(/^tab: Start$/);
    await tabTo(/^button: Open the model in this workbook$/);
    await kb.press("Enter");
    // Opening the model goes on to Check, with focus on its heading.
    await expect.poll(focused).toBe("h2: Check the model");
    await pane().getByText("No problems").waitFor();
    await tabTo(/^button: Run$/);
    await kb.press("Enter");
    await expect.poll(focused).toBe("h2: Run");
    await tabTo(/^button: Calculate$/);
    await kb.press("Enter");
    await expect.poll(focused).toMatch(/Preview: nothing written yet/);
    await tabTo(/^button: Write to workbook$/);
    await kb.press("Enter");
    await expect.poll(focused).toMatch(/Results written/);
    // Budget: back to the tabs, arrow along, Enter.
    await tabTo(/^tab: Run$/, { back: true });
    await kb.press("ArrowRight");
    expect(await focused()).toBe("tab: Budget");
    await kb.press("Enter");
    await pane()
      .getByRole("table", { name: /Recharge against budget/ })
      .first()
      .waitFor();
    await tabTo(/^select: Partner$/);
    // Scenarios: compare the base with "Lewisham Homes joins" (arrow keys choose in a drop-down).
    await tabTo(/^tab: Budget$/, { back: true });
    await kb.press("ArrowRight");
    await kb.press("Enter");
    await pane().getByRole("heading", { name: "Scenarios", level: 2 }).waitFor();
    const withBox = pane().getByRole("combobox", { name: "With" });
    await tabTo(/^select: With$/);
    while ((await withBox.inputValue()) !== joins.name) {
      expect(await withBox.evaluate((e) => e === document.activeElement)).toBe(true);
      const before = await withBox.inputValue();
      await kb.press("ArrowDown");
      expect(await withBox.inputValue(), "ArrowDown moves to the next choice").not.toBe(before);
    }
    await tabTo(/^button: Compare$/);
    await kb.press("Enter");
    await pane()
      .getByText(/^Do no harm: (passed|failed)/)
      .waitFor();
    expect(await focused()).toBe("button: Compare");
    // Including the comparison in the next run keeps focus on the button (now saying it is included).
    await tabTo(/^button: Include this comparison in the next run$/);
    await kb.press("Enter");
    await expect.poll(focused).toBe("button: This comparison is in the next run");
    // Edit opens the editor with focus on its heading; Cancel goes back to the Edit button.
    await tabTo(new RegExp(`^button: Edit ${joins.name}$`), { back: true });
    await kb.press("Enter");
    await expect.poll(focused).toBe("h3: Edit scenario");
    await tabTo(/^button: Cancel$/);
    await kb.press("Enter");
    await expect.poll(focused).toBe(`button: Edit ${joins.name}`);
    // Delete asks first (Cancel has the focus; Escape goes back to Delete), then focus goes to New scenario.
    await tabTo(new RegExp(`^button: Delete ${joins.name}$`));
    await kb.press("Enter");
    await expect.poll(focused).toBe("button: Cancel");
    await kb.press("Escape");
    await expect.poll(focused).toBe(`button: Delete ${joins.name}`);
    await kb.press("Enter");
    await expect.poll(focused).toBe("button: Cancel");
    await kb.press("Shift+Tab");
    expect(await focused()).toBe("button: Delete it");
    await kb.press("Enter");
    await expect.poll(focused).toBe("button: New scenario");
    expect(
      await pane()
        .getByRole("button", { name: `Edit ${joins.name}` })
        .count(),
    ).toBe(0);
    // Explain: the charges behind a total, chosen and opened from the pane.
    await tabTo(/^tab: Scenarios$/, { back: true });
    await kb.press("ArrowRight");
    await kb.press("Enter");
    await pane().getByRole("heading", { level: 2, name: "Explain a charge" }).waitFor();
    await tabTo(/^select: Partner$/);
    await kb.press("ArrowDown");
    await tabTo(/^select: Year$/);
    await kb.press("ArrowDown");
    const list = pane().getByRole("list", { name: /^Charges behind / });
    await list.waitFor();
    await tabTo(/^button: Explain /);
    await kb.press("Enter");
    await list.getByRole("group", { name: /^How .* was derived$/ }).waitFor();
    expect(await focused()).toMatch(/^button: Hide how /);
    await step(12, "explain-a-total");
    expect(pageErrors).toEqual([]);
  });

  it("12 the 10,000-line synthetic model: progress shows, Cancel stops the run, the pane keeps answering", async () => {
    await openPreview(NARROW, "&sample=synthetic-10000");
    await pane()
      .getByText(/This workbook has a model/)
      .waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
      }).observe({ type: "longtask" });
    });
    const longTasks = (): Promise<number[]> => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    await openScreen("Run");
    await longTasks();
    // Progress: every step's label is shown (recorded as it appears, the page being busy in between).
    await page.evaluate(() => {
      const w = window as unknown as { progress: string[] };
      w.progress = [];
      const pane = document.getElementById("task-pane") as HTMLElement;
      new MutationObserver(() => {
        const bar = pane.querySelector('[role="progressbar"]');
        const label = bar?.closest(".fui-Field")?.querySelector("label")?.textContent ?? "";
        if (bar && label !== "" && w.progress.at(-1) !== label) w.progress.push(label);
      }).observe(pane, { childList: true, subtree: true, characterData: true });
    });
    // Cancel as soon as it can be pressed (on a busy machine the calculation may finish first: its preview is then
    // discarded, the same outcome): nothing is written.
    await pane().getByRole("button", { name: "Calculate" }).click();
    await pane()
      .getByRole("button", { name: /^(Cancel|Discard the preview)$/ })
      .click();
    await pane().getByText("Cancelled before anything was written").waitFor();
    expect(await sheetTab("Summary").count()).toBe(0);
    const progress = await page.evaluate(() => (window as unknown as { progress: string[] }).progress);
    expect(progress[0]).toBe("Reading the model from the workbook…");
    // A whole run and write, with the moments the page did not answer (long tasks) written to
    // test-artifacts/e2e/responsiveness.txt: measured, never asserted.
    await longTasks();
    await pane().getByRole("button", { name: "Calculate" }).click();
    await pane().getByRole("button", { name: "Write to workbook" }).waitFor({ timeout: 60_000 });
    const calculating = await longTasks();
    const steps = await page.evaluate(() => (window as unknown as { progress: string[] }).progress);
    expect(
      steps.some((l) => /^Step \d+ of \d+: /.test(l)),
      steps.join(" / "),
    ).toBe(true);
    await pane().getByRole("button", { name: "Write to workbook" }).click();
    await pane().getByText("Results written").waitFor({ timeout: 120_000 });
    const writing = await longTasks();
    const text = (xs: number[]): string => (xs.length === 0 ? "none" : `${xs.length}, longest ${Math.max(...xs)} ms`);
    const report = [
      "10,000-line synthetic model, long tasks (> 50 ms) in the preview",
      `calculate: ${text(calculating)}`,
      `write: ${text(writing)}`,
    ];
    writeFileSync(join(ARTIFACTS, "responsiveness.txt"), `${report.join("\n")}\n`);
    expect(await sheetTab("Summary").count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it("13 East Kent Services: the support flows and the three methods side by side", async () => {
    await openPreview(NARROW, "&sample=east-kent-services");
    await pane().getByRole("button", { name: "Open the model in this workbook" }).click();
    await pane().getByText("No problems").waitFor();
    await openScreen("Support");
    await pane().getByRole("heading", { name: "Support services", level: 2 }).waitFor();
    await pane().getByRole("combobox", { name: "Year and category" }).selectOption({ label: "2023/24 revenue" });
    const ict = pane().getByRole("table", { name: "Support services in 2023/24, revenue: where ICT service's cost went" });
    await ict.waitFor();
    expect(await ict.textContent()).toContain("HR (service)");
    // The methods side by side, each figure the engine's.
    const methods = compareSupportMethods(EAST_KENT_SERVICES.model);
    const table = pane().getByRole("table", { name: "Support charges by method, all years" });
    const ccc = methods?.rows.find((r) => r.partner === "CCC");
    const text = await table.textContent();
    const [direct = 0, , reciprocal = 0] = (ccc?.amounts ?? []).map((a) => a ?? 0);
    expect(text).toContain(formatMoney(reciprocal));
    expect(text).toContain(`${direct > reciprocal ? "+" : ""}${formatMoney(direct - reciprocal)}`);
    await step(13, "support");
    expect(pageErrors).toEqual([]);
  });
});
