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
import { categoryLabel, formatMoney, natureLabel, partnerLabel } from "../format";
import { useScreenStyles } from "../styles";
import { PIVOT_COLUMNS, pivotTotals, type Classified } from "../totals-pivot";

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

/**
 * The engine's totals per partner: one small table per partner with a row per
 * capital/revenue × one-off/ongoing and a column per financial year, a total
 * row, and the partner's total over all years, in en-GB money. Years run
 * across so the table stays narrow enough for a task pane.
 */
export function TotalsTable({ totals, partnerOrder, names, label }: TotalsTableProps): React.JSX.Element {
  const s = useScreenStyles();
  const pivot = pivotTotals(totals, partnerOrder);
  return (
    <div className={s.stack}>
      {pivot.map(({ partner, years, total }) => {
        const heading = partnerLabel(partner, names);
        const headingId = `totals-${slug(label)}-${slug(partner)}`;
        const tableLabel = `${label}: ${heading}`;
        return (
          <section key={partner} aria-labelledby={headingId}>
            <Subtitle2 as="h3" id={headingId}>
              {heading}
            </Subtitle2>
            <div className={s.scroll} tabIndex={0} role="region" aria-label={tableLabel}>
              <Table className={s.table} size="extra-small" aria-label={tableLabel}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Kind</TableHeaderCell>
                    {years.map((y) => (
                      <TableHeaderCell key={y.yearLabel} scope="col" className={s.money}>
                        {y.yearLabel}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {PIVOT_COLUMNS.map((c, i) => (
                    <TableRow key={`${c.category}|${c.nature}`}>
                      <TableHeaderCell scope="row" className={s.rowHeader}>
                        {categoryLabel(c.category)} {natureLabel(c.nature).toLowerCase()}
                      </TableHeaderCell>
                      {years.map((y) => {
                        const v = y.cells[i] ?? 0;
                        return (
                          <TableCell key={y.yearLabel} className={mergeClasses(s.money, v === 0 && s.muted)}>
                            {formatMoney(v)}
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  ))}
                  <TableRow>
                    <TableHeaderCell scope="row">Total</TableHeaderCell>
                    {years.map((y) => (
                      <TableCell key={y.yearLabel} className={mergeClasses(s.money, s.strong)}>
                        {formatMoney(y.total)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableBody>
              </Table>
            </div>
            <Caption1>
              All years: <span className={s.strong}>{formatMoney(total)}</span>
            </Caption1>
          </section>
        );
      })}
    </div>
  );
}
