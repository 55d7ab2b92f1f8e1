import { formatMoney, longDate, parseDate, type DisputeRegister, type ExitReport, type ExitsReport, type ModelRun } from "../../../engine";
import type { Block, CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { outputSheet, pounds, runNotes } from "./common";
import { fitFigures } from "./paper";
import { runPartners } from "./partners";

const RULE_WORDS = { stranded: "Stranded", committed: "Committed contract", variable: "Variable", own: "Its own" } as const;
const STATUS_WORDS = { open: "Open (held)", agreed: "Agreed", withdrawn: "Withdrawn", recovered: "Recovered" } as const;

/** An ISO date in words ("30 September 2021"). */
function words(iso: string): string {
  const d = parseDate(iso, { entity: "argument" });
  return d.ok ? longDate(d.value) : iso;
}

/** A run's partner names by id. */
function namesOf(run: ModelRun): Map<string, string> {
  return new Map(runPartners(run).map((p) => [p.id, p.name]));
}

/** The heading and terms of one exit. */
function exitHeading(e: ExitReport, names: ReadonlyMap<string, string>): string[] {
  const notice =
    e.notice === undefined
      ? "No notice date given: charged as a member to its leave date."
      : `Notice given ${words(e.notice)} (${e.noticeMonths} months): charged as a member to ${words(e.chargedUntil)}.`;
  return [
    `${names.get(e.partner) ?? e.partner} (${e.partner}) leaves on ${words(e.leaves)}`,
    notice,
    e.committedRule === "contract end"
      ? "Committed contracts: the leaver pays its share to each contract's end date."
      : "Committed contracts: the leaver pays nothing after it leaves; the remaining partners bear them.",
  ];
}

/**
 * The Exit statement sheet (docs/exits.md): for each leaver, what it owes by
 * year and line, and why (its share as a member, for the rest of its notice,
 * of committed contracts to their end, and its exit costs), beside what it
 * would have paid had it stayed. Written only for a model with leavers.
 */
export function exitStatementSheet(run: ModelRun, report: ExitsReport, scenario?: string): SheetSpec {
  const names = namesOf(run);
  const blocks: Block[] = [
    { row: 0, col: 0, values: [["Exit statement: what each leaver owes, by year, and why"]], style: "title" },
    { row: 1, col: 0, values: runNotes(run.result, scenario, true).map((n) => [n]), style: "note" },
  ];
  let row = 3;
  for (const e of report.exits) {
    const [title, ...terms] = exitHeading(e, names);
    blocks.push({ row, col: 0, values: [[title ?? ""]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: terms.map((t) => [t]), style: "note" });
    row += terms.length + 2;
    blocks.push({ row, col: 0, values: [["Year", "If it stayed (£)", "It owes (£)", "Difference (£)"]], style: "header" });
    const years: CellValue[][] = e.statementByYear.map((y) => [
      y.yearLabel,
      pounds(y.ifStayed),
      pounds(y.owes),
      pounds(y.owes - y.ifStayed),
    ]);
    const stayed = e.statementByYear.reduce((s, y) => s + y.ifStayed, 0);
    const owes = e.statementByYear.reduce((s, y) => s + y.owes, 0);
    blocks.push({ row: row + 1, col: 0, values: years, formats: [null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT] });
    blocks.push({
      row: row + 1 + years.length,
      col: 0,
      values: [["Total", pounds(stayed), pounds(owes), pounds(owes - stayed)]],
      formats: [null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT],
      style: "total",
    });
    row += years.length + 3;
    const header = ["Year", "Line", "Rule", "If stayed (£)", "Member (£)", "Notice (£)", "Committed (£)", "Exit cost (£)", "Owes (£)"];
    blocks.push({ row, col: 0, values: [header], style: "header" });
    const body: CellValue[][] = e.statement.map((s) => [
      s.yearLabel,
      s.line,
      RULE_WORDS[s.rule],
      pounds(s.ifStayed),
      pounds(s.member),
      pounds(s.notice),
      pounds(s.committed),
      pounds(s.exitCost),
      pounds(s.total),
    ]);
    blocks.push({ row: row + 1, col: 0, values: body, formats: [null, null, null, ...Array<string>(6).fill(MONEY_FORMAT)] });
    row += body.length + 2;
    // Why, a line each, so the reason never widens the printed page.
    const why = e.statement.filter((s) => s.total !== 0 || s.ifStayed !== 0).map((s) => [`${s.yearLabel} ${s.line}: ${s.why}`]);
    blocks.push({ row, col: 0, values: why, style: "note" });
    row += why.length + 2;
  }
  return outputSheet("exitStatement", { blocks, freezeRows: 0, columnWidths: fitFigures(blocks, [52, 110, 96, 64, 64, 64, 64, 64, 64]) });
}

/**
 * The Harm report sheet (docs/exits.md), the mirror of "do no harm" for a
 * joiner: for each leaver, what its exit costs each remaining partner by year
 * and category, the lines behind each change, and the whole (before, what fell
 * away with the leaver, exit costs, after) so every figure can be added up.
 */
export function harmReportSheet(run: ModelRun, report: ExitsReport, scenario?: string): SheetSpec {
  const names = namesOf(run);
  const blocks: Block[] = [
    { row: 0, col: 0, values: [["Harm report: what each exit costs the remaining partners, by year"]], style: "title" },
    { row: 1, col: 0, values: runNotes(run.result, scenario, true).map((n) => [n]), style: "note" },
  ];
  let row = 3;
  const money = (n: number): (string | null)[] => [...Array<null>(3).fill(null), ...Array<string>(n).fill(MONEY_FORMAT)];
  for (const e of report.exits) {
    blocks.push({ row, col: 0, values: [[exitHeading(e, names)[0] ?? ""]], style: "header" });
    const verdict = e.noHarm
      ? "No remaining partner pays more in any year or category."
      : `Remaining partners pay more: ${e.byPartner.map((p) => `${p.partner} ${formatMoney(p.increase)}`).join(", ")} in all (rises only).`;
    blocks.push({ row: row + 1, col: 0, values: [[verdict]], style: "note" });
    row += 3;
    blocks.push({ row, col: 0, values: [["Partner", "Year", "Category", "Before (£)", "After (£)", "Change (£)"]], style: "header" });
    const body: CellValue[][] = e.harm.map((h) => [
      h.partner,
      h.yearLabel,
      h.category,
      pounds(h.before),
      pounds(h.after),
      pounds(h.change),
    ]);
    blocks.push({ row: row + 1, col: 0, values: body, formats: money(3) });
    row += body.length + 3;
    if (e.harmLines.length > 0) {
      blocks.push({ row, col: 0, values: [["Partner", "Year", "Line", "Rule", "Change (£)"]], style: "header" });
      const lines: CellValue[][] = e.harmLines.map((h) => [h.partner, h.yearLabel, h.line, RULE_WORDS[h.rule], pounds(h.change)]);
      blocks.push({ row: row + 1, col: 0, values: lines, formats: [null, null, null, null, MONEY_FORMAT] });
      row += lines.length + 3;
    }
    blocks.push({
      row,
      col: 0,
      values: [["Year", "Before (£)", "Fell away (£)", "Exit costs (£)", "After (£)", "Leaver (£)", "Remaining (£)"]],
      style: "header",
    });
    const whole: CellValue[][] = e.whole.map((w) => [
      w.yearLabel,
      pounds(w.before),
      pounds(w.fallen),
      pounds(w.exitCosts),
      pounds(w.after),
      pounds(w.leaver),
      pounds(w.remaining),
    ]);
    blocks.push({ row: row + 1, col: 0, values: whole, formats: [null, ...Array<string>(6).fill(MONEY_FORMAT)] });
    blocks.push({
      row: row + 2 + whole.length,
      col: 0,
      values: [["After = before − fell away + exit costs = leaver + remaining, to the penny, in every year."]],
      style: "note",
    });
    row += whole.length + 5;
  }
  return outputSheet("harmReport", { blocks, freezeRows: 0, columnWidths: fitFigures(blocks, [60, 60, 70, 64, 64, 64, 64]) });
}

/**
 * The Dispute register sheet (docs/exits.md): every disputed charge and
 * recovery, each partner's position (charged, held, credits, net) and the
 * balancing, in which held amounts stay in until the dispute is settled.
 */
export function disputeRegisterSheet(run: ModelRun, register: DisputeRegister, scenario?: string): SheetSpec {
  const blocks: Block[] = [
    { row: 0, col: 0, values: [["Dispute register: disputed charges, held amounts and credits"]], style: "title" },
    { row: 1, col: 0, values: runNotes(run.result, scenario, true).map((n) => [n]), style: "note" },
  ];
  let row = 3;
  blocks.push({
    row,
    col: 0,
    values: [["Ref", "Line", "Partner", "Years", "Amount (£)", "Raised on", "Status", "Held (£)", "Credit (£)"]],
    style: "header",
  });
  const body: CellValue[][] = register.disputes.map((d) => [
    d.ref,
    d.line === "" ? "Every line" : d.line,
    d.partner === "" ? "All who paid" : d.partner,
    d.years,
    pounds(d.amount),
    d.raisedOn === undefined ? "" : words(d.raisedOn),
    STATUS_WORDS[d.status],
    pounds(d.held),
    pounds(d.withdrawn + (d.recovery ?? []).reduce((s, r) => s + r.credit, 0)),
  ]);
  const f9 = [null, null, null, null, MONEY_FORMAT, null, null, MONEY_FORMAT, MONEY_FORMAT];
  blocks.push({ row: row + 1, col: 0, values: body, formats: f9 });
  row += body.length + 2;
  const outcomes = register.disputes.filter((d) => d.outcome !== "").map((d) => [`${d.ref}: ${d.outcome}`]);
  if (outcomes.length > 0) {
    blocks.push({ row, col: 0, values: outcomes, style: "note" });
    row += outcomes.length + 1;
  }
  row += 1;
  blocks.push({
    row,
    col: 0,
    values: [["Partner", "Charged (£)", "Held (£)", "Agreed (£)", "Withdrawn (£)", "Recovered (£)", "Net (£)"]],
    style: "header",
  });
  const partners: CellValue[][] = register.partners.map((p) => [
    p.partner,
    pounds(p.charged),
    pounds(p.held),
    pounds(p.agreed),
    pounds(p.withdrawn),
    pounds(p.recovered),
    pounds(p.net),
  ]);
  const b = register.balancing;
  const f7 = [null, ...Array<string>(6).fill(MONEY_FORMAT)];
  blocks.push({ row: row + 1, col: 0, values: partners, formats: f7 });
  const agreed = register.partners.reduce((t, p) => t + p.agreed, 0);
  blocks.push({
    row: row + 1 + partners.length,
    col: 0,
    values: [["All partners", pounds(b.charged), pounds(b.held), pounds(agreed), pounds(b.withdrawn), pounds(b.recovered), pounds(b.net)]],
    formats: f7,
    style: "total",
  });
  row += partners.length + 3;
  // The balancing in one sentence (a note is laid across the page): held amounts stay in until settled.
  blocks.push({
    row,
    col: 0,
    values: [
      [
        `Balancing: every partner's charges, ${formatMoney(b.charged)} (the costs in full, of which ${formatMoney(b.held)} held in ` +
          `open disputes), less ${formatMoney(b.withdrawn)} withdrawn (borne by the service) and ${formatMoney(b.recovered)} ` +
          `recovered from third parties and credited, leaves ${formatMoney(b.net)} due from the partners.`,
      ],
    ],
    style: "note",
  });
  row += 3;
  const recoveries = register.disputes.filter((d) => d.recovery !== undefined);
  for (const d of recoveries) {
    const what = `${d.line === "" ? "every line" : `line ${d.line}`} in ${d.years}`;
    blocks.push({
      row,
      col: 0,
      values: [[`Recovery ${d.ref}, ${formatMoney(d.amount)}: credited in the shares each partner paid on ${what}`]],
      style: "note",
    });
    blocks.push({ row: row + 1, col: 0, values: [["Partner", "Paid (£)", "Credit (£)"]], style: "header" });
    const rows: CellValue[][] = (d.recovery ?? []).map((r) => [r.partner, pounds(r.paid), pounds(r.credit)]);
    blocks.push({ row: row + 2, col: 0, values: rows, formats: [null, MONEY_FORMAT, MONEY_FORMAT] });
    row += rows.length + 4;
  }
  return outputSheet("disputeRegister", { blocks, freezeRows: 0, columnWidths: fitFigures(blocks, [60, 70, 70, 110, 64, 96, 80, 64, 64]) });
}

/** An optional exits sheet of a run without it, written in place of one an earlier run left. */
export function exitsRetiredSheet(kind: "exitStatement" | "harmReport" | "disputeRegister"): () => SheetSpec {
  const what = kind === "disputeRegister" ? "disputes (the Disputes sheet)" : "leavers (the Exits sheet)";
  const title = { exitStatement: "Exit statement", harmReport: "Harm report", disputeRegister: "Dispute register" }[kind];
  return () =>
    outputSheet(kind, {
      blocks: [
        { row: 0, col: 0, values: [[`${title}: none in the latest run`]], style: "title" },
        {
          row: 1,
          col: 0,
          values: [
            [
              `The model has no ${what}. This sheet held an earlier run's figures; they were removed so they cannot ` +
                "be taken for the latest run's (see the Run log).",
            ],
          ],
          style: "note",
        },
      ],
      freezeRows: 0,
      columnWidths: [400],
    });
}

/**
 * A partner statement's part on leaving and disputes (docs/exits.md): its own
 * disputes (held amounts are still in its charges above; credits are due to
 * it), its exit if it leaves, or what another partner's exit costs it. No
 * blocks for a partner none of these touches.
 */
export function statementExitBlocks(
  report: { readonly exits?: ExitsReport; readonly disputes?: DisputeRegister } | undefined,
  partner: string,
  start: number,
): { blocks: Block[]; row: number } {
  const blocks: Block[] = [];
  let row = start;
  const register = report?.disputes;
  const own = (register?.disputes ?? []).filter((d) => d.partner === partner || (d.recovery ?? []).some((r) => r.partner === partner));
  const position = register?.partners.find((p) => p.partner === partner);
  if (own.length > 0 && position !== undefined) {
    blocks.push({ row, col: 0, values: [["Disputed charges and credits"]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: [["Dispute", "Years", "Status", "Held (£)", "Credit (£)"]], style: "header" });
    const body: CellValue[][] = own.map((d) => [
      `${d.ref} ${d.line === "" ? "every line" : d.line}`,
      d.years,
      STATUS_WORDS[d.status],
      pounds(d.partner === partner ? d.held : 0),
      pounds(d.partner === partner ? d.withdrawn : ((d.recovery ?? []).find((r) => r.partner === partner)?.credit ?? 0)),
    ]);
    blocks.push({ row: row + 2, col: 0, values: body, formats: [null, null, null, MONEY_FORMAT, MONEY_FORMAT] });
    row += body.length + 2;
    blocks.push({
      row,
      col: 0,
      values: [
        [
          `Held amounts (${formatMoney(position.held)}) are still charged and in the total above until the dispute is settled. ` +
            `Credits due: ${formatMoney(position.withdrawn + position.recovered)}; net after credits ${formatMoney(position.net)}.`,
        ],
      ],
      style: "note",
    });
    row += 2;
  }
  for (const e of report?.exits?.exits ?? []) {
    if (e.partner === partner) {
      blocks.push({ row, col: 0, values: [[`Leaving: ${e.scenario} (see the Exit statement)`]], style: "header" });
      blocks.push({ row: row + 1, col: 0, values: [["Year", "If it stayed (£)", "It owes (£)"]], style: "header" });
      const body: CellValue[][] = e.statementByYear.map((y) => [y.yearLabel, pounds(y.ifStayed), pounds(y.owes)]);
      blocks.push({ row: row + 2, col: 0, values: body, formats: [null, MONEY_FORMAT, MONEY_FORMAT] });
      row += body.length + 3;
      continue;
    }
    const mine = e.harm.filter((h) => h.partner === partner && h.change !== 0);
    if (mine.length === 0) continue;
    blocks.push({ row, col: 0, values: [[`If ${e.scenario}: what it costs this partner (see the Harm report)`]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: [["Year", "Category", "Before (£)", "After (£)", "Change (£)"]], style: "header" });
    const body: CellValue[][] = mine.map((h) => [h.yearLabel, h.category, pounds(h.before), pounds(h.after), pounds(h.change)]);
    blocks.push({ row: row + 2, col: 0, values: body, formats: [null, null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT] });
    row += body.length + 3;
  }
  return { blocks, row };
}
