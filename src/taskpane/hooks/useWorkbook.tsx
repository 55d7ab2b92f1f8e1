import * as React from "react";
import { useServices } from "../services";
import { useWorkbookStore, type WorkbookActions, type WorkbookState } from "./useWorkbookStore";

interface WorkbookContextValue {
  readonly state: WorkbookState;
  readonly actions: WorkbookActions;
}

const WorkbookContext = React.createContext<WorkbookContextValue | null>(null);

/** Holds the task pane's view of the workbook for every screen below it. */
export function WorkbookProvider({ children }: { readonly children?: React.ReactNode }): React.JSX.Element {
  const services = useServices();
  const value = useWorkbookStore(services);
  return <WorkbookContext.Provider value={value}>{children}</WorkbookContext.Provider>;
}

/** The workbook state and actions from the nearest {@link WorkbookProvider}. */
export function useWorkbook(): WorkbookContextValue {
  const v = React.useContext(WorkbookContext);
  if (v === null) throw new Error("useWorkbook must be used inside <WorkbookProvider>");
  return v;
}
