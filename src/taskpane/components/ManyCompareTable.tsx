import * as React from "react";
import { Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { ManyComparison } from "../../engine";
import { manyPartnerTotals } from "../../app";
import { formatDifference, formatMoney, partnerWords } from "../format";
import { useChangeStyles, useScreenStyles } from "../styles";

/** Props for {@link ManyCompareTable}. */
export interface ManyCompareTableProps {
  readonly many: ManyComparison;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * The base model and several scenarios side by side, as a s151 officer weighs
 * options: a card per partner (however many scenarios there are, it stays as
 * narrow as the pane), a row per run with the partner's charges over every
 * year (capital and revenue together here; the sheet keeps them apart by year)
 * and, for each scenario, the change from the base (rises red, falls green).
 */
export function ManyCompareTable({ many, names }: ManyCompareTableProps): React.JSX.Element {
  const s = useScreenStyles();
  const c = useChangeStyles();
  const totals = manyPartnerTotals(many);
  return (
    <div className={s.stack}>
      {[...totals.entries()].map(([partner, amounts]) => {
        const who = partnerWords(partner, names);
        const label = `Every scenario side by side: ${who}, all years`;
        return (
          <section key={partner} aria-label={label}>
            <Subtitle2 as="h4">{who}</Subtitle2>
            <Table className={s.reflow} size="extra-small" aria-label={label}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Run</TableHeaderCell>
                  <TableHeaderCell scope="col" className={s.money}>
                    All years
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className={s.money}>
                    Change from the base
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {amounts.map((a, k) => {
                  const d = a - (amounts[0] ?? 0);
                  return (
                    <TableRow key={many.names[k] ?? k}>
                      <TableHeaderCell scope="row">{many.names[k] ?? ""}</TableHeaderCell>
                      <TableCell className={s.money}>{formatMoney(a)}</TableCell>
                      <TableCell className={s.money}>
                        {k === 0 ? (
                          <Caption1>–</Caption1>
                        ) : (
                          <span className={d > 0 ? c.up : d < 0 ? c.down : undefined}>{formatDifference(d)}</span>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </section>
        );
      })}
    </div>
  );
}
