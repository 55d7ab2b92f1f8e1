import * as React from "react";
import { Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { Settlement } from "../../engine";
import { categoryWords, formatDifference, formatMoney, partnerWords } from "../format";
import { useScreenStyles } from "../styles";

/** Props for {@link YearEndTable}. */
export interface YearEndTableProps {
  readonly settlement: Settlement;
  readonly names: ReadonlyMap<string, string>;
  /** True when the model carries each share into next year's charges. */
  readonly carryForward: boolean;
}

function heading(s: Settlement): string {
  const what = s.kind === "underspend" ? "Underspend" : s.kind === "overspend" ? "Overspend" : "Balanced";
  return (
    `${s.yearLabel} ${categoryWords(s.category).toLowerCase()}${s.service !== "" ? ` (${s.service})` : ""}: ${what} ` +
    `${formatMoney(Math.abs(s.variance))}`
  );
}

/** One year-end settlement: outturn against charges, and each partner's share of the difference. */
export function YearEndTable({ settlement, names, carryForward }: YearEndTableProps): React.JSX.Element {
  const s = useScreenStyles();
  const title = heading(settlement);
  return (
    <section aria-label={title} className={s.stack}>
      <Subtitle2 as="h4">{title}</Subtitle2>
      <Text size={200}>
        Spent {formatMoney(settlement.outturn)} against {formatMoney(settlement.charged)} charged; shared by{" "}
        {settlement.basis === "contributions" ? "contributions" : settlement.basis}
        {/* Only what happened: carried into a modelled year, or chosen but not possible. */}
        {carryForward && settlement.carriedTo !== undefined && settlement.carryForward.length > 0
          ? `, carried forward into ${settlement.carriedTo}'s charges`
          : ""}
        {carryForward && settlement.notCarried !== undefined
          ? `; not carried forward, because ${settlement.notCarried} is not one of the model's years`
          : ""}
        .
      </Text>
      <Table className={s.reflow} size="extra-small" aria-label={`Shares: ${title}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Partner</TableHeaderCell>
            <TableHeaderCell scope="col" className={s.money}>
              Contribution
            </TableHeaderCell>
            <TableHeaderCell scope="col" className={s.money}>
              Share
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {settlement.shares.map((sh) => (
            <TableRow key={sh.partner}>
              <TableCell>{partnerWords(sh.partner, names)}</TableCell>
              <TableCell className={s.money}>{formatMoney(sh.contribution)}</TableCell>
              <TableCell className={s.money}>{formatDifference(sh.share)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
