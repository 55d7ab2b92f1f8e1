import * as React from "react";
import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { PartnerSelect } from "./PartnerSelect";
import { writeStatementSheets, type StatementChoice } from "../../app";
import type { RunOutputs } from "../../excel";
import { useServices } from "../services";
import { useScreenStyles } from "../styles";
import { ConfirmDialog } from "./ConfirmDialog";
import { Notice } from "./Notice";

/** Props for {@link StatementControl}. */
export interface StatementControlProps {
  /** The run the statements state. */
  readonly outputs: RunOutputs;
  /** True when these outputs were written (a recorded run); statements are only of a recorded run. */
  readonly written: boolean;
  readonly names: ReadonlyMap<string, string>;
}

type Phase =
  | { readonly kind: "idle" }
  | { readonly kind: "writing" }
  | { readonly kind: "written"; readonly sheets: readonly string[] }
  | { readonly kind: "confirm"; readonly sheets: readonly string[] }
  | { readonly kind: "failed"; readonly messages: readonly string[] };

/**
 * Partner statements: writes a recharge statement sheet into the workbook for
 * the partner chosen, or one for each partner ("Statement – LEW"), laid out
 * as the command line's `--statements` files, to copy into a workbook for a
 * partner council. Offered only for results written to the workbook, so each
 * statement names its recorded run. An earlier statement sheet edited by hand
 * is replaced only after the user confirms.
 */
export function StatementControl({ outputs, written, names }: StatementControlProps): React.JSX.Element {
  const s = useScreenStyles();
  const { port } = useServices();
  const [partner, setPartner] = React.useState("");
  const [phase, setPhase] = React.useState<Phase>({ kind: "idle" });
  const choice: StatementChoice = partner === "" ? { kind: "all" } : { kind: "partner", partner };
  const write = async (replaceEdited: boolean): Promise<void> => {
    setPhase({ kind: "writing" });
    const r = await writeStatementSheets(port, outputs, choice, { replaceEdited });
    if (r.kind === "written") setPhase({ kind: "written", sheets: r.report.sheets });
    else if (r.kind === "needsConsent") setPhase({ kind: "confirm", sheets: r.sheets });
    else
      setPhase({ kind: "failed", messages: r.problems.map((p) => (p.address === undefined ? p.message : `${p.address}: ${p.message}`)) });
  };
  return (
    <div className={s.stack}>
      <Subtitle2 as="h3">Partner statements</Subtitle2>
      <Text>
        A recharge statement sheet of plain values (its charges by year, each cost line with its basis, its budgets and the balancing
        statement), to copy into a workbook for a partner without the add-in.
      </Text>
      <PartnerSelect
        label="Statement for"
        allText="All partners (one sheet each)"
        value={partner}
        names={names}
        onChange={(p) => {
          setPartner(p);
          setPhase({ kind: "idle" });
        }}
      />
      {!written && <Text>Write the results first (Run screen): a statement is of a recorded run.</Text>}
      <div>
        <Button appearance="secondary" disabled={!written || phase.kind === "writing"} onClick={() => void write(false)}>
          {partner === "" ? "Write statement sheets" : "Write statement sheet"}
        </Button>
      </div>
      {/* Announced as it changes, without a second "status" role on the screen (the budget counts have that). */}
      <div aria-live="polite">
        {phase.kind === "writing" && <Text>Writing…</Text>}
        {phase.kind === "written" && (
          <Notice intent="success" title="Statements written">
            {`Wrote ${phase.sheets.join(", ")}.`}
          </Notice>
        )}
      </div>
      {phase.kind === "failed" && (
        <Notice intent="error" title="No statement was written">
          {phase.messages.join(" ")}
        </Notice>
      )}
      <ConfirmDialog
        open={phase.kind === "confirm"}
        title="Replace edited statement sheets?"
        message={
          phase.kind === "confirm"
            ? `${phase.sheets.join(", ")} ${phase.sheets.length === 1 ? "was" : "were"} changed by hand since the add-in wrote ` +
              `${phase.sheets.length === 1 ? "it" : "them"}. Replace with this run's statement?`
            : ""
        }
        confirmText="Replace them"
        onConfirm={() => void write(true)}
        onCancel={() => setPhase({ kind: "idle" })}
      />
    </div>
  );
}
