import * as React from "react";
import { Button, Field, ProgressBar, Select, Spinner, Text } from "@fluentui/react-components";
import { FirstRunGuide } from "../components/FirstRunGuide";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Notice } from "../components/Notice";
import { ScreenHeading } from "../components/ScreenHeading";
import { useSampleChoices } from "../hooks/useSampleChoices";
import { useWorkbook } from "../hooks/useWorkbook";
import { workbookProblemsText } from "../../app";
import { useNavigate } from "../navigation";
import { useScreenStyles } from "../styles";

type Progress = { readonly done: number; readonly total: number } | undefined;

/**
 * Start: open the model already in the workbook, or create a new one from a
 * sample or empty. Creating over existing input sheets asks first (the
 * workbook layer refuses until the user confirms).
 */
export function StartScreen(): React.JSX.Element {
  const s = useScreenStyles();
  const loaded = useSampleChoices();
  const samples = loaded.choices ?? [];
  const { state, actions } = useWorkbook();
  const navigate = useNavigate();
  const [picked, setChoice] = React.useState<string | undefined>(undefined);
  // The first sample until one is picked (the samples may still be loading when the screen first shows).
  const choice = picked ?? samples[0]?.id ?? "";
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<Progress>(undefined);
  const [message, setMessage] = React.useState<{ intent: "success" | "error"; text: string } | undefined>(undefined);
  const [confirm, setConfirm] = React.useState<string | undefined>(undefined);
  const createButton = React.useRef<HTMLButtonElement>(null);
  const sample = samples.find((x) => x.id === choice);

  const create = async (replace: boolean): Promise<void> => {
    if (!sample) return;
    setConfirm(undefined);
    setBusy(true);
    setMessage(undefined);
    setProgress({ done: 0, total: 1 });
    const r = await actions.createModel(sample, replace, (done, total) => setProgress({ done, total }));
    setBusy(false);
    setProgress(undefined);
    if (r.ok) {
      setMessage({ intent: "success", text: `Created the model "${sample.label}". Check it next, then run it.` });
      return;
    }
    if (!replace && r.problems.some((p) => p.kind === "inputSheetsExist")) {
      setConfirm(workbookProblemsText(r.problems));
      return;
    }
    setMessage({ intent: "error", text: workbookProblemsText(r.problems) });
  };

  const open = async (): Promise<void> => {
    const next = await actions.refresh();
    if (next.read) navigate("check");
  };

  const status = state.status;
  return (
    <section className={s.screen} aria-labelledby="start-title">
      <ScreenHeading id="start-title" title="Start" intro="Work on the model in this workbook, or set up a new one." />
      <FirstRunGuide />
      {state.loading && status === undefined ? (
        <Spinner size="tiny" label="Looking at the workbook…" />
      ) : status?.hasModel ? (
        <Text>
          {status.outputSheets.length > 0
            ? `This workbook has a model, with results on ${status.outputSheets.length} sheets.`
            : "This workbook has a model. It has not been run yet."}
        </Text>
      ) : (
        <Text>This workbook has no model yet.</Text>
      )}
      {state.failure !== undefined && <Notice intent="error">{state.failure}</Notice>}
      <div className={s.actions}>
        <Button appearance={status?.hasModel ? "primary" : "secondary"} disabled={!status?.hasModel || busy} onClick={() => void open()}>
          Open the model in this workbook
        </Button>
      </div>
      <div className={s.stack}>
        {loaded.failed && <Notice intent="error">The samples could not be loaded. Close the pane and open it again to try again.</Notice>}
        <Field
          label="New model"
          hint={sample?.description ?? (loaded.choices === undefined ? "Loading the samples…" : undefined)}
          size="small"
        >
          <Select size="small" value={choice} onChange={(_, d) => setChoice(d.value)}>
            {samples.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </Select>
        </Field>
        <div className={s.actions}>
          <Button
            ref={createButton}
            appearance={status?.hasModel ? "secondary" : "primary"}
            disabled={busy || !sample}
            onClick={() => void create(false)}
          >
            Create model
          </Button>
          {message?.intent === "success" && (
            <Button appearance="subtle" onClick={() => navigate("check")}>
              Check the model
            </Button>
          )}
        </div>
        {progress !== undefined && (
          <Field label="Creating the input sheets" validationState="none" size="small">
            <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} max={1} />
          </Field>
        )}
      </div>
      {message !== undefined && (
        <Notice key={message.text} intent={message.intent} focusOnShow>
          {message.text}
        </Notice>
      )}
      <ConfirmDialog
        open={confirm !== undefined}
        title="Replace the input sheets?"
        message={confirm ?? ""}
        confirmText="Replace them"
        onConfirm={() => void create(true)}
        onCancel={() => {
          setConfirm(undefined);
          // Back to the button that asked (the dialog would return focus to <body>: the button was disabled while busy).
          requestAnimationFrame(() => createButton.current?.focus());
        }}
      />
    </section>
  );
}
