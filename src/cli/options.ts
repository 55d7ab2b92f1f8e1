import { DEFAULT_PDF_TIMEOUT_SECONDS } from "./libreoffice";
import { DEFAULT_LIMITS } from "./xlsx/limits";

/**
 * What the command line is doing, which decides the options refused with each other: writing a sample
 * (`--sample`), explaining one charge (`--explain`) or running a model (everything else).
 */
export type Mode = "sample" | "explain" | "run";

/** Options that cannot be given together with the one that holds this rule, in one mode. */
export interface Refusal {
  readonly mode: Mode;
  /** The options refused, checked in this order: the first one given is named. */
  readonly options: readonly string[];
  /** The usage error naming the refused option. */
  readonly message: (other: string) => string;
}

/** An option that means something only beside one of some others (in the run mode). */
export interface Requirement {
  readonly anyOf: readonly string[];
  readonly message: string;
}

/**
 * One command-line option: how it is parsed, what it cannot be given with, and its help. The table below is the
 * one list of options: the parser, the conflict rules and `--help` all read it (a test proves each is in the help
 * and parses).
 */
export interface CliOption {
  /** The long name, "--out". */
  readonly name: string;
  /** The one-letter name, "-o". */
  readonly short?: string;
  /** The value's placeholder in the help ("<file.xlsx>"); absent for a flag, which takes no value. */
  readonly value?: string;
  /** May be given several times (each value kept, in order); a repeated value is refused. */
  readonly repeatable?: true;
  /** "" is a value (the base model's scenario), not a missing one. */
  readonly mayBeEmpty?: true;
  /**
   * Its lines under "Run options" in the help (the first beside the option, the others below it). Absent for the
   * options the help shows in its usage lines (`--sample`, `--explain`, …) or beside another (`--no-progress`).
   */
  readonly help?: readonly string[];
  /** The label in the help when it is not the option's own ("--progress / --no-progress"). */
  readonly helpLabel?: string;
  readonly refuses?: readonly Refusal[];
  readonly requires?: Requirement;
}

const WRITES_NOTHING_FLAGS = ["--check", "--no-write", "--force", "--progress", "--no-progress", "--verify"];

/** Refused with --check and --verify: an option that writes the results of a run. */
function writesResults(option: string): Refusal {
  return {
    mode: "run",
    options: ["--check", "--verify"],
    message: (f) => `${option} writes the results of a run, so ${f} cannot be used with it.`,
  };
}

/** Refused with --verify and --sign-off, which take the file as it is: an option that changes the model's inputs. */
function changesInputs(option: string): Refusal {
  return {
    mode: "run",
    options: ["--verify", "--sign-off"],
    message: (f) =>
      f === "--verify"
        ? `${option} changes the model's inputs, so --verify (which checks the file as it is) cannot be used with it.`
        : `${option} changes the model's inputs, so ${f} cannot be used with it.`,
  };
}

/** Every option, in the order of the help's "Run options" (the ones listed in its usage lines last). */
export const OPTIONS: readonly CliOption[] = [
  {
    name: "--out",
    short: "-o",
    value: "<file.xlsx>",
    help: ["write the results to this file; the input is not changed", "(without --out the output sheets are written into <model.xlsx>)"],
  },
  {
    name: "--scenario",
    short: "-s",
    value: "<name>",
    mayBeEmpty: true,
    help: [
      "run a scenario from the Scenarios table instead of the one in",
      'the Settings table ("" for the base model); when the Settings',
      "table names no comparison, the base model is compared with it",
    ],
  },
  {
    name: "--compare",
    value: "<name>",
    repeatable: true,
    help: [
      "compare this scenario with the base model; repeat it to put",
      "several side by side (instead of the Settings table's comparison)",
    ],
  },
  {
    name: "--check",
    help: ["validate only: list every problem, write nothing"],
    refuses: [{ mode: "run", options: ["--out"], message: (v) => `--check writes nothing, so ${v} cannot be used with it.` }],
  },
  { name: "--no-write", help: ["run and report, write nothing"] },
  { name: "--json", help: ["print the results (or problems) as JSON on stdout"] },
  {
    name: "--prepared-by",
    value: "<name>",
    help: ["who prepares the run, recorded in the Run log (default: the", 'Settings table\'s "Prepared by")'],
  },
  {
    name: "--verify",
    help: [
      "recompute the run recorded in the file from its inputs and",
      "compare every value in the output sheets; lists each cell",
      "that differs; exit 0 only when all agree; writes nothing",
    ],
    refuses: [
      {
        mode: "run",
        options: ["--check", "--no-write", "--force"],
        message: (f) => `--verify writes nothing and checks the file as it is, so ${f} cannot be used with it.`,
      },
      {
        mode: "run",
        options: ["--out", "--sign-off", "--scenario", "--compare"],
        message: (v) => `--verify checks the run recorded in the file, so ${v} cannot be used with it.`,
      },
    ],
  },
  {
    name: "--sign-off",
    value: '"<Name, Role>"',
    help: ["approve the run in the file: verifies it, then records the", "sign-off in the Run log alone (refused if it does not verify)"],
    refuses: [
      {
        mode: "run",
        options: ["--check", "--no-write"],
        message: (f) => `--sign-off records an approval in the workbook, so ${f} cannot be used with it.`,
      },
      {
        mode: "run",
        options: ["--out"],
        message: (v) => `--sign-off records an approval in the workbook itself, so ${v} cannot be used with it.`,
      },
      {
        mode: "run",
        options: ["--scenario", "--prepared-by", "--pdf", "--statements", "--against", "--journals", "--invoices", "--compare"],
        message: (v) => `--sign-off approves the run recorded in the file as it is, so ${v} cannot be used with it.`,
      },
    ],
  },
  {
    name: "--pdf",
    value: "<file.pdf>",
    help: [
      "also write the committee pack (Committee summary, Scenario",
      "comparison, Budget check, Charts) as PDF, A4 landscape; needs",
      "LibreOffice (or the command SHARED_APPORTION_SOFFICE names)",
    ],
    refuses: [writesResults("--pdf")],
  },
  {
    name: "--pdf-timeout",
    value: "<seconds>",
    help: [`how long LibreOffice may take before it is stopped (default ${DEFAULT_PDF_TIMEOUT_SECONDS})`],
    requires: { anyOf: ["--pdf"], message: "--pdf-timeout applies only with --pdf <file.pdf>." },
  },
  {
    name: "--statements",
    value: "<folder>",
    help: [
      "also write one recharge statement workbook per partner",
      "(plain values, for partners without the add-in); with --pdf,",
      "each as PDF too",
    ],
    refuses: [writesResults("--statements")],
  },
  {
    name: "--against",
    value: "<last-year.xlsx>",
    help: [
      "the methodology paper (in --pdf, --statements and --json)",
      "compares this run's first year with the year before in last",
      "year's signed-off workbook (refused unless it verifies and",
      "its run is signed off)",
    ],
    refuses: [
      {
        mode: "run",
        options: ["--check", "--verify"],
        message: (f) => `--against compares the results of a run with last year's, so ${f} cannot be used with it.`,
      },
    ],
  },
  {
    name: "--journals",
    value: "<folder>",
    help: [
      "also write each ledger's journals as CSV in its layout (the",
      "Ledgers sheet; docs/journals.md); refused if any charge is uncoded",
    ],
    refuses: [writesResults("--journals")],
  },
  {
    name: "--invoices",
    value: "<folder>",
    help: ["also write each partner's invoice schedule as CSV, and the host's"],
    refuses: [writesResults("--invoices")],
  },
  {
    name: "--csv-bom",
    help: ["start each CSV with a byte-order mark, for Excel"],
    requires: { anyOf: ["--journals", "--invoices"], message: "--csv-bom applies only with --journals <folder> or --invoices <folder>." },
  },
  {
    name: "--import-actuals",
    value: "<file.csv>",
    help: [
      "import a ledger transaction export into the Actuals table",
      "before the run (through the Mapping table; the periods in",
      "the file are replaced; any bad row stops it; docs/monitoring.md)",
    ],
    refuses: [changesInputs("--import-actuals")],
  },
  {
    name: "--import-drivers",
    value: "<file.csv>",
    help: ["count a usage (ticket) export per partner and period and", "show the counts beside the driver estimates (writes nothing)"],
    refuses: [changesInputs("--import-drivers")],
  },
  {
    name: "--force",
    help: [
      "replace output sheets that were edited by hand; write into a",
      "workbook even if it holds things this tool cannot keep;",
      "replace an existing PDF or statement (never a read-only one)",
    ],
  },
  {
    name: "--progress",
    helpLabel: "--progress / --no-progress",
    help: ["show or hide the progress bar (default: shown when stderr is", "a terminal)"],
    refuses: [{ mode: "run", options: ["--no-progress"], message: () => "--progress and --no-progress contradict each other." }],
  },
  { name: "--no-progress" },
  {
    name: "--max-unzipped",
    value: "<MiB>",
    help: [`open workbooks up to this size unpacked (default ${DEFAULT_LIMITS.unzippedMiB})`],
  },
  {
    name: "--max-table-cells",
    value: "<count>",
    help: [`read tables up to this many cells (default ${DEFAULT_LIMITS.tableCells})`],
  },
  // Shown in the help's usage lines.
  { name: "--help", short: "-h" },
  { name: "--version", short: "-v" },
  { name: "--list-samples" },
  {
    name: "--sample",
    value: "<name>",
    refuses: [
      { mode: "sample", options: ["--check", "--no-write"], message: (f) => `${f} cannot be used with --sample.` },
      {
        mode: "sample",
        options: ["--out", "--scenario", "--compare"],
        message: () => "--out, --scenario and --compare cannot be used with --sample.",
      },
      { mode: "sample", options: ["--explain"], message: () => "--explain cannot be used with --sample." },
    ],
  },
  { name: "--lines", value: "N" },
  { name: "--partners", value: "P" },
  { name: "--years", value: "Y" },
  {
    name: "--explain",
    value: "<ref>",
    refuses: [
      { mode: "explain", options: WRITES_NOTHING_FLAGS, message: (f) => `${f} cannot be used with --explain (it writes nothing).` },
      {
        mode: "explain",
        options: ["--out", "--sign-off", "--prepared-by"],
        message: (v) => `--explain writes nothing, so ${v} cannot be used with it.`,
      },
      {
        mode: "explain",
        options: ["--compare"],
        message: () => "--explain explains one charge of the run, so --compare cannot be used with it.",
      },
    ],
  },
  { name: "--partner", value: "<id>", requires: { anyOf: ["--explain"], message: "--partner is used with --explain <ref>." } },
  { name: "--year", value: "<2021/22>", requires: { anyOf: ["--explain"], message: "--year is used with --explain <ref>." } },
];

/** The option a name (long or short) stands for; undefined for one that is not an option. */
export function optionNamed(name: string): CliOption | undefined {
  return OPTIONS.find((o) => o.name === name || o.short === name);
}

/**
 * The first conflict among the options given, in this mode: each option given (of those named, in that order; else
 * all, in the table's order) without one it needs (in the run mode), or with one its rules refuse (the first one
 * given is named). Undefined when there is none.
 */
export function conflictIn(mode: Mode, given: ReadonlySet<string>, names?: readonly string[]): string | undefined {
  const options = names === undefined ? OPTIONS : names.flatMap((n) => OPTIONS.filter((o) => o.name === n));
  for (const o of options) {
    if (!given.has(o.name)) continue;
    if (mode === "run" && o.requires !== undefined && !o.requires.anyOf.some((x) => given.has(x))) return o.requires.message;
    for (const r of o.refuses ?? []) {
      if (r.mode !== mode) continue;
      const other = r.options.find((x) => given.has(x));
      if (other !== undefined) return r.message(other);
    }
  }
  return undefined;
}
