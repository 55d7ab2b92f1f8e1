import { TIE_BREAK_RULE, formatMoney, fyLabel, unitName } from "../../../engine";
import type { Block, SheetSpec } from "../cells";
import { OUTPUT_SHEETS, TAB_COLORS } from "../names";
import { printSpec, scenarioText, shorten, withPrintFooter, withTextLayout } from "./common";
import { defaultTitle, type RunOutputs } from "./index";

/** The cover's sheet name in the pack, and the closing note's. */
export const COVER_SHEET = "Cover";
export const ABOUT_SHEET = "About these figures";

/** What each sheet of the pack holds, for the cover's contents. */
const CONTENTS: Readonly<Record<string, string>> = {
  [OUTPUT_SHEETS.committee]: "each partner's capital and revenue charges by year, with its budget and do-no-harm verdicts",
  [OUTPUT_SHEETS.comparison]: "the scenarios compared with the base model, partner by partner and year by year",
  [OUTPUT_SHEETS.budgetCheck]: "each partner's charges against its budgets",
  [OUTPUT_SHEETS.charts]: "the charges as charts",
  [OUTPUT_SHEETS.supportFlows]: "support services serving each other, and each partner's charge under each method",
  [OUTPUT_SHEETS.capitalFinancing]: "each partner's MRP and interest on borrowed capital by year, and capital against cloud",
  [OUTPUT_SHEETS.methodology]: "how the costs were split, the drivers' figures and sources, and each partner's change since last year",
  [OUTPUT_SHEETS.trueUp]: "each partner's share on estimated and on actual drivers, and the true-up adjustments made",
  [ABOUT_SHEET]: "how the figures were worked out, and the run they come from",
};

/** The longest scenario name the cover quotes whole (a longer one is shortened, the same way every time). */
const NAME_MAX = 120;

/** The run line: when it was run, or that it was only calculated and is not in the Run log. */
function runLine(outputs: RunOutputs): string {
  const stamp = outputs.stamp;
  if (stamp === undefined) return "Not recorded in the Run log.";
  return stamp.recorded === false
    ? `Calculated ${stamp.when}; not recorded in the workbook's Run log, so it cannot be verified or signed off.`
    : `Run ${stamp.when}, recorded in the workbook's Run log.`;
}

/** The sign-off line: who signed off a run of exactly these inputs, or that sign-off is pending. */
function signOffLine(outputs: RunOutputs): string {
  if (outputs.stamp?.recorded === false) return "Sign-off: not possible (the run is not recorded).";
  const log = outputs.log ?? [];
  const run = [...log].reverse().find((e) => e.event === "run");
  const signed =
    run === undefined ? undefined : [...log].reverse().find((e) => e.event === "sign-off" && e.fingerprint === run.fingerprint);
  return signed === undefined
    ? "Sign-off: pending (not yet signed off by the s151 officer)."
    : `Sign-off: signed off by ${signed.by} on ${signed.at.slice(0, 10)}.`;
}

/** The scenarios compared, in words. */
function comparedLine(outputs: RunOutputs): string {
  if (outputs.many !== undefined) return `Compared: ${outputs.many.names.map((n) => `"${shorten(n, NAME_MAX)}"`).join(", ")}.`;
  if (outputs.comparison !== undefined)
    return `Compared: "${shorten(outputs.comparison.from, NAME_MAX)}" with "${shorten(outputs.comparison.to, NAME_MAX)}".`;
  return "No scenarios were compared.";
}

/** A pack sheet from its blocks: one wide column of text, A4 landscape, footed like the other pages. */
function textSheet(name: string, kind: string, blocks: readonly Block[], outputs: RunOutputs): SheetSpec {
  const sheet = withTextLayout({
    name,
    kind,
    role: "output",
    blocks,
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freezeRows: 0,
    columnWidths: [140, 560],
    tabColor: TAB_COLORS.output,
    print: {
      ...printSpec(blocks, [], 0),
      area: { row: 0, col: 0, rows: blocks.reduce((m, b) => Math.max(m, b.row + b.values.length), 1), cols: 2 },
    },
  });
  const title = outputs.title === undefined || outputs.title.trim() === "" ? defaultTitle(outputs.run) : outputs.title.trim();
  return withPrintFooter(sheet, {
    title,
    scenario: outputs.scenario,
    when: outputs.stamp?.when,
    ...(outputs.stamp?.recorded === false ? { recorded: false } : {}),
  });
}

/**
 * The committee pack's cover: the model's title, the date, the scenario and
 * the scenarios compared, when it was run, its sign-off (by whom, or
 * pending) and the contents, the sheets in the order they print.
 */
export function coverSheet(outputs: RunOutputs, sheets: readonly string[]): SheetSpec {
  const title = outputs.title === undefined || outputs.title.trim() === "" ? defaultTitle(outputs.run) : outputs.title.trim();
  const s = outputs.run.result.settings;
  const scenario = outputs.scenario === undefined || outputs.scenario === "" ? undefined : shorten(outputs.scenario, NAME_MAX);
  const blocks: Block[] = [
    { row: 0, col: 0, values: [[`${title}: committee pack`]], style: "title" },
    {
      row: 2,
      col: 0,
      values: [
        ["Date", outputs.stamp?.when.replace(/ \d\d:\d\d UTC$/, "") ?? ""],
        ["Figures", `${scenarioText(scenario)}, years ${fyLabel(s.firstYear)} to ${fyLabel(s.lastYear)}`],
        ["Comparisons", comparedLine(outputs)],
        ["Run", runLine(outputs)],
        ["Sign-off", signOffLine(outputs).replace(/^Sign-off: /, "")],
      ],
    },
    { row: 8, col: 0, values: [["Contents"]], style: "header" },
    { row: 9, col: 0, values: sheets.map((n) => [n, CONTENTS[n] ?? ""]) },
  ];
  return textSheet(COVER_SHEET, "packCover", blocks, outputs);
}

/**
 * The pack's closing note: the technical detail a reader may want once, not
 * on every page: the inputs fingerprint, the rounding unit and rule, part
 * years, the balancing check, and how figures and negatives are shown.
 */
export function aboutSheet(outputs: RunOutputs): SheetSpec {
  const s = outputs.run.result.settings;
  const b = outputs.run.result.balance;
  const blocks: Block[] = [
    { row: 0, col: 0, values: [[ABOUT_SHEET]], style: "title" },
    {
      row: 2,
      col: 0,
      values: [
        ["Run", runLine(outputs)],
        [
          "Inputs",
          outputs.stamp === undefined
            ? "No fingerprint was taken of the inputs."
            : `Inputs fingerprint ${outputs.stamp.fingerprint} (the first digits of a SHA-256 of every input table): the same ` +
              "inputs always give the same fingerprint and the same figures.",
        ],
        ["Rounding", `Each charge is rounded to ${unitName(s.unit)}, by largest remainder, so the charges add up exactly to the costs.`],
        ["Tie-break", `${TIE_BREAK_RULE}`],
        ["Part years", `A cost that starts or ends within a year is charged for its part of the year, by ${s.proRata}.`],
        [
          "Balancing",
          `${b.balanced ? "Balanced" : "NOT BALANCED"}: ${formatMoney(b.totalIn)} apportioned, ` +
            `${formatMoney(b.totalOut)} charged to the partners.`,
        ],
        [
          "Figures",
          "Pounds with thousands separators and percentages to two places, right-aligned, each in its own column. " +
            "A negative figure has a minus sign (-£1,234.56, -8.74%): a credit or a fall.",
        ],
      ],
    },
  ];
  return textSheet(ABOUT_SHEET, "packAbout", blocks, outputs);
}
