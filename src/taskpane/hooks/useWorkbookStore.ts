import * as React from "react";
import type { ScenarioInput } from "../../engine";
import type { RunOutputs } from "../../excel/layout/outputs";
import type { RunSettings } from "../../excel/layout/run-settings";
import type { ModelRead, PortResult, WorkbookStatus } from "../../excel/port";
import type { WorkbookProblem } from "../../excel/problems";
import { workbookProblemsText, thrownText, type ShownProblem } from "../messages";
import { checkModel, hasErrors } from "../model-check";
import type { SampleChoice, TaskpaneServices } from "../services";

/** What the task pane knows about the workbook. */
export interface WorkbookState {
  /** True while the workbook is being read. */
  readonly loading: boolean;
  /** Undefined until the first inspection. */
  readonly status: WorkbookStatus | undefined;
  /** The model as last read (undefined when there is none). */
  readonly read: ModelRead | undefined;
  readonly scenarios: readonly ScenarioInput[];
  /** Problems from the last check. */
  readonly problems: readonly ShownProblem[];
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
}

const INITIAL: WorkbookState = {
  loading: true,
  status: undefined,
  read: undefined,
  scenarios: [],
  problems: [],
  hasErrors: false,
  failure: undefined,
  version: 0,
  lastRun: undefined,
};

function failure(problems: readonly WorkbookProblem[]): string {
  return workbookProblemsText(problems);
}

/**
 * The task pane's view of the workbook, kept in React state and changed only
 * through the port. One instance lives at the top of the app
 * ({@link WorkbookProvider}); screens read it with `useWorkbook`.
 */
export function useWorkbookStore(services: TaskpaneServices): { state: WorkbookState; actions: WorkbookActions } {
  const { port, engine } = services;
  const [state, setState] = React.useState<WorkbookState>(INITIAL);
  const version = React.useRef(0);

  const refresh = React.useCallback(async (): Promise<WorkbookState> => {
    setState((s) => ({ ...s, loading: true }));
    let next: WorkbookState;
    try {
      const status = await port.inspect();
      if (!status.ok) {
        next = { ...INITIAL, loading: false, failure: failure(status.problems), version: ++version.current };
      } else if (!status.value.hasModel) {
        next = { ...INITIAL, loading: false, status: status.value, version: ++version.current };
      } else {
        const [read, scenarios] = await Promise.all([port.readModel(), port.readScenarios()]);
        if (!read.ok) {
          next = { ...INITIAL, loading: false, status: status.value, failure: failure(read.problems), version: ++version.current };
        } else {
          const list = scenarios.ok ? scenarios.value : [];
          const problems = checkModel(read.value, list, engine);
          next = {
            loading: false,
            status: status.value,
            read: read.value,
            scenarios: list,
            problems,
            hasErrors: hasErrors(problems),
            failure: scenarios.ok ? undefined : failure(scenarios.problems),
            version: ++version.current,
            lastRun: undefined,
          };
        }
      }
    } catch (e) {
      next = { ...INITIAL, loading: false, failure: thrownText(e), version: ++version.current };
    }
    setState((s) => ({ ...next, lastRun: s.lastRun }));
    return next;
  }, [port, engine]);

  const actions = React.useMemo<WorkbookActions>(
    () => ({
      refresh,
      async createModel(choice, replace, onProgress) {
        const r = await port.createModel(choice.model, { replaceExisting: replace, ...(choice.notes ? { notes: choice.notes } : {}), ...(onProgress ? { onProgress } : {}) });
        if (r.ok) await refresh();
        return r;
      },
      async selectCell(address) {
        const r = await port.selectCell(address);
        return r.ok ? undefined : failure(r.problems);
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
    }),
    [port, refresh],
  );

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  return { state, actions };
}
