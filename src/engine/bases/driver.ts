import type { Decimal } from "../decimal";
import { fyLabel } from "../financial-year";
import { errs, ok } from "../result";
import type { BasisKind } from "./kind";

/** Shares in proportion to a usage driver (tickets, users, homes…). */
export interface DriverRef {
  readonly kind: "driver";
  readonly driver: string;
}

/** "driver:<driver>" (or the driver's id alone): in proportion to each partner's figure for the year. */
export const DRIVER: BasisKind<DriverRef> = {
  kind: "driver",
  syntax: {
    prefixed: {
      prefix: "driver",
      of: (driver) => ({ kind: "driver", driver }),
      unknown: (driver, known, at) => (known.drivers.has(driver) ? undefined : { kind: "unknownDriver", driver, at }),
    },
    // A driver may be named by its id alone, after the named bases.
    bare: { rank: 3, read: (text, known) => (known.drivers.has(text) ? { kind: "driver", driver: text } : undefined) },
  },
  text: (ref) => `driver:${ref.driver}`,
  words: (ref, c) => {
    const driver = (c.model.drivers ?? []).find((d) => d.id.trim() === ref.driver);
    const label = driver?.label?.trim() || ref.driver;
    return `${label} (driver${driver?.illustrative === true ? ", illustrative" : ""})${c.fellBack}`;
  },
  choices: (model) => (model.drivers ?? []).map((d) => ({ value: `driver:${d.id}`, text: `Driver: ${d.label ?? d.id}` })),
  resolve: (ref, { data, fy, partners }) => {
    const driver = data.drivers.get(ref.driver);
    const yearly = driver?.byYear.get(fy);
    const always = driver?.byYear.get(undefined);
    const values: Decimal[] = [];
    const missing: string[] = [];
    for (const p of partners) {
      const v = yearly?.get(p) ?? always?.get(p);
      if (v === undefined) missing.push(p);
      else values.push(v);
    }
    if (missing.length > 0) {
      return errs(
        missing.map(
          (p) =>
            ({ kind: "missingValue", at: { entity: "driver", key: ref.driver, partner: p, year: fyLabel(fy), field: "value" } }) as const,
        ),
      );
    }
    return ok({
      by: "figures",
      figures: { values, label: `${driver?.label ?? ref.driver}${driver?.illustrative ? " (illustrative)" : ""}` },
    });
  },
  mixExample: "driver:<driver>",
  percentFigures: false,
  drivers: (ref) => [ref.driver],
  withinFigure: (ref, w) => w.drivers.get(ref.driver),
};
