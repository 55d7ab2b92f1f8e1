import { SCALE_DEFAULTS, SCALE_LIMITS, type ScaleOptions } from "../samples";
import { conflictIn, optionNamed } from "./options";
import { unstorableCharacter } from "./xlsx/ooxml-text";

/** What the command line was asked to do. */
export type Command =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "listSamples"; readonly json: boolean }
  | {
      readonly kind: "sample";
      readonly sample: string;
      readonly file: string;
      readonly force: boolean;
      readonly json: boolean;
      /** The size of the `synthetic` sample (undefined for the others). */
      readonly size?: ScaleOptions;
    }
  | {
      readonly kind: "explain";
      readonly file: string;
      /** The cost line's reference, the partner's id and the financial year of the charge to explain. */
      readonly ref: string;
      readonly partner: string;
      readonly year: string;
      readonly scenario: string | undefined;
      readonly json: boolean;
    }
  | {
      readonly kind: "run";
      readonly file: string;
      /** Write the results here instead of into `file`. */
      readonly out: string | undefined;
      /** Validate only: read and check the model, write nothing. */
      readonly check: boolean;
      /** Run and report, write nothing. */
      readonly noWrite: boolean;
      readonly scenario: string | undefined;
      readonly json: boolean;
      /** Replace output sheets even if someone edited them by hand. */
      readonly force: boolean;
      /** Progress bar: undefined decides by whether stderr is a terminal. */
      readonly progress: boolean | undefined;
      /** Who prepares the run, for the Run log (default: the Settings table's "Prepared by"). */
      readonly preparedBy: string | undefined;
      /** "Name, Role" approving the latest run: recorded in the Run log. */
      readonly signOff: string | undefined;
      /** Recompute the recorded run and compare every output cell; writes nothing. */
      readonly verify: boolean;
      /** Scenarios to compare side by side with the base model (`--compare`, repeated); empty: the run settings' comparison. */
      readonly compare: readonly string[];
      /** `--max-unzipped <MiB>`: raises (or lowers) the size limit; undefined for the default. */
      readonly maxUnzippedMiB: number | undefined;
      /** `--max-table-cells <count>`: the cells limit per table; undefined for the default. */
      readonly maxTableCells: number | undefined;
      /** `--pdf <file.pdf>`: the committee pack as PDF (LibreOffice converts it). */
      readonly pdf: string | undefined;
      /** `--statements <folder>`: one statement workbook per partner. */
      readonly statements: string | undefined;
      /** `--pdf-timeout <seconds>`: how long LibreOffice may take; undefined for the default. */
      readonly pdfTimeoutSeconds: number | undefined;
      /** `--against <last-year.xlsx>`: the methodology paper against that workbook's signed-off run. */
      readonly against: string | undefined;
      /** `--journals <folder>`: each ledger's journals as CSV in its layout (docs/journals.md). */
      readonly journals?: string | undefined;
      /** `--invoices <folder>`: each partner's invoice schedule as CSV, and the host's. */
      readonly invoices?: string | undefined;
      /** `--csv-bom`: start each CSV with a byte-order mark, for Excel. */
      readonly csvBom?: boolean;
      /** `--import-actuals <file.csv>`: a ledger transaction export imported into the Actuals table first (docs/monitoring.md). */
      readonly importActuals?: string | undefined;
      /** `--import-drivers <file.csv>`: a usage (ticket) export counted against the model's driver estimates. */
      readonly importDrivers?: string | undefined;
      /** Warnings about the arguments themselves (a comparison the run already makes). */
      readonly warnings: readonly string[];
    };

/** The sample whose size is chosen on the command line. */
export const SYNTHETIC = "synthetic";

/** A usage error, with the one-line reason. */
export interface UsageError {
  readonly usage: string;
}

/** The options that write a run's results beside the workbook. */
const WRITERS = ["--pdf", "--statements", "--journals", "--invoices"];
const SIZE_OPTIONS = ["--lines", "--partners", "--years"] as const;

/** A size option's value as a whole number within its limits, or the usage error. */
function sizeValue(option: (typeof SIZE_OPTIONS)[number], text: string | undefined): number | UsageError {
  const key = option.slice(2) as keyof ScaleOptions;
  if (text === undefined) return SCALE_DEFAULTS[key];
  const { min, max } = SCALE_LIMITS[key];
  const n = /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    return {
      usage: `${option} must be a whole number from ${min.toLocaleString("en-GB")} to ${max.toLocaleString("en-GB")}, not "${text}".`,
    };
  return n;
}

/**
 * Parses the arguments (after `node script`). Accepts `--flag value` and
 * `--flag=value`; `--` ends the options. Returns the command or a usage
 * error: never throws.
 */
export function parseArgs(argv: readonly string[]): Command | UsageError {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const compare: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    const option = optionNamed(name);
    if (option === undefined || (option.value === undefined && eq > 0)) return { usage: `unknown option ${a}.` };
    if (option.value === undefined) {
      flags.add(option.name);
      continue;
    }
    const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (option.repeatable) {
      // --compare may be given several times: each names a scenario to compare side by side with the base.
      if (v === undefined || v.trim() === "") return { usage: `${name} needs a scenario's name.` };
      if (compare.some((c) => c.trim() === v.trim())) return { usage: `${name} "${v.trim()}" is given more than once.` };
      compare.push(v);
      continue;
    }
    if (v === undefined || (v === "" && !option.mayBeEmpty)) return { usage: `${name} needs a value.` };
    if (values.has(option.name)) return { usage: `${name} is given more than once.` };
    values.set(option.name, v);
  }
  const unstorable = unstorableText(values, compare);
  if (unstorable !== undefined) return unstorable;
  const given = new Set([...flags, ...values.keys(), ...(compare.length > 0 ? ["--compare"] : [])]);
  const json = flags.has("--json");
  if (flags.has("--help")) return { kind: "help" };
  if (flags.has("--version")) return { kind: "version" };
  if (flags.has("--list-samples")) return { kind: "listSamples", json };
  const sample = values.get("--sample");
  const sized = SIZE_OPTIONS.filter((o) => values.has(o));
  if (sample !== undefined) {
    if (positional.length !== 1)
      return { usage: `--sample ${sample} needs exactly one file to write, e.g. --sample ${sample} model.xlsx.` };
    const conflict = conflictIn("sample", given);
    if (conflict !== undefined) return { usage: conflict };
    if (sample !== SYNTHETIC) {
      if (sized.length > 0)
        return { usage: `${sized.join(", ")} ${sized.length === 1 ? "applies" : "apply"} only to --sample ${SYNTHETIC}.` };
      return { kind: "sample", sample, file: positional[0] ?? "", force: flags.has("--force"), json };
    }
    const lines = sizeValue("--lines", values.get("--lines"));
    const partners = sizeValue("--partners", values.get("--partners"));
    const years = sizeValue("--years", values.get("--years"));
    if (typeof lines !== "number") return lines;
    if (typeof partners !== "number") return partners;
    if (typeof years !== "number") return years;
    const size = { lines, partners, years };
    return { kind: "sample", sample, file: positional[0] ?? "", force: flags.has("--force"), json, size };
  }
  if (sized.length > 0) return { usage: `${sized.join(", ")} ${sized.length === 1 ? "applies" : "apply"} only to --sample ${SYNTHETIC}.` };
  if (positional.length === 0) return { usage: "no workbook given: shared-apportion <model.xlsx> (or --help)." };
  if (positional.length > 1) return { usage: `one workbook at a time: got ${positional.map((p) => `"${p}"`).join(", ")}.` };
  const explain = values.get("--explain");
  if (explain !== undefined) {
    const partner = values.get("--partner");
    const year = values.get("--year");
    if (partner === undefined || year === undefined)
      return { usage: `--explain ${explain} needs the charge's partner and year: --explain ${explain} --partner <id> --year <2021/22>.` };
    const conflict = conflictIn("explain", given);
    if (conflict !== undefined) return { usage: conflict };
    return { kind: "explain", file: positional[0] ?? "", ref: explain, partner, year, scenario: values.get("--scenario"), json };
  }
  // The run's conflicts, in the order they are reported when several apply; each option's value is checked after
  // the conflicts of the options before it.
  const conflict = conflictIn("run", given, [...["--partner", "--year", "--check", "--progress", "--verify"], ...WRITERS, "--against"]);
  if (conflict !== undefined) return { usage: conflict };
  const against = values.get("--against");
  if (against !== undefined && !/\.xlsx$/i.test(against))
    return { usage: `--against needs last year's signed-off workbook, a file ending .xlsx (got "${against}").` };
  const pdf = values.get("--pdf");
  if (pdf !== undefined && !/\.pdf$/i.test(pdf))
    return { usage: `--pdf needs a file name ending .pdf, e.g. --pdf pack.pdf (got "${pdf}").` };
  const pdfTimeout = positiveWhole(values.get("--pdf-timeout"));
  // At most a day: longer is no limit at all (and past 24.8 days Node's timer would fire at once).
  if (pdfTimeout === null || (pdfTimeout !== undefined && pdfTimeout > 86_400))
    return { usage: "--pdf-timeout needs a whole number of seconds from 1 to 86400 (a day), e.g. --pdf-timeout 600." };
  const needsPdf = conflictIn("run", given, ["--pdf-timeout", "--sign-off"]);
  if (needsPdf !== undefined) return { usage: needsPdf };
  const signOff = values.get("--sign-off");
  if (signOff !== undefined && !/\S.*,.*\S/.test(signOff))
    return { usage: '--sign-off needs "Name, Role", e.g. --sign-off "Jane Smith, s151 officer".' };
  const imports = conflictIn("run", given, ["--import-actuals", "--import-drivers"]);
  if (imports !== undefined) return { usage: imports };
  const bom = conflictIn("run", given, ["--csv-bom"]);
  if (bom !== undefined) return { usage: bom };
  const maxUnzipped = positiveWhole(values.get("--max-unzipped"));
  if (maxUnzipped === null) return { usage: "--max-unzipped needs a whole number of MiB, e.g. --max-unzipped 1024." };
  const maxCells = positiveWhole(values.get("--max-table-cells"));
  if (maxCells === null) return { usage: "--max-table-cells needs a whole number of cells, e.g. --max-table-cells 5000000." };
  return {
    kind: "run",
    file: positional[0] ?? "",
    out: values.get("--out"),
    check: flags.has("--check"),
    noWrite: flags.has("--no-write"),
    scenario: values.get("--scenario"),
    json,
    force: flags.has("--force"),
    progress: flags.has("--progress") ? true : flags.has("--no-progress") ? false : undefined,
    preparedBy: values.get("--prepared-by"),
    signOff,
    verify: flags.has("--verify"),
    maxUnzippedMiB: maxUnzipped,
    maxTableCells: maxCells,
    pdf,
    statements: values.get("--statements"),
    compare,
    pdfTimeoutSeconds: pdfTimeout,
    against,
    ...(values.has("--journals") ? { journals: values.get("--journals") } : {}),
    ...(values.has("--invoices") ? { invoices: values.get("--invoices") } : {}),
    ...(flags.has("--csv-bom") ? { csvBom: true } : {}),
    ...(values.has("--import-actuals") ? { importActuals: values.get("--import-actuals") } : {}),
    ...(values.has("--import-drivers") ? { importDrivers: values.get("--import-drivers") } : {}),
    warnings: compareWarnings(values.get("--scenario"), compare),
  };
}

/** Options whose text is written into a workbook (the Run log), or matched against names that are. */
const TEXT_OPTIONS = ["--sign-off", "--prepared-by", "--scenario"] as const;

/**
 * A usage error for option text holding a character XML cannot store
 * (U+FFFF, U+FFFE, a lone surrogate, a control character other than tab and
 * line breaks): written into the Run log it would make the workbook
 * unreadable, so it is refused here, naming the option and where the
 * character is.
 */
function unstorableText(values: ReadonlyMap<string, string>, compare: readonly string[]): UsageError | undefined {
  const given: [string, string][] = [
    ...TEXT_OPTIONS.flatMap((o): [string, string][] => {
      const v = values.get(o);
      return v === undefined ? [] : [[o, v]];
    }),
    ...compare.map((c): [string, string] => ["--compare", c]),
  ];
  for (const [option, text] of given) {
    const bad = unstorableCharacter(text);
    if (bad !== undefined)
      return {
        usage:
          `${option} holds a character a workbook cannot store (${bad.code}, character ${bad.position} of the text); ` +
          `remove it and try again.`,
      };
  }
  return undefined;
}

/** `--scenario X --compare X` (alone): the run already compares X with the base model, so the option does nothing. */
function compareWarnings(scenario: string | undefined, compare: readonly string[]): string[] {
  const run = scenario?.trim();
  if (run === undefined || run === "" || !compare.some((c) => c.trim() === run)) return [];
  return compare.length === 1
    ? [
        `--compare "${run}" names the scenario this run already runs (--scenario "${run}"), which is compared with the base ` +
          `model without it; to compare it with other scenarios, name them with --compare too.`,
      ]
    : [];
}

/** A limit's value: undefined when not given, null when not a positive whole number. */
function positiveWhole(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  return /^\d{1,15}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/** True for a usage error. */
export function isUsageError(x: Command | UsageError): x is UsageError {
  return "usage" in x;
}
