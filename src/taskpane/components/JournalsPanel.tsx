import * as React from "react";
import { Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { Journal, JournalsReport } from "../../engine";
import type { RunOutputs } from "../../excel";
import { journalReviews, journalsOfRun, journalsProblems, OUTPUT_SHEETS, type JournalReview, type Locate } from "../../app";
import { formatMoney, partnerWords } from "../format";
import { useScreenStyles } from "../styles";
import { Notice } from "./Notice";
import { ProblemList } from "./ProblemList";

/** How each kind of journal is named in the pane, as its ledger sheet names it. */
export const JOURNAL_KIND_WORDS: Readonly<Record<Journal["kind"], string>> = {
  expenditure: "expenditure",
  income: "income",
  accrual: "accruals",
};

/** Props for {@link JournalsPanel}. */
export interface JournalsPanelProps {
  readonly outputs: RunOutputs;
  /** The run is the one last written (so the Journals and ledger sheets hold it). */
  readonly written: boolean;
  readonly names: ReadonlyMap<string, string>;
  /** Show only this partner's journals and invoices ("" for every partner's), as the screen's partner filter. */
  readonly partner: string;
  /** Where each journals problem's cell is (the model as read). */
  readonly locate: Locate | undefined;
  /** Selects a problem's cell in the workbook. */
  readonly onSelect: (address: string) => void;
}

/**
 * Journals and invoices (docs/journals.md): each journal of the run with its
 * lines, debits and credits, whether it balances, and its control against the
 * Allocations; each partner's invoice schedule; or the journals problems, each
 * selectable. Nothing is written from here: the run writes the Journals sheet
 * and one ledger sheet per journal with its other outputs, so the panel names
 * the sheet to save as CSV for each ledger.
 */
export function JournalsPanel({ outputs, written, names, partner, locate, onSelect }: JournalsPanelProps): React.JSX.Element {
  const s = useScreenStyles();
  const made = React.useMemo(() => journalsOfRun(outputs), [outputs]);
  const problems = React.useMemo(() => (made === undefined ? [] : journalsProblems(made, locate)), [made, locate]);
  return (
    <section aria-labelledby="journals-title" className={s.stack}>
      <Subtitle2 as="h3" id="journals-title">
        Journals and invoices
      </Subtitle2>
      {made === undefined ? (
        <Text>
          This model has no Coding or Ledgers sheets, so no journals or invoices are made. Add them (see the help on journals) to make each
          partner&apos;s journal in its own ledger&apos;s layout.
        </Text>
      ) : !made.ok ? (
        <>
          <Notice intent="warning" title="The journals cannot be made">
            {`Fix the ${problems.length === 1 ? "problem" : `${problems.length} problems`} below; the run's other figures stand, and the ` +
              `${OUTPUT_SHEETS.journals} sheet says why no journal was made.`}
          </Notice>
          <ProblemList label="Journals problems" problems={problems} onSelect={onSelect} />
        </>
      ) : (
        <JournalsMade report={made.value} written={written} names={names} partner={partner} />
      )}
    </section>
  );
}

function JournalsMade({
  report,
  written,
  names,
  partner,
}: {
  readonly report: JournalsReport;
  readonly written: boolean;
  readonly names: ReadonlyMap<string, string>;
  readonly partner: string;
}): React.JSX.Element {
  const s = useScreenStyles();
  const reviews = journalReviews(report).filter((r) => partner === "" || r.journal.ledger === partner);
  const invoices = report.invoices.filter((inv) => partner === "" || inv.partner === partner);
  return (
    <>
      <Text>{`${report.yearLabel}, reference ${report.reference}. ${plural(reviews.length, "journal")}.`}</Text>
      <Text size={200}>
        {written
          ? `The ${OUTPUT_SHEETS.journals} sheet holds every line and invoice; each journal is also on a ledger sheet of its own, ` +
            "laid out as its ledger's upload file."
          : `Not yet written: write the results on the Run screen to make the ${OUTPUT_SHEETS.journals} sheet and one ledger sheet ` +
            "per journal. The reference is the written run's."}
      </Text>
      {reviews.map((r) => (
        <JournalCard key={r.journal.id} review={r} written={written} names={names} />
      ))}
      <Subtitle2 as="h4">Invoice schedules</Subtitle2>
      {invoices.length === 0 ? (
        <Text>{partner === "" ? "No invoices: no partner is charged for the year." : "No invoices for this partner."}</Text>
      ) : (
        <Table className={s.reflow} size="extra-small" aria-label="Invoice schedules">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Partner, instalments</TableHeaderCell>
              <TableHeaderCell scope="col" className={s.money}>
                Net
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={s.money}>
                VAT
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={s.money}>
                Gross
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {invoices.map((inv) => (
              <TableRow key={inv.partner}>
                <TableHeaderCell scope="row">
                  {`${partnerWords(inv.partner, names)}: ${inv.invoices.length} ${inv.frequency} ` +
                    `${inv.invoices.length === 1 ? "instalment" : "instalments"}`}
                </TableHeaderCell>
                <TableCell className={s.money}>{formatMoney(inv.net)}</TableCell>
                <TableCell className={s.money}>{formatMoney(inv.vat)}</TableCell>
                <TableCell className={s.money}>{formatMoney(inv.gross)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function yesNo(v: boolean): string {
  return v ? "Yes" : "No";
}

/** One journal: a label-and-figure table (fits 320 px) and the sheet to save for its ledger. */
function JournalCard({
  review,
  written,
  names,
}: {
  readonly review: JournalReview;
  readonly written: boolean;
  readonly names: ReadonlyMap<string, string>;
}): React.JSX.Element {
  const s = useScreenStyles();
  const j = review.journal;
  const title = `${partnerWords(j.ledger, names)} ${JOURNAL_KIND_WORDS[j.kind]}`;
  const against = j.kind === "income" ? "Other partners' Allocations" : "Allocations total";
  const rows: [string, string][] = [
    ["Lines", String(j.lines.length)],
    ["Debits", formatMoney(j.debits)],
    ["Credits", formatMoney(j.credits)],
    ["Balanced", yesNo(review.balanced)],
    ["Control (net)", formatMoney(j.control)],
    ...(review.allocations === undefined
      ? ([["Tied", "Not applicable: a year-end accrual posts a settlement, not the year's charges"]] as [string, string][])
      : ([
          [against, formatMoney(review.allocations)],
          ["Tied", yesNo(review.tied === true)],
        ] as [string, string][])),
  ];
  return (
    <div>
      <Text as="h4" weight="semibold" block>
        {title}
      </Text>
      <Table className={s.table} size="extra-small" aria-label={`Journal: ${title}`}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableHeaderCell scope="row">{label}</TableHeaderCell>
              <TableCell className={label === "Tied" && review.allocations === undefined ? undefined : s.money}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1 className={s.muted}>
        {written
          ? `Save the '${review.sheet}' sheet as CSV to upload (layout ${j.layout.id}).`
          : `Once written, save the '${review.sheet}' sheet as CSV to upload (layout ${j.layout.id}).`}
      </Caption1>
    </div>
  );
}
