import type { DayNumber } from "../dates";
import type { Decimal } from "../decimal";
import type { FinancialYear } from "../financial-year";
import { basisDrivers } from "../bases/registry";
import type { BasisRef, Driver, MixComponent, PreparedModel } from "../prepared";
import type { PreparedVersions } from "./prepared";

/**
 * The model as it stood on a day: each versioned percentages basis and mix
 * as last re-based on or before it, each driver with the dated values that
 * hold by then laid over its own. Nothing else changes, so the ordinary
 * basis resolution ({@link basisWeights}) works on it unchanged.
 */
export function modelAt(model: PreparedModel, day: DayNumber): PreparedModel {
  const v = model.versions;
  if (v === undefined) return model;
  const percentages = new Map(model.percentages);
  for (const [id, list] of v.percentages) {
    const held = list.filter((x) => x.from <= day).at(-1);
    if (held !== undefined) percentages.set(id, held.shares);
  }
  const mixes = new Map<string, readonly MixComponent[]>(model.mixes);
  for (const [id, list] of v.mixes) {
    const held = list.filter((x) => x.from <= day).at(-1);
    if (held !== undefined) mixes.set(id, held.components);
  }
  const drivers = new Map<string, Driver>(model.drivers);
  for (const [id, list] of v.drivers) {
    const base = model.drivers.get(id);
    const held = list.filter((x) => x.from <= day);
    if (base === undefined || held.length === 0) continue;
    const byYear = new Map<FinancialYear | undefined, Map<string, Decimal>>();
    for (const [year, values] of base.byYear) byYear.set(year, new Map(values));
    for (const dated of held) {
      for (const [year, values] of dated.byYear) {
        const m = byYear.get(year) ?? new Map<string, Decimal>();
        for (const [p, x] of values) m.set(p, x);
        byYear.set(year, m);
        // A dated value for every year also replaces a year's own value given before it took effect.
        if (year === undefined) for (const [y, ys] of byYear) if (y !== undefined) for (const p of values.keys()) ys.delete(p);
      }
    }
    drivers.set(id, { ...base, byYear });
  }
  return { ...model, percentages, mixes, drivers };
}

/**
 * The model on actual drivers for a year: each driver with actual values for
 * that year takes them in place of its estimates (for the partners given).
 * Undefined when no driver the basis uses has actuals for the year.
 */
export function actualModel(model: PreparedModel, fy: FinancialYear, ref: BasisRef): PreparedModel | undefined {
  const v = model.versions;
  if (v === undefined) return undefined;
  const used = driversOf(model, ref).filter((d) => v.actuals.get(d)?.has(fy) === true);
  if (used.length === 0) return undefined;
  const drivers = new Map<string, Driver>(model.drivers);
  for (const id of used) {
    const base = model.drivers.get(id);
    const actual = v.actuals.get(id)?.get(fy);
    if (base === undefined || actual === undefined) continue;
    const forYear = new Map(base.byYear.get(fy) ?? base.byYear.get(undefined) ?? []);
    for (const [p, x] of actual) forYear.set(p, x);
    drivers.set(id, { ...base, byYear: new Map([...base.byYear, [fy, forYear]]) });
  }
  return { ...model, drivers };
}

/** The drivers a basis draws on (a mix's, in any of its versions). */
export function driversOf(model: PreparedModel, ref: BasisRef): string[] {
  if (ref.kind !== "mix") return [...basisDrivers(ref)];
  const all = [model.mixes.get(ref.id) ?? [], ...(model.versions?.mixes.get(ref.id) ?? []).map((m) => m.components)];
  return [...new Set(all.flat().flatMap((c) => basisDrivers(c.source)))];
}

/**
 * Every day on which the figures a basis draws on change (a percentages or
 * mix version, a dated driver value, a mix's sources' own versions), in order.
 * Empty for a basis that never changes.
 */
export function versionStarts(versions: PreparedVersions, model: PreparedModel, ref: BasisRef): DayNumber[] {
  const days = new Set<DayNumber>();
  const of = (r: BasisRef): void => {
    if (r.kind === "percentages") for (const x of versions.percentages.get(r.id) ?? []) days.add(x.from);
    if (r.kind === "driver") for (const x of versions.drivers.get(r.driver) ?? []) days.add(x.from);
  };
  of(ref);
  if (ref.kind === "mix") {
    for (const x of versions.mixes.get(ref.id) ?? []) days.add(x.from);
    const all = [model.mixes.get(ref.id) ?? [], ...(versions.mixes.get(ref.id) ?? []).map((m) => m.components)];
    for (const c of all.flat()) of(c.source);
  }
  return [...days].sort((a, b) => a - b);
}
