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
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { BudgetLine } from "../../engine";
import { categoryWords, formatDifference, formatMoney, formatPercentText, partnerWords } from "../format";
import { useScreenStyles } from "../styles";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  // The row label with its status beside it (beneath when the pane is too narrow for both).
  label: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  stacked: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-end",
    rowGap: tokens.spacingVerticalXXS,
  },
});

/** Props for {@link BudgetTable}. */
export interface BudgetTableProps {
  readonly lines: readonly BudgetLine[];
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Each partner's budget lines: the year and kind of budget, what was set
 * aside, the recharge against it, and the variance in £ and % with its
 * status (in words, not colour alone). Each row is a card (the year, kind and
 * status on a line, the three figures beneath), so every column is in view in
 * a 320 px pane. A charge with no budget shows "None" and no variance.
 */
export function BudgetTable({ lines, names }: BudgetTableProps): React.JSX.Element {
  const s = useScreenStyles();
  const c = useStyles();
  const byPartner = new Map<string, BudgetLine[]>();
  for (const l of lines) byPartner.set(l.partner, [...(byPartner.get(l.partner) ?? []), l]);
  return (
    <div className={s.stack}>
      {[...byPartner.entries()].map(([partner, rows]) => {
        const label = `Recharge against budget: ${partnerWords(partner, names)}`;
        return (
          <section key={partner}>
            <Subtitle2 as="h3">{partnerWords(partner, names)}</Subtitle2>
            <Table className={s.reflow} size="extra-small" aria-label={label}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Year, kind, status</TableHeaderCell>
                  <TableHeaderCell scope="col" className={s.money}>
                    Budget
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className={s.money}>
                    Recharge
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className={s.money}>
                    Variance
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((l) => (
                  <TableRow key={`${l.yearLabel}|${l.category}|${l.service}`}>
                    <TableHeaderCell scope="row">
                      <div className={c.label}>
                        <span>
                          {`${l.yearLabel} ` + `${categoryWords(l.category).toLowerCase()}${l.service !== "" ? ` (${l.service})` : ""}`}
                        </span>
                        <StatusBadge status={l.status} />
                      </div>
                    </TableHeaderCell>
                    <TableCell className={s.money}>{l.budget === undefined ? "None" : formatMoney(l.budget)}</TableCell>
                    <TableCell className={s.money}>{formatMoney(l.recharge)}</TableCell>
                    <TableCell>
                      <div className={c.stacked}>
                        {l.variance !== undefined && <span className={s.money}>{formatDifference(l.variance)}</span>}
                        {l.variance !== undefined && <Caption1 className={s.muted}>{formatPercentText(l.percentText)}</Caption1>}
                      </div>
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
