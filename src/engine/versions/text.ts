import type { BasisComponent } from "../basis-weights";
import { basisDrivers, percentFigures } from "../bases/registry";
import { calendarDate, parseDate } from "../dates";

/** One version of a basis over part of a line-year, for the trace: "82% / 18% from 3 Oct 2022". */
export interface LineVersion {
  /** First and last day within the line-year, ISO dates. */
  readonly from: string;
  readonly to: string;
  /** The figures of the version in words: "74% / 26%". */
  readonly text: string;
  /** True when it was in force before the line-year's span began (so the text reads "to …"). */
  readonly first: boolean;
  /** True when it is still in force at the span's end (so the text reads "from …"). */
  readonly last: boolean;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A day as the versions' words write it: "3 Oct 2022" (an ISO date in, as the trace keeps them). */
export function shortDate(iso: string): string {
  const d = parseDate(iso, { entity: "argument" });
  if (!d.ok) return iso;
  const c = calendarDate(d.value);
  return `${c.day} ${MONTHS[c.month - 1] ?? ""} ${c.year}`;
}

/**
 * One version's figures in words, over the line's partners in order:
 * percentages "74% / 26%", a driver "Users 500 / 300", a mix each part
 * with its weight "50% driver:users (500 / 300) + 50% equal (1 / 1)".
 */
export function versionText(components: readonly BasisComponent[]): string {
  const figures = (c: BasisComponent): string => (percentFigures(c.ref) ? c.values.map((v) => `${v}%`).join(" / ") : c.values.join(" / "));
  const only = components.length === 1 ? components[0] : undefined;
  if (only !== undefined && only.weightPercent === undefined) {
    // A driver's figures are counts of something: say what ("Users 500 / 300").
    return basisDrivers(only.ref).length > 0 ? `${only.label} ${figures(only)}` : figures(only);
  }
  return components.map((c) => `${c.weightPercent ?? "100"}% ${c.source} (${figures(c)})`).join(" + ");
}

/** A line-year's versions in words: "74% / 26% to 2 Oct 2022, 82% / 18% from 3 Oct 2022". */
export function versionsText(versions: readonly LineVersion[]): string {
  return versions
    .map((v) => {
      if (v.first && v.last) return v.text;
      if (v.first) return `${v.text} to ${shortDate(v.to)}`;
      if (v.last) return `${v.text} from ${shortDate(v.from)}`;
      return `${v.text} from ${shortDate(v.from)} to ${shortDate(v.to)}`;
    })
    .join(", ");
}
