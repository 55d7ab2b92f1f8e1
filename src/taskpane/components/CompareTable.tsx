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
import type { Comparison, ComparisonRow } from "../../engine";
import { categoryWords, formatDifference, formatMoney, formatPercentText, partnerWords } from "../format";
import { useChangeStyles, useScreenStyles } from "../styles";

/** Props for {@link CompareTable}. */
export interface CompareTableProps {
  readonly comparison: Comparison;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Two runs side by side, one table per partner: a row per year × capital/revenue with each run's charge and the difference in £ and %
 * (rises in red, falls in green, always signed). Each row is a card (the year and kind on a line, the three figures beneath), so the
 * difference is in view in a 320 px pane.
 */
export function CompareTable({ comparison, names }: CompareTableProps): React.JSX.Element {
  const s = useScreenStyles();
  const c = useChangeStyles();
  const byPartner = new Map<string, ComparisonRow[]>();
  for (const r of comparison.rows) byPartner.set(r.partner, [...(byPartner.get(r.partner) ?? []), r]);
  return (
    <div className={s.stack}>
      {[...byPartner.entries()].map(([partner, rows]) => {
        const label = `${comparison.from} against ${comparison.to}: ${partnerWords(partner, names)}`;
        return (
          <section key={partner}>
            <Subtitle2 as="h4">{partnerWords(partner, names)}</Subtitle2>
            <Table className={s.reflow} size="extra-small" aria-label={label}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Year</TableHeaderCell>
                  <TableHeaderCell scope="col" className={s.money}>
                    {comparison.from}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className={s.money}>
                    {comparison.to}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className={s.money}>
                    Difference
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={`${r.yearLabel}|${r.category}`}>
                    <TableHeaderCell scope="row">{`${r.yearLabel} ${categoryWords(r.category).toLowerCase()}`}</TableHeaderCell>
                    <TableCell className={s.money}>{formatMoney(r.from)}</TableCell>
                    <TableCell className={s.money}>{formatMoney(r.to)}</TableCell>
                    <TableCell className={mergeClasses(s.money, r.difference > 0 ? c.up : r.difference < 0 ? c.down : undefined)}>
                      {formatDifference(r.difference)}
                      <br />
                      <Caption1>{r.percentText === undefined ? "new charge" : formatPercentText(r.percentText)}</Caption1>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        );
      })}
    </div>
  );
}
