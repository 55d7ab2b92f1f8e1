import * as React from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { WithinSplit } from "../../engine";
import { fracToDecimalText } from "../../app";
import { formatMoney, partnerWords } from "../format";
import { useScreenStyles } from "../styles";

/** Props for {@link WithinSplitTable}. */
export interface WithinSplitTableProps {
  readonly split: WithinSplit;
  readonly names: ReadonlyMap<string, string>;
}

/** How a parent's share of one line-year was divided with the partners within it (the engine's split). */
export function WithinSplitTable({ split, names }: WithinSplitTableProps): React.JSX.Element {
  const s = useScreenStyles();
  const label = `How ${partnerWords(split.parent, names)}'s share of ${formatMoney(split.parentShare)} was divided`;
  return (
    <Table className={s.reflow} size="extra-small" aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Pays</TableHeaderCell>
          <TableHeaderCell scope="col" className={s.money}>
            Proportion of the line
          </TableHeaderCell>
          <TableHeaderCell scope="col" className={s.money}>
            Amount
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        <TableRow>
          <TableCell>{partnerWords(split.parent, names)}</TableCell>
          <TableCell className={s.money}>{fracToDecimalText(split.parentProportion, 10)}</TableCell>
          <TableCell className={s.money}>{formatMoney(split.parentAmount)}</TableCell>
        </TableRow>
        {split.parts.map((p) => (
          <TableRow key={p.partner}>
            <TableCell>{partnerWords(p.partner, names)}</TableCell>
            <TableCell className={s.money}>{fracToDecimalText(p.proportion, 10)}</TableCell>
            <TableCell className={s.money}>{formatMoney(p.amount)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
