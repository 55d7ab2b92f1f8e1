import * as React from "react";
import { Spinner, Subtitle2, Text } from "@fluentui/react-components";
import { PartnerSelect } from "../components/PartnerSelect";
import type { BudgetStatus, BudgetLine, ModelRun } from "../../engine";
import { BUDGET_STATUS_TEXT, BUDGET_STATUSES, budgetFlagMessage, partnerNames } from "../../app";
import { BudgetTable } from "../components/BudgetTable";
import { ChoiceField } from "../components/fields";
import { ChargesBehind, type ChargeFilter } from "../components/ChargesBehind";
import { JournalsPanel } from "../components/JournalsPanel";
import { NoRunNotice } from "../components/NoRunNotice";
import { Notice } from "../components/Notice";
import { ScreenHeading } from "../components/ScreenHeading";
import { StaleNotice } from "../components/StaleNotice";
import { StatementControl } from "../components/StatementControl";
import { YearEndTable } from "../components/YearEndTable";
import { categoryWords, partnerWords, toleranceText } from "../format";
import { useModelRun } from "../hooks/useModelRun";
import { useWorkbook } from "../hooks/useWorkbook";
import { useScreenStyles } from "../styles";

// In-year monitoring and its ledger import (csv-parse) load on demand, in a chunk of their own (docs/monitoring.md).
const MonitoringPanel = React.lazy(() => import("../components/MonitoringPanel").then((m) => ({ default: m.MonitoringPanel })));
// Leaving and disputes in a chunk of its own, fetched only for a model that has them (docs/exits.md).
const ExitsPanel = React.lazy(() => import("../components/ExitsPanel").then((m) => ({ default: m.ExitsPanel })));

/**
 * Budget: each partner's recharge against the budget it set aside, by year
 * and capital/revenue, with the variance and status under the model's
 * tolerance; the budget flags (no budget, wrong kind of budget, stated totals
 * that do not add up); the year-end under/overspend shares; and, for a model
 * with journals inputs, each partner's journal and invoice schedule and the
 * ledger sheet to save for each; and the in-year monitoring, with its ledger
 * import (docs/monitoring.md). All figures are the engine's
 * `checkModelBudgets` report of the run.
 */
export function BudgetScreen(): React.JSX.Element {
  const s = useScreenStyles();
  const run = useModelRun();
  const [partner, setPartner] = React.useState("");
  const { state, actions } = useWorkbook();
  const [selectFailure, setSelectFailure] = React.useState<string | undefined>(undefined);
  const onSelect = React.useCallback((address: string) => void actions.selectCell(address).then(setSelectFailure), [actions]);
  if (run.kind !== "ready") {
    return (
      <section className={s.screen} aria-labelledby="budget-title">
        <ScreenHeading id="budget-title" title="Budget" />
        <StaleNotice />
        <NoRunNotice run={run} what="the budget check" />
      </section>
    );
  }
  const { outputs } = run;
  const report = outputs.budget;
  const names = partnerNames(outputs.run.model);
  const lines = (report?.budgets.lines ?? []).filter((l) => partner === "" || l.partner === partner);
  const counts = new Map<BudgetStatus, number>();
  for (const l of lines) counts.set(l.status, (counts.get(l.status) ?? 0) + 1);
  const flags = report?.flags ?? [];
  const settlements = report?.yearEnd?.settlements ?? [];
  return (
    <section className={s.screen} aria-labelledby="budget-title">
      <ScreenHeading
        id="budget-title"
        title="Budget"
        intro={
          (outputs.scenario ? `Scenario "${outputs.scenario}"` : "Base model") +
          (run.written ? ", as last written." : ", worked out from the model (not yet written).")
        }
      />
      <StaleNotice />
      <PartnerSelect label="Partner" allText="All partners" value={partner} names={names} onChange={setPartner} />
      <div role="status">
        <Text weight="semibold">
          {lines.length === 0
            ? "No budget lines."
            : [...BUDGET_STATUSES]
                .reverse()
                .filter((k) => (counts.get(k) ?? 0) > 0)
                .map((k) => `${counts.get(k) ?? 0} ${BUDGET_STATUS_TEXT[k]}`)
                .join(", ")}
        </Text>
      </div>
      {report !== undefined && <Text size={200}>{toleranceText(report.budgets.tolerance)}</Text>}
      {lines.length > 0 && <BudgetTable lines={lines} names={names} />}
      {lines.length > 0 && <BudgetLineExplainer run={outputs.run} lines={report?.budgets.lines ?? []} shown={lines} names={names} />}
      <Subtitle2 as="h3">Flags</Subtitle2>
      {flags.length === 0 ? (
        <Text>No flags: every charge has a budget of the right kind, and every stated total matches its lines.</Text>
      ) : (
        <ul aria-label="Budget flags" className={s.stack}>
          {flags.map((f, i) => (
            <li key={i}>
              <Text>{budgetFlagMessage(f)}</Text>
            </li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h3">Year end</Subtitle2>
      {settlements.length === 0 ? (
        <Text>No outturn recorded, so there is no under- or overspend to share.</Text>
      ) : (
        settlements.map((st) => (
          <YearEndTable
            key={`${st.yearLabel}|${st.category}|${st.service}`}
            settlement={st}
            names={names}
            carryForward={report?.yearEnd?.carryForward ?? false}
          />
        ))
      )}
      <StatementControl outputs={outputs} written={run.written} names={names} />
      <JournalsPanel
        outputs={outputs}
        written={run.written}
        names={names}
        partner={partner}
        locate={state.session?.read.locate}
        onSelect={onSelect}
      />
      <React.Suspense fallback={<Spinner size="tiny" label="Loading the monitoring…" />}>
        <MonitoringPanel outputs={outputs} names={names} partner={partner} locate={state.session?.read.locate} onSelect={onSelect} />
      </React.Suspense>
      {(report?.exits !== undefined || report?.disputes !== undefined) && (
        <React.Suspense fallback={<Text>Loading leaving and disputes…</Text>}>
          <ExitsPanel exits={report?.exits} disputes={report?.disputes} names={names} partner={partner} />
        </React.Suspense>
      )}
      {selectFailure !== undefined && <Notice intent="error">{selectFailure}</Notice>}
    </section>
  );
}

/** Props for {@link BudgetLineExplainer}. */
interface BudgetLineExplainerProps {
  readonly run: ModelRun;
  /** Every budget line (to tell which services have a budget of their own). */
  readonly lines: readonly BudgetLine[];
  /** The lines offered (the partner filter's). */
  readonly shown: readonly BudgetLine[];
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Explain a budget line: the charges its recharge is made of, each explainable. A line for a
 * service takes that service's charges; a general line (no service) takes the rest of the
 * partner's charges of that year and kind, leaving out services with a line of their own, as
 * the budget check counts them.
 */
function BudgetLineExplainer({ run, lines, shown, names }: BudgetLineExplainerProps): React.JSX.Element {
  const [chosen, setChosen] = React.useState("");
  const key = (l: BudgetLine): string => `${l.partner}|${l.yearLabel}|${l.category}|${l.service}`;
  const label = (l: BudgetLine): string => {
    const service = l.service !== "" ? ` (${l.service})` : "";
    return `${partnerWords(l.partner, names)}: ${l.yearLabel} ${categoryWords(l.category).toLowerCase()}${service}`;
  };
  const line = shown.find((l) => key(l) === chosen);
  const filter = React.useMemo<ChargeFilter | undefined>(() => {
    if (line === undefined) return undefined;
    const base = { partner: line.partner, yearLabel: line.yearLabel, category: line.category };
    if (line.service !== "") return { ...base, service: line.service };
    const own = lines
      .filter((l) => l.partner === line.partner && l.yearLabel === line.yearLabel && l.category === line.category && l.service !== "")
      .map((l) => l.service);
    return { ...base, excludeServices: own };
  }, [line, lines]);
  return (
    <>
      <Subtitle2 as="h3">Explain a budget line</Subtitle2>
      <ChoiceField
        label="Budget line"
        value={line ? chosen : ""}
        blank="Choose a line"
        choices={shown.map((l) => ({ value: key(l), text: label(l) }))}
        onChange={setChosen}
      />
      {line !== undefined && filter !== undefined && (
        <ChargesBehind key={chosen} run={run} names={names} label={label(line)} filter={filter} />
      )}
    </>
  );
}
