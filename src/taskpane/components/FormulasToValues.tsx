import * as React from "react";
import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { findSharedFormulas, sharedFormulasToValues, type SharedFormulasLook } from "../../app";
import { useServices } from "../services";
import { useScreenStyles } from "../styles";
import { ConfirmDialog } from "./ConfirmDialog";
import { Notice } from "./Notice";

type Phase =
  | { readonly kind: "idle" }
  | { readonly kind: "looking" }
  | { readonly kind: "confirm"; readonly look: Extract<SharedFormulasLook, { kind: "found" }> }
  | { readonly kind: "converting" }
  | { readonly kind: "done"; readonly message: string }
  | { readonly kind: "none" }
  | { readonly kind: "failed"; readonly message: string };

/**
 * Sending a workbook on: turns the workbook's =SHARED formulas into the values
 * they show, for a partner who does not have the add-in (where those cells
 * would show #NAME? once Excel recalculates). Looks first and asks, naming how
 * many formulas and cells on which sheets and that it cannot be undone; then
 * changes only those cells.
 */
export function FormulasToValues(): React.JSX.Element {
  const s = useScreenStyles();
  const { port } = useServices();
  const [phase, setPhase] = React.useState<Phase>({ kind: "idle" });
  const text = (problems: readonly { readonly message: string; readonly address?: string }[]): string =>
    problems.map((p) => (p.address === undefined ? p.message : `${p.address}: ${p.message}`)).join(" ");
  const look = async (): Promise<void> => {
    setPhase({ kind: "looking" });
    const r = await findSharedFormulas(port);
    if (r.kind === "found") setPhase({ kind: "confirm", look: r });
    else if (r.kind === "none") setPhase({ kind: "none" });
    else setPhase({ kind: "failed", message: text(r.problems) });
  };
  const convert = async (): Promise<void> => {
    if (phase.kind !== "confirm") return;
    const found = phase.look.found;
    setPhase({ kind: "converting" });
    const r = await sharedFormulasToValues(port, found);
    setPhase(r.kind === "done" ? { kind: "done", message: r.message } : { kind: "failed", message: text(r.problems) });
  };
  const busy = phase.kind === "looking" || phase.kind === "converting";
  return (
    <div className={s.stack}>
      <Subtitle2 as="h3">Send without the add-in</Subtitle2>
      <Text>
        A partner without the add-in sees #NAME? where this workbook has =SHARED formulas. Replace them with the values they show before
        sending it.
      </Text>
      <div>
        <Button appearance="secondary" disabled={busy} onClick={() => void look()}>
          Replace =SHARED formulas with values…
        </Button>
      </div>
      <div aria-live="polite">
        {phase.kind === "looking" && <Text>Looking for =SHARED formulas…</Text>}
        {phase.kind === "converting" && <Text>Replacing…</Text>}
        {phase.kind === "none" && <Text>This workbook has no =SHARED formulas: nothing to replace.</Text>}
        {phase.kind === "done" && (
          <Notice intent="success" title="Formulas replaced">
            {phase.message}
          </Notice>
        )}
      </div>
      {phase.kind === "failed" && (
        <Notice intent="error" title="Nothing was replaced">
          {phase.message}
        </Notice>
      )}
      <ConfirmDialog
        open={phase.kind === "confirm"}
        title="Replace =SHARED formulas with values?"
        message={phase.kind === "confirm" ? phase.look.question : ""}
        confirmText="Replace them"
        onConfirm={() => void convert()}
        onCancel={() => setPhase({ kind: "idle" })}
      />
    </div>
  );
}
