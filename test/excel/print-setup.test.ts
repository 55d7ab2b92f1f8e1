import { describe, expect, it } from "vitest";
import { recordRun, runWorkbook } from "../../src/app";
import { a1Range } from "../../src/excel/layout/address";
import { FOOTER_LIMIT, FOOTER_SECTION, PAGE_OF_PAGES, withPrintFooter } from "../../src/excel/layout/outputs/common";
import { OUTPUT_SHEETS } from "../../src/excel/layout/names";
import type { RunOutputs } from "../../src/excel/layout/outputs";
import { SAMPLES, sampleById } from "../../src/samples";
import { memoryHarness, officeHarness, type PortHarness } from "../support/port-harness";

const NOW = new Date("2026-12-01T14:03:00Z");
const OUTPUT_NAMES = new Set<string>(Object.values(OUTPUT_SHEETS));

/** Creates a sample in a harness, runs it and writes its outputs as the add-in does. */
async function runSample(h: PortHarness, id: string, withTitle = true): Promise<RunOutputs> {
  const sample = sampleById(id)!;
  expect((await h.port.createModel(sample.model, { notes: sample.notes, ...(withTitle ? { title: sample.title } : {}) })).ok).toBe(true);
  const run = await runWorkbook(h.port);
  if (!run.ok) throw new Error("run failed");
  const outputs = recordRun(run.session, run.outputs, run.warnings.length, { by: "Test", now: NOW });
  const written = await h.port.writeOutputs(outputs);
  expect(written.ok).toBe(true);
  return outputs;
}

describe("output sheets print ready (A4 landscape, one page wide, titles, area, footer)", () => {
  it.each(SAMPLES.map((s) => s.id))("every output sheet of %s prints exactly what it holds, with its header rows repeated", async (id) => {
    const h = memoryHarness();
    await runSample(h, id);
    const wb = h.memory!;
    const outputs = wb.sheetNames().filter((n) => OUTPUT_NAMES.has(n));
    expect(outputs.length).toBeGreaterThanOrEqual(6);
    for (const name of outputs) {
      const view = wb.view(name)!;
      const p = view.print;
      expect(p, name).toBeDefined();
      if (p === undefined) continue;
      expect([p.paper, p.orientation, p.pagesWide], name).toEqual(["A4", "landscape", 1]);
      // The print area starts at A1 and covers every cell written (and every chart), no more.
      expect([p.area.row, p.area.col], name).toEqual([0, 0]);
      expect(p.area.rows, name).toBeGreaterThanOrEqual(view.rows);
      expect(p.area.cols, name).toBeGreaterThanOrEqual(view.cols);
      const chartRows = Math.max(0, ...view.charts.map((c) => c.to.row + 1));
      const chartCols = Math.max(0, ...view.charts.map((c) => c.to.col + 1));
      expect(p.area.rows, name).toBe(Math.max(view.rows, chartRows));
      expect(p.area.cols, name).toBe(Math.max(view.cols, chartCols));
      // The repeated rows are the rows frozen on screen: the title and the column headers.
      expect(p.titleRows, name).toEqual(view.freezeRows > 0 ? { row: 0, rows: view.freezeRows } : undefined);
      expect(p.footer.center).toBe("Page &P of &N");
      // The model's title, from the Settings table's Title row.
      expect(p.footer.left).toBe(sampleById(id)!.title.replace(/&/g, "&&"));
      expect(p.footer.right).toContain("\nRun 1 Dec 2026 14:03");
      expect(p.footer.right).toMatch(/^(Base model|Scenario ")/);
      expect(`&L${p.footer.left}&C${p.footer.center}&R${p.footer.right}`.length).toBeLessThanOrEqual(FOOTER_LIMIT);
    }
  });

  it("without a Title, names the partners in the footer when they fit in a third of the page, else counts them", async () => {
    const h = memoryHarness();
    await runSample(h, "onesource", false);
    const footer = h.memory!.view(OUTPUT_SHEETS.summary)!.print!.footer.left;
    const names = sampleById("onesource")!.model.partners.map((p) => p.name ?? p.id);
    const listed = `Shared costs: ${names.join(", ")}`;
    expect(footer).toBe(listed.length <= FOOTER_SECTION ? listed : `Shared costs of ${names.length} partners`);
    const long = memoryHarness();
    await runSample(long, "brent-lewisham-southwark", false);
    expect(long.memory!.view(OUTPUT_SHEETS.summary)!.print!.footer.left).toBe(
      `Shared costs of ${sampleById("brent-lewisham-southwark")!.model.partners.length} partners`,
    );
  });

  it("escapes & in the footer's text (a lone & starts a code in Excel) and shortens a title that would pass Excel's 255 characters", () => {
    const base = {
      name: "X",
      kind: "summary",
      role: "output" as const,
      blocks: [],
      tables: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
      freezeRows: 0,
      columnWidths: [],
    };
    const print = {
      paper: "A4" as const,
      orientation: "landscape" as const,
      sideMargin: 36,
      pagesWide: 1 as const,
      area: { row: 0, col: 0, rows: 1, cols: 1 },
      footer: { left: "", center: PAGE_OF_PAGES, right: "" },
    };
    const out = withPrintFooter({ ...base, print }, { title: "R&D and ICT", scenario: "Lewisham & Homes", when: "1 Dec 2026 14:03 UTC" });
    expect(out.print?.footer).toEqual({
      left: "R&&D and ICT",
      center: "Page &P of &N",
      right: 'Scenario "Lewisham && Homes"\nRun 1 Dec 2026 14:03 UTC',
    });
    const long = withPrintFooter({ ...base, print }, { title: "A & B ".repeat(80), scenario: undefined, when: "1 Dec 2026 14:03 UTC" });
    const f = long.print!.footer;
    expect(`&L${f.left}&C${f.center}&R${f.right}`.length).toBeLessThanOrEqual(FOOTER_LIMIT);
    expect(f.left.length).toBeLessThanOrEqual(FOOTER_SECTION);
    expect(f.left.endsWith("…")).toBe(true);
    // Every & of the title is still doubled after shortening (no lone & left to start a code).
    expect(f.left.replace(/&&/g, "")).not.toContain("&");
    expect(withPrintFooter(base, { title: "T", scenario: undefined, when: undefined })).toEqual(base);
  });

  it("the Office.js adapter sets the same page layout through Worksheet.pageLayout (ExcelApi 1.9)", async () => {
    const memory = memoryHarness();
    const office = officeHarness();
    await runSample(memory, "brent-lewisham-southwark");
    await runSample(office, "brent-lewisham-southwark");
    const doc = office.fake!.document;
    for (const name of memory.memory!.sheetNames().filter((n) => OUTPUT_NAMES.has(n))) {
      const spec = memory.memory!.view(name)!.print!;
      const layout = doc.sheet(name)!.pageLayout;
      expect(layout.paperSize, name).toBe("A4");
      expect(layout.orientation, name).toBe("Landscape");
      expect(layout.zoom, name).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(layout.printArea, name).toBe(a1Range(0, 0, spec.area.rows, spec.area.cols));
      expect(layout.printTitleRows, name).toBe(spec.titleRows === undefined ? undefined : `$1:$${spec.titleRows.rows}`);
      expect([layout.leftFooter, layout.centerFooter, layout.rightFooter], name).toEqual([
        spec.footer.left,
        spec.footer.center,
        spec.footer.right,
      ]);
      // Side margins in points (PageLayout.leftMargin/rightMargin), and the text laid out for paper: merged notes with their
      // rows' heights (Range.merge, RangeFormat.rowHeight), wrapped headers fitted (RangeFormat.autofitRows).
      expect([layout.leftMargin, layout.rightMargin], name).toEqual([spec.sideMargin, spec.sideMargin]);
      const text = memory.memory!.view(name)!.textLayout;
      const sheet = doc.sheet(name)!;
      expect(sheet.merges, name).toEqual((text?.merges ?? []).map((m) => a1Range(m.row, m.col, m.rows, m.cols)));
      for (const h of text?.rowHeights ?? []) expect(sheet.heights.get(h.row), `${name} row ${h.row + 1}`).toBe(h.height);
      expect(sheet.autofitted, name).toEqual((text?.wraps ?? []).map((w) => a1Range(w.row, w.col, w.rows, w.cols)));
    }
    // Each chart's labels and legend at 10 pt, its title at 12 pt (ChartAreaFormat.font, ChartTitleFormat.font).
    const charts = doc.sheet("Charts")!.charts;
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) expect([c.fontSize, c.titleSize], c.name).toEqual([10, 12]);
    // Input sheets keep Excel's defaults: the add-in sets printing only on its outputs.
    expect(doc.sheet("Costs")!.pageLayout.printArea).toBeUndefined();
  });
});

describe("paper: laid out to the page's width, headers and footers within Excel's limits", () => {
  it("a scenario name of 300 characters is shortened the same way every time, the footer and header within 255", () => {
    const base = {
      name: "S",
      kind: "summary",
      role: "output" as const,
      blocks: [],
      tables: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
      freezeRows: 0,
      columnWidths: [],
    };
    const print = {
      paper: "A4" as const,
      orientation: "portrait" as const,
      sideMargin: 36,
      pagesWide: 1 as const,
      area: { row: 0, col: 0, rows: 1, cols: 1 },
      footer: { left: "", center: PAGE_OF_PAGES, right: "" },
    };
    const scenario = "Lewisham Homes & partners join ".repeat(10);
    expect(scenario.length).toBe(310);
    const one = withPrintFooter({ ...base, print }, { title: "T", scenario, when: "1 Dec 2026 14:03 UTC", header: "H & ".repeat(100) });
    const two = withPrintFooter({ ...base, print }, { title: "T", scenario, when: "1 Dec 2026 14:03 UTC", header: "H & ".repeat(100) });
    const f = one.print!.footer;
    expect(`&L${f.left}&C${f.center}&R${f.right}`.length).toBeLessThanOrEqual(FOOTER_LIMIT);
    expect(`&C${one.print!.header ?? ""}`.length).toBeLessThanOrEqual(FOOTER_LIMIT);
    expect(f.right).toMatch(/^Scenario "Lewisham Homes && partners join .*…"\nRun 1 Dec 2026 14:03 UTC$/);
    expect(two.print).toEqual(one.print);
  });

  it("every sheet of the committee pack and every statement fits its page at full size in Excel (no shrinking to fit)", async () => {
    const { buildOutputSheets, PACK_KINDS } = await import("../../src/excel/layout/outputs");
    const { partnerStatementSheet } = await import("../../src/excel/layout/outputs/statement");
    const { widthOf } = await import("../../src/excel/layout/outputs/paper");
    const { PRINT_WIDTH } = await import("../../src/excel/layout/cells");
    for (const sample of SAMPLES) {
      const h = memoryHarness();
      const done = await runSample(h, sample.id);
      // Every sheet of the pack, the Budget check with a year-end settlement or stated totals included; Support flows, a
      // column of figures for every service and partner (twelve for East Kent Services, 862 pt), is still wider (89% in Excel).
      const pack = buildOutputSheets(done).filter((s) => PACK_KINDS.has(s.kind) && s.kind !== "supportFlows");
      const sheets = [...pack, ...[...new Set(done.run.rows.map((r) => r.partner))].map((p) => partnerStatementSheet(done, p))];
      for (const s of sheets) {
        const p = s.print!;
        const width = widthOf(s.columnWidths, 0, p.area.cols);
        expect(width, `${sample.id} ${s.name}`).toBeLessThanOrEqual(PRINT_WIDTH[p.orientation]);
      }
    }
  });
});
