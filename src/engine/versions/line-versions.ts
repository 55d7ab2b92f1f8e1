import { basisWeights, type BasisComponent, type BasisWeights } from "../basis-weights";
import type { DayNumber } from "../dates";
import { Decimal } from "../decimal";
import type { Where } from "../errors";
import { fyEnd, fyStart, type FinancialYear } from "../financial-year";
import type { BasisVersionComponents } from "../membership";
import type { Line, PreparedModel } from "../prepared";
import { ok, type Result } from "../result";
import { modelAt, versionStarts } from "./as-of";
import { versionText, type LineVersion } from "./text";

/** One version of a basis as it applies to a line-year: its first and last day in the span and the basis it resolves to. */
export interface LineVersionResolved {
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** The first day the version holds at all (before the span, for the version in force on its first day). */
  readonly validFrom: DayNumber | undefined;
  readonly weights: BasisWeights;
}

const FAR = Number.MAX_SAFE_INTEGER;

/**
 * Resolves versioned bases for line-years (docs/versions.md), caching the
 * model as of each version's day and each basis resolved on it.
 */
export class VersionResolver {
  private readonly starts = new Map<string, DayNumber[]>();
  private readonly views = new Map<DayNumber, PreparedModel>();
  private readonly resolved = new Map<string, Result<BasisWeights>>();

  constructor(private readonly model: PreparedModel) {}

  /**
   * The versions of the line's basis over its charged span in the year, in
   * order; undefined when the basis never changes (the ordinary path stands).
   */
  segments(line: Line, fy: FinancialYear, at: Where): Result<LineVersionResolved[]> | undefined {
    const v = this.model.versions;
    if (v === undefined) return undefined;
    let starts = this.starts.get(line.basisText);
    if (starts === undefined) {
      starts = versionStarts(v, this.model, line.basis);
      this.starts.set(line.basisText, starts);
    }
    if (starts.length === 0) return undefined;
    const from = line.nature === "one-off" ? line.start : Math.max(line.start, fyStart(fy));
    const to = line.nature === "one-off" ? line.start : Math.min(line.end ?? FAR, fyEnd(fy));
    const inside = starts.filter((d) => d > from && d <= to);
    const before = starts.filter((d) => d <= from).at(-1);
    const firsts: DayNumber[] = [from, ...inside];
    const out: LineVersionResolved[] = [];
    for (let k = 0; k < firsts.length; k++) {
      const day = firsts[k] as DayNumber;
      const r = this.resolve(line, fy, day, at);
      if (!r.ok) return r;
      out.push({
        from: day,
        to: (firsts[k + 1] ?? to + 1) - 1,
        validFrom: k === 0 ? before : day,
        weights: r.value,
      });
    }
    return ok(out);
  }

  private resolve(line: Line, fy: FinancialYear, day: DayNumber, at: Where): Result<BasisWeights> {
    // The view of the model that holds on a day is the same for every day between two version starts.
    const starts = this.starts.get(line.basisText) ?? [];
    const key = starts.filter((d) => d <= day).at(-1) ?? -FAR;
    const cacheKey = `${line.basisText}|${line.partners.join("\u0000")}|${fy}|${key}`;
    let hit = this.resolved.get(cacheKey);
    if (hit === undefined) {
      let view = this.views.get(key);
      if (view === undefined) {
        view = modelAt(this.model, key);
        this.views.set(key, view);
      }
      hit = basisWeights(view, line.basis, fy, line.partners, at);
      this.resolved.set(cacheKey, hit);
    }
    return hit;
  }
}

/** The versions as {@link memberWeights} takes them. */
export function versionComponents(list: readonly LineVersionResolved[]): BasisVersionComponents[] {
  return list.map((v) => ({ from: v.from, components: v.weights.components }));
}

/** The versions of a line-year for the trace, each over the partners kept (indices into the line's partners). */
export function lineVersions(
  list: readonly LineVersionResolved[],
  kept: readonly number[] | undefined,
  iso: (d: DayNumber) => string,
): LineVersion[] {
  return list.map((v, k) => ({
    from: iso(v.from),
    to: iso(v.to),
    text: versionText(v.weights.components.map((c) => pick(c, kept))),
    first: k === 0,
    last: k === list.length - 1,
  }));
}

function pick(c: BasisComponent, kept: readonly number[] | undefined): BasisComponent {
  if (kept === undefined) return c;
  return {
    ...c,
    values: kept.map((i) => c.values[i] ?? "0"),
    exact: { ...c.exact, values: kept.map((i) => c.exact.values[i] ?? new Decimal(0)) },
  };
}
