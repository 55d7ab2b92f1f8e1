import { execFile } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { findSoffice } from "../../src/cli/pdf-command";
import { BUDGET_HEADERS } from "../../src/excel/layout/outputs/budget-check";
// The committee summary's headline table: the sample's years across, the total and both verdicts beside them.
const COMMITTEE_HEADERS = ["Partner", "Charges (£)", "2020/21", "2021/22", "2022/23", "Total", "Budget (£)", "Budget", "Do no harm"];
import { cli, tempDir } from "./helpers";

const run = promisify(execFile);
const TIMEOUT_MS = 300_000;
const NOW = new Date("2026-12-01T14:03:00Z");

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

/** Runs the command line with LibreOffice looked for by `soffice`. */
async function cliWith(
  args: readonly string[],
  soffice: () => string | undefined,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { isTTY: false, write: (s: string) => (stderr += s) },
    now: () => NOW,
    findSoffice: soffice,
  });
  return { code, stdout, stderr };
}

/**
 * Pixels of a binary PPM (P6) in the two series' fills (blue 2F5597 capital or one-off, orange ED7D31 revenue or
 * ongoing), in the left and right halves of the page.
 */
function seriesPixels(ppm: Buffer): Record<"left" | "right", { capital: number; revenue: number }> {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"));
  if (header === null) throw new Error("not a binary PPM");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  const near = (i: number, [r, g, b]: readonly number[]): boolean =>
    Math.abs(ppm[i]! - r!) < 24 && Math.abs(ppm[i + 1]! - g!) < 24 && Math.abs(ppm[i + 2]! - b!) < 24;
  const out = { left: { capital: 0, revenue: 0 }, right: { capital: 0, revenue: 0 } };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = start + 3 * (y * width + x);
      const half = x < width / 2 ? out.left : out.right;
      if (near(i, [0x2f, 0x55, 0x97])) half.capital++;
      else if (near(i, [0xed, 0x7d, 0x31])) half.revenue++;
    }
  return out;
}

const exists = async (path: string): Promise<boolean> => (await stat(path).catch(() => undefined)) !== undefined;

describe("finding LibreOffice", () => {
  it("finds an executable soffice on PATH, and nothing where there is none", async () => {
    const { chmod, mkdir, writeFile } = await import("node:fs/promises");
    const bin = t.file("bin");
    await mkdir(bin, { recursive: true });
    expect(findSoffice(bin, "linux")).toBeUndefined();
    await writeFile(`${bin}/soffice`, "#!/bin/sh\n");
    expect(findSoffice(bin, "linux")).toBeUndefined(); // not executable
    await chmod(`${bin}/soffice`, 0o755);
    expect(findSoffice(`/nonexistent:${bin}`, "linux")).toBe(`${bin}/soffice`);
    expect(findSoffice("", "linux")).toBeUndefined();
  });
});

describe("--pdf without LibreOffice", () => {
  it("says in one line that LibreOffice is needed, exits 3 and writes nothing", async () => {
    const file = t.file("no-lo.xlsx");
    expect((await cli(["--sample", "onesource", file])).code).toBe(0);
    const before = await readFile(file);
    for (const extra of [[], ["--out", t.file("no-lo-out.xlsx")]]) {
      const r = await cliWith([file, "--pdf", t.file("pack.pdf"), ...extra], () => undefined);
      expect(r.code).toBe(3);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/needs LibreOffice/);
      expect(r.stdout).toBe("");
    }
    expect(await readFile(file)).toEqual(before);
    expect(await exists(t.file("no-lo-out.xlsx"))).toBe(false);
    expect(await exists(t.file("pack.pdf"))).toBe(false);
  });

  it("is a usage error for a file name that is not .pdf, or with --check (and --statements with --verify)", async () => {
    expect((await cliWith(["model.xlsx", "--pdf", "pack.xlsx"], () => undefined)).code).toBe(2);
    expect((await cliWith(["model.xlsx", "--pdf", "pack.pdf", "--check"], () => undefined)).code).toBe(2);
    expect((await cliWith(["model.xlsx", "--statements", "out", "--verify"], () => undefined)).code).toBe(2);
  });
});

describe("--pdf with LibreOffice: the committee pack of the Brent/Lewisham/Southwark sample", () => {
  const soffice = findSoffice();

  it(
    "draws every chart of the Charts sheet on the Charts pages: titles, axis and legend as text, columns in the series' colours",
    async () => {
      if (soffice === undefined) throw new Error("LibreOffice (soffice) is not installed");
      const file = t.file("bls-charts.xlsx");
      const pdf = t.file("charts-pack.pdf");
      expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
      const r = await cliWith([file, "--no-write", "--pdf", pdf], () => soffice);
      expect(r.code, r.stderr).toBe(0);
      const pages = Number(/^Pages:\s+(\d+)/m.exec((await run("pdfinfo", [pdf])).stdout)?.[1]);
      const texts: string[] = [];
      for (let p = 1; p <= pages; p++) texts.push((await run("pdftotext", ["-layout", "-f", String(p), "-l", String(p), pdf, "-"])).stdout);
      // --no-write records no run, so no page claims one: the cover says when it was calculated and that the Run log does not hold it.
      expect(texts[0]).toMatch(/Calculated \d{1,2} \w{3} \d{4} \d\d:\d\d UTC; not recorded in the workbook's Run log/);
      expect(texts.join("\n")).not.toMatch(/— run \d|\bRun \d{1,2} \w{3} \d{4}/);
      const first = texts.findIndex((x) => x.includes("Capital and revenue charges by partner and year"));
      expect(first, "the Charts sheet's first page").toBeGreaterThanOrEqual(0);
      const chartPages = texts.slice(first).join("\n");
      const titles = [
        "All partners: capital and revenue charges by partner and year",
        "All partners: one-off and ongoing charges by year",
        ...["London Borough of Brent", "London Borough of Lewisham", "London Borough of Southwark"].map(
          (n) => `${n}: capital and revenue charges by year`,
        ),
      ];
      // A chart title longer than the chart is wide wraps onto a second line, between the table's words: compare its first line.
      const words = chartPages.replace(/\s+/g, " ");
      for (const title of titles) expect(words, title).toContain(title.split(" charges")[0]);
      // Axis labels (whole pounds) and legends are drawn only by a chart, never by the tables (which have pence).
      expect(chartPages).toMatch(/£\d{1,3}(,\d{3})+\s/);
      expect(chartPages).toMatch(/Capital \(£\)\s+Revenue \(£\)\s*\n(?![\s\S]*Year)/);
      expect(chartPages).toMatch(/One-off \(£\)\s+Ongoing \(£\)/);
      // Every Charts page has columns painted in the series' colours, in the right half of the page, where the charts are.
      // (The Monitoring pages and the methodology paper follow them, then the pack's closing note, "About these figures".)
      expect(texts[pages - 1]).toMatch(/^\s*About these figures/);
      const methodology = texts.findIndex((x) => x.includes("Methodology: how the costs of"));
      expect(methodology, "the methodology paper, after the charts").toBeGreaterThan(first);
      // The sample monitors its first year, so the Monitoring pages (issue #32) come between the charts and the paper.
      const monitoring = texts.findIndex((x) => /^\s*Monitoring: 2020\/21 to period 8/.test(x));
      expect(monitoring, "the Monitoring page, after the charts").toBeGreaterThan(first);
      expect(monitoring, "the Monitoring page, before the paper").toBeLessThan(methodology);
      for (let p = first + 1; p <= monitoring; p++) {
        const base = t.file(`charts-page-${p}`);
        await run("pdftoppm", ["-r", "40", "-f", String(p), "-l", String(p), "-singlefile", pdf, base]);
        const counts = seriesPixels(await readFile(`${base}.ppm`));
        expect(counts.right.revenue, `page ${p}: revenue/ongoing columns`).toBeGreaterThan(200);
        expect(counts.left.revenue + counts.left.capital, `page ${p}: nothing chart-coloured left of the charts`).toBe(0);
      }
      expect(seriesPixels(await readFile(t.file(`charts-page-${first + 1}.ppm`))).right.capital, "capital columns").toBeGreaterThan(20);
    },
    TIMEOUT_MS,
  );

  it(
    "--statements with --pdf: each partner's statement as a PDF too, converted in the same LibreOffice start",
    async () => {
      if (soffice === undefined) throw new Error("LibreOffice (soffice) is not installed");
      const file = t.file("bls-statements.xlsx");
      expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
      const dir = t.file("statement-pdfs");
      const r = await cliWith([file, "--no-write", "--pdf", t.file("statements-pack.pdf"), "--statements", dir], () => soffice);
      expect(r.code, r.stderr).toBe(0);
      for (const [id, name] of [
        ["BRE", "London Borough of Brent"],
        ["LEW", "London Borough of Lewisham"],
        ["SOU", "London Borough of Southwark"],
      ] as const) {
        const pdf = `${dir}/${id} recharge statement.pdf`;
        const info = (await run("pdfinfo", [pdf])).stdout;
        expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), id).toBeGreaterThanOrEqual(1);
        const text = (await run("pdftotext", ["-layout", pdf, "-"])).stdout;
        expect(text, id).toContain(name);
        for (const other of ["Brent", "Lewisham", "Southwark"].filter((o) => !name.endsWith(o)))
          expect(text, `${id} names no other partner`).not.toContain(`London Borough of ${other}`);
      }
    },
    TIMEOUT_MS,
  );

  it("LibreOffice and poppler-utils are installed (.ci/run installs them)", async () => {
    expect(soffice, "LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc").toBeDefined();
    await expect(run("pdfinfo", ["-v"])).resolves.toBeDefined();
  });

  it(
    "is a few A4 landscape pages, every one a whole table wide, with the footer on each",
    async () => {
      if (soffice === undefined) throw new Error("LibreOffice (soffice) is not installed");
      const file = t.file("bls.xlsx");
      const pdf = t.file("pack.pdf");
      expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
      const r = await cliWith([file, "--scenario", "Lewisham Homes joins", "--no-write", "--pdf", pdf], () => soffice);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(
        "Committee pack (Cover, Committee summary, Scenario comparison, Budget check, Charts, Monitoring, Methodology, About these " +
          "figures)",
      );

      const info = (await run("pdfinfo", ["-f", "1", "-l", "999", pdf])).stdout;
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      // The whole workbook was 70+ US Letter pages before (docs/committee-pack.md); the pack, printed at a size a committee
      // can read, with its cover and closing note, is a dozen at most.
      expect(pages).toBeGreaterThanOrEqual(6);
      // (and three more for the methodology paper, issue #34, and one for the Budget check's VAT note, repeated on each
      // of its pages, issue #31; and three for the Monitoring page, issue #32: the settlement, partners and lines, then
      // the twelve periods in two tables of six, each with its header, at full size).
      expect(pages).toBeLessThanOrEqual(19);
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(sizes).toHaveLength(pages);
      for (const [w, h] of sizes) {
        // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt.
        expect(Math.abs((w ?? 0) - 841.9)).toBeLessThan(1);
        expect(Math.abs((h ?? 0) - 595.3)).toBeLessThan(1);
      }

      const titles = ["Committee summary", "Scenario comparison", "Budget check", "Capital and revenue charges"];
      const firstPages: number[] = [];
      let committeeHeaders = 0;
      for (let p = 1; p <= pages; p++) {
        const text = (await run("pdftotext", ["-layout", "-f", String(p), "-l", String(p), pdf, "-"])).stdout;
        const lines = text.split("\n");
        expect(text, `page ${p}`).toContain(`Page ${p} of ${pages}`);
        // --no-write: the run is not in the Run log, so the footer says it was calculated, not run.
        expect(text, `page ${p}`).toContain("Calculated 1 Dec 2026 14:03 UTC, not in the Run log");
        // One table wide: wherever a table's header row is printed, it is printed whole, first column to last, on one line.
        for (const [mark, headers] of [
          ["Charges (£)", COMMITTEE_HEADERS],
          ["Variance %", BUDGET_HEADERS],
        ] as const) {
          for (const l of lines.filter((x) => x.includes(mark))) {
            for (const h of headers) expect(l, `page ${p}: ${h}`).toContain(h);
            if (mark === "Charges (£)") committeeHeaders++;
          }
        }
        // No page holds a split-off set of columns: every page with money on it also shows the column that says whose money it is.
        // (The cover and the closing note quote the totals apportioned in sentences, not in a table.)
        const prose = p === 1 || p === pages;
        if (!prose && /£[\d,]+\.\d\d/.test(text)) expect(text, `page ${p}`).toMatch(/\b(BRE|LEW|LH|SOU|20\d\d\/\d\d)\b/);
        titles.forEach((title, i) => {
          if (firstPages[i] === undefined && lines.slice(0, 3).some((l) => l.startsWith(title))) firstPages[i] = p;
        });
      }
      // A PDF that cannot be written (no such folder) is one line and exit 3, said before anything is written.
      const bad = await cliWith([file, "--no-write", "--pdf", t.file("no/such/folder/pack.pdf")], () => soffice);
      expect(bad.code).toBe(3);
      expect(bad.stderr).toMatch(/pack\.pdf cannot be written: its folder .*no\/such\/folder does not exist; nothing was written/);
      expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
      // The committee summary's header row was printed whole on each of its pages (it repeats on every page).
      expect(committeeHeaders).toBeGreaterThanOrEqual(1);
      // Each sheet of the pack starts a page, in the pack's order.
      expect(firstPages.every((p) => p !== undefined)).toBe(true);
      expect([...firstPages].sort((a, b) => a - b)).toEqual(firstPages);
    },
    TIMEOUT_MS,
  );
});
