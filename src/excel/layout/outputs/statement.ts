import {
  BUDGET_STATUS_TEXT,
  CATEGORIES,
  Decimal,
  NATURES,
  fyLabel,
  parseDecimal,
  partnerNames,
  type Category,
  type ChargeRow,
  type LineYear,
  type Nature,
  type MethodologyPaper,
  type Pence,
  type TrueUpLine,
  type TrueUpRow,
  TRUE_UP_PREFIX,
  formatMoney,
  partnerVat,
  vatCosts,
  VAT_TREATMENT_NAMES,
} from "../../../engine";
import type { Block, CellStyle, CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { pounds, printSpec, scenarioText, withPrintFooter, withTextLayout } from "./common";
import { defaultTitle, outputsPaper, type RunOutputs } from "./index";
import { statementMethodologyBlocks } from "./methodology";
import { statementExitBlocks } from "./exits";
import { CATEGORY_WORDS, NATURE_WORDS, basisInWords } from "./words";
import { statementServiceBlocks } from "./service-recharges";
import { SpanLines, rowHeight, spanHeight, widthOf, wrappedLines } from "./paper";

/** The statement sheet's name in each partner's workbook. */
export const STATEMENT_SHEET = "Statement";

/** The header of the charges by year's first column; the years and "Total" follow it. */
export const STATEMENT_YEAR_HEADER = "Charges (£)";

/** The headers of the charges by cost line: each line's row, its basis and share on the row under it. */
export const STATEMENT_LINE_HEADERS = ["Cost line", "Year", "Category", "Nature", "Charge (£)"] as const;

/** The headers of the budget comparison. */
export const STATEMENT_BUDGET_HEADERS = ["Budget", "Budget (£)", "Charged (£)", "Variance (£)", "Variance %"] as const;

/** The headers of the VAT by year; the VAT by treatment has the same figures under its own first header. */
export const STATEMENT_VAT_HEADERS = ["VAT by year", "Net (£)", "VAT (£)", "Gross (£)", "Not recoverable (£)"] as const;

/** The first header of the VAT by treatment. */
export const STATEMENT_VAT_TREATMENT_HEADER = "VAT treatment";

/** The label of the all-years row and of the total of the cost lines. */
export const STATEMENT_TOTAL = "Total";

/** The statement's column widths in points: labels, then four columns of figures, a portrait A4 page's width. */
export const STATEMENT_WIDTHS: readonly number[] = [150, 80, 80, 80, 80];

/** The most years side by side in the charges by year (a model with more years prints them in further blocks). */
const YEARS_ACROSS = 3;

/** "Service desk tickets" → "service desk tickets" inside a sentence; a word in capitals ("ICT") is kept. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * A decimal figure grouped the en-GB way: "56000" → "56,000" (trimmed; anything but a decimal figure as it is). Read a
 * character at a time: a statement groups two figures on every cost line.
 */
export function grouped(text: string): string {
  const t = text.trim();
  const start = t.charCodeAt(0) === 45 ? 1 : 0;
  let i = start;
  while (i < t.length && isDigit(t.charCodeAt(i))) i++;
  const end = i;
  if (end === start) return text;
  if (i < t.length) {
    if (t.charCodeAt(i) !== 46) return text;
    i++;
    const fraction = i;
    while (i < t.length && isDigit(t.charCodeAt(i))) i++;
    if (i === fraction || i < t.length) return text;
  }
  if (end - start <= 3) return t;
  const first = (end - start) % 3 || 3;
  let out = t.slice(0, start + first);
  for (let k = start + first; k < end; k += 3) out += `,${t.slice(k, k + 3)}`;
  return out + t.slice(end);
}

/** Decimal text as an integer and its number of decimal places ("12.5" → 125n, 1); undefined for anything else. */
function scaled(text: string): { readonly digits: bigint; readonly places: number } | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (m === null) return undefined;
  const fraction = m[3] ?? "";
  const digits = BigInt(`${m[2] ?? "0"}${fraction}`);
  return { digits: m[1] === "-" ? -digits : digits, places: fraction.length };
}

/**
 * part ÷ whole as a percentage to 2 places, half away from zero, exactly from decimal text ("16.07%"); "–" for a zero
 * whole. Integer arithmetic (one statement has a share per cost line and year, for every partner): both figures are
 * brought to the same decimal places, so part ÷ whole × 10,000, rounded, is the percentage in hundredths.
 */
export function statementPercent(part: string, whole: string): string {
  const quick = smallPercent(part, whole);
  if (quick !== undefined) return quick;
  const p = scaled(part);
  const w = scaled(whole);
  if (p === undefined || w === undefined) {
    // Exponent or other decimal text the integer path does not read: decimal.js, as before.
    const pd = parseDecimal(part);
    const wd = parseDecimal(whole);
    if (pd === undefined || wd === undefined || wd.isZero()) return "–";
    return `${pd.div(wd).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
  }
  if (w.digits === 0n) return "–";
  const places = Math.max(p.places, w.places);
  const num = (p.digits < 0n ? -p.digits : p.digits) * 10n ** BigInt(places - p.places) * 10_000n;
  const den = (w.digits < 0n ? -w.digits : w.digits) * 10n ** BigInt(places - w.places);
  const hundredths = (2n * num + den) / (2n * den);
  const negative = p.digits < 0n !== w.digits < 0n && hundredths !== 0n;
  const whole100 = hundredths / 100n;
  const rest = (hundredths % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole100}.${rest}%`;
}

/** Whole-number decimal text of at most 15 digits as a number ("16070" → 16070); undefined for anything else. */
function smallWhole(text: string): number | undefined {
  if (text.length === 0 || text.length > 15) return undefined;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * {@link statementPercent} of two whole numbers (drivers' values and totals, weighted shares of up to about 450 billion),
 * in exact integer arithmetic on numbers, when part × 10,000 × 2 + whole stays within 2^53 (else the BigInt path, which
 * cost a statement of a large model more than the rest of its shares). Undefined for any other text.
 */
function smallPercent(part: string, whole: string): string | undefined {
  const p = smallWhole(part);
  const w = smallWhole(whole);
  // Within 2^53 with room for the quotient's check below ((q + 1) × 2 × whole at most part × 20,000 + 5 × whole).
  if (p === undefined || w === undefined || w === 0 || 2 * p * 10_000 + 5 * w > Number.MAX_SAFE_INTEGER) return undefined;
  // Half up: (2 × part × 10,000 + whole) ÷ (2 × whole), rounded down, with the quotient checked against the division.
  const num = 2 * p * 10_000 + w;
  const den = 2 * w;
  let q = Math.floor(num / den);
  if (q * den > num) q--;
  else if ((q + 1) * den <= num) q++;
  const rest = q % 100;
  return `${(q - rest) / 100}.${rest < 10 ? "0" : ""}${rest}%`;
}

/**
 * A line-year's share in words for the partner at `position`, put in `out` from `at` in pieces ("9,000", " of 56,000
 * tickets = ", "16.07%"; joined, the share), returning where they end: every piece but the partner's figures is made
 * once, for all partners.
 */
function sharePieces(ly: LineYear, basisWords: string, isPercentages: boolean): (position: number, out: string[], at: number) => number {
  const [only] = ly.components;
  if (ly.components.length === 1 && only !== undefined && only.weightPercent === undefined) {
    // A percentages basis is a share already: "25% under the inter-authority agreement shares", not "25 of 100".
    if (isPercentages && only.total === "100") {
      const under = `% under the ${lowerFirst(basisWords)}`;
      return (position, out, at) => {
        out[at] = grouped(only.values[position] ?? "0");
        out[at + 1] = under;
        return at + 2;
      };
    }
    return partOfWhole(only.values, only.total, ` of ${grouped(only.total)} ${lowerFirst(isPercentages ? basisWords : only.label)} = `);
  }
  return partOfWhole(ly.weights, ly.totalWeight, ` of ${grouped(ly.totalWeight)} (weighted) = `);
}

/** The pieces of "<part><middle><percent>" for the partner at `position`: its part of `parts` and its percent of `whole`. */
function partOfWhole(parts: readonly string[], whole: string, middle: string): (position: number, out: string[], at: number) => number {
  return (position, out, at) => {
    const part = parts[position] ?? "0";
    out[at] = grouped(part);
    out[at + 1] = middle;
    out[at + 2] = statementPercent(part, whole);
    return at + 3;
  };
}

/**
 * What every partner's statement says of one line-year, made the first time a statement lists it (each of a
 * 10,000-line model's 50,000 line-years is listed on 20 statements): the charge row's first cell, the basis note's
 * words before and after the partner's share, and the share's words but the partner's figures. The measures kept on
 * it are made by whoever lays the note out for paper ({@link partnerStatementParts}), once for all partners.
 */
export interface LineYearWords {
  readonly ly: LineYear;
  /** The cost line the first cell was made for, and the cell: "L0001 Service desk". */
  readonly lineRef: string;
  readonly text: string;
  /** The basis note's first piece, before the share: "Basis: Service desk tickets (driver); ". */
  readonly lead: string;
  /** Its last piece, after the share: " (code driver:tickets).". */
  readonly code: string;
  /** The basis in words alone ("Service desk tickets (driver)"). */
  readonly words: string;
  /** Puts the share of the partner at a position of the line-year's partners in a note's pieces from `at` (returns their end). */
  readonly share: (position: number, out: string[], at: number) => number;
  /** The first cell's lines and the note's count after its lead, for the widths and columns they were measured at. */
  measured?: { readonly widths: readonly number[]; readonly cols: number; readonly textLines: number; readonly lead: SpanLines };
}

/** A share's percentage text ("74.2857…") to two places ("74.29"); the text as given when it is not a number. */
function twoPlaces(text: string): string {
  const t = text.replace(/…$/, "");
  try {
    return new Decimal(t).toFixed(2);
  } catch {
    return text;
  }
}

/**
 * Why a true-up line charges or credits the partner (docs/versions.md), in words: its share of the line-year trued up
 * on estimated and on actual drivers, the move against the tolerance, and the charges; undefined for any other line.
 */
export function trueUpWords(ref: string, outputs: RunOutputs): string | undefined {
  if (!ref.startsWith(TRUE_UP_PREFIX)) return undefined;
  let found: { line: TrueUpLine; row: TrueUpRow } | undefined;
  for (const line of outputs.run.trueUp?.lines ?? [])
    for (const row of line.rows) if (`${TRUE_UP_PREFIX}${line.lineRef} ${line.yearLabel} (${row.partner})` === ref) found = { line, row };
  if (found === undefined) return undefined;
  const { line, row } = found;
  const points = twoPlaces(row.changePoints);
  return (
    `Why: a true-up of ${line.lineRef} ${line.yearLabel}. The share was charged at ${twoPlaces(row.estimatedPercent)}% on ` +
    `estimated drivers; on the actual drivers it is ${twoPlaces(row.actualPercent)}% (${points.startsWith("-") ? "" : "+"}${points} ` +
    `points); the line-year's shares moved beyond its tolerance (${line.tolerance}), so it is re-split on actuals: charged ` +
    `${formatMoney(row.estimatedCharge)}, ${formatMoney(row.actualCharge)} on actuals, ` +
    `${row.adjustment < 0 ? `a credit of ${formatMoney(-row.adjustment)}` : `a further charge of ${formatMoney(row.adjustment)}`}.`
  );
}

/**
 * What every partner's statement reads from the run, worked out once for all of them: the partners' names, each
 * partner's charges, the line-years by cost line and year, and each line-year's basis in words. Statements for
 * 20 partners of a 2,000-line model otherwise filter every charge and word every basis 20 times.
 */
export interface StatementsPrepared {
  readonly outputs: RunOutputs;
  readonly names: ReadonlyMap<string, string>;
  readonly title: string;
  /** Each partner's charges, in the run's order. */
  readonly rowsOf: (partner: string) => readonly ChargeRow[];
  readonly lineYear: (lineRef: string, yearLabel: string) => LineYear | undefined;
  readonly basisWords: (ly: LineYear) => string;
  /** The ids of the percentages bases (their shares read "25% under …"). */
  readonly percentages: ReadonlySet<string>;
  /**
   * What every statement listing a line-year says of it (made from {@link basisWords} and {@link percentages} the first
   * time it is asked for; `lineRef` is the charge's, which its first cell names).
   */
  readonly wordsOf: (ly: LineYear, lineRef: string) => LineYearWords;
  /**
   * {@link wordsOf} the line-year a charge is of ({@link lineYear}), undefined for a charge of none. Found by the
   * line-year's index the engine's charges carry where they do, not by looking the line-year up: a 10,000-line model's
   * statements list 1,000,000 charges, and each look-up in maps of 50,000 line-years scattered in memory cost more than
   * the rest of its line's words.
   */
  readonly lineWordsOf: (r: ChargeRow) => LineYearWords | undefined;
  /** The methodology paper each statement takes its partner's changes from (worked out the first time it is read). */
  readonly paper: () => MethodologyPaper | undefined;
}

/** Prepares what every partner's statement of `outputs` shares (see {@link StatementsPrepared}). */
export function prepareStatements(outputs: RunOutputs): StatementsPrepared {
  const { run } = outputs;
  const names = partnerNames(run.model);
  const byPartner = new Map<string, ChargeRow[]>();
  // Indexed loops over the charges here and in each statement: each runs once a statement (never fast enough to be
  // optimised), and a for…of over 1,000,000 charges made an iterator result for each.
  for (let i = 0; i < run.rows.length; i++) {
    const r = run.rows[i]!;
    const list = byPartner.get(r.partner);
    if (list === undefined) byPartner.set(r.partner, [r]);
    else list.push(r);
  }
  // By cost line, then year: a key joined from the two cost a new string for each of a statement's 100,000 rows.
  const lineYears = new Map<string, Map<string, LineYear>>();
  for (let i = 0; i < run.result.lineYears.length; i++) {
    const ly = run.result.lineYears[i]!;
    const byYear = lineYears.get(ly.lineRef);
    if (byYear === undefined) lineYears.set(ly.lineRef, new Map([[ly.yearLabel, ly]]));
    else byYear.set(ly.yearLabel, ly);
  }
  const words = new Map<LineYear, string>();
  const lineWords = new Map<LineYear, LineYearWords>();
  const all = run.result.lineYears;
  const byIndex: (LineYearWords | undefined)[] = new Array<LineYearWords | undefined>(all.length);
  let paper: { value: MethodologyPaper | undefined } | undefined;
  const prepared: StatementsPrepared = {
    outputs,
    names,
    title: outputs.title === undefined || outputs.title.trim() === "" ? defaultTitle(run) : outputs.title.trim(),
    rowsOf: (partner) => byPartner.get(partner) ?? [],
    lineYear: (lineRef, yearLabel) => lineYears.get(lineRef)?.get(yearLabel),
    basisWords: (ly) => {
      let w = words.get(ly);
      if (w === undefined) words.set(ly, (w = basisInWords(ly, run.model, names)));
      return w;
    },
    percentages: new Set((run.model.bases ?? []).map((b) => b.id.trim())),
    wordsOf: (ly, lineRef) => {
      let w = lineWords.get(ly);
      // Kept for the cost line it was first made for (a line-year is looked up by its own, so always that one).
      if (w === undefined || w.lineRef !== lineRef) {
        w = lineYearWords(ly, lineRef, prepared.basisWords(ly), prepared.percentages);
        lineWords.set(ly, w);
      }
      return w;
    },
    lineWordsOf: (r) => {
      // The engine's charges say which line-year they are of (a charge divided within a partner keeps it); a row that
      // does not, or whose index names another line-year, is looked up.
      const index = (r as { readonly lineYear?: unknown }).lineYear;
      if (typeof index === "number") {
        const ly = all[index];
        if (ly !== undefined && ly.lineRef === r.lineRef && ly.yearLabel === r.yearLabel) {
          const w = byIndex[index];
          if (w !== undefined && w.ly === ly && w.lineRef === r.lineRef) return w;
          return (byIndex[index] = prepared.wordsOf(ly, r.lineRef));
        }
      }
      const ly = prepared.lineYear(r.lineRef, r.yearLabel);
      return ly === undefined ? undefined : prepared.wordsOf(ly, r.lineRef);
    },
    // Once for all the statements: it compares the run with the previous year's, line by line.
    paper: () => (paper ??= { value: outputsPaper(outputs) }).value,
  };
  return prepared;
}

/** A line-year's {@link LineYearWords}, its first cell naming `lineRef`. */
function lineYearWords(ly: LineYear, lineRef: string, words: string, percentages: ReadonlySet<string>): LineYearWords {
  const isPercentages = ly.components.length === 1 && percentages.has(ly.components[0]!.source.trim());
  return {
    ly,
    lineRef,
    text: `${lineRef} ${ly.description}`.trim(),
    lead: `Basis: ${words}; `,
    code: ` (code ${ly.basis}).`,
    words,
    share: sharePieces(ly, words, isPercentages),
  };
}

/** A cost line's charge row on a statement (cost line, year, category, nature, charge) and the notes on the rows under it. */
interface LineRows {
  readonly cells: CellValue[];
  /**
   * Its basis in words with the partner's share, then (for a true-up) why it was made: each in pieces, which joined are
   * the note (the basis's first piece is `shared.lead` when the line has a line-year).
   */
  readonly notes: string[][];
  /** What every statement says of the line's line-year (none for a line without one). */
  shared: LineYearWords | undefined;
}

/** The number formats of a charge row (and of the total under the charges by cost line). */
const LINE_FORMATS: readonly (string | null)[] = [null, null, null, null, MONEY_FORMAT];

/** The style of the notes under a statement's cost lines. */
const NOTE_STYLE: CellStyle = "note";

/**
 * A statement laid out with its charges by cost line apart: every other block in order (the cost lines' rows go where
 * `linesAt` says), the cost lines one at a time, and the sheet made of the blocks once they are all there.
 */
interface StatementLayout {
  readonly blocks: readonly Block[];
  readonly linesAt: number;
  /** The first row of the cost lines, how many there are and the rows they take. */
  readonly row: number;
  readonly count: number;
  readonly rows: number;
  readonly line: (i: number) => LineRows;
  readonly sheet: (blocks: Block[]) => SheetSpec;
}

function statementLayout(outputs: RunOutputs, partner: string, prepared: StatementsPrepared): StatementLayout {
  const { run, stamp } = outputs;
  const { names, title } = prepared;
  const name = names.get(partner) ?? partner;
  const rows = prepared.rowsOf(partner);
  const blocks: Block[] = [
    { row: 0, col: 0, values: [[`Recharge statement: ${name}${name === partner ? "" : ` (${partner})`}`]], style: "title" },
    {
      row: 1,
      col: 0,
      values: [
        [title],
        [
          `${scenarioText(outputs.scenario)} · years ${fyLabel(run.result.settings.firstYear)} to ` +
            `${fyLabel(run.result.settings.lastYear)}${stamp === undefined ? "" : ` · run ${stamp.when}, inputs ${stamp.fingerprint}`}`,
        ],
      ],
      style: "note",
    },
  ];
  let row = 4;

  // Charges by year: capital and revenue, one-off and ongoing, down; the years across, a few at a time, then the total.
  blocks.push({ row, col: 0, values: [["Charges by year"]], style: "header" });
  row += 1;
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  // Each year × category × nature summed in one pass over the partner's charges (and over all years), by position:
  // a key made of their names cost two new strings a charge, 50,000 charges a partner for a large model.
  const kindAt = (c: Category, n: Nature): number => {
    const ci = CATEGORIES.indexOf(c);
    const ni = NATURES.indexOf(n);
    return ci < 0 || ni < 0 ? -1 : ci * NATURES.length + ni;
  };
  const sums = new Map<number | undefined, Pence[]>();
  const sumsOf = (year: number | undefined): Pence[] => {
    let list = sums.get(year);
    if (list === undefined) sums.set(year, (list = new Array<Pence>(CATEGORIES.length * NATURES.length).fill(0)));
    return list;
  };
  const allYears = sumsOf(undefined);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const k = kindAt(r.category, r.nature);
    if (k < 0) continue;
    const list = sumsOf(r.year);
    list[k] = (list[k] ?? 0) + r.amount;
    allYears[k] = (allYears[k] ?? 0) + r.amount;
  }
  const cell = (year: number | undefined, c: Category, n: Nature): Pence => {
    const k = kindAt(c, n);
    return k < 0 ? 0 : (sums.get(year)?.[k] ?? 0);
  };
  const kinds: { label: string; value: (year: number | undefined) => Pence; total?: true }[] = [
    ...CATEGORIES.flatMap((c) => [
      ...NATURES.map((n) => ({
        label: `${CATEGORY_WORDS[c]} ${NATURE_WORDS[n].toLowerCase()}`,
        value: (y: number | undefined) => cell(y, c, n),
      })),
      { label: `${CATEGORY_WORDS[c]} total`, value: (y: number | undefined) => NATURES.reduce((s, n) => s + cell(y, c, n), 0) },
    ]),
    {
      label: STATEMENT_TOTAL,
      value: (y: number | undefined) => CATEGORIES.reduce((s, c) => s + NATURES.reduce((t, n) => t + cell(y, c, n), 0), 0),
      total: true,
    },
  ];
  const columns: (number | undefined)[] = [...years, undefined];
  for (let start = 0; start < columns.length; start += YEARS_ACROSS + 1) {
    const group = columns.slice(start, start + YEARS_ACROSS + 1);
    const formats = [null, ...group.map(() => MONEY_FORMAT)];
    blocks.push({
      row,
      col: 0,
      values: [[STATEMENT_YEAR_HEADER, ...group.map((y) => (y === undefined ? STATEMENT_TOTAL : fyLabel(y)))]],
      style: "header",
    });
    const body = kinds.map((k) => [k.label, ...group.map((y) => pounds(k.value(y)))]);
    blocks.push({ row: row + 1, col: 0, values: body.slice(0, -1), formats });
    blocks.push({ row: row + body.length, col: 0, values: body.slice(-1), formats, style: "total" });
    row += body.length + 2;
  }
  row += 1;

  // Every charge by cost line; under each, its basis in words and the partner's share of it.
  const parent = run.model.withinPartners?.find((w) => w.partner.id.trim() === partner)?.within.trim();
  blocks.push({ row, col: 0, values: [["Charges by cost line, with the basis of each"]], style: "header" });
  blocks.push({ row: row + 1, col: 0, values: [[...STATEMENT_LINE_HEADERS]], style: "header" });
  row += 2;
  const lineFormats = LINE_FORMATS as (string | null)[];
  // A line that charges this partner nothing (a direct charge to another partner, say) is left out: it is not this partner's figure.
  const listed = rows.filter((x) => x.amount !== 0);
  const parentName = parent === undefined ? "" : (names.get(parent) ?? parent);
  // One line's rows, refilled for each line (a statement of a large model lays out 50,000): whoever asks for a line
  // reads it before asking for the next.
  const cells: CellValue[] = ["", "", "", "", 0];
  const basis: string[] = [];
  const whyNote: string[] = [""];
  const rowsOfLine: LineRows = { cells, notes: [], shared: undefined };
  const line = (i: number): LineRows => {
    const r = listed[i]!;
    const shared = prepared.lineWordsOf(r);
    // A true-up line is a direct charge: its basis alone does not say why it was made.
    const why = trueUpWords(r.lineRef, outputs);
    cells[1] = r.yearLabel;
    cells[2] = CATEGORY_WORDS[r.category];
    cells[3] = NATURE_WORDS[r.nature];
    cells[4] = pounds(r.amount);
    rowsOfLine.shared = shared;
    if (why === undefined) {
      // Setting an array's length is a call into the runtime: only when it changes (most lines have as many pieces).
      if (rowsOfLine.notes.length !== 1) rowsOfLine.notes.length = 1;
    } else {
      whyNote[0] = why;
      rowsOfLine.notes[1] = whyNote;
    }
    rowsOfLine.notes[0] = basis;
    let count = 1;
    if (shared === undefined) {
      cells[0] = r.lineRef.trim();
      basis[0] = "Basis: .";
    } else {
      cells[0] = shared.text;
      const { ly } = shared;
      // "Basis: <words>; <share> (code <basis>).", the share the partner's own or its part of its parent's.
      basis[0] = shared.lead;
      // The engine's charge knows its partner's place among the line-year's (a charge divided within one has its parent's).
      const at = (r as { readonly position?: unknown }).position;
      const position = typeof at === "number" && ly.partners[at] === partner ? at : ly.partners.indexOf(partner);
      if (position >= 0) count = shared.share(position, basis, count);
      else if (parent !== undefined) {
        basis[count++] = `part of ${parentName}'s share (`;
        const of = ly.partners.indexOf(parent);
        if (of >= 0) count = shared.share(of, basis, count);
        basis[count++] = "), divided within it";
      } else basis[0] = `Basis: ${shared.words}`;
      basis[count++] = shared.code;
    }
    if (basis.length !== count) basis.length = count;
    return rowsOfLine;
  };
  // Each line takes its charge row and its notes' rows; only a true-up line has a second note.
  const linesRow = row;
  const linesAt = blocks.length;
  for (let i = 0; i < listed.length; i++) {
    const ref = listed[i]!.lineRef;
    row += ref.startsWith(TRUE_UP_PREFIX) && trueUpWords(ref, outputs) !== undefined ? 3 : 2;
  }
  const linesRows = row - linesRow;
  const charged = rows.reduce((s, r) => s + r.amount, 0);
  blocks.push({ row, col: 0, values: [[STATEMENT_TOTAL, "", "", "", pounds(charged)]], formats: lineFormats, style: "total" });
  blocks.push({ row: row + 1, col: 0, values: [["Lines that charge this partner nothing are not listed."]], style: "note" });
  row += 3;

  // What changed since last year for this partner: its own part of the methodology paper (methodology.ts).
  const changed = statementMethodologyBlocks(prepared.paper(), run.model, partner, row, outputs.methodology?.against);
  blocks.push(...changed.blocks);
  row = changed.row;
  // VAT, for a model with journals inputs: what the partner is invoiced net, VAT and gross, and whether the VAT is a cost to it.
  const vat = vatCosts(run.model);
  let vatNote: string | undefined;
  if (vat !== undefined) {
    blocks.push({ row, col: 0, values: [["VAT on these charges"]], style: "header" });
    row += 1;
    if (!vat.ok) {
      blocks.push({ row, col: 0, values: [["VAT not worked out: the Coding and Ledgers sheets have errors (see the Journals sheet)."]] });
      row += 2;
    } else {
      const pv = partnerVat(rows, vat.value, partner);
      const figures = (f: { net: Pence; vat: Pence; gross: Pence; irrecoverable: Pence }): number[] =>
        [f.net, f.vat, f.gross, f.irrecoverable].map(pounds);
      const vatFormats = [null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT];
      blocks.push({ row, col: 0, values: [[...STATEMENT_VAT_HEADERS]], style: "header" });
      blocks.push({ row: row + 1, col: 0, values: pv.years.map((y) => [y.yearLabel, ...figures(y)]), formats: vatFormats });
      row += 1 + pv.years.length;
      blocks.push({ row, col: 0, values: [[STATEMENT_TOTAL, ...figures(pv.total)]], formats: vatFormats, style: "total" });
      row += 2;
      blocks.push({ row, col: 0, values: [[STATEMENT_VAT_TREATMENT_HEADER, ...STATEMENT_VAT_HEADERS.slice(1)]], style: "header" });
      blocks.push({
        row: row + 1,
        col: 0,
        values: pv.treatments.map((t) => [VAT_TREATMENT_NAMES[t.treatment], ...figures(t)]),
        formats: vatFormats,
      });
      row += 1 + pv.treatments.length;
      const status = pv.section33
        ? `${name} is a section 33 body: it recovers the VAT, so its cost is the net.`
        : `${name} is not a section 33 body: it cannot recover the VAT, so the VAT ` +
          `(${formatMoney(pv.total.irrecoverable)}) is a cost to it and its cost is the gross.`;
      blocks.push({
        row,
        col: 0,
        values: [
          [status],
          ["VAT is worked out on each invoice line, rounded to the penny, as the host invoices it; this is not tax advice."],
        ],
        style: "note",
      });
      row += 3;
      if (!pv.section33) vatNote = "Charged (£) includes the VAT this partner cannot recover (gross), as its budget bears it.";
    }
  }

  // Leaving and disputes (exits.ts): its disputes and credits, its exit or what another's exit costs it.
  const exitPart = statementExitBlocks(outputs.budget, partner, row);
  blocks.push(...exitPart.blocks);
  row = exitPart.row;
  // The partner's budgets against its charges: the budget, the charge and the variance each in a column of its own.
  blocks.push({ row, col: 0, values: [["Budget comparison"]], style: "header" });
  const budgets = outputs.budget?.budgets.lines.filter((l) => l.partner === partner);
  if (budgets === undefined || budgets.length === 0) {
    blocks.push({
      row: row + 1,
      col: 0,
      values: [[budgets === undefined ? "No budget check was run with these results." : "No budgets were entered for this partner."]],
    });
    row += 3;
  } else {
    blocks.push({ row: row + 1, col: 0, values: [[...STATEMENT_BUDGET_HEADERS]], style: "header" });
    blocks.push({
      row: row + 2,
      col: 0,
      values: budgets.map((l) => [
        `${l.yearLabel} ${CATEGORY_WORDS[l.category].toLowerCase()}, ${l.service === "" ? "all services" : l.service}: ` +
          BUDGET_STATUS_TEXT[l.status].toLowerCase(),
        l.budget === undefined ? "None" : pounds(l.budget),
        pounds(l.recharge),
        l.variance === undefined ? "" : pounds(l.variance),
        l.percentText === undefined ? "" : `${l.percentText}%`,
      ]),
      formats: [null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, null],
    });
    blocks.push({
      row: row + 2 + budgets.length,
      col: 0,
      values: [
        ["Variance is the charge less the budget: a positive variance is over budget, a negative one (with a minus sign) under."],
        ...(vatNote === undefined ? [] : [[vatNote]]),
      ],
      style: "note",
    });
    row += budgets.length + 4 + (vatNote === undefined ? 0 : 1);
  }

  // The partner's own services (when it keeps a service list): what it reports by service and RO line.
  const services = statementServiceBlocks(run, partner, row);
  blocks.push(...services.blocks);
  row = services.row;

  // The balancing statement: this statement, the partner's total, and the whole apportionment.
  const summaryTotal = run.totals.filter((t) => t.partner === partner).reduce((s, t) => s + t.amount, 0);
  const b = run.result.balance;
  blocks.push({ row, col: 0, values: [["Balancing statement"]], style: "header" });
  blocks.push({
    row: row + 1,
    col: 0,
    // Figures in the last column, so the labels have the others to themselves.
    values: [
      ["Charges on this statement", "", "", "", pounds(charged)],
      [`${name}'s total in the Summary`, "", "", "", pounds(summaryTotal)],
      ["All partners' charges", "", "", "", pounds(b.totalOut)],
      ["Costs apportioned", "", "", "", pounds(b.totalIn)],
    ],
    formats: [null, null, null, null, MONEY_FORMAT],
  });
  blocks.push({
    row: row + 5,
    col: 0,
    values: [
      [
        b.balanced && charged === summaryTotal
          ? "Balanced: yes. This statement adds up to the partner's total, and every partner's charges add up to the costs apportioned."
          : "Balanced: NO. See the Summary and Budget check.",
      ],
    ],
  });

  const end = row;
  const sheet = (all: Block[]): SheetSpec =>
    withPrintFooter(
      withTextLayout({
        name: STATEMENT_SHEET,
        kind: "partnerStatement",
        role: "output",
        blocks: all,
        tables: [],
        validations: [],
        conditionalFormats: [],
        charts: [],
        freezeRows: 0,
        columnWidths: STATEMENT_WIDTHS,
        print: {
          ...printSpec(all, [], 0),
          orientation: "portrait",
          area: { row: 0, col: 0, rows: end + 6, cols: STATEMENT_WIDTHS.length },
        },
      }),
      {
        // The partner is named in the page header; the footer's left third of a portrait page holds a few words only.
        title: "Recharge statement",
        scenario: outputs.scenario,
        when: stamp?.when,
        header: `Recharge statement: ${name}`,
      },
    );
  return { blocks, linesAt, row: linesRow, count: listed.length, rows: linesRows, line, sheet };
}

/**
 * A partner's recharge statement, to send to a partner council: plain values
 * (numbers formatted as pounds, words not codes) that open in any
 * spreadsheet, holding only this partner's figures. It shows the charges by
 * year, capital and revenue, one-off and ongoing; every charge by cost line
 * with its basis in words and the partner's share of the basis; its budgets
 * against its charges; and a balancing statement tying the statement to the
 * partner's total in the Summary and to the whole apportionment.
 */
export function partnerStatementSheet(
  outputs: RunOutputs,
  partner: string,
  prepared: StatementsPrepared = prepareStatements(outputs),
): SheetSpec {
  const laid = statementLayout(outputs, partner, prepared);
  const blocks = laid.blocks.slice(0, laid.linesAt);
  let row = laid.row;
  for (let i = 0; i < laid.count; i++) {
    // The line's rows are refilled for the next line: copied here.
    const { cells, notes } = laid.line(i);
    blocks.push({ row, col: 0, values: [[...cells]], formats: LINE_FORMATS as (string | null)[] });
    row += 1;
    for (const note of notes) blocks.push({ row: row++, col: 0, values: [[note.join("")]], style: NOTE_STYLE });
  }
  for (let i = laid.linesAt; i < laid.blocks.length; i++) blocks.push(laid.blocks[i]!);
  return laid.sheet(blocks);
}

/** A note under a statement's cost line, laid out for paper. */
export interface StatementNote {
  /**
   * Its text in pieces, which joined are the text: a basis note's pieces other than the partner's figures are the same
   * strings on every partner's statement of the line-year, so a writer can keep what it makes of them.
   */
  readonly pieces: readonly string[];
  /**
   * The row's height when the note is longer than the first column: it is then merged across the printed columns
   * ({@link StatementLines.cols}) and wrapped. Undefined: it fits, is not merged and keeps the row's height.
   */
  readonly height: number | undefined;
}

/** A statement's cost line laid out for paper: its charge row, then each of its notes on a row of its own. */
export interface StatementLine {
  /** Cost line, year, category, nature (text) and the charge (£), wrapped within their columns. */
  readonly cells: readonly CellValue[];
  /** The charge row's height when a text in it takes more than one line; undefined keeps the row's height. */
  readonly height: number | undefined;
  readonly notes: readonly StatementNote[];
}

/**
 * A statement's charges by cost line (a statement of a 10,000-line model has 50,000 of them), laid out one line at a
 * time when asked for, so that a writer can put them in the file without holding them all.
 */
export interface StatementLines {
  /** The first line's row (zero-based) and the rows the lines take. */
  readonly row: number;
  readonly rows: number;
  /** How many lines; {@link line} lays out one of them. */
  readonly count: number;
  /**
   * Lays out line `i`: the same object each time, refilled (a large model's statement lays out 50,000 lines, and an
   * object or two for each was most of what its garbage collection had to do), so it is read before the next is asked for.
   */
  readonly line: (i: number) => StatementLine;
  /** A charge row's number format by column (null: General); its cells are wrapped. */
  readonly formats: readonly (string | null)[];
  /** The notes' style. */
  readonly noteStyle: CellStyle;
  /** The columns a long note is merged across. */
  readonly cols: number;
}

/**
 * A partner's statement as {@link partnerStatementSheet} lays it out, with the rows of its charges by cost line apart:
 * `sheet` holds every other block, its text layout (merges, wraps, heights) and print setup exactly as the whole
 * sheet's, and `lines` the cost lines laid out as the whole sheet's text layout lays them out (their charge rows wrapped
 * within their cells, their notes merged across the page when longer than the first column).
 */
export interface StatementParts {
  readonly sheet: SheetSpec;
  readonly lines: StatementLines;
}

/**
 * A charge row's height as {@link wrappedHeight} gives it (its cells wrapped within their columns, unstyled), the first
 * cell's lines given when they were counted already.
 */
function chargeHeight(cells: readonly CellValue[], widths: readonly number[], firstLines: number | undefined): number | undefined {
  let lines = 1;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v === "string")
      lines = Math.max(lines, c === 0 && firstLines !== undefined ? firstLines : wrappedLines(v, widthOf(widths, c, 1), undefined));
  }
  return lines > 1 ? rowHeight(lines, undefined) : undefined;
}

/** A partner's statement with its cost lines apart, for a writer that writes them row by row (see {@link StatementParts}). */
export function partnerStatementParts(
  outputs: RunOutputs,
  partner: string,
  prepared: StatementsPrepared = prepareStatements(outputs),
): StatementParts {
  const laid = statementLayout(outputs, partner, prepared);
  const sheet = laid.sheet([...laid.blocks]);
  const cols = sheet.print?.area.cols ?? 1;
  const widths = sheet.columnWidths;
  // One line laid out for paper, refilled for each (see StatementLines.line), and one count of a note's lines.
  const laidLine: {
    cells: readonly CellValue[];
    height: number | undefined;
    notes: { pieces: readonly string[]; height: number | undefined }[];
    same: LineYearWords | undefined;
  } = { cells: [], height: undefined, notes: [], same: undefined };
  const span = SpanLines.of(widths, cols, NOTE_STYLE);
  return {
    sheet,
    lines: {
      row: laid.row,
      rows: laid.rows,
      count: laid.count,
      formats: LINE_FORMATS,
      noteStyle: NOTE_STYLE,
      cols,
      line: (i) => {
        const { cells, notes, shared } = laid.line(i);
        // The first cell's lines and the basis note's count after its lead are measured once a line-year, for all partners.
        let measured = shared?.measured;
        if (shared !== undefined && (measured === undefined || measured.widths !== widths || measured.cols !== cols)) {
          const textLines = wrappedLines(shared.text, widthOf(widths, 0, 1), undefined);
          shared.measured = measured = { widths, cols, textLines, lead: SpanLines.of(widths, cols, NOTE_STYLE).read(shared.lead) };
        }
        laidLine.cells = cells;
        laidLine.same = shared;
        laidLine.height = chargeHeight(cells, widths, measured?.textLines);
        if (laidLine.notes.length !== notes.length) laidLine.notes.length = notes.length;
        for (let n = 0; n < notes.length; n++) {
          const pieces = notes[n]!;
          let height: number | undefined;
          if (n > 0 || measured === undefined || pieces[0] !== shared?.lead)
            height = spanHeight(pieces.length === 1 ? pieces[0]! : pieces.join(""), widths, cols, NOTE_STYLE);
          else {
            span.from(measured.lead);
            for (let k = 1; k < pieces.length; k++) span.read(pieces[k]!);
            height = span.height();
          }
          const note = (laidLine.notes[n] ??= { pieces, height });
          note.pieces = pieces;
          note.height = height;
        }
        return laidLine;
      },
    },
  };
}

/**
 * What a statement sheet in the workbook is named before its partner's id: an en dash, which no one types by hand, so it
 * is not a user's sheet name (and a user's sheet of that name stops the write rather than being replaced).
 */
export const STATEMENT_SHEET_PREFIX = "Statement \u2013 ";

/** Excel's longest sheet name. */
const SHEET_NAME_MAX = 31;

/**
 * The name of a partner's statement sheet in the workbook, "Statement – LEW":
 * characters Excel refuses in a sheet name ([ ] : * ? / \) become "_", a long
 * id is shortened to fit Excel's 31 characters, and a name already in `taken`
 * (compared as Excel does, ignoring case) gets " 2", " 3"….
 */
export function statementSheetName(id: string, taken: ReadonlySet<string>): string {
  const safe = id.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "");
  // Excel refuses a sheet name ending in an apostrophe, which shortening could leave.
  const fit = (suffix: string): string =>
    `${STATEMENT_SHEET_PREFIX}${safe}`.slice(0, SHEET_NAME_MAX - suffix.length).replace(/'+$/, "") + suffix;
  let name = fit("");
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = fit(` ${n}`);
  return name;
}

/**
 * The statement sheets to write into the workbook for the given partners, in
 * the order given: each the layout `--statements` writes to a partner's own
 * workbook (one sheet of plain values), named by {@link statementSheetName}.
 */
export function buildStatementSheets(outputs: RunOutputs, partners: readonly string[]): SheetSpec[] {
  const taken = new Set<string>();
  const prepared = prepareStatements(outputs);
  return partners.map((id) => {
    const name = statementSheetName(id, taken);
    taken.add(name.toLowerCase());
    return { ...partnerStatementSheet(outputs, id, prepared), name };
  });
}
