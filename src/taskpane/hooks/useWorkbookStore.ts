import * as React from "react";
import {
  hasErrors,
  noModelMessage,
  problemsText,
  runStatus,
  thrownText,
  workbookProblemsText,
  type ModelSession,
  type Problem,
  type RunStatus,
  type VerifiedRun,
} from "../../app";
import type { ScenarioInput } from "../../engine";
import type { ModelRead, PortResult, RunOutputs, RunSettings, WorkbookStatus } from "../../excel";
import type { SampleChoice, TaskpaneServices } from "../services";

/** The model reading module (the engine with it), loaded when the pane first reads a model: see model-reading.ts. */
const modelReading = (): Promise<typeof import("./model-reading")> => import("./model-reading");

/** What the task pane knows about the workbook. */
export interface WorkbookState {
  /** True while the workbook is being read. */
  readonly loading: boolean;
  /** Undefined until the first inspection. */
  readonly status: WorkbookStatus | undefined;
  /** The model as last read, with every run of it made so far (undefined when there is none). */
  readonly session: ModelSession | undefined;
  /** The model as last read (undefined when there is none); the same as `session.read`. */
  readonly read: ModelRead | undefined;
  readonly scenarios: readonly ScenarioInput[];
  /** Problems reading the workbook (part of `problems`; a run re-checks with them). */
  readonly readProblems: readonly Problem[];
  /** Problems from the last check. */
  readonly problems: readonly Problem[];
  /**
   * The one status of the latest run (current, verified, signed off, out of date…), from the application
   * layer; undefined without a model. The pane shows it in one place (StaleNotice).
   */
  readonly runStatus: RunStatus | undefined;
  /** When the workbook holds no model: which tables are missing, in the application layer's words. */
  readonly noModel: string | undefined;
  readonly hasErrors: boolean;
  /** Why the workbook could not be read, in the workbook layer's words. */
  readonly failure: string | undefined;
  /** Increments on each completed read, so screens can drop results of an older model. */
  readonly version: number;
  /** The outputs last written to the workbook in this session (what the result sheets show). */
  readonly lastRun: RunOutputs | undefined;
}

/** What the task pane can ask of the workbook. */
export interface WorkbookActions {
  /** Inspects the workbook and, if it holds a model, reads and checks it. Resolves with the new state. */
  refresh(): Promise<WorkbookState>;
  /** Creates the input sheets from a sample or empty; `replace` after the user confirmed. */
  createModel(choice: SampleChoice, replace: boolean, onProgress?: (done: number, total: number) => void): Promise<PortResult<unknown>>;
  /** Selects a cell in the workbook (e.g. `Costs!F12`); returns the problem text if it could not. */
  selectCell(address: string): Promise<string | undefined>;
  /** Stores the scenarios in the workbook and re-reads. */
  saveScenarios(scenarios: readonly ScenarioInput[]): Promise<PortResult<void>>;
  /** Stores the run settings in the workbook and re-reads. */
  saveRunSettings(settings: RunSettings): Promise<PortResult<void>>;
  /** Remembers the outputs just written, for Explain and Budget. */
  recordRun(outputs: RunOutputs): void;
  /** Remembers a verification that passed: the status says "verified" while that run and those inputs stand. */
  markVerified(run: VerifiedRun): void;
}

/** How long the tables must be still before an edit is read (a burst of change events is one read). */
const CHANGE_PAUSE_MS = 250;

const INITIAL: WorkbookState = {
  loading: true,
  status: undefined,
  session: undefined,
  read: undefined,
  scenarios: [],
  readProblems: [],
  problems: [],
  noModel: undefined,
  runStatus: undefined,
  hasErrors: false,
  failure: undefined,
  version: 0,
  lastRun: undefined,
};

/**
 * The task pane's view of the workbook, kept in React state and changed only
 * through the port. One instance lives at the top of the app
 * ({@link WorkbookProvider}); screens read it with `useWorkbook`.
 */
export function useWorkbookStore(services: TaskpaneServices): { state: WorkbookState; actions: WorkbookActions } {
  const { port, engine } = services;
  const [state, setState] = React.useState<WorkbookState>(INITIAL);
  const version = React.useRef(0);
  const latest = React.useRef<WorkbookState>(INITIAL);
  latest.current = state;
  const verified = React.useRef<VerifiedRun | undefined>(undefined);

  /** Reads the workbook and replaces the state (see `refresh`, which shows the pane as loading first). */
  const read = React.useCallback(async (): Promise<WorkbookState> => {
    let next: WorkbookState;
    try {
      const { checkModelWithMonitoring, ENGINE, openModel } = await modelReading();
      const opened = await openModel(port, engine ?? ENGINE);
      if (opened.kind === "failed") {
        next = { ...INITIAL, loading: false, failure: problemsText(opened.problems), version: ++version.current };
      } else if (opened.kind === "noModel") {
        next = { ...INITIAL, loading: false, status: opened.status, noModel: noModelMessage(opened.status), version: ++version.current };
      } else {
        const session = opened.session;
        const problems = checkModelWithMonitoring(session, opened.problems);
        next = {
          loading: false,
          status: opened.status,
          session,
          read: session.read,
          scenarios: session.scenarios,
          readProblems: opened.problems,
          problems,
          noModel: undefined,
          runStatus: runStatus(session, verified.current),
          hasErrors: hasErrors(problems),
          failure: undefined,
          version: ++version.current,
          lastRun: undefined,
        };
      }
    } catch (e) {
      next = { ...INITIAL, loading: false, failure: thrownText(e), version: ++version.current };
    }
    setState((s) => ({ ...next, lastRun: s.lastRun }));
    return next;
  }, [port, engine]);

  const refresh = React.useCallback(async (): Promise<WorkbookState> => {
    setState((s) => ({ ...s, loading: true }));
    return read();
  }, [read]);

  /**
   * An edit in the workbook's tables: read the model again, quietly (no loading state). When the
   * inputs are as they were (the edit was the pane's own output write, or changed nothing the
   * fingerprint covers) only the status is renewed, so screens keep what they show; otherwise the
   * model is read again in full and the status says what changed.
   */
  const changed = React.useCallback(async (): Promise<void> => {
    const current = latest.current.session;
    try {
      const { ENGINE, openModel } = await modelReading();
      const opened = await openModel(port, engine ?? ENGINE);
      // Recipe 1 also covers the run settings: a new choice of what the next run compares is shown, though it voids nothing.
      const same =
        opened.kind === "opened" && current !== undefined && opened.session.fingerprint(1).value === current.fingerprint(1).value;
      if (opened.kind === "opened" && same) {
        const status = runStatus(opened.session, verified.current);
        setState((s) => ({ ...s, runStatus: status }));
        return;
      }
    } catch {
      // A change notice is only a hint: the full read below reports what went wrong.
    }
    await read();
  }, [port, engine, read]);

  const actions = React.useMemo<WorkbookActions>(
    () => ({
      refresh,
      async createModel(choice, replace, onProgress) {
        const r = await port.createModel(choice.model, {
          replaceExisting: replace,
          ...(choice.notes ? { notes: choice.notes } : {}),
          ...(choice.model === undefined ? {} : { title: choice.label }),
          ...(onProgress ? { onProgress } : {}),
        });
        if (r.ok) await refresh();
        return r;
      },
      async selectCell(address) {
        const r = await port.selectCell(address);
        return r.ok ? undefined : workbookProblemsText(r.problems);
      },
      async saveScenarios(scenarios) {
        const r = await port.writeScenarios(scenarios);
        if (r.ok) await refresh();
        return r;
      },
      async saveRunSettings(settings) {
        const r = await port.writeRunSettings(settings);
        if (r.ok) await refresh();
        return r;
      },
      recordRun(outputs) {
        setState((s) => ({ ...s, lastRun: outputs }));
      },
      markVerified(run) {
        verified.current = run;
        setState((s) => (s.session === undefined ? s : { ...s, runStatus: runStatus(s.session, run) }));
      },
    }),
    [port, refresh],
  );

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  // Edits to the tables as they happen: read again once they pause, so typing a figure is one read.
  React.useEffect(() => {
    const source = services.changes;
    if (source === undefined) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = source.subscribe(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void changed(), CHANGE_PAUSE_MS);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      off();
    };
  }, [services.changes, changed]);

  return { state, actions };
}
