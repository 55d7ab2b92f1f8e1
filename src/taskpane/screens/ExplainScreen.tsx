import * as React from "react";
import { Button, Spinner, Subtitle2, Text } from "@fluentui/react-components";
import { ChoiceField } from "../components/fields";
import { ChargesBehind, type ChargeFilter } from "../components/ChargesBehind";
import { ExplainCard } from "../components/ExplainCard";
import { basisCodeWords, lineWords } from "../model-words";
import { Notice } from "../components/Notice";
import { ScreenHeading } from "../components/ScreenHeading";
import { StaleNotice } from "../components/StaleNotice";
import { WithinSplitTable } from "../components/WithinSplitTable";
import { categoryWords, natureWords, partnerWords } from "../format";
import type { ModelRun } from "../../engine";
import { partnerNames, basisInWords } from "../../app";
import { useExplain } from "../hooks/useExplain";
import { useModelRun } from "../hooks/useModelRun";
import { useServices } from "../services";
import { useScreenStyles } from "../styles";

/**
 * Explain: select a partner's charge on the Allocations sheet (or a total on
 * Summary) and see how it was derived — the basis, each partner's driver
 * figures, the exact share and the rounding adjustment — from the engine's
 * trace of the run the sheets show.
 */
export function ExplainScreen(): React.JSX.Element {
  const s = useScreenStyles();
  const { selection } = useServices();
  const run = useModelRun();
  const { state, explain } = useExplain(run);
  const names = run.kind === "ready" ? partnerNames(run.outputs.run.model) : new Map<string, string>();
  return (
    <section className={s.screen} aria-labelledby="explain-title">
      <ScreenHeading
        id="explain-title"
        title="Explain a charge"
        intro={
          `Select a partner's charge on the Allocations ` +
          `sheet${selection ? "; it is explained here as you select it." : ", then choose Explain."}`
        }
      />
      <StaleNotice />
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => void explain()}>
          Explain the selected cell
        </Button>
        {state.kind === "reading" && <Spinner size="tiny" label="Reading the selection…" />}
      </div>
      <div aria-live="polite" className={s.stack}>
        {state.kind === "failed" && <Notice intent="error">{state.message}</Notice>}
        {state.kind === "nothing" && (
          <Notice intent="info">
            {`${state.address} is not a charge. Select a partner's cell on the Allocations sheet, or a total ` + `on the Summary sheet.`}
          </Notice>
        )}
        {state.kind === "stale" && (
          <Notice intent="warning">{`${state.address} shows a charge that is not in the current run. Run again, then select it.`}</Notice>
        )}
        {state.kind === "total" && (
          <Notice intent="info" title={state.address}>
            {`A total of ${[
              state.target.partner === undefined ? "all partners" : partnerWords(state.target.partner, names),
              state.target.yearLabel ?? "all years",
              state.target.category === undefined ? "capital and revenue" : categoryWords(state.target.category).toLowerCase(),
              state.target.nature === undefined ? undefined : natureWords(state.target.nature).toLowerCase(),
            ]
              .filter((x) => x !== undefined)
              .join(", ")}. Its charges are listed below: explain any of them.`}
          </Notice>
        )}
        {state.kind === "total" && run.kind === "ready" && (
          <ChargesBehind
            run={run.outputs.run}
            names={names}
            label={`the total in ${state.address}`}
            filter={{
              partner: state.target.partner,
              yearLabel: state.target.yearLabel,
              category: state.target.category,
              nature: state.target.nature,
            }}
          />
        )}
        {state.kind === "charge" && (
          <>
            <Text size={200}>{state.address}</Text>
            {state.split !== undefined && state.split.parent !== state.target.partner && (
              <Notice intent="info">
                {`${partnerWords(state.target.partner, names)} pays part of ${partnerWords(state.split.parent, names)}'s share. ` +
                  `The trace below is ${partnerWords(state.split.parent, names)}'s share of the line; the table after it shows ` +
                  `how that share was divided.`}
              </Notice>
            )}
            {state.trace !== undefined && (
              <ExplainCard
                trace={state.trace}
                partnerName={partnerWords(state.trace.partner, names)}
                {...(run.kind === "ready"
                  ? {
                      basisWords: basisInWords(state.trace, run.outputs.run.model, names),
                      lineWords: lineWords(state.trace.lineRef, run.outputs.run.model),
                      basisCode: basisCodeWords(state.trace.basis, run.outputs.run.model),
                    }
                  : {})}
              />
            )}
            {state.split !== undefined && <WithinSplitTable split={state.split} names={names} />}
          </>
        )}
      </div>
      {run.kind === "ready" && <TotalChooser run={run.outputs.run} names={names} />}
    </section>
  );
}

/** Explain a total chosen in the pane (no cell to select needed): a partner's charges for a year, each explainable. */
function TotalChooser({ run, names }: { readonly run: ModelRun; readonly names: ReadonlyMap<string, string> }): React.JSX.Element {
  const s = useScreenStyles();
  const [partner, setPartner] = React.useState("");
  const [year, setYear] = React.useState("");
  const years = React.useMemo(() => [...new Set(run.rows.map((r) => r.yearLabel))], [run]);
  const filter = React.useMemo<ChargeFilter>(() => ({ partner, yearLabel: year }), [partner, year]);
  return (
    <section className={s.stack} aria-labelledby="explain-total-title">
      <Subtitle2 as="h3" id="explain-total-title">
        Explain a total
      </Subtitle2>
      <div className={s.actions}>
        <ChoiceField
          label="Partner"
          value={partner}
          blank="Choose a partner"
          choices={[...names.keys()].map((id) => ({ value: id, text: partnerWords(id, names) }))}
          onChange={setPartner}
        />
        <ChoiceField
          label="Year"
          value={year}
          blank="Choose a year"
          choices={years.map((y) => ({ value: y, text: y }))}
          onChange={setYear}
        />
      </div>
      {partner !== "" && year !== "" && (
        <ChargesBehind run={run} names={names} label={`${partnerWords(partner, names)}, ${year}`} filter={filter} />
      )}
    </section>
  );
}
