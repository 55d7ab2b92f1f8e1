import * as React from "react";
import { Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { BudgetLine } from "../../engine";
import { categoryLabel, formatDifference, formatMoney, formatPercentText, partnerLabel } from "../format";
import { useScreenStyles } from "../styles";
import { StatusBadge } from "./StatusBadge";

/** Props for {@link BudgetTable}. */
export interface BudgetTableProps {
  readonly lines: readonly BudgetLine[];
  readonly names: ReadonlyMap<string, string>;
}

/** Each partner's budget lines: the recharge against each, the variance in £ and % and its status. */
export function BudgetTable({ lines, names }: BudgetTableProps): React.JSX.Element {
  const s = useScreenStyles();
  const byPartner = new Map<string, BudgetLine[]>();
  for (const l of lines) byPartner.set(l.partner, [...(byPartner.get(l.partner) ?? []), l]);
  return (
    <div className={s.stack}>
      {[...byPartner.entries()].map(([partner, rows]) => {
        const label = `Recharge against budget: ${partnerLabel(partner, names)}`;
        return (
          <section key={partner} aria-label={label}>
            <Subtitle2 as="h4">{partnerLabel(partner, names)}</Subtitle2>
            <div className={s.scroll} tabIndex={0} role="region" aria-label={label}>
              <Table className={s.table} size="extra-small" aria-label={label}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Year</TableHeaderCell>
                    <TableHeaderCell scope="col">Budget</TableHeaderCell>
                    <TableHeaderCell scope="col" className={s.money}>
                      Set aside
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className={s.money}>
                      Recharge
                    </TableHeaderCell>
                    <TableHeaderCell scope="col" className={s.money}>
                      Variance
                    </TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((l) => (
                    <TableRow key={`${l.yearLabel}|${l.category}|${l.service}`}>
                      <TableCell>{l.yearLabel}</TableCell>
                      <TableCell>
                        {categoryLabel(l.category)}
                        {l.service !== "" ? ` (${l.service})` : ""}
                      </TableCell>
                      <TableCell className={s.money}>{formatMoney(l.budget)}</TableCell>
                      <TableCell className={s.money}>{formatMoney(l.recharge)}</TableCell>
                      <TableCell className={s.money}>
                        {formatDifference(l.variance)}
                        <br />
                        <Caption1 className={s.muted}>{formatPercentText(l.percentText)}</Caption1>
                      </TableCell>
                      <TableCell>
                        <StatusBadge status={l.status} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
