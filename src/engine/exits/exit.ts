import { isoDate, longDate, parseDate, type DayNumber } from "../dates";
import { fyLabel, fyOfDay, type FinancialYear } from "../financial-year";
import type { Category, CostLineInput, ModelInput } from "../model";
import type { Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { categoryTotals, type ChargeRow } from "../budget/charge-rows";
import { chargesOf, totalsOf, type ApportionResult, type LineYear } from "../apportion";
import { chargedWhollyTo, readBasisText } from "../bases/registry";
import { runModel, type ModelRun } from "../run-model";
import { readExits, type Exits, type Leaver } from "./read-exits";

/** Why a line's cost moves, or does not, when the partner leaves. */
export type LineRule = "stranded" | "committed" | "variable" | "own";

/** One line-year of the leaver's exit statement. */
export interface ExitStatementLine {
  readonly line: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly rule: LineRule;
  /** What it would have paid had it stayed. */
  readonly ifStayed: Pence;
  /** Its share as a member, to its leave date. */
  readonly member: Pence;
  /** Its share for the rest of its notice period, after its leave date. */
  readonly notice: Pence;
  /** Its share of a committed contract after it stopped being charged as a member, to the contract's end. */
  readonly committed: Pence;
  /** A one-off exit cost. */
  readonly exitCost: Pence;
  /** What it owes: member + notice + committed + exitCost. */
  readonly total: Pence;
  /** Why, in words. */
  readonly why: string;
}

/** One remaining partner's figures for a year and category: the mirror of "do no harm". */
export interface HarmRow {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  /** What it pays if the leaver stays. */
  readonly before: Pence;
  /** What it pays after the exit. */
  readonly after: Pence;
  /** after − before: positive when the exit costs it money. */
  readonly change: Pence;
}

/** One line whose charge to a remaining partner moves with the exit, in one year: the "why" of a harm row. */
export interface HarmLine {
  readonly partner: string;
  readonly yearLabel: string;
  readonly line: string;
  readonly rule: LineRule;
  readonly change: Pence;
}

/** The whole, for one year: what the partnership costs before and after the exit, and where the difference went. */
export interface ExitWhole {
  readonly year: FinancialYear;
  readonly yearLabel: string;
  /** Every partner's charges if the leaver stays. */
  readonly before: Pence;
  /** The cost that falls away with the leaver (variable lines and its own lines after it is charged). */
  readonly fallen: Pence;
  /** Exit costs charged to the leaver in the year. */
  readonly exitCosts: Pence;
  /** before − fallen + exitCosts: what the leaver's statement and the remaining partners' charges add up to. */
  readonly after: Pence;
  /** The leaver's exit statement for the year. */
  readonly leaver: Pence;
  /** The remaining partners' charges after the exit. */
  readonly remaining: Pence;
}

/** A partner's exit: the leaver's statement, the harm to each remaining partner and the whole, year by year. */
export interface ExitReport {
  /** "THA leaves on 31 March 2022": the "partner leaves" scenario these figures are. */
  readonly scenario: string;
  readonly partner: string;
  readonly notice?: string;
  readonly leaves: string;
  /** The last day it is charged as a member (its notice end when later than its leave date). */
  readonly chargedUntil: string;
  readonly noticeMonths: number;
  readonly committedRule: string;
  readonly statement: readonly ExitStatementLine[];
  /** The leaver's statement by year: what it owes and what it would have paid had it stayed. */
  readonly statementByYear: readonly { readonly yearLabel: string; readonly ifStayed: Pence; readonly owes: Pence }[];
  /** Every remaining partner × year × category with a charge before or after. */
  readonly harm: readonly HarmRow[];
  /** The lines behind each harm row's change. */
  readonly harmLines: readonly HarmLine[];
  /** Per remaining partner, the increases added up (a fall in one year never offsets a rise in another, as for a joiner). */
  readonly byPartner: readonly { readonly partner: string; readonly increase: Pence }[];
  /** True when no remaining partner pays more in any year and category. */
  readonly noHarm: boolean;
  readonly whole: readonly ExitWhole[];
}

/** The exits of a model: one report per leaver. */
export interface ExitsReport {
  readonly noticeMonths: number;
  readonly committedRule: string;
  readonly exits: readonly ExitReport[];
}

/** True when the model has a leaver to report on. */
export function hasExits(model: ModelInput): boolean {
  return (model.exits?.leavers ?? []).length > 0;
}

/**
 * The exits of a model (docs/exits.md): for each leaver, the model is run as
 * if it stayed and as if it left, and each cost line is settled by its rule:
 *
 * - **stranded** (the default: a cost does not fall unless the model says
 *   so): the leaver stops being a member on the day its charges end, and
 *   the remaining partners share the line from then on by the membership
 *   rule (docs/membership.md);
 * - **committed** (stranded, with a contract end date, under the "contract
 *   end" rule): the leaver pays its share as a member up to the contract's
 *   end, then the remaining partners bear it;
 * - **variable**: the remaining partners pay what they would have paid had it
 *   stayed; the leaver's share after its charges end falls away;
 * - **own** (a line charged directly to the leaver, or applying only to it):
 *   ends with its charges.
 *
 * A leaver's charges end on the later of its leave date and the end of its
 * notice period. Its exit costs are its own. Every figure is a charge of a
 * full engine run, so the leaver's statement and the remaining partners'
 * charges add up exactly to the whole.
 */
export function exitsReport(model: ModelInput): Result<ExitsReport> {
  if (model.exits === undefined) return ok({ noticeMonths: 12, committedRule: "contract end", exits: [] });
  const read = readExits(model, model.exits);
  if (!read.ok) return read;
  const exits: ExitReport[] = [];
  for (const leaver of read.value.leavers) {
    const r = exitOf(model, read.value, leaver);
    if (!r.ok) return r;
    exits.push(r.value);
  }
  return ok({ noticeMonths: read.value.noticeMonths, committedRule: read.value.committed, exits });
}

type RowMap = Map<string, Pence>;
interface Cell {
  readonly line: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly partner: string;
  /** The first charge row seen for the cell: its nature and service for the rows of the run after the exit. */
  readonly row: ChargeRow;
}
const SEP = "\u0000";
const cellKey = (line: string, year: number, partner: string): string => `${line}${SEP}${year}${SEP}${partner}`;

/**
 * The run of a model after the exit a "partnerLeaves" scenario applied
 * (`exits.applied`): every line settled by its exit rule, as on the Exit
 * statement and Harm report, so a comparison with the base model shows what
 * the exit costs each remaining partner. The leaver's one-off exit costs are
 * on its Exit statement, not among the charges. A model with no exit applied
 * is run as it is.
 */
export function exitRun(model: ModelInput): Result<ModelRun> {
  const partner = (model.exits?.applied ?? "").trim();
  if (model.exits === undefined || partner === "") return runModel(model);
  const read = readExits(model, model.exits);
  if (!read.ok) return read;
  const leaver = read.value.leavers.find((l) => l.partner === partner);
  if (leaver === undefined) return runModel(model); // unreachable: the scenario recorded it among the leavers
  const r = settle(model, read.value, leaver);
  return r.ok ? ok(r.value.run) : r;
}

function exitOf(model: ModelInput, exits: Exits, leaver: Leaver): Result<ExitReport> {
  const r = settle(model, exits, leaver);
  return r.ok ? ok(r.value.report) : r;
}

function settle(model: ModelInput, exits: Exits, leaver: Leaver): Result<{ report: ExitReport; run: ModelRun }> {
  const L = leaver.partner;
  const stays = runModel(withLeaver(model, L, undefined));
  if (!stays.ok) return stays;
  const runs = new Map<DayNumber, ModelRun>();
  const runTo = (t: DayNumber): Result<ModelRun> => {
    const have = runs.get(t);
    if (have !== undefined) return ok(have);
    const r = runModel(withLeaver(model, L, t));
    if (r.ok) runs.set(t, r.value);
    return r;
  };
  const ruleOf = (line: CostLineInput): { rule: LineRule; until: DayNumber } => {
    if (ownLine(model, line, L)) return { rule: "own", until: leaver.chargedUntil };
    const marked = exits.lines.get(line.ref.trim());
    if (marked?.onExit === "variable") return { rule: "variable", until: leaver.chargedUntil };
    const c = marked?.committedTo;
    if (c !== undefined && leaver.committed === "contract end" && c > leaver.chargedUntil) return { rule: "committed", until: c };
    return { rule: "stranded", until: leaver.chargedUntil };
  };
  const rules = new Map(model.costLines.map((l) => [l.ref.trim(), ruleOf(l)]));
  const needed = new Set<DayNumber>([leaver.leaves, leaver.chargedUntil, ...[...rules.values()].map((r) => r.until)]);
  const maps = new Map<DayNumber, RowMap>();
  const cells = new Map<string, Cell>();
  const addCells = (run: ModelRun): RowMap => {
    const m: RowMap = new Map();
    for (const r of run.rows) {
      const k = cellKey(r.lineRef, r.year, r.partner);
      m.set(k, (m.get(k) ?? 0) + r.amount);
      if (!cells.has(k))
        cells.set(k, { line: r.lineRef, year: r.year, yearLabel: r.yearLabel, category: r.category, partner: r.partner, row: r });
    }
    return m;
  };
  const before = addCells(stays.value);
  for (const t of needed) {
    const r = runTo(t);
    if (!r.ok) return errs(r.errors);
    maps.set(t, addCells(r.value));
  }
  const at = (m: RowMap | undefined, k: string): Pence => m?.get(k) ?? 0;
  // Lines the engine made (a carried settlement) follow the default: stranded, to the charges' end.
  const ruleFor = (line: string): { rule: LineRule; until: DayNumber } =>
    rules.get(line) ?? { rule: "stranded", until: leaver.chargedUntil };

  const after: RowMap = new Map();
  for (const [k, c] of cells) {
    const { rule, until } = ruleFor(c.line);
    const v = rule === "variable" && c.partner !== L ? at(before, k) : at(maps.get(until), k);
    after.set(k, v);
  }

  // The leaver's statement: each line-year it owes (or would have owed) anything on.
  const statement: ExitStatementLine[] = [];
  const ordered = [...cells.entries()].sort(([, a], [, b]) => a.year - b.year || (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
  for (const [k, c] of ordered) {
    if (c.partner !== L) continue;
    const { rule, until } = ruleFor(c.line);
    const ifStayed = at(before, k);
    const member = at(maps.get(leaver.leaves), k);
    const toNoticeEnd = at(maps.get(leaver.chargedUntil), k);
    const total = at(after, k);
    if (ifStayed === 0 && total === 0) continue;
    const notice = toNoticeEnd - member;
    const committed = total - toNoticeEnd;
    statement.push({
      line: c.line,
      year: c.year,
      yearLabel: c.yearLabel,
      category: c.category,
      rule,
      ifStayed,
      member,
      notice,
      committed,
      exitCost: 0,
      total,
      why: whyLine(rule, leaver, until, notice, committed),
    });
  }
  exits.costs
    .filter((c) => c.partner === L)
    .forEach((c) => {
      const day = c.date ?? leaver.leaves;
      const year = fyOfDay(day);
      statement.push({
        line: c.description,
        year,
        yearLabel: fyLabel(year),
        category: c.category,
        rule: "own",
        ifStayed: 0,
        member: 0,
        notice: 0,
        committed: 0,
        exitCost: c.amount,
        total: c.amount,
        why: `Exit cost on ${longDate(day)}: the leaver's own.`,
      });
    });
  statement.sort((a, b) => a.year - b.year);

  // The remaining partners, year by year and category by category.
  const harmCells = new Map<string, HarmRow>();
  const harmLines: HarmLine[] = [];
  for (const [k, c] of ordered) {
    if (c.partner === L) continue;
    const b = at(before, k);
    const a = at(after, k);
    const hk = `${c.partner}${SEP}${c.year}${SEP}${c.category}`;
    const h = harmCells.get(hk) ?? {
      partner: c.partner,
      year: c.year,
      yearLabel: c.yearLabel,
      category: c.category,
      before: 0,
      after: 0,
      change: 0,
    };
    harmCells.set(hk, { ...h, before: h.before + b, after: h.after + a, change: h.change + a - b });
    if (a !== b) harmLines.push({ partner: c.partner, yearLabel: c.yearLabel, line: c.line, rule: ruleFor(c.line).rule, change: a - b });
  }
  const harm = [...harmCells.values()].sort(
    (x, y) => (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : 0) || x.year - y.year || (x.category < y.category ? -1 : 1),
  );
  harmLines.sort((x, y) => (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : 0) || (x.yearLabel < y.yearLabel ? -1 : 1));
  const increases = new Map<string, Pence>();
  for (const h of harm) if (h.change > 0) increases.set(h.partner, (increases.get(h.partner) ?? 0) + h.change);

  // The whole, year by year.
  const years = new Map<number, ExitWhole>();
  const whole = (year: number): ExitWhole =>
    years.get(year) ?? { year, yearLabel: fyLabel(year), before: 0, fallen: 0, exitCosts: 0, after: 0, leaver: 0, remaining: 0 };
  for (const [k, c] of cells) {
    const w = whole(c.year);
    const b = at(before, k);
    const a = at(after, k);
    years.set(c.year, {
      ...w,
      before: w.before + b,
      fallen: w.fallen + b - a,
      after: w.after + a,
      ...(c.partner === L ? { leaver: w.leaver + a } : { remaining: w.remaining + a }),
    });
  }
  for (const s of statement) {
    if (s.exitCost === 0) continue;
    const w = whole(s.year);
    years.set(s.year, { ...w, exitCosts: w.exitCosts + s.exitCost, after: w.after + s.exitCost, leaver: w.leaver + s.exitCost });
  }
  const byYear = new Map<string, { yearLabel: string; ifStayed: Pence; owes: Pence }>();
  for (const s of statement) {
    const y = byYear.get(s.yearLabel) ?? { yearLabel: s.yearLabel, ifStayed: 0, owes: 0 };
    byYear.set(s.yearLabel, { yearLabel: s.yearLabel, ifStayed: y.ifStayed + s.ifStayed, owes: y.owes + s.total });
  }
  const rows: ChargeRow[] = [];
  for (const [k, c] of cells) {
    const amount = at(after, k);
    if (amount !== 0) rows.push({ ...c.row, amount });
  }
  // The balancing check of the run after the exit: the cost that fell away with the leaver no longer arises, so the
  // costs apportioned are the staying run's less it, and they must equal the charges now made (exit costs stay on the
  // exit statement, outside the charges). Carrying the staying run's figures would say "balanced" of charges it never saw.
  const fallen = [...years.values()].reduce((s, w) => s + w.fallen, 0);
  const charged = rows.reduce((s, r) => s + r.amount, 0);
  const staying = stays.value.result.balance;
  const totalIn = staying.totalIn - fallen;
  const balance = { ...staying, totalIn, totalOut: charged, balanced: staying.balanced && totalIn === charged };
  // The result's line-years, totals and charges are the run after the exit too: the Summary, Committee summary,
  // Allocations, Trace and Charts read them, and the staying run's would contradict the charges (and the Budget check).
  const lineYears = exitLineYears(stays.value, runs, ruleFor, L, leaver);
  const charges = chargesOf(lineYears);
  const s = stays.value.result;
  const result: ApportionResult = {
    settings: s.settings,
    partners: s.partners,
    lineYears,
    charges,
    totals: totalsOf(charges),
    balance,
    linesOutsideYears: s.linesOutsideYears,
    outsideYears: s.outsideYears,
    ...(s.support === undefined ? {} : { support: s.support }),
  };
  const run: ModelRun = {
    ...stays.value,
    result,
    rows,
    totals: categoryTotals(rows),
    groups: undefined,
  };
  const report: ExitReport = {
    scenario: `${L} leaves on ${longDate(leaver.leaves)}`,
    partner: L,
    ...(leaver.notice === undefined ? {} : { notice: isoDate(leaver.notice) }),
    leaves: isoDate(leaver.leaves),
    chargedUntil: isoDate(leaver.chargedUntil),
    noticeMonths: leaver.noticeMonths,
    committedRule: leaver.committed,
    statement,
    statementByYear: [...byYear.values()].sort((a, b) => (a.yearLabel < b.yearLabel ? -1 : 1)),
    harm,
    harmLines,
    byPartner: [...increases.entries()].map(([partner, increase]) => ({ partner, increase })),
    noHarm: increases.size === 0,
    whole: [...years.values()].sort((a, b) => a.year - b.year),
  };
  return ok({ report, run });
}

/**
 * The line-years of the run after the exit. A line settled at a date (its rule's "until": stranded and own lines at
 * the end of the leaver's charges, a committed contract at its end) is that date's run, so its trace shows the
 * leaver's membership to then. A variable line keeps the staying run's shares for the others and the leaver's share
 * to the end of its charges: the rest of the leaver's part falls away, and the line-year says so.
 */
function exitLineYears(
  stays: ModelRun,
  runs: ReadonlyMap<DayNumber, ModelRun>,
  ruleFor: (line: string) => { rule: LineRule; until: DayNumber },
  leaverId: string,
  leaver: Leaver,
): LineYear[] {
  const indexes = new Map<DayNumber, Map<string, LineYear>>();
  const lineYearAt = (until: DayNumber, line: string, year: FinancialYear): LineYear | undefined => {
    let index = indexes.get(until);
    if (index === undefined) {
      index = new Map((runs.get(until)?.result.lineYears ?? []).map((ly) => [`${ly.lineRef}${SEP}${ly.year}`, ly]));
      indexes.set(until, index);
    }
    return index.get(`${line}${SEP}${year}`);
  };
  const out: LineYear[] = [];
  for (const ly of stays.result.lineYears) {
    const { rule, until } = ruleFor(ly.lineRef);
    const settled = lineYearAt(until, ly.lineRef, ly.year);
    if (rule !== "variable") {
      if (settled !== undefined) out.push(settled);
      continue;
    }
    const at = ly.partners.indexOf(leaverId);
    const kept = settled === undefined ? -1 : settled.partners.indexOf(leaverId);
    const share = settled === undefined || kept < 0 ? 0 : (settled.shares[kept] ?? 0);
    if (at < 0 || ly.shares[at] === share) {
      out.push(ly);
      continue;
    }
    const shares = ly.shares.map((v, i) => (i === at ? share : v));
    const exit =
      `${leaverId} leaves on ${longDate(leaver.leaves)}, charged to ${longDate(leaver.chargedUntil)}: a variable cost, so its ` +
      `share after that fell away with it (the others pay what they would had it stayed)`;
    out.push({ ...ly, shares, exit });
  }
  return out;
}

function whyLine(rule: LineRule, leaver: Leaver, until: DayNumber, notice: Pence, committed: Pence): string {
  const parts: string[] = [`Member to ${longDate(leaver.leaves)}`];
  if (notice !== 0 && leaver.noticeEnds !== undefined) parts.push(`notice period to ${longDate(leaver.noticeEnds)}`);
  if (rule === "committed" && committed !== 0) parts.push(`committed contract to ${longDate(until)}`);
  if (rule === "stranded" || rule === "committed") parts.push("then stranded on the remaining partners");
  if (rule === "variable") parts.push("then the cost falls with its share");
  if (rule === "own") parts.push("its own line, which ends with its charges");
  return `${parts.join("; ")}.`;
}

/** A line that is the leaver's alone: its basis charges the whole cost to it ("direct:TDC"), or it applies to it only. */
function ownLine(model: ModelInput, line: CostLineInput, partner: string): boolean {
  const ref = typeof line.basis === "string" ? readBasisText(line.basis, model) : undefined;
  const wholly = ref === undefined ? undefined : chargedWhollyTo(ref);
  if (wholly !== undefined) return wholly === partner;
  const applies = (line.appliesTo ?? []).map((p) => p.trim()).filter((p) => p !== "");
  const excluded = new Set((line.excludes ?? []).map((p) => p.trim()));
  const sharing = applies.filter((p) => !excluded.has(p));
  return applies.length > 0 && sharing.length > 0 && sharing.every((p) => p === partner);
}

/**
 * The model with the leaver a member to `until` (undefined: it stays for
 * good). Its own lines end with its charges: an ongoing one is cut at
 * `until`, and a one-off (or a charge starting) after it is dropped.
 */
function withLeaver(model: ModelInput, partner: string, until: DayNumber | undefined): ModelInput {
  const partners = model.partners.map((p) => (p.id.trim() !== partner ? p : { ...p, leaves: until === undefined ? null : isoDate(until) }));
  if (until === undefined) return { ...model, partners };
  const costLines: CostLineInput[] = [];
  for (const l of model.costLines) {
    if (!ownLine(model, l, partner)) {
      costLines.push(l);
      continue;
    }
    const start = parseDate(l.start, { entity: "costLine", key: l.ref });
    if (!start.ok) {
      costLines.push(l); // the run reports the bad date
      continue;
    }
    if (start.value > until) continue;
    const ongoing = typeof l.nature === "string" && l.nature.trim().toLowerCase() === "ongoing";
    if (!ongoing) {
      costLines.push(l);
      continue;
    }
    const end = l.end === undefined || l.end === null || l.end === "" ? undefined : parseDate(l.end, { entity: "costLine", key: l.ref });
    if (end !== undefined && (!end.ok || end.value <= until)) costLines.push(l);
    else costLines.push({ ...l, end: isoDate(until) });
  }
  return { ...model, partners, costLines };
}
