import * as React from "react";
import type { ModelInput } from "../engine";
import type { EngineApi } from "../app";
import type { TemplateNotes, WorkbookPort } from "../excel";

/** A model the Start screen offers to create (the workbook layer's samples, or empty). */
export interface SampleChoice {
  readonly id: string;
  /** What the user picks, e.g. "Brent, Lewisham and Southwark shared ICT". */
  readonly label: string;
  readonly description?: string;
  /** Undefined for an empty model. */
  readonly model: ModelInput | undefined;
  readonly notes?: TemplateNotes;
}

/** Tells the task pane the workbook selection changed (Office's DocumentSelectionChanged, or the preview's grids). */
export interface SelectionSource {
  /** Registers a listener; returns a function that removes it. */
  subscribe(listener: () => void): () => void;
}

/** Everything the task pane needs from outside React: the workbook port, the engine and the samples. */
export interface TaskpaneServices {
  readonly port: WorkbookPort;
  /**
   * The engine, when one is given (a test's slow or counting one); otherwise the real engine, which the screens that
   * run the model load with their own code (`engineOf`), so the pane's first load does not carry it.
   */
  readonly engine?: EngineApi;
  /**
   * The samples the Start screen offers, or a loader of them (a chunk of their own, loaded when the Start screen first
   * shows, so the pane's first load does not carry them).
   */
  readonly samples: readonly SampleChoice[] | (() => Promise<readonly SampleChoice[]>);
  /** Absent where selection changes cannot be observed (then Explain works on demand only). */
  readonly selection?: SelectionSource;
  /**
   * Tells the pane the workbook's tables changed (Excel's table change events, or the preview's
   * in-memory store), so the run's status says "out of date" as the inputs are edited. Absent: the
   * status is read again only when the pane reads the workbook.
   */
  readonly changes?: SelectionSource;
}

const ServicesContext = React.createContext<TaskpaneServices | null>(null);

/** Props for {@link ServicesProvider}. */
export interface ServicesProviderProps {
  readonly services: TaskpaneServices;
  readonly children?: React.ReactNode;
}

/** Supplies the port, engine and samples to every screen. */
export function ServicesProvider({ services, children }: ServicesProviderProps): React.JSX.Element {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The services from the nearest {@link ServicesProvider}. */
export function useServices(): TaskpaneServices {
  const s = React.useContext(ServicesContext);
  if (s === null) throw new Error("useServices must be used inside <ServicesProvider>");
  return s;
}

/** A simple selection source: call `notify()` when the selection changes. */
export function createSelectionSource(): SelectionSource & { notify(): void } {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify() {
      for (const l of [...listeners]) l();
    },
  };
}
