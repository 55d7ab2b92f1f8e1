import * as React from "react";
import { Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { DisputeRegister, ExitsReport } from "../../engine";
import { OUTPUT_SHEETS } from "../../app";
import { formatMoney, partnerWords } from "../format";
import { useScreenStyles } from "../styles";

/** Props for {@link ExitsPanel}. */
export interface ExitsPanelProps {
  readonly exits: ExitsReport | undefined;
  readonly disputes: DisputeRegister | undefined;
  readonly names: ReadonlyMap<string, string>;
  /** Show only this partner's figures ("" for every partner's), as the screen's partner filter. */
  readonly partner: string;
}

/**
 * Leaving and disputes (docs/exits.md): for each leaver, what it owes against
 * what it would have paid had it stayed, and what its exit costs each
 * remaining partner; then each partner's disputed, withdrawn and recovered
 * amounts. Loaded on its own (React.lazy), only for a model that has them, so
 * the pane's first load does not carry it. The run's sheets hold the detail.
 */
export function ExitsPanel({ exits, disputes, names, partner }: ExitsPanelProps): React.JSX.Element {
  const s = useScreenStyles();
  const shown = (p: string): boolean => partner === "" || p === partner;
  return (
    <section aria-labelledby="exits-title" className={s.stack}>
      <Subtitle2 as="h3" id="exits-title">
        Leaving and disputes
      </Subtitle2>
      {(exits?.exits ?? []).map((e) => (
        <div key={e.partner} className={s.stack}>
          <Text weight="semibold">{e.scenario}</Text>
          <Caption1>
            {`Charged as a member to ${e.chargedUntil}. ${
              e.noHarm ? "No remaining partner pays more." : "Rises for the remaining partners below (the Harm report has every line)."
            } See the ${OUTPUT_SHEETS.exitStatement} and ${OUTPUT_SHEETS.harmReport} sheets.`}
          </Caption1>
          <Table size="small" aria-label={`${e.partner}'s exit statement by year`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Year</TableHeaderCell>
                <TableHeaderCell>If it stayed</TableHeaderCell>
                <TableHeaderCell>It owes</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {e.statementByYear.map((y) => (
                <TableRow key={y.yearLabel}>
                  <TableCell>{y.yearLabel}</TableCell>
                  <TableCell>{formatMoney(y.ifStayed)}</TableCell>
                  <TableCell>{formatMoney(y.owes)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {e.harm.some((h) => h.change !== 0 && shown(h.partner)) && (
            <Table size="small" aria-label={`What ${e.partner}'s exit costs the remaining partners`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Partner</TableHeaderCell>
                  <TableHeaderCell>Year</TableHeaderCell>
                  <TableHeaderCell>Category</TableHeaderCell>
                  <TableHeaderCell>Change</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {e.harm
                  .filter((h) => h.change !== 0 && shown(h.partner))
                  .map((h) => (
                    <TableRow key={`${h.partner}|${h.yearLabel}|${h.category}`}>
                      <TableCell>{partnerWords(h.partner, names)}</TableCell>
                      <TableCell>{h.yearLabel}</TableCell>
                      <TableCell>{h.category}</TableCell>
                      <TableCell>{formatMoney(h.change)}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          )}
        </div>
      ))}
      {disputes !== undefined && (
        <>
          <Caption1>
            {`${formatMoney(disputes.balancing.held)} held in open disputes (still charged and in the balancing); ` +
              `${formatMoney(disputes.balancing.withdrawn)} withdrawn and ${formatMoney(disputes.balancing.recovered)} recovered, ` +
              `credited. See the ${OUTPUT_SHEETS.disputeRegister} sheet.`}
          </Caption1>
          <Table size="small" aria-label="Disputes by partner">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Partner</TableHeaderCell>
                <TableHeaderCell>Held</TableHeaderCell>
                <TableHeaderCell>Credits</TableHeaderCell>
                <TableHeaderCell>Net</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {disputes.partners
                .filter((p) => shown(p.partner))
                .map((p) => (
                  <TableRow key={p.partner}>
                    <TableCell>{partnerWords(p.partner, names)}</TableCell>
                    <TableCell>{formatMoney(p.held)}</TableCell>
                    <TableCell>{formatMoney(p.withdrawn + p.recovered)}</TableCell>
                    <TableCell>{formatMoney(p.net)}</TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
