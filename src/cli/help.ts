import { SAMPLES } from "../samples";
import { OPTIONS, type CliOption } from "./options";

/** Where an option's words start in the help: the column after the widest short labels. */
const TEXT_COLUMN = 26;

/** An option's label in the help: "-o, --out <file.xlsx>", "    --check" (long names line up). */
function label(o: CliOption): string {
  const own = o.helpLabel ?? (o.value === undefined ? o.name : `${o.name} ${o.value}`);
  return `  ${o.short === undefined ? "    " : `${o.short}, `}${own}`;
}

/** The "Run options" section, from the options table: a label and its words, on the label's line when it fits. */
function runOptionsHelp(): string {
  const indent = " ".repeat(TEXT_COLUMN);
  return OPTIONS.flatMap((o) => {
    if (o.help === undefined) return [];
    const [first = "", ...rest] = o.help;
    const head = label(o);
    const lines = head.length < TEXT_COLUMN ? [head.padEnd(TEXT_COLUMN) + first] : [head, indent + first];
    return [...lines, ...rest.map((l) => indent + l)];
  })
    .map((l) => `${l}\n`)
    .join("");
}

/** The `--help` text. */
export function helpText(): string {
  return `shared-apportion: recalculate a Shared Cost Apportionment workbook without Excel.

Usage:
  shared-apportion <model.xlsx> [options]      run the model and write the output sheets
  shared-apportion <model.xlsx> --explain <ref> --partner <id> --year <2021/22>
                                               explain one charge (writes nothing)
  shared-apportion --sample <name> <file.xlsx> write a sample model workbook
  shared-apportion --sample synthetic --lines N --partners P --years Y <file.xlsx>
                                               write a synthetic model of that size
  shared-apportion --list-samples              list the samples
  shared-apportion --help | --version

Run options:
${runOptionsHelp()}
Samples: ${SAMPLES.map((s) => s.id).join(", ")}, synthetic (made-up figures of any size:
--lines 1 to 1,000,000, default 1,000; --partners 1 to 1,000, default 20; --years 1 to 50,
default 5; the same size always gives the same model)

Only the add-in's own sheets are written (Summary, Committee summary, Allocations, Budget
check, Scenario comparison, Trace, Charts, Support flows, Service recharges and RO view when
the model has them, Run log); every other sheet is left as it was. Every run
checks whether the results in the workbook still match its inputs and says if not. A write goes to a
temporary file in the same folder, which replaces the target only when complete.
The Charts sheet's charts are written as native Excel charts (DrawingML chart parts,
which LibreOffice draws too); charts on the user's own sheets cannot be kept.

A workbook that is read-only, being written by another run, or changed by someone
while this one works is not written; see docs/cli-safety.md.

Exit codes: 0 done; 1 the model has problems (each listed with its cell); 2 wrong
usage; 3 the file cannot be read or written (one-line reason).
`;
}
