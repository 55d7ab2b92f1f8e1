import * as React from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { DoNoHarmReport } from "../../engine";
import { categoryWords, formatDifference, formatMoney, partnerWords } from "../format";
import { useScreenStyles } from "../styles";

/** Props for {@link DoNoHarmPanel}. */
export interface DoNoHarmPanelProps {
  readonly report: DoNoHarmReport;
  readonly names: ReadonlyMap<string, string>;
}

/** The "do no harm" verdict: passed, or each existing partner that would pay more, by year and kind. */
export function DoNoHarmPanel({ report, names }: DoNoHarmPanelProps): React.JSX.Element {
  const s = useScreenStyles();
  const joining = report.joining.map((p) => partnerWords(p, names)).join(", ") || "no new partner";
  return (
    // A group, not a landmark: the same scenario's verdict can be on screen twice (the comparison
    // of two runs and every scenario side by side), and landmarks must be unique.
    <div role="group" aria-label={`Do no harm: ${report.scenario}`} className={s.stack}>
      <MessageBar intent={report.passed ? "success" : "warning"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{`${report.passed ? "Do no harm: passed" : "Do no harm: failed"} (${report.scenario})`}</MessageBarTitle>
          {report.passed
            ? `With ${joining} joining, no existing partner pays more in any year, on capital or revenue.`
            : `With ${joining} joining, ${report.byPartner.length} existing partner${report.byPartner.length === 1 ? "" : "s"} ` +
              `would pay more.`}
        </MessageBarBody>
      </MessageBar>
      {!report.passed && (
        <Table className={s.reflow} size="extra-small" aria-label={`Partners who would pay more: ${report.scenario}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Partner, year</TableHeaderCell>
              <TableHeaderCell scope="col" className={s.money}>
                Before
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={s.money}>
                After
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={s.money}>
                Increase
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.harms.map((h) => (
              <TableRow key={`${h.partner}|${h.yearLabel}|${h.category}`}>
                <TableHeaderCell scope="row">
                  {`${partnerWords(h.partner, names)}: ${h.yearLabel} ${categoryWords(h.category).toLowerCase()}`}
                </TableHeaderCell>
                <TableCell className={s.money}>{formatMoney(h.before)}</TableCell>
                <TableCell className={s.money}>{formatMoney(h.after)}</TableCell>
                <TableCell className={s.money}>{formatDifference(h.increase)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
