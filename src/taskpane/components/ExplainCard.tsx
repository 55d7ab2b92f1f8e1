import * as React from "react";
import {
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ChargeTrace } from "../../engine";
import { categoryLabel, formatExactPounds, formatMoney, natureLabel } from "../format";
import { useScreenStyles } from "../styles";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: {
    color: tokens.colorNeutralForeground3,
  },
  detail: {
    margin: 0,
    overflowWrap: "anywhere",
  },
  working: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
});

/** Props for {@link ExplainCard}. */
export interface ExplainCardProps {
  readonly trace: ChargeTrace;
  /** The partner's display name. */
  readonly partnerName: string;
  /** A short column heading for the partner's figures (its id). */
  readonly partnerShort?: string;
}

/**
 * How one charge was derived, as the engine's trace states it: the line and
 * year, the amount split, the basis and each partner's driver figures, the
 * exact share, the rounded share and the rounding adjustment.
 */
export function ExplainCard({ trace, partnerName, partnerShort = trace.partner }: ExplainCardProps): React.JSX.Element {
  const c = useStyles();
  const s = useScreenStyles();
  const facts: readonly (readonly [string, string])[] = [
    ["Cost line", trace.lineRef],
    ["Partner", partnerName],
    ["Year", trace.yearLabel],
    ["Kind", `${categoryLabel(trace.category)}, ${natureLabel(trace.nature).toLowerCase()}`],
    ["Amount split", formatMoney(trace.lineAmount)],
    ["Exact line amount", formatExactPounds(trace.exactLineAmount)],
    ["Part of year", trace.coverage],
    ["Indexation factor", trace.indexFactor],
    ["Basis", trace.basis],
    ["Weight", `${trace.weight} of ${trace.totalWeight}`],
    ["Exact share", formatExactPounds(trace.exactShare)],
    ["Charged (rounded)", formatMoney(trace.share)],
    ["Rounding adjustment", formatExactPounds(trace.adjustment)],
  ];
  return (
    <section role="group" className={c.card} aria-label={`How ${partnerName}'s charge for ${trace.lineRef} in ${trace.yearLabel} was derived`}>
      <Subtitle2 as="h3">{`${trace.lineRef} · ${partnerName} · ${trace.yearLabel}`}</Subtitle2>
      <dl className={c.facts}>
        {facts.map(([term, detail]) => (
          <React.Fragment key={term}>
            <dt className={c.term}>{term}</dt>
            <dd className={c.detail}>{detail}</dd>
          </React.Fragment>
        ))}
      </dl>
      {trace.components.length > 0 && (
        <div className={s.scroll} tabIndex={0} role="region" aria-label="Driver values">
          <Table className={s.table} size="extra-small" aria-label="Driver values">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Source</TableHeaderCell>
                <TableHeaderCell scope="col">Weight in mix</TableHeaderCell>
                <TableHeaderCell scope="col" className={s.money}>
                  {partnerShort}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className={s.money}>
                  All sharing
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {trace.components.map((comp) => (
                <TableRow key={comp.source}>
                  <TableCell>{comp.label}</TableCell>
                  <TableCell>{comp.weightPercent === undefined ? "–" : `${comp.weightPercent}%`}</TableCell>
                  <TableCell className={s.money}>{comp.value}</TableCell>
                  <TableCell className={s.money}>{comp.total}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Text className={c.working}>{trace.working}</Text>
    </section>
  );
}
