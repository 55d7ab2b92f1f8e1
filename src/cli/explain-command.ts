import {
  problemLine,
  runWorkbook,
  weightWords,
  formatMoney,
  fracToDecimalText,
  fyLabel,
  penceToText,
  basisFigures,
  createStorePort,
  explainTarget,
} from "../app";
import type { ModelRun } from "../engine";
import type { ChargeExplanation } from "../excel";
import { EXIT, type Outcome } from "./outcome";
import { openWorkbook } from "./xlsx/open";

/** `--explain` as asked, with the workbook's absolute path. */
export interface ExplainArgs {
  /** As typed, for messages. */
  readonly file: string;
  readonly path: string;
  readonly ref: string;
  readonly partner: string;
  readonly year: string;
  readonly scenario: string | undefined;
  readonly json: boolean;
}

const NAME = "shared-apportion";
const DP = 10;

function failure(code: number, json: boolean, error: string, details: readonly string[] = []): Outcome {
  if (json) return { code, out: [JSON.stringify({ ok: false, error, problems: details.map((message) => ({ message })) }, null, 2)] };
  return { code, err: [`${NAME}: ${error}`, ...details.map((d) => `  ${d}`)] };
}

/** Why a charge named on the command line is not in the run: which of ref, year and partner is wrong, and what would be right. */
function notFound(run: ModelRun, args: ExplainArgs): string {
  const lines = run.result.lineYears.filter((ly) => ly.lineRef === args.ref);
  if (lines.length === 0) {
    const known = run.model.costLines.some((l) => String(l.ref).trim() === args.ref);
    return known
      ? `--explain ${args.ref}: that cost line has no charge in the modelled years.`
      : `--explain ${args.ref}: there is no cost line "${args.ref}" in the Costs table.`;
  }
  const ly = lines.find((l) => l.yearLabel === args.year);
  if (ly === undefined) {
    const s = run.result.settings;
    return (
      `--year ${args.year}: ${args.ref} has no charge in "${args.year}"; its years are ` +
      `${lines.map((l) => l.yearLabel).join(", ")} (the model runs ${fyLabel(s.firstYear)} to ${fyLabel(s.lastYear)}; write ` +
      `years like 2021/22).`
    );
  }
  const within = run.within
    .filter((w) => w.lineRef === args.ref && w.yearLabel === args.year)
    .flatMap((w) => w.parts.map((p) => p.partner));
  return (
    `--partner ${args.partner}: "${args.partner}" does not share ${args.ref} in ${args.year}; its partners are ` +
    `${[...ly.partners, ...within].join(", ")}.`
  );
}

function explanationText(args: ExplainArgs, e: ChargeExplanation): string[] {
  const t = e.trace;
  const out = [
    `${t.lineRef}, ${args.partner}, ${t.yearLabel} (${t.category}, ${t.nature}): ${formatMoney(chargeOf(args.partner, e))}`,
    `  Line amount in the year: ${formatMoney(t.lineAmount)} (exact £${t.exactLineAmount}; ${t.coverage}; index factor ${t.indexFactor})`,
    `  Basis: ${t.basis}${t.components.length > 0 ? ` (${basisFigures(t)})` : ""}`,
    ...(t.membership === "1" ? [] : [`  Membership: ${t.membership} of the period charged (its weight counts in that proportion)`]),
    `  ${e.split !== undefined && e.split.parent !== args.partner ? `${t.partner}'s weight` : "Weight"}: ` +
      weightWords(t.weight, t.totalWeight, t.components.length > 1),
    `  Exact share: £${t.exactShare}; rounded by largest remainder to ${formatMoney(t.share)} (${t.adjustment})`,
    `  Working: ${t.working}`,
    ...(t.support === undefined ? [] : [`  Support service: ${t.support}`]),
  ];
  const s = e.split;
  if (s !== undefined) {
    out.push(`  Within ${s.parent}: its share ${formatMoney(s.parentShare)} is divided by largest remainder:`);
    out.push(`    ${s.parent} keeps ${formatMoney(s.parentAmount)} (${fracToDecimalText(s.parentProportion, DP)} of the line)`);
    for (const p of s.parts) out.push(`    ${p.partner} ${formatMoney(p.amount)} (${fracToDecimalText(p.proportion, DP)} of the line)`);
  }
  return out;
}

/** What the partner pays: its core share, or its part of (or what it keeps of) a divided share. */
function chargeOf(partner: string, e: ChargeExplanation): number {
  const s = e.split;
  if (s === undefined) return e.trace.share;
  if (s.parent === partner) return s.parentAmount;
  return s.parts.find((p) => p.partner === partner)?.amount ?? e.trace.share;
}

function explanationJson(args: ExplainArgs, e: ChargeExplanation): Record<string, unknown> {
  const t = e.trace;
  const s = e.split;
  return {
    ok: true,
    file: args.file,
    ref: t.lineRef,
    partner: args.partner,
    year: t.yearLabel,
    category: t.category,
    nature: t.nature,
    charge: penceToText(chargeOf(args.partner, e)),
    lineAmount: penceToText(t.lineAmount),
    exactLineAmount: t.exactLineAmount,
    coverage: t.coverage,
    indexFactor: t.indexFactor,
    membership: t.membership,
    // The membership periods the line-year was cut into, each with its members (null when all were members throughout).
    periods: t.periods ?? null,
    basis: t.basis,
    components: t.components,
    corePartner: t.partner,
    weight: t.weight,
    totalWeight: t.totalWeight,
    exactShare: t.exactShare,
    share: penceToText(t.share),
    adjustment: t.adjustment,
    working: t.working,
    support: t.support ?? null,
    within:
      s === undefined
        ? null
        : {
            parent: s.parent,
            parentShare: penceToText(s.parentShare),
            parentKeeps: penceToText(s.parentAmount),
            parentProportion: fracToDecimalText(s.parentProportion, DP),
            parts: s.parts.map((p) => ({
              partner: p.partner,
              amount: penceToText(p.amount),
              proportion: fracToDecimalText(p.proportion, DP),
            })),
          },
  };
}

/**
 * `<model.xlsx> --explain <ref> --partner <id> --year <2021/22>`: runs the
 * model as a run would (the same scenario choice) and explains one charge —
 * the line's amount in the year, the basis and the partner's figures, its
 * weight, the exact share and the rounding adjustment — the same working
 * the task pane's Explain shows. Writes nothing; the Trace sheet holds the
 * line-year's part of this, the charge's own part is built here on demand.
 */
export async function explainCommand(args: ExplainArgs): Promise<Outcome> {
  const opened = await openWorkbook(args.path);
  if (!opened.ok) return failure(EXIT.file, args.json, opened.problem.message.replace(args.path, args.file));
  const port = createStorePort(opened.value.store);
  const result = await runWorkbook(port, args.scenario === undefined ? {} : { scenario: args.scenario });
  if (!result.ok) {
    if (result.kind === "noModel") return failure(EXIT.file, args.json, `${args.file}: ${result.message}`);
    return failure(
      EXIT.problems,
      args.json,
      `${args.file}: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} to fix before the model can run:`,
      result.problems.map(problemLine),
    );
  }
  const run = result.outputs.run;
  const explained = explainTarget(run, { kind: "charge", lineRef: args.ref, partner: args.partner, yearLabel: args.year });
  if (explained === undefined) return failure(EXIT.usage, args.json, notFound(run, args));
  if (args.json) return { code: EXIT.ok, out: [JSON.stringify(explanationJson(args, explained), null, 2)] };
  return { code: EXIT.ok, out: explanationText(args, explained) };
}
