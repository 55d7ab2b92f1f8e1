import * as React from "react";
import { Button, Spinner, Text } from "@fluentui/react-components";
import { Notice } from "../components/Notice";
import { ProblemList } from "../components/ProblemList";
import { ScreenHeading } from "../components/ScreenHeading";
import { useWorkbook } from "../hooks/useWorkbook";
import { useNavigate } from "../navigation";
import { useScreenStyles } from "../styles";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * Check: every problem with the model, from the workbook layer (tables,
 * headers, cells) and the engine (validation), each with its cell. Activating
 * a problem selects the cell in the workbook. Run stays disabled while any
 * error remains.
 */
export function CheckScreen(): React.JSX.Element {
  const s = useScreenStyles();
  const { state, actions } = useWorkbook();
  const navigate = useNavigate();
  const [selectFailure, setSelectFailure] = React.useState<string | undefined>(undefined);
  const errors = state.problems.filter((p) => p.severity === "error").length;
  const warnings = state.problems.length - errors;
  const onSelect = React.useCallback(
    async (address: string) => {
      setSelectFailure(await actions.selectCell(address));
    },
    [actions],
  );
  return (
    <section className={s.screen} aria-labelledby="check-title">
      <ScreenHeading
        id="check-title"
        title="Check the model"
        intro="Every problem found in the input tables. Select one to go to its cell."
      />
      <div className={s.actions}>
        <Button onClick={() => void actions.refresh()} disabled={state.loading}>
          Check again
        </Button>
        <Button
          appearance="primary"
          disabled={state.loading || state.read === undefined || state.hasErrors}
          onClick={() => navigate("run")}
        >
          Run
        </Button>
        {state.loading && <Spinner size="tiny" label="Reading the workbook…" />}
      </div>
      {state.failure !== undefined && <Notice intent="error">{state.failure}</Notice>}
      {!state.loading && state.read === undefined && state.failure === undefined && (
        <Notice intent="info">{state.noModel ?? "The workbook could not be read."}</Notice>
      )}
      {state.read !== undefined && (
        <div role="status" aria-live="polite">
          {state.problems.length === 0 ? (
            <Notice intent="success" title="No problems">
              The model is ready to run.
            </Notice>
          ) : (
            <Text weight="semibold">
              {plural(errors, "error")}
              {warnings > 0 ? ` and ${plural(warnings, "warning")}` : ""}
              {errors > 0 ? ": fix the errors before running." : "."}
            </Text>
          )}
        </div>
      )}
      {selectFailure !== undefined && <Notice intent="error">{selectFailure}</Notice>}
      {state.problems.length > 0 && <ProblemList label="Problems" problems={state.problems} onSelect={(a) => void onSelect(a)} />}
    </section>
  );
}
