import type { SheetSpec } from "./cells";
import { OUTPUT_SHEETS } from "./names";
import { serviceSheetRetired } from "./outputs/service-recharges";
import { supportFlowsRetiredSheet } from "./outputs/support-flows";
import { capitalFinancingRetiredSheet } from "./outputs/capital-financing";
import { trueUpRetiredSheet } from "./outputs/true-up";
import { journalsRetiredSheet } from "./outputs/journals";
import { monitoringRetiredSheet } from "./outputs/monitoring-retired";
import { exitsRetiredSheet } from "./outputs/exits";
import { LEDGER_SHEET_KIND, ledgerRetiredSheet } from "./outputs/ledger-sheets";
import type { ExistingSheet } from "./write-plan";

/**
 * Output sheets a run writes only when it has something for them: a model without support services has no Support flows,
 * one without partner service lists no Service recharges or RO view.
 */
const OPTIONAL_OUTPUTS: readonly { readonly kind: string; readonly name: string; readonly retired: () => SheetSpec }[] = [
  { kind: "supportFlows", name: OUTPUT_SHEETS.supportFlows, retired: supportFlowsRetiredSheet },
  { kind: "serviceRecharges", name: OUTPUT_SHEETS.serviceRecharges, retired: serviceSheetRetired("serviceRecharges") },
  { kind: "roView", name: OUTPUT_SHEETS.roView, retired: serviceSheetRetired("roView") },
  { kind: "capitalFinancing", name: OUTPUT_SHEETS.capitalFinancing, retired: capitalFinancingRetiredSheet },
  { kind: "trueUp", name: OUTPUT_SHEETS.trueUp, retired: trueUpRetiredSheet },
  { kind: "monitoring", name: OUTPUT_SHEETS.monitoring, retired: monitoringRetiredSheet },
  { kind: "journals", name: OUTPUT_SHEETS.journals, retired: journalsRetiredSheet },
  { kind: "exitStatement", name: OUTPUT_SHEETS.exitStatement, retired: exitsRetiredSheet("exitStatement") },
  { kind: "harmReport", name: OUTPUT_SHEETS.harmReport, retired: exitsRetiredSheet("harmReport") },
  { kind: "disputeRegister", name: OUTPUT_SHEETS.disputeRegister, retired: exitsRetiredSheet("disputeRegister") },
];

/** The names of the optional output sheets, whose cells a write must read to tell whether they were edited. */
export const OPTIONAL_OUTPUT_NAMES: readonly string[] = OPTIONAL_OUTPUTS.map((o) => o.name);

/**
 * A results write with, for every optional output sheet an earlier run left
 * (ours, by its marker) and this run does not write, a sheet saying there is
 * nothing for it in this run: an earlier run's figures never stand beside
 * this run's as if they were its own; likewise each ledger sheet (one per
 * journal) this run does not write again. The replacement goes through the same
 * checks as any output (an edited sheet is replaced only with consent).
 * Writes other than a run's results (the inputs, statements) are returned as
 * they are.
 */
export function withRetiredOutputs(existing: readonly ExistingSheet[], specs: readonly SheetSpec[]): readonly SheetSpec[] {
  if (!specs.some((s) => s.role === "output" && s.kind === "summary")) return specs;
  const retired = OPTIONAL_OUTPUTS.filter(
    (o) =>
      !specs.some((s) => s.kind === o.kind) &&
      existing.some((e) => e.marker?.role === "output" && e.marker.kind === o.kind && e.name.toLowerCase() === o.name.toLowerCase()),
  );
  // Ledger sheets are named by partner and journal: each an earlier run left that this run does not write says so.
  const written = new Set(specs.map((s) => s.name.toLowerCase()));
  const ledgers = existing.filter(
    (e) => e.marker?.role === "output" && e.marker.kind === LEDGER_SHEET_KIND && !written.has(e.name.toLowerCase()),
  );
  if (retired.length === 0 && ledgers.length === 0) return specs;
  return [...specs, ...retired.map((o) => o.retired()), ...ledgers.map((e) => ledgerRetiredSheet(e.name))];
}
