import * as React from "react";
import { Button, Field, ProgressBar, Select, Text } from "@fluentui/react-components";
import type { RunOutputs } from "../../excel";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { FormulasToValues } from "../components/FormulasToValues";
import { Notice } from "../components/Notice";
import { ProblemList } from "../components/ProblemList";
import { ScreenHeading } from "../components/ScreenHeading";
import { StaleNotice } from "../components/StaleNotice";
import { AssurancePanel } from "../components/AssurancePanel";
import { PreparedByField } from "../components/PreparedByField";
import { TotalsTable } from "../components/TotalsTable";
import { formatMoney } from "../format";
import { useRun } from "../hooks/useRun";
import { useWorkbook } from "../hooks/useWorkbook";
import { workbookProblemsText, LEDGER_SHEET_PREFIX, OUTPUT_SHEETS, partnerNames } from "../../app";
import { useNavigate } from "../navigation";
import { useScreenStyles } from "../styles";

/**
 * Run: choose the base model or a scenario, calculate (with progress and
 * Cancel), preview the totals by partner × year × capital/revenue ×
 * one-off/ongoing, then write the result sheets. Nothing is written before
 * "Write to workbook"; owned sheets edited by hand are replaced only after
 * the user confirms.
 */
/**
 * The sheets a write made, in words: the ledger sheets (one per journal, named
 * by ledger code) are counted rather than listed, so the notice stays short
 * and names no partner by its code alone.
 */
export function writtenSheetsText(sheets: readonly string[]): string {
  const ledgers = sheets.filter((s) => s.startsWith(LEDGER_SHEET_PREFIX)).length;
  const named = sheets.filter((s) => !s.startsWith(LEDGER_SHEET_PREFIX));
  if (ledgers === 0) return named.join(", ");
  return `${named.join(", ")} and ${ledgers} ledger sheet${ledgers === 1 ? "" : "s"} (one per journal, ready to save as CSV)`;
}

export function RunScreen(): React.JSX.Element {
  const s = useScreenStyles();
  const { state, actions } = useWorkbook();
  const navigate = useNavigate();
  const run = useRun();
  const { phase } = run;
  const busy = phase.kind === "calculating" || phase.kind === "writing";
  const settings = state.read?.runSettings;
  const [selectFailure, setSelectFailure] = React.useState<string | undefined>(undefined);
  // Results exist once a run has been written, in this session or before (the workbook has result sheets).
  const hasRun = phase.kind === "written" || state.lastRun !== undefined || (state.status?.outputSheets.length ?? 0) > 0;

  const chooseScenario = async (scenario: string): Promise<void> => {
    if (!settings) return;
    run.reset();
    await actions.saveRunSettings({ ...settings, scenario });
  };

  const compareText =
    settings && settings.compareSecond !== ""
      ? `The run also writes the comparison of ${settings.compareFirst || "Base"} with ${settings.compareSecond} (set on the ` +
        `Scenarios screen).`
      : undefined;

  return (
    <section className={s.screen} aria-labelledby="run-title">
      <ScreenHeading
        id="run-title"
        title="Run"
        intro="Calculate every partner's charges, check them, then write the results to the workbook."
      />
      <StaleNotice />
      {state.read === undefined && !state.loading && (
        <Notice intent="info">{state.noModel ?? state.failure ?? "The workbook could not be read."}</Notice>
      )}
      {settings && (
        <Field label="Run" size="small" hint={compareText}>
          <Select size="small" value={settings.scenario} disabled={busy} onChange={(_, d) => void chooseScenario(d.value)}>
            <option value="">Base model</option>
            {state.scenarios.map((sc) => (
              <option key={sc.name} value={sc.name}>
                Scenario: {sc.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {state.hasErrors && phase.kind !== "blocked" && (
        <Notice intent="warning" title="The model has errors">
          Fix them on the Check screen before running.{" "}
          <Button size="small" appearance="transparent" onClick={() => navigate("check")}>
            Go to Check
          </Button>
        </Notice>
      )}
      <PreparedByField disabled={busy} />
      <div className={s.actions}>
        <Button
          appearance="primary"
          disabled={busy || state.loading || state.read === undefined || state.hasErrors}
          onClick={() => void run.calculate()}
        >
          Calculate
        </Button>
        {/* Cancel only while something is under way; a finished calculation's preview is discarded, not cancelled. */}
        {busy && <Button onClick={run.cancel}>Cancel</Button>}
        {phase.kind === "preview" && <Button onClick={run.cancel}>Discard the preview</Button>}
      </div>
      {phase.kind === "calculating" && (
        <Field label={phase.steps === undefined ? `${phase.label}…` : `Step ${phase.step} of ${phase.steps}: ${phase.label}…`} size="small">
          <ProgressBar value={phase.steps === undefined ? undefined : (phase.step - 0.5) / phase.steps} max={1} />
        </Field>
      )}
      {phase.kind === "blocked" && (
        <>
          <Notice intent="error" title="The run cannot start" focusOnShow>
            Fix these problems first; nothing has been written.
          </Notice>
          {selectFailure !== undefined && <Notice intent="error">{selectFailure}</Notice>}
          <ProblemList
            label="Problems stopping the run"
            problems={phase.problems}
            onSelect={(a) => void actions.selectCell(a).then(setSelectFailure)}
          />
        </>
      )}
      {(phase.kind === "preview" || phase.kind === "confirmReplace") && (
        <Preview
          outputs={phase.outputs}
          edited={phase.kind === "preview" ? phase.editedSheets : []}
          onWrite={() => void run.write(false)}
        />
      )}
      {phase.kind === "writing" && (
        <Field
          label={phase.total > 0 ? `Writing the result sheets (${phase.done} of ${phase.total})…` : "Writing the result sheets…"}
          size="small"
        >
          <ProgressBar value={phase.total > 0 ? phase.done / phase.total : undefined} max={1} />
        </Field>
      )}
      {phase.kind === "written" && (
        <Notice intent="success" title="Results written" focusOnShow>
          {`Wrote ${writtenSheetsText(phase.report.sheets)}. `}
          {phase.outputs.run.result.balance.balanced
            ? `Every line balances: ${formatMoney(phase.outputs.run.result.balance.totalOut)} charged in all.`
            : ""}
        </Notice>
      )}
      {phase.kind === "cancelled" && (
        <Notice intent="info" focusOnShow>
          {phase.message}
        </Notice>
      )}
      {phase.kind === "failed" && (
        <Notice intent="error" focusOnShow>
          {phase.message}
        </Notice>
      )}
      {/* Verifying, signing off and sending on act on written results: offered only once a run has been written. */}
      {state.read !== undefined && hasRun && !busy && (phase.kind === "idle" || phase.kind === "written") && <AssurancePanel />}
      {hasRun && !busy && (phase.kind === "idle" || phase.kind === "written") && <FormulasToValues />}
      <ConfirmDialog
        open={phase.kind === "confirmReplace"}
        title="Replace edited result sheets?"
        message={phase.kind === "confirmReplace" ? phase.message : ""}
        confirmText="Replace them"
        onConfirm={() => void run.write(true)}
        onCancel={run.cancel}
      />
    </section>
  );
}

interface PreviewProps {
  readonly outputs: RunOutputs;
  readonly edited: readonly string[];
  readonly onWrite: () => void;
}

/**
 * The result sheets a run writes, in workbook order: Support flows only for a model with support services,
 * True-up only for one with actual driver values.
 */
export function sheetsWritten(outputs: RunOutputs): string[] {
  return Object.entries(OUTPUT_SHEETS)
    .filter(([kind]) => kind !== "supportFlows" || outputs.run.result.support !== undefined)
    .filter(([kind]) => kind !== "trueUp" || outputs.run.trueUp !== undefined)
    .map(([, name]) => name);
}

/** The totals about to be written, and the Write button. */
function Preview({ outputs, edited, onWrite }: PreviewProps): React.JSX.Element {
  const s = useScreenStyles();
  const { run } = outputs;
  const names = partnerNames(run.model);
  const order = [...names.keys()];
  const balance = run.result.balance;
  return (
    <div className={s.stack}>
      <Notice intent="info" title="Preview: nothing written yet" focusOnShow>
        {`${outputs.scenario ? `Scenario "${outputs.scenario}". ` : "Base model. "}${formatMoney(balance.totalIn)} to share; ` +
          `${formatMoney(balance.totalOut)} ` +
          `charged${balance.balanced ? ", balanced to the penny." : ". It does not balance: do not use these figures."}`}
      </Notice>
      <TotalsTable label="Totals to be written" totals={run.rows} partnerOrder={order} names={names} />
      {run.trueUp !== undefined && (
        // The true-up verdicts (docs/versions.md): one line per line-year compared on actual drivers.
        <Notice intent="info" title="True-up on actual drivers">
          {run.trueUp.lines.map((l) => `${l.lineRef} ${l.yearLabel}: ${l.verdict}.`).join(" ")}
        </Notice>
      )}
      <Text size={200}>Writes the sheets {sheetsWritten(outputs).join(", ")}, replacing the add-in&apos;s previous results.</Text>
      {edited.length > 0 && (
        <Notice intent="warning" title="Edited result sheets">
          {workbookProblemsText([{ kind: "outputsEdited", sheets: edited }])}
        </Notice>
      )}
      <div className={s.actions}>
        <Button appearance="primary" onClick={onWrite}>
          Write to workbook
        </Button>
      </div>
    </div>
  );
}
