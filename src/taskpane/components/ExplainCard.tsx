import * as React from "react";
import {
  Button,
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
import { categoryWords, formatAdjustmentPence, formatExactPounds, formatFigure, formatMoney, formatShare, natureWords } from "../format";
import { useScreenStyles } from "../styles";
import { weightWords } from "../../app";

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
    // The figures' column may shrink to the pane (minmax 0); a figure breaks only if it is wider than the whole column.
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: {
    color: tokens.colorNeutralForeground3,
  },
  detail: {
    margin: 0,
    overflowWrap: "break-word",
  },
  sentences: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    overflowWrap: "break-word",
  },
  exact: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  working: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "break-word",
  },
});

/** Props for {@link ExplainCard}. */
export interface ExplainCardProps {
  readonly trace: ChargeTrace;
  /** The partner's display name. */
  readonly partnerName: string;
  /** A column heading for the partner's figures; default: its name. */
  readonly partnerShort?: string;
  /** The basis in the model's words, as the output sheets say it (`basisInWords`); default: from the trace's labels. */
  readonly basisWords?: string;
  /** The cost line with its description (`lineWords`); default: its reference. */
  readonly lineWords?: string;
  /** The basis code with its name (`basisCodeWords`); default: the code. */
  readonly basisCode?: string;
}

/** Terms and their details as a description list (the plain facts and the exact figures alike). */
function Facts({ facts }: { readonly facts: readonly (readonly [string, string])[] }): React.JSX.Element {
  const c = useStyles();
  return (
    <dl className={c.facts}>
      {facts.map(([term, detail]) => (
        <React.Fragment key={term}>
          <dt className={c.term}>{term}</dt>
          <dd className={c.detail}>{detail}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}

/** The basis in words: "By Tickets", or a mix "50% Users + 50% Tickets" (the code stays in the exact figures). */
function basisWords(trace: ChargeTrace): string {
  const parts = trace.components;
  if (parts.length === 0) return trace.basis;
  if (parts.length === 1 && parts[0]?.weightPercent === undefined) return `By ${parts[0]?.label ?? trace.basis}`;
  return parts.map((p) => `${p.weightPercent ?? "?"}% ${p.label}`).join(" + ");
}

/**
 * How one charge was derived, in plain words first: the line and year, the
 * amount split, the basis, the partner's figures as a share ("Lewisham: 2,143
 * of 10,080 tickets = 21.26%"), the charge to the penny and the rounding
 * adjustment in pence. The exact figures (the unrounded share, the weights,
 * the working) are one click away.
 */
export function ExplainCard({
  trace,
  partnerName,
  partnerShort = partnerName,
  basisWords: words,
  lineWords: line = trace.lineRef,
  basisCode = trace.basis,
}: ExplainCardProps): React.JSX.Element {
  const c = useStyles();
  const s = useScreenStyles();
  const [exact, setExact] = React.useState(false);
  const exactId = React.useId();
  const facts: readonly (readonly [string, string])[] = [
    ["Cost line", line],
    ["Partner", partnerName],
    ["Year", trace.yearLabel],
    ["Kind", `${categoryWords(trace.category)}, ${natureWords(trace.nature).toLowerCase()}`],
    ["Amount split", formatMoney(trace.lineAmount)],
    ["Part of year", trace.coverage],
    ...(trace.indexFactor === "1" ? [] : ([["Indexation", `× ${trace.indexFactor}`]] as const)),
    ["Basis", words ?? basisWords(trace)],
    ["Share of the line", formatShare(trace.weight, trace.totalWeight)],
    ["Charged", formatMoney(trace.share)],
    ["Rounding", `${formatAdjustmentPence(trace.adjustment)} (the shares are rounded so they add up exactly to the amount)`],
  ];
  const exactFacts: readonly (readonly [string, string])[] = [
    ["Basis code", basisCode],
    ["Exact line amount", formatExactPounds(trace.exactLineAmount)],
    ["Weight", weightWords(trace.weight, trace.totalWeight, trace.components.length > 1)],
    ["Exact share", formatExactPounds(trace.exactShare)],
    ["Rounding adjustment", formatExactPounds(trace.adjustment)],
  ];
  return (
    <section role="group" className={c.card} aria-label={`How ${partnerName}'s charge for ${line} in ${trace.yearLabel} was derived`}>
      <Subtitle2 as="h3">{`${line} · ${partnerName} · ${trace.yearLabel}`}</Subtitle2>
      <Facts facts={facts} />
      {trace.support !== undefined ? (
        // A support service's weights stand for exact parts of £1 of its cost: the engine's working says how they arose.
        <Text as="p" className={c.sentences} aria-label="How the share is worked out">
          {trace.support}
        </Text>
      ) : (
        trace.components.length > 0 && (
          <ul className={c.sentences} aria-label="How the share is worked out">
            {trace.components.map((comp) => (
              <li key={comp.source}>
                {`${partnerName}: ${formatFigure(comp.value)} of ${formatFigure(comp.total)} ${comp.label.toLowerCase()} = ` +
                  `${formatShare(comp.value, comp.total)}${comp.weightPercent === undefined ? "" : `, weighted ${comp.weightPercent}%`}`}
              </li>
            ))}
          </ul>
        )
      )}
      <div>
        <Button size="small" appearance="subtle" aria-expanded={exact} aria-controls={exactId} onClick={() => setExact((x) => !x)}>
          {exact ? "Hide the exact figures" : "Show the exact figures"}
        </Button>
      </div>
      {exact && (
        <div id={exactId} className={c.exact}>
          <Facts facts={exactFacts} />
          {trace.components.length > 0 && (
            <Table className={s.reflow} size="extra-small" aria-label="Driver values">
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
          )}
          <Text className={c.working}>{trace.working}</Text>
        </div>
      )}
    </section>
  );
}
