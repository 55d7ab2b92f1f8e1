/** What the command line was asked to do. */
export type Command =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "listSamples"; readonly json: boolean }
  | { readonly kind: "sample"; readonly sample: string; readonly file: string; readonly force: boolean; readonly json: boolean }
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
      /** `--max-unzipped <MiB>`: raises (or lowers) the size limit; undefined for the default. */
      readonly maxUnzippedMiB: number | undefined;
      /** `--max-table-cells <count>`: the cells limit per table; undefined for the default. */
      readonly maxTableCells: number | undefined;
      /** `--pdf <file.pdf>`: the committee pack as PDF (LibreOffice converts it). */
      readonly pdf: string | undefined;
      /** `--statements <folder>`: one statement workbook per partner. */
      readonly statements: string | undefined;
    };

/** A usage error, with the one-line reason. */
export interface UsageError {
  readonly usage: string;
}

const FLAGS = new Set(["--help", "-h", "--version", "-v", "--json", "--check", "--no-write", "--force", "--progress", "--no-progress", "--list-samples", "--verify"]);
const VALUED = new Set(["--out", "-o", "--scenario", "-s", "--sample", "--prepared-by", "--sign-off", "--max-unzipped", "--max-table-cells", "--pdf", "--statements"]);

/**
 * Parses the arguments (after `node script`). Accepts `--flag value` and
 * `--flag=value`; `--` ends the options. Returns the command or a usage
 * error: never throws.
 */
export function parseArgs(argv: readonly string[]): Command | UsageError {
  const flags = new Set<string>();
  const values = new Map<string, string>();
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
    if (VALUED.has(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || (v === "" && canonical(name) !== "--scenario")) return { usage: `${name} needs a value.` };
      if (values.has(canonical(name))) return { usage: `${name} is given more than once.` };
      values.set(canonical(name), v);
    } else if (FLAGS.has(name) && eq < 0) flags.add(canonical(name));
    else return { usage: `unknown option ${a}.` };
  }
  const json = flags.has("--json");
  if (flags.has("--help")) return { kind: "help" };
  if (flags.has("--version")) return { kind: "version" };
  if (flags.has("--list-samples")) return { kind: "listSamples", json };
  const sample = values.get("--sample");
  if (sample !== undefined) {
    if (positional.length !== 1) return { usage: `--sample ${sample} needs exactly one file to write, e.g. --sample ${sample} model.xlsx.` };
    for (const f of ["--check", "--no-write"]) if (flags.has(f)) return { usage: `${f} cannot be used with --sample.` };
    if (values.has("--out") || values.has("--scenario")) return { usage: "--out and --scenario cannot be used with --sample." };
    return { kind: "sample", sample, file: positional[0] ?? "", force: flags.has("--force"), json };
  }
  if (positional.length === 0) return { usage: "no workbook given: shared-apportion <model.xlsx> (or --help)." };
  if (positional.length > 1) return { usage: `one workbook at a time: got ${positional.map((p) => `"${p}"`).join(", ")}.` };
  if (flags.has("--check") && values.has("--out")) return { usage: "--check writes nothing, so --out cannot be used with it." };
  if (flags.has("--progress") && flags.has("--no-progress")) return { usage: "--progress and --no-progress contradict each other." };
  if (flags.has("--verify")) {
    for (const f of ["--check", "--no-write", "--force"]) if (flags.has(f)) return { usage: `--verify writes nothing and checks the file as it is, so ${f} cannot be used with it.` };
    for (const v of ["--out", "--sign-off", "--scenario"]) if (values.has(v)) return { usage: `--verify checks the run recorded in the file, so ${v} cannot be used with it.` };
  }
  for (const v of ["--pdf", "--statements"]) {
    if (!values.has(v)) continue;
    for (const f of ["--check", "--verify"]) if (flags.has(f)) return { usage: `${v} writes the results of a run, so ${f} cannot be used with it.` };
  }
  const pdf = values.get("--pdf");
  if (pdf !== undefined && !/\.pdf$/i.test(pdf)) return { usage: `--pdf needs a file name ending .pdf, e.g. --pdf pack.pdf (got "${pdf}").` };
  const signOff = values.get("--sign-off");
  if (signOff !== undefined) {
    for (const f of ["--check", "--no-write"]) if (flags.has(f)) return { usage: `--sign-off records an approval in the workbook, so ${f} cannot be used with it.` };
    if (values.has("--out")) return { usage: "--sign-off records an approval in the workbook itself, so --out cannot be used with it." };
    if (!/\S.*,.*\S/.test(signOff)) return { usage: '--sign-off needs "Name, Role", e.g. --sign-off "Jane Smith, s151 officer".' };
  }
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
  };
}

/** A limit's value: undefined when not given, null when not a positive whole number. */
function positiveWhole(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  return /^\d{1,15}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

function canonical(name: string): string {
  switch (name) {
    case "-h":
      return "--help";
    case "-v":
      return "--version";
    case "-o":
      return "--out";
    case "-s":
      return "--scenario";
    default:
      return name;
  }
}

/** True for a usage error. */
export function isUsageError(x: Command | UsageError): x is UsageError {
  return "usage" in x;
}
