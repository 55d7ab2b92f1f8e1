import * as React from "react";
import { Button, Field, Input, Subtitle2 } from "@fluentui/react-components";
import { differenceLine, signedRunText, signOffWorkbook, thrownText, verifyWorkbook, type VerifyOutcome } from "../../app";
import { useWorkbook } from "../hooks/useWorkbook";
import { useServices } from "../services";
import { useScreenStyles } from "../styles";
import { ConfirmDialog } from "./ConfirmDialog";
import { Notice } from "./Notice";

type Message = {
  readonly intent: "success" | "warning" | "error";
  readonly title: string;
  readonly text: string;
  readonly lines?: readonly string[];
  /** The workbook read it answers: a later read (an input edited, a run written) retires it. */
  readonly version: number;
};

/** How many differing cells to list in the pane (the command line's --verify lists them all). */
const SHOWN_DIFFERENCES = 20;

/** A verification that did not pass, in words (one that passed shows as the run's status instead). */
function failedMessage(v: Exclude<VerifyOutcome, { kind: "verified" }>, version: number): Message {
  if (v.kind === "cannotVerify") return { intent: "warning", title: "Cannot verify", text: v.reason, version };
  return {
    intent: "error",
    title: "Not verified",
    text:
      `${v.differences.length} cell${v.differences.length === 1 ? "" : "s"} differ from the ` +
      `recomputation${v.missingSheets.length > 0 ? `; missing sheets: ${v.missingSheets.join(", ")}` : ""}.`,
    lines: v.differences.slice(0, SHOWN_DIFFERENCES).map(differenceLine),
    version,
  };
}

/**
 * Assurance on the Run screen: verify that the result sheets are what their
 * inputs give (the same check as the command line's --verify), and sign off
 * the latest run after a confirm step that names it. Signing verifies the
 * run first and records only the approval in the Run log. What passes shows
 * in the run's status (StaleNotice); only what failed is said here, and only
 * until the workbook is read again. The signer's name is the Run screen's one
 * name field ("Your name"); only the role is asked here.
 */
export function AssurancePanel(): React.JSX.Element {
  const s = useScreenStyles();
  const { port } = useServices();
  const { state, actions } = useWorkbook();
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<Message | undefined>(undefined);
  // The one name field (PreparedByField, at the top of the Run screen): the name saved there signs too.
  const name = state.read?.preparedBy ?? "";
  const [role, setRole] = React.useState("");
  const [confirming, setConfirming] = React.useState(false);
  const by = `${name.trim()}, ${role.trim()}`;
  const status = state.runStatus;
  const latest = status === undefined || status.kind === "noRun" ? undefined : status.run;

  const verify = async (): Promise<void> => {
    setBusy(true);
    try {
      const v = await verifyWorkbook(port);
      if (v.kind === "verified") {
        setMessage(undefined);
        actions.markVerified({ runAt: v.runAt, fingerprint: v.fingerprint });
      } else setMessage(failedMessage(v, state.version));
    } catch (e) {
      setMessage({ intent: "error", title: "Cannot verify", text: thrownText(e), version: state.version });
    } finally {
      setBusy(false);
    }
  };

  const signOff = async (): Promise<void> => {
    setConfirming(false);
    setBusy(true);
    try {
      const signed = await signOffWorkbook(port, { by, now: new Date() });
      if (!signed.ok) {
        setMessage({ intent: "error", title: "Not signed off", text: signed.message, version: state.version });
        return;
      }
      // The status now says "Signed off" with who and when: it is the one place the pane shows it.
      setMessage(undefined);
      await actions.refresh();
    } catch (e) {
      setMessage({ intent: "error", title: "Not signed off", text: thrownText(e), version: state.version });
    } finally {
      setBusy(false);
    }
  };

  const shown = message !== undefined && message.version === state.version ? message : undefined;
  return (
    <section className={s.screen} aria-labelledby="assurance-title">
      <Subtitle2 as="h3" id="assurance-title">
        Verify and sign off
      </Subtitle2>
      <div className={s.actions}>
        <Button disabled={busy || latest === undefined} onClick={() => void verify()}>
          Verify the results
        </Button>
      </div>
      <Field
        label="Your role"
        size="small"
        hint={
          name.trim() === "" ? "e.g. s151 officer. Enter your name above to sign off." : `e.g. s151 officer. Signing as ${name.trim()}.`
        }
      >
        <Input size="small" value={role} onChange={(_, d) => setRole(d.value)} />
      </Field>
      <div className={s.actions}>
        <Button disabled={busy || latest === undefined || name.trim() === "" || role.trim() === ""} onClick={() => setConfirming(true)}>
          Sign off the latest run
        </Button>
      </div>
      {shown !== undefined && (
        <Notice intent={shown.intent} title={shown.title} focusOnShow>
          {shown.text}
          {shown.lines !== undefined && shown.lines.length > 0 && (
            <ul>
              {shown.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      <ConfirmDialog
        open={confirming && latest !== undefined}
        title="Sign off this run?"
        message={
          latest === undefined
            ? ""
            : `Sign off ${signedRunText({ ...latest, runAt: latest.at })} ` +
              `as ${by}? It is verified first; only the approval is added to the Run log, and no result is recalculated.`
        }
        confirmText="Sign off"
        onConfirm={() => void signOff()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
