import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A word as poppler places it on a page, in points from the page's top left. */
export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** One page's words and size. */
export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
}

/** What a page's type measures: word box heights in points (poppler's box is about 1.2 × the font size). */
export interface PageMeasure {
  readonly page: number;
  readonly words: number;
  /** The median word's height. */
  readonly median: number;
  /** The height 95% of words reach (the 5th percentile). */
  readonly p95: number;
  /** Pairs of words whose boxes overlap (drawn over each other), as "a / b". */
  readonly overlaps: readonly string[];
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Every page's words with their boxes, from `pdftotext -bbox` (poppler-utils). */
export async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const m of stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3]!.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map(
      (w) => ({ xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: unescape(w[5]!) }),
    );
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/** The value below which `share` of the sorted numbers fall. */
function quantile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(share * (sorted.length - 1))))]!;
}

/**
 * How legible a page is: the median and 5th-percentile word heights, and the
 * words drawn over each other (boxes overlapping by more than a hair, so a
 * word touching the next, as kerning leaves them, is not counted).
 */
export function measurePage(page: PdfPage, index: number): PageMeasure {
  const heights = page.words.map((w) => w.yMax - w.yMin).sort((a, b) => a - b);
  const overlaps: string[] = [];
  const ws = [...page.words].sort((a, b) => a.xMin - b.xMin);
  const HAIR = 0.5;
  for (let i = 0; i < ws.length; i++) {
    const a = ws[i]!;
    for (let j = i + 1; j < ws.length && ws[j]!.xMin < a.xMax - HAIR; j++) {
      const b = ws[j]!;
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      // Lines set close (a footer's two lines, a chart's wrapped labels) touch; words drawn over each other overlap by more.
      if (dx > HAIR && dy > 0.4 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) overlaps.push(`${a.text} / ${b.text}`);
    }
  }
  return { page: index + 1, words: heights.length, median: quantile(heights, 0.5), p95: quantile(heights, 0.05), overlaps };
}

/** Every page of a PDF measured. */
export async function measurePdf(pdf: string): Promise<PageMeasure[]> {
  return (await pdfPages(pdf)).map(measurePage);
}

/** A PDF's text as one string of words separated by single spaces (line breaks and columns flattened). */
export async function pdfWords(pdf: string): Promise<string> {
  return (await pdfPages(pdf)).flatMap((p) => p.words.map((w) => w.text)).join(" ");
}

/** LibreOffice's conversion of a workbook to PDF, with a profile of its own in `work`; returns the PDF's path. */
export async function convertToPdf(soffice: string, xlsx: string, work: string): Promise<string> {
  await run(
    soffice,
    [`-env:UserInstallation=file://${work}/lo-profile`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, xlsx],
    {
      timeout: 240_000,
    },
  );
  return `${work}/${xlsx.replace(/^.*\//, "").replace(/\.xlsx$/, ".pdf")}`;
}
