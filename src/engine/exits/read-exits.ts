import { calendarDate, dayNumber, daysInMonth, isoDate, parseDate, type DayNumber } from "../dates";
import { isBlank, parseDecimal, showInput } from "../decimal";
import type { EngineError, Where } from "../errors";
import type { Category, ModelInput } from "../model";
import { parseMoney, type Pence } from "../money";
import { parseChoice } from "../parse-helpers";
import { errs, ok, type Result } from "../result";
import type { ExitsInput } from "./inputs";

/** How a line behaves when a partner leaves. */
export type ExitTreatment = "stranded" | "variable";

/** The treatments, as typed on the Exit lines table. */
export const EXIT_TREATMENTS: readonly ExitTreatment[] = ["stranded", "variable"];

/** Who pays a committed contract after the leaver goes (see {@link ExitsInput.committed}). */
export type CommittedRule = "contract end" | "leave date";

/** The committed-contract rules, the default first. */
export const COMMITTED_RULES: readonly CommittedRule[] = ["contract end", "leave date"];

/** The notice the agreement asks for when the model does not say: 12 months (DOMAIN: "often 12 months"). */
export const DEFAULT_NOTICE_MONTHS = 12;

/** A leaver, read and checked. */
export interface Leaver {
  readonly partner: string;
  readonly notice?: DayNumber;
  readonly leaves: DayNumber;
  /** The last day of its notice period (notice date plus the notice months, less a day), when it gave notice. */
  readonly noticeEnds?: DayNumber;
  /** The last day it is charged as a member: the later of `leaves` and `noticeEnds`. */
  readonly chargedUntil: DayNumber;
  readonly noticeMonths: number;
  readonly committed: CommittedRule;
}

/** A line's behaviour on exit, read and checked. */
export interface ExitLine {
  readonly line: string;
  readonly onExit: ExitTreatment;
  readonly committedTo?: DayNumber;
}

/** An exit cost, read and checked. */
export interface ExitCost {
  readonly partner: string;
  readonly description: string;
  readonly amount: Pence;
  /** Undefined: it falls on the leave date. */
  readonly date?: DayNumber;
  readonly category: Category;
}

/** The exits inputs, read and checked against the model. */
export interface Exits {
  readonly leavers: readonly Leaver[];
  readonly lines: ReadonlyMap<string, ExitLine>;
  readonly costs: readonly ExitCost[];
  readonly noticeMonths: number;
  readonly committed: CommittedRule;
}

/**
 * Reads the exits inputs: every problem at once, each located at its row
 * and field (the workbook turns these into cells). Partners and lines must be
 * the model's; a partner leaves at most once; leave date on or after notice.
 */
export function readExits(model: ModelInput, input: ExitsInput): Result<Exits> {
  const errors: EngineError[] = [];
  const take = <T>(r: Result<T>): T | undefined => {
    if (r.ok) return r.value;
    errors.push(...r.errors);
    return undefined;
  };
  const partnerIds = new Set(model.partners.map((p) => p.id.trim()));
  const hosts = new Set(model.partners.filter((p) => p.host === true).map((p) => p.id.trim()));
  const lineRefs = new Set(model.costLines.map((l) => l.ref.trim()));
  const settingAt = (field: string): Where => ({ entity: "settings", field });
  const months = (v: unknown, at: Where, fallback: number): number | undefined => {
    if (isBlank(v)) return fallback;
    const d = parseDecimal(v);
    if (d !== undefined && d.isInteger() && d.gte(0) && d.lte(120)) return d.toNumber();
    errors.push({ kind: "outOfRange", value: showInput(v), expected: "a whole number of months, 0 to 120", at });
    return undefined;
  };
  const rule = (v: unknown, at: Where, fallback: CommittedRule): CommittedRule | undefined =>
    isBlank(v) ? fallback : take(parseChoice(v, COMMITTED_RULES, at));
  const noticeMonths = months(input.noticeMonths, settingAt("notice months"), DEFAULT_NOTICE_MONTHS) ?? DEFAULT_NOTICE_MONTHS;
  const committed = rule(input.committed, settingAt("committed contracts"), "contract end");

  const leavers: Leaver[] = [];
  const seen = new Set<string>();
  input.leavers.forEach((l, i) => {
    const partner = (l.partner ?? "").trim();
    const at = (field: string): Where => ({ entity: "leaver", key: partner === "" ? undefined : partner, index: i + 1, field });
    if (partner === "") errors.push({ kind: "missingValue", at: at("partner") });
    else if (!partnerIds.has(partner)) errors.push({ kind: "unknownPartner", partner, at: at("partner") });
    else if (hosts.has(partner)) errors.push({ kind: "removeHost", partner, at: at("partner") });
    else if (seen.has(partner)) errors.push({ kind: "duplicatePartner", partner, at: at("partner") });
    seen.add(partner);
    const leaves = take(parseDate(l.leaves, at("leaves")));
    const notice = isBlank(l.notice) ? undefined : take(parseDate(l.notice, at("notice")));
    const ownMonths = months(l.noticeMonths, at("notice months"), noticeMonths);
    const ownRule = rule(l.committed, at("committed contracts"), committed ?? "contract end");
    if (leaves === undefined || (notice === undefined && !isBlank(l.notice)) || ownMonths === undefined || ownRule === undefined) return;
    if (notice !== undefined && leaves < notice) {
      errors.push({ kind: "endBeforeStart", start: isoDate(notice), end: isoDate(leaves), at: at("leaves") });
      return;
    }
    const noticeEnds = notice === undefined ? undefined : addMonths(notice, ownMonths) - 1;
    const chargedUntil = noticeEnds === undefined ? leaves : Math.max(leaves, noticeEnds);
    leavers.push({
      partner,
      leaves,
      chargedUntil,
      noticeMonths: ownMonths,
      committed: ownRule,
      ...(notice === undefined ? {} : { notice, noticeEnds }),
    });
  });

  const lines = new Map<string, ExitLine>();
  (input.lines ?? []).forEach((l, i) => {
    const line = (l.line ?? "").trim();
    const at = (field: string): Where => ({ entity: "exitLine", key: line === "" ? undefined : line, index: i + 1, field });
    if (line === "") errors.push({ kind: "missingValue", at: at("line") });
    else if (!lineRefs.has(line)) errors.push({ kind: "unknownCostLine", line, at: at("line") });
    else if (lines.has(line)) errors.push({ kind: "duplicateId", id: line, at: at("line") });
    const onExit = take(parseChoice(l.onExit, EXIT_TREATMENTS, at("on exit")));
    const committedTo = isBlank(l.committedTo) ? undefined : take(parseDate(l.committedTo, at("committed to")));
    if (committedTo !== undefined && onExit === "variable") {
      errors.push({ kind: "invalidChoice", value: "variable", allowed: ["stranded"], at: at("on exit") });
    }
    if (line !== "" && onExit !== undefined) lines.set(line, { line, onExit, ...(committedTo === undefined ? {} : { committedTo }) });
  });

  const costs: ExitCost[] = [];
  (input.costs ?? []).forEach((c, i) => {
    const partner = (c.partner ?? "").trim();
    const at = (field: string): Where => ({ entity: "exitCost", index: i + 1, field, ...(partner === "" ? {} : { partner }) });
    if (partner === "") errors.push({ kind: "missingValue", at: at("partner") });
    else if (!seen.has(partner)) {
      // An exit cost belongs to a leaver: a partner that is not leaving has no exit to pay for.
      errors.push({ kind: "invalidChoice", value: partner, allowed: [...seen], at: at("partner") });
    }
    const amount = take(parseMoney(c.amount, at("amount")));
    const date = isBlank(c.date) ? undefined : take(parseDate(c.date, at("date")));
    const category = isBlank(c.category) ? "revenue" : take(parseChoice(c.category, ["capital", "revenue"] as const, at("category")));
    if (amount === undefined || category === undefined) return;
    costs.push({
      partner,
      description: (c.description ?? "").trim() || "Exit cost",
      amount,
      category,
      ...(date === undefined ? {} : { date }),
    });
  });
  if (errors.length > 0 || committed === undefined) return errs(errors);
  return ok({ leavers, lines, costs, noticeMonths, committed });
}

/** The same day `months` calendar months later (the 31st becomes the month's last day where it has fewer). */
export function addMonths(d: DayNumber, months: number): DayNumber {
  const { year, month, day } = calendarDate(d);
  const m0 = month - 1 + months;
  const y = year + Math.floor(m0 / 12);
  const m = (m0 % 12) + 1;
  return dayNumber(y, m, Math.min(day, daysInMonth(y, m)));
}
