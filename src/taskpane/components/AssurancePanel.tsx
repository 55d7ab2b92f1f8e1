import * as React from "react";
import { Button, Field, Input, Subtitle2 } from "@fluentui/react-components";
import {
  differenceLine,
  problemsText,
  recordSignOff,
  runWorkbook,
  thrownText,
  verifyWorkbook,
  whenText,
  writeResults,
  type VerifyOutcome,
} from "../../app";
import { useWorkbook } from "../hooks/useWorkbook";
import { useServices } from "../services";
import { useScreenStyles } from "../styles";
import { Notice } from "./Notice";

type Message = {
  readonly intent: "success" | "warning" | "error";
  readonly title: string;
  readonly text: string;
  readonly lines?: readonly string[];
};

/** How many differing cells to list in the pane (the command line's --verify lists them all). */
const SHOWN_DIFFERENCES = 20;

function verifyMessage(v: VerifyOutcome): Message {
  if (v.kind === "verified")
    return {
      intent: "success",
      title: "Verified",
      text:
        `Every value in the result sheets (${v.cells} cells) is what the run of ${whenText(v.runAt)} gives when recomputed ` +
        `from the inputs.`,
    };
  if (v.kind === "cannotVerify") return { intent: "warning", title: "Cannot verify", text: v.reason };
  return {
    intent: "error",
    title: "Not verified",
    text:
      `${v.differences.length} cell${v.differences.length === 1 ? "" : "s"} differ from the ` +
      `recomputation${v.missingSheets.length > 0 ? `; missing sheets: ${v.missingSheets.join(", ")}` : ""}.`,
    lines: v.differences.slice(0, SHOWN_DIFFERENCES).map(differenceLine),
  };
}

/**
 * Assurance on the Run screen: verify that the result sheets are what their
 * inputs give (the same check as the command line's --verify), and sign off
 * the latest run, which records the approver in the Run log.
 */
export function AssurancePanel(): React.JSX.Element {
  const s = useScreenStyles();
  const { port } = useServices();
  const { actions } = useWorkbook();
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<Message | undefined>(undefined);
  const [name, setName] = React.useState("");
  const [role, setRole] = React.useState("");

  const verify = async (): Promise<void> => {
    setBusy(true);
    try {
      setMessage(verifyMessage(await verifyWorkbook(port)));
    } catch (e) {
      setMessage({ intent: "error", title: "Cannot verify", text: thrownText(e) });
    } finally {
      setBusy(false);
    }
  };

  const signOff = async (): Promise<void> => {
    setBusy(true);
    try {
      const run = await runWorkbook(port);
      if (!run.ok) {
        setMessage({ intent: "error", title: "Not signed off", text: run.kind === "noModel" ? run.message : problemsText(run.problems) });
        return;
      }
      const signed = recordSignOff(run.session, run.outputs, { by: `${name.trim()}, ${role.trim()}`, now: new Date() });
      if (!signed.ok) {
        setMessage({ intent: "error", title: "Not signed off", text: signed.message });
        return;
      }
      const written = await writeResults(port, signed.outputs);
      if (written.kind !== "written") {
        setMessage({ intent: "error", title: "Not signed off", text: problemsText(written.problems) });
        return;
      }
      setMessage({ intent: "success", title: "Signed off", text: `Recorded in the Run log: approved by ${name.trim()}, ${role.trim()}.` });
      await actions.refresh();
    } catch (e) {
      setMessage({ intent: "error", title: "Not signed off", text: thrownText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={s.screen} aria-labelledby="assurance-title">
      <Subtitle2 as="h3" id="assurance-title">
        Verify and sign off
      </Subtitle2>
      <div className={s.actions}>
        <Button disabled={busy} onClick={() => void verify()}>
          Verify the results
        </Button>
      </div>
      <Field label="Your name" size="small">
        <Input size="small" value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label="Your role" size="small" hint="e.g. s151 officer">
        <Input size="small" value={role} onChange={(_, d) => setRole(d.value)} />
      </Field>
      <div className={s.actions}>
        <Button disabled={busy || name.trim() === "" || role.trim() === ""} onClick={() => void signOff()}>
          Sign off the latest run
        </Button>
      </div>
      {message !== undefined && (
        <Notice intent={message.intent} title={message.title}>
          {message.text}
          {message.lines !== undefined && message.lines.length > 0 && (
            <ul>
              {message.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
    </section>
  );
}
