import * as React from "react";
import {
  Button,
  Field,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from "@fluentui/react-components";
import type { RunOutputs } from "../../excel";
import {
  BUDGET_STATUS_TEXT,
  bytesSource,
  hasMonitoring,
  importActualsIntoWorkbook,
  monitoringOfRun,
  monitoringProblems,
  type ImportFile,
  type Locate,
  type Problem,
} from "../../app";
import { categoryWords, formatMoney, partnerWords } from "../format";
import { useServices } from "../services";
import { useWorkbook } from "../hooks/useWorkbook";
import { useScreenStyles } from "../styles";
import { Notice } from "./Notice";
import { ProblemList } from "./ProblemList";

/** Props for {@link MonitoringPanel}. */
export interface MonitoringPanelProps {
  readonly outputs: RunOutputs;
  readonly names: ReadonlyMap<string, string>;
  /** Show only this partner ("" for every partner), as the screen's partner filter. */
  readonly partner: string;
  readonly locate: Locate | undefined;
  readonly onSelect: (address: string) => void;
}

type ImportPhase =
  | { readonly kind: "idle" }
  | { readonly kind: "reading"; readonly percent: number | undefined }
  | { readonly kind: "imported"; readonly lines: readonly string[] }
  | { readonly kind: "failed"; readonly message: string; readonly problems: readonly Problem[] };

/** A file the user picked, read a chunk at a time (its stream's reader, which every browser Office runs in has). */
function pickedFile(file: File, onPercent: (p: number | undefined) => void): ImportFile {
  return {
    fileName: file.name,
    totalBytes: file.size,
    source: async function* () {
      const reader = file.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
    onProgress: (p) => onPercent(file.size > 0 ? Math.round((100 * p.bytes) / file.size) : undefined),
  };
}

/**
 * In-year monitoring (docs/monitoring.md), loaded on demand with the Budget
 * screen: the run's forecast year-end settlement in words and each partner's
 * actuals to date and forecast outturn; and an import of a ledger export,
 * picked as a file or pasted, into the Actuals table (the periods it holds
 * replaced, every bad row named by line and column, nothing written unless
 * every row reads). Run again after an import to see it in the figures.
 */
export function MonitoringPanel({ outputs, names, partner, locate, onSelect }: MonitoringPanelProps): React.JSX.Element {
  const s = useScreenStyles();
  const { port } = useServices();
  const { actions } = useWorkbook();
  const [pasted, setPasted] = React.useState("");
  const [file, setFile] = React.useState<File | undefined>(undefined);
  const [phase, setPhase] = React.useState<ImportPhase>({ kind: "idle" });
  const result = React.useMemo(() => monitoringOfRun(outputs.run), [outputs]);
  const problems = React.useMemo(() => (result === undefined ? [] : monitoringProblems(result, locate)), [result, locate]);

  const importNow = async (): Promise<void> => {
    const chosen: ImportFile | undefined =
      file !== undefined
        ? pickedFile(file, (percent) => setPhase({ kind: "reading", percent }))
        : pasted.trim() !== ""
          ? { fileName: "pasted.csv", source: bytesSource(new TextEncoder().encode(pasted)) }
          : undefined;
    if (chosen === undefined) return;
    setPhase({ kind: "reading", percent: undefined });
    try {
      const r = await importActualsIntoWorkbook(port, chosen);
      if (!r.ok) {
        setPhase({ kind: "failed", message: r.error, problems: r.problems });
        return;
      }
      setPhase({ kind: "imported", lines: r.value.text });
      void actions.refresh();
    } catch (e) {
      setPhase({ kind: "failed", message: e instanceof Error ? e.message : String(e), problems: [] });
    }
  };

  const rows = result?.ok === true ? result.value.partners.filter((p) => partner === "" || p.partner === partner) : [];
  const words = result?.ok === true ? result.value.settlement.partners.filter((p) => partner === "" || p.partner === partner) : [];
  return (
    <section aria-labelledby="monitoring-title" className={s.stack}>
      <Subtitle2 as="h3" id="monitoring-title">
        In-year monitoring
      </Subtitle2>
      {!hasMonitoring(outputs.run.model) ? (
        <Text>No actuals, forecasts or profile yet: import the ledger&apos;s transaction export below to start monitoring the year.</Text>
      ) : result !== undefined && !result.ok ? (
        <>
          <Notice intent="warning" title="The monitoring cannot be worked out">
            Fix the problems below; the run&apos;s other figures stand.
          </Notice>
          <ProblemList label="Monitoring problems" problems={problems} onSelect={onSelect} />
        </>
      ) : result !== undefined ? (
        <>
          <Text>
            {result.value.yearLabel}
            {result.value.toPeriod === 0 ? ", no actuals yet." : `, actuals to period ${result.value.toPeriod}.`}
          </Text>
          <ul aria-label="Forecast year-end settlement">
            {words.map((w) => (
              <li key={w.partner}>
                <Text>{w.words}.</Text>
              </li>
            ))}
          </ul>
          {/* One small table per partner and category: six columns of money do not fit a 320 px pane. */}
          {rows.map((p) => {
            const who = `${partnerWords(p.partner, names)} (${categoryWords(p.category).toLowerCase()})`;
            return (
              <Table key={`${p.partner}|${p.category}`} size="small" aria-label={`Monitoring: ${who}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{who}</TableHeaderCell>
                    <TableHeaderCell>{BUDGET_STATUS_TEXT[p.status]}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {(
                    [
                      ["Actual to date", p.actualToDate],
                      ["Budget to date", p.profileToDate],
                      ["Forecast outturn", p.forecastOutturn],
                      ["Charged", p.charged],
                    ] as const
                  ).map(([label, value]) => (
                    <TableRow key={label}>
                      <TableCell>{label}</TableCell>
                      <TableCell>{formatMoney(value)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            );
          })}
        </>
      ) : null}
      <label htmlFor="monitoring-file">
        <Text>Ledger export (CSV file)</Text>
      </label>
      <input id="monitoring-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
      <Field label="Or paste the export">
        <Textarea value={pasted} onChange={(_, d) => setPasted(d.value)} resize="vertical" />
      </Field>
      <Button
        appearance="primary"
        disabled={phase.kind === "reading" || (file === undefined && pasted.trim() === "")}
        onClick={() => void importNow()}
      >
        Import into the Actuals table
      </Button>
      {phase.kind === "reading" && <Text role="status">{phase.percent === undefined ? "Reading…" : `Reading… ${phase.percent}%`}</Text>}
      {phase.kind === "imported" && (
        <Notice intent="success" title="Imported" focusOnShow>
          {phase.lines.join(" ")} Run again to see the new actuals in the figures.
        </Notice>
      )}
      {phase.kind === "failed" && (
        <>
          <Notice intent="error" title="Nothing was imported" focusOnShow>
            {phase.message}
          </Notice>
          {phase.problems.length > 0 && <ProblemList label="Rows that could not be read" problems={phase.problems} onSelect={onSelect} />}
        </>
      )}
    </section>
  );
}
