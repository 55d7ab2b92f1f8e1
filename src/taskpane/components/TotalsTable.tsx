import * as React from "react";
import {
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  mergeClasses,
} from "@fluentui/react-components";
import { categoryWords, formatMoney, natureWords, partnerWords } from "../format";
import { useScreenStyles } from "../styles";
import { PIVOT_COLUMNS, pivotTotals, type Classified, type PartnerPivot } from "../totals-pivot";
import { ChoiceField } from "./fields";

/** Props for {@link TotalsTable}. */
export interface TotalsTableProps {
  /** The engine's totals, or a run's charge rows (summed here by partner, year and kind). */
  readonly totals: readonly Classified[];
  /** Partner ids in display order. */
  readonly partnerOrder: readonly string[];
  /** Partner id → name. */
  readonly names: ReadonlyMap<string, string>;
  /** Accessible name prefix, e.g. "Totals to be written". */
  readonly label: string;
}

/** Turns text into an id fragment. */
function slug(text: string): string {
  return text.replace(/\W+/g, "-");
}

/** The choice of "all years" in the year picker (a year label never is). */
const ALL_YEARS = "all";

/** One partner's four kinds of charge (and their total) in the year shown, or over all years. */
function cellsFor(p: PartnerPivot, year: string): { readonly cells: readonly number[]; readonly total: number } {
  if (year !== ALL_YEARS) {
    const y = p.years.find((x) => x.yearLabel === year);
    return { cells: y?.cells ?? PIVOT_COLUMNS.map(() => 0), total: y?.total ?? 0 };
  }
  return { cells: PIVOT_COLUMNS.map((_, i) => p.years.reduce((a, y) => a + (y.cells[i] ?? 0), 0)), total: p.total };
}

/**
 * The engine's totals per partner: one small table per partner with a row per
 * capital/revenue × one-off/ongoing and its total, for one financial year at a
 * time (the latest first, chosen with a year picker, or all years), so every
 * figure is in view in a 320 px pane however many years the model has.
 */
export function TotalsTable({ totals, partnerOrder, names, label }: TotalsTableProps): React.JSX.Element {
  const s = useScreenStyles();
  const pivot = pivotTotals(totals, partnerOrder);
  const years = pivot[0]?.years.map((y) => y.yearLabel) ?? [];
  const [chosen, setChosen] = React.useState<string | undefined>(undefined);
  const year = chosen !== undefined && (chosen === ALL_YEARS || years.includes(chosen)) ? chosen : (years.at(-1) ?? ALL_YEARS);
  const yearText = year === ALL_YEARS ? "All years" : year;
  return (
    <div className={s.stack}>
      <ChoiceField
        label="Year shown"
        value={year}
        choices={[...[...years].reverse().map((y) => ({ value: y, text: y })), { value: ALL_YEARS, text: "All years" }]}
        onChange={setChosen}
      />
      {pivot.map((p) => {
        const heading = partnerWords(p.partner, names);
        const headingId = `totals-${slug(label)}-${slug(p.partner)}`;
        const tableLabel = `${label}: ${heading}, ${yearText}`;
        const { cells, total } = cellsFor(p, year);
        return (
          <section key={p.partner} aria-labelledby={headingId}>
            <Subtitle2 as="h3" id={headingId}>
              {heading}
            </Subtitle2>
            <Table className={s.table} size="extra-small" aria-label={tableLabel}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Kind</TableHeaderCell>
                  <TableHeaderCell scope="col" className={s.money}>
                    {yearText}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {PIVOT_COLUMNS.map((c, i) => {
                  const v = cells[i] ?? 0;
                  return (
                    <TableRow key={`${c.category}|${c.nature}`}>
                      <TableHeaderCell scope="row">
                        {categoryWords(c.category)} {natureWords(c.nature).toLowerCase()}
                      </TableHeaderCell>
                      <TableCell className={mergeClasses(s.money, v === 0 && s.muted)}>{formatMoney(v)}</TableCell>
                    </TableRow>
                  );
                })}
                <TableRow>
                  <TableHeaderCell scope="row">Total</TableHeaderCell>
                  <TableCell className={mergeClasses(s.money, s.strong)}>{formatMoney(total)}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
            {year !== ALL_YEARS && (
              <Caption1>
                All years: <span className={s.strong}>{formatMoney(p.total)}</span>
              </Caption1>
            )}
          </section>
        );
      })}
    </div>
  );
}
