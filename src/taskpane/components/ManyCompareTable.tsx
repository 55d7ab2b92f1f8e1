import * as React from "react";
import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, mergeClasses } from "@fluentui/react-components";
import { manyPartnerTotals, type ManyComparison } from "../../engine";
import { formatDifference, formatMoney, partnerLabel } from "../format";
import { useChangeStyles, useScreenStyles } from "../styles";

/** Props for {@link ManyCompareTable}. */
export interface ManyCompareTableProps {
  readonly many: ManyComparison;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * The base model and several scenarios side by side, as a s151 officer weighs
 * options: a row per partner, a column per run with the partner's charges over
 * every year (capital and revenue together here; the sheet keeps them apart by
 * year), and under each scenario the change from the base (rises red, falls green).
 */
export function ManyCompareTable({ many, names }: ManyCompareTableProps): React.JSX.Element {
  const s = useScreenStyles();
  const c = useChangeStyles();
  const totals = manyPartnerTotals(many);
  const label = `${many.names.join(", ")} side by side: each partner's charges over all years`;
  return (
    <div className={s.scroll} tabIndex={0} role="region" aria-label={label}>
      <Table className={s.table} size="extra-small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Partner</TableHeaderCell>
            {many.names.map((n) => (
              <TableHeaderCell key={n} scope="col" className={mergeClasses(s.money, s.wrapHeader)}>
                {n}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...totals.entries()].map(([partner, amounts]) => (
            <TableRow key={partner}>
              <TableHeaderCell scope="row" className={s.rowHeader}>
                {partnerLabel(partner, names)}
              </TableHeaderCell>
              {amounts.map((a, k) => {
                const d = a - (amounts[0] ?? 0);
                return (
                  <TableCell key={many.names[k] ?? k} className={s.money}>
                    {formatMoney(a)}
                    {k > 0 && (
                      <>
                        <br />
                        <Caption1 className={d > 0 ? c.up : d < 0 ? c.down : undefined}>{formatDifference(d)}</Caption1>
                      </>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
