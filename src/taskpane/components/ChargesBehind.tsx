import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Category, ChargeRow, ModelRun, Nature } from "../../engine";
import { basisInWords, explainTarget } from "../../app";
import { useEngine } from "../hooks/useEngine";
import { formatMoney, partnerWords } from "../format";
import { basisCodeWords, lineWords } from "../model-words";
import { ExplainCard } from "./ExplainCard";
import { WithinSplitTable } from "./WithinSplitTable";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  what: { flex: "1 1 10em", minWidth: 0, overflowWrap: "anywhere" },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  detail: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
  },
});

/** ": £x in all." for a sum that can be shown exactly; a note instead for one that cannot. */
function sumText(total: number | undefined): string {
  return total === undefined ? " (too large a sum to show to the penny here)." : `: ${formatMoney(total)} in all.`;
}

/** How many charges are listed before "Show all". */
const FIRST_SHOWN = 100;

/** Which charges make up a figure: any field left out matches every charge. */
export interface ChargeFilter {
  readonly partner?: string;
  readonly yearLabel?: string;
  readonly category?: Category;
  readonly nature?: Nature;
  /** Only charges whose cost line is for this service ("" for lines naming none). */
  readonly service?: string;
  /** Leave out charges for these services (a general budget does not cover services with a budget of their own). */
  readonly excludeServices?: readonly string[];
}

/** The charges of a run (after the carve-out of partners within others: what each partner pays) that make up a figure. */
export function chargesBehind(run: ModelRun, filter: ChargeFilter): ChargeRow[] {
  return run.rows.filter(
    (r) =>
      (filter.partner === undefined || r.partner === filter.partner) &&
      (filter.yearLabel === undefined || r.yearLabel === filter.yearLabel) &&
      (filter.category === undefined || r.category === filter.category) &&
      (filter.nature === undefined || r.nature === filter.nature) &&
      (filter.service === undefined || r.service === filter.service) &&
      !(filter.excludeServices ?? []).includes(r.service),
  );
}

/** Props for {@link ChargesBehind}. */
export interface ChargesBehindProps {
  readonly run: ModelRun;
  readonly filter: ChargeFilter;
  /** What the figure is, e.g. "London Borough of Brent (BRE), 2020/21 capital". */
  readonly label: string;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * The charges behind a total or a budget line: how many, what they add up to
 * (to the penny), and each one by cost line and year with its amount and an
 * Explain button that opens how it was derived, as for a charge selected on
 * the Allocations sheet.
 */
export function ChargesBehind({ run, filter, label, names }: ChargesBehindProps): React.JSX.Element {
  const c = useStyles();
  const rows = React.useMemo(() => chargesBehind(run, filter), [run, filter]);
  const [open, setOpen] = React.useState<string | undefined>(undefined);
  const [all, setAll] = React.useState(false);
  // A large model can have thousands of charges behind one total: list the first ones, the rest on request.
  const shown = all ? rows : rows.slice(0, FIRST_SHOWN);
  // Summed in BigInt so the figure is exact; one past the safe integer range is not shown rather than rounded.
  const sum = rows.reduce((a, r) => a + BigInt(r.amount), 0n);
  const total = sum <= BigInt(Number.MAX_SAFE_INTEGER) && sum >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(sum) : undefined;
  const listLabel = `Charges behind ${label}`;
  return (
    <div className={c.detail}>
      <Text weight="semibold">
        {rows.length === 0
          ? `No charges behind ${label}.`
          : `${rows.length === 1 ? "1 charge" : `${rows.length} charges`} behind ${label}${sumText(total)}`}
      </Text>
      {rows.length > 0 && (
        <ul className={c.list} aria-label={listLabel}>
          {shown.map((r) => {
            const key = `${r.lineRef}|${r.partner}|${r.yearLabel}`;
            const service = r.service !== "" ? ` (${r.service})` : "";
            const who = filter.partner === undefined ? `, ${partnerWords(r.partner, names)}` : "";
            const what = `${lineWords(r.lineRef, run.model)}${service}, ${r.yearLabel}${who}`;
            const isOpen = open === key;
            return (
              <li key={key}>
                <div className={c.row}>
                  <Text className={c.what}>{what}</Text>
                  <Text className={c.amount}>{formatMoney(r.amount)}</Text>
                  <Button
                    size="small"
                    aria-expanded={isOpen}
                    aria-label={`${isOpen ? "Hide how" : "Explain"} ${what}`}
                    onClick={() => setOpen(isOpen ? undefined : key)}
                  >
                    {isOpen ? "Hide" : "Explain"}
                  </Button>
                </div>
                {isOpen && <ChargeExplanation run={run} row={r} names={names} />}
              </li>
            );
          })}
        </ul>
      )}
      {shown.length < rows.length && (
        <div>
          <Button size="small" appearance="subtle" onClick={() => setAll(true)}>
            {`Show all ${rows.length} charges (the first ${FIRST_SHOWN} are listed)`}
          </Button>
        </div>
      )}
    </div>
  );
}

interface ChargeExplanationProps {
  readonly run: ModelRun;
  readonly row: ChargeRow;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * How one charge was derived: the engine's trace of the core charge and, for a partner within
 * another, how the parent's share was divided.
 */
function ChargeExplanation({ run, row, names }: ChargeExplanationProps): React.JSX.Element {
  const engine = useEngine();
  const c = useStyles();
  const explained = explainTarget(
    run,
    { kind: "charge", lineRef: row.lineRef, partner: row.partner, yearLabel: row.yearLabel },
    (result, charge) => engine.explainCharge(result, charge),
  );
  if (explained === undefined) return <Text>{`No trace of ${lineWords(row.lineRef, run.model)} ${row.yearLabel} in this run.`}</Text>;
  const { trace, split } = explained;
  return (
    <div className={c.detail}>
      {split !== undefined && split.parent !== row.partner && (
        <Text>
          {`${partnerWords(row.partner, names)} pays part of ${partnerWords(split.parent, names)}'s share: ` +
            "first how that share was worked out, then how it was divided."}
        </Text>
      )}
      <ExplainCard
        trace={trace}
        partnerName={partnerWords(trace.partner, names)}
        basisWords={basisInWords(trace, run.model, names)}
        lineWords={lineWords(trace.lineRef, run.model)}
        basisCode={basisCodeWords(trace.basis, run.model)}
      />
      {split !== undefined && <WithinSplitTable split={split} names={names} />}
    </div>
  );
}
