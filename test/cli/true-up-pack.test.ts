import { readdir } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSoffice } from "../../src/cli/pdf-command";
import { HR_AGREEMENT } from "../../src/samples";
import { measurePage, pdfPages, type PdfPage } from "../support/pdf-measure";
import { cli, tempDir } from "./helpers";

/**
 * The true-up on paper (docs/versions.md, section 4): the HR sample (actual payslips for 2022/23 and 2023/24) gets a
 * True-up page in its committee pack, legible and whole, and each partner's statement says why its true-up line was
 * made. A model without actual drivers has no such page (test/cli/pdf.test.ts lists the Brent sample's pack exactly).
 */

const TIMEOUT_MS = 300_000;
let t: Awaited<ReturnType<typeof tempDir>>;
let pages: PdfPage[] = [];
let stdout = "";

beforeAll(async () => {
  t = await tempDir();
  if (findSoffice() === undefined) throw new Error("LibreOffice (soffice) is not installed");
  const file = t.file("hr.xlsx");
  const made = await cli(["--sample", HR_AGREEMENT.id, file]);
  if (made.code !== 0) throw new Error(made.stderr);
  const r = await cli(
    [file, "--no-write", "--pdf", t.file("hr.pdf"), "--statements", t.file("st")],
    undefined,
    new Date("2026-12-01T14:03:00Z"),
  );
  if (r.code !== 0) throw new Error(r.stderr);
  stdout = r.stdout;
  pages = await pdfPages(t.file("hr.pdf"));
}, TIMEOUT_MS);

afterAll(async () => {
  await t.cleanup();
});

const text = (p: PdfPage): string => p.words.map((w) => w.text).join(" ");

/** A statement workbook's text, every cell's in order. */
async function statementText(partner: string): Promise<string> {
  const name = (await readdir(t.file("st"))).find((f) => f.startsWith(partner) && f.endsWith(".xlsx"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(t.file(`st/${name ?? ""}`));
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void out.push(String(c.value)))));
  return out.join("\n");
}

describe("the true-up in the committee pack and the statements", () => {
  it(
    "the pack has a True-up page after the Methodology: per partner the shares, the verdict in words and the adjustment",
    () => {
      expect(stdout).toContain(
        "Committee pack (Cover, Committee summary, Scenario comparison, Budget check, Charts, Methodology, True-up,",
      );
      expect(text(pages[0]!)).toContain("on actual drivers, and the true-up adjustments made");
      const at = pages.findIndex((p) => text(p).startsWith("True-up: each partner's share"));
      expect(at).toBeGreaterThan(0);
      const page = text(pages[at]!);
      // 2022/23: 5,600 : 1,700 actual against 5,200 : 1,800 estimated, 74.29% to 76.71%, within 3 points.
      expect(page).toContain("Within tolerance (3 percentage points): no adjustment");
      // 2023/24: 4,900 : 2,300 actual, NTH's share 74.29% to 68.06%: £360,000 × 49/72 = £245,000, £22,428.57 less than charged.
      expect(page).toContain("Beyond tolerance (3 percentage points)");
      for (const figure of ["£267,428.57", "£245,000.00", "£115,000.00", "-£22,428.57", "£22,428.57"]) expect(page).toContain(figure);
      // Printed at full size (landscape A4, its columns within the page), with no words over each other.
      const m = measurePage(pages[at]!, at);
      expect(m.median).toBeGreaterThanOrEqual(10);
      expect(m.p95).toBeGreaterThanOrEqual(9);
      expect(m.overlaps).toEqual([]);
      expect(Math.max(...pages[at]!.words.map((w) => w.xMax))).toBeLessThanOrEqual(pages[at]!.width - 30);
    },
    TIMEOUT_MS,
  );

  it("each partner's statement says why its true-up line charges or credits it", async () => {
    const north = await statementText("NTH");
    expect(north).toContain(
      "Why: a true-up of PAY-01 2023/24. The share was charged at 74.29% on estimated drivers; on the actual drivers it is 68.06% " +
        "(-6.23 points)",
    );
    expect(north).toContain("a credit of £22,428.57.");
    const south = await statementText("STH");
    expect(south).toContain("on the actual drivers it is 31.94% (+6.23 points)");
    expect(south).toContain("a further charge of £22,428.57.");
  });
});
