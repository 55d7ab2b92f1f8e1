import { DEFAULT_PDF_TIMEOUT_SECONDS } from "./libreoffice";
import { SAMPLES } from "../samples";
import { DEFAULT_LIMITS } from "./xlsx/limits";

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
  -o, --out <file.xlsx>   write the results to this file; the input is not changed
                          (without --out the output sheets are written into <model.xlsx>)
  -s, --scenario <name>   run a scenario from the Scenarios table instead of the one in
                          the Settings table ("" for the base model); when the Settings
                          table names no comparison, the base model is compared with it
      --compare <name>    compare this scenario with the base model; repeat it to put
                          several side by side (instead of the Settings table's comparison)
      --check             validate only: list every problem, write nothing
      --no-write          run and report, write nothing
      --json              print the results (or problems) as JSON on stdout
      --prepared-by <name>
                          who prepares the run, recorded in the Run log (default: the
                          Settings table's "Prepared by")
      --verify            recompute the run recorded in the file from its inputs and
                          compare every value in the output sheets; lists each cell
                          that differs; exit 0 only when all agree; writes nothing
      --sign-off "<Name, Role>"
                          approve the run in the file: verifies it, then records the
                          sign-off in the Run log alone (refused if it does not verify)
      --pdf <file.pdf>    also write the committee pack (Committee summary, Scenario
                          comparison, Budget check, Charts) as PDF, A4 landscape; needs
                          LibreOffice (or the command SHARED_APPORTION_SOFFICE names)
      --pdf-timeout <seconds>
                          how long LibreOffice may take before it is stopped (default ${DEFAULT_PDF_TIMEOUT_SECONDS})
      --statements <folder>
                          also write one recharge statement workbook per partner
                          (plain values, for partners without the add-in); with --pdf,
                          each as PDF too
      --against <last-year.xlsx>
                          the methodology paper (in --pdf, --statements and --json)
                          compares this run's first year with the year before in last
                          year's signed-off workbook (refused unless it verifies and
                          its run is signed off)
      --journals <folder> also write each ledger's journals as CSV in its layout (the
                          Ledgers sheet; docs/journals.md); refused if any charge is uncoded
      --invoices <folder> also write each partner's invoice schedule as CSV, and the host's
      --csv-bom           start each CSV with a byte-order mark, for Excel
      --import-actuals <file.csv>
                          import a ledger transaction export into the Actuals table
                          before the run (through the Mapping table; the periods in
                          the file are replaced; any bad row stops it; docs/monitoring.md)
      --import-drivers <file.csv>
                          count a usage (ticket) export per partner and period and
                          show the counts beside the driver estimates (writes nothing)
      --force             replace output sheets that were edited by hand; write into a
                          workbook even if it holds things this tool cannot keep;
                          replace an existing PDF or statement (never a read-only one)
      --progress / --no-progress
                          show or hide the progress bar (default: shown when stderr is
                          a terminal)
      --max-unzipped <MiB>
                          open workbooks up to this size unpacked (default ${DEFAULT_LIMITS.unzippedMiB})
      --max-table-cells <count>
                          read tables up to this many cells (default ${DEFAULT_LIMITS.tableCells})

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
