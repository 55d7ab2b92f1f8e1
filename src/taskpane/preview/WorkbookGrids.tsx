import * as React from "react";
import { Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { a1, cellAddress, parseAddress } from "../../app";
import type { MemoryWorkbook } from "../../excel";
import { typedValue } from "./cell-input";
import { SheetCharts } from "./SheetCharts";
import { SheetGrid } from "./SheetGrid";
import { TabBar } from "../components/TabBar";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  bar: {
    display: "flex",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  input: { minWidth: "260px" },
});

/** Props for {@link WorkbookGrids}. */
export interface WorkbookGridsProps {
  readonly workbook: MemoryWorkbook;
}

/**
 * The in-memory workbook's visible sheets as grids, one tab per sheet, with a
 * formula-bar style editor for the selected cell. Follows the workbook's
 * selection (so "go to cell" from the task pane shows the cell) and re-renders
 * on every change the task pane makes through the port.
 */
export function WorkbookGrids({ workbook }: WorkbookGridsProps): React.JSX.Element {
  const c = useStyles();
  const version = React.useSyncExternalStore(
    (l) => workbook.subscribe(l),
    () => workbook.getVersion(),
  );
  const sheets = React.useMemo(
    () =>
      workbook
        .listSheets()
        .filter((s) => s.visible)
        .map((s) => s.name),
    // The workbook is mutable: its version says when its sheets changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the change signal
    [workbook, version],
  );
  const selection = workbook.selection();
  const [active, setActive] = React.useState<string | undefined>(selection?.sheet ?? sheets[0]);
  const lastSelection = React.useRef<string | undefined>(undefined);
  const selectedAddress = selection ? cellAddress(selection) : undefined;
  // Follow the selection to its sheet when it changes (e.g. the task pane selected a problem's cell).
  React.useEffect(() => {
    if (selection && selectedAddress !== lastSelection.current) {
      lastSelection.current = selectedAddress;
      setActive(selection.sheet);
    }
  }, [selection, selectedAddress]);
  const current = active !== undefined && sheets.includes(active) ? active : sheets[0];
  const view = current !== undefined ? workbook.view(current) : undefined;
  const selectedHere =
    selection && view && selection.sheet.toLowerCase() === view.name.toLowerCase() ? { row: selection.row, col: selection.col } : undefined;
  const [draft, setDraft] = React.useState("");
  const [error, setError] = React.useState<string | undefined>(undefined);
  const inputRef = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    setDraft(selectedHere && view ? cellText(view.cell(selectedHere.row, selectedHere.col).value) : "");
    setError(undefined);
    // Only when the selected cell or the workbook changes, not on every render's new `view` object.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the address and version
  }, [selectedAddress, version]);

  const select = (row: number, col: number): void => {
    if (view) workbook.select(view.name, row, col, 1, 1);
  };
  const commit = (): void => {
    if (!selection) return;
    const address = cellAddress(selection);
    if (!parseAddress(address)) return;
    try {
      workbook.setCellValue(address, typedValue(draft));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className={c.root}>
      <Subtitle2 as="h2" id="workbook-title">
        Workbook (in memory)
      </Subtitle2>
      <Caption1>The sheets the add-in reads and writes. Select a cell to explain it; type a new value to change an input.</Caption1>
      <nav aria-label="Sheets">
        <TabBar label="Sheets" items={sheets.map((name) => ({ id: name, label: name }))} selected={current} onSelect={setActive} />
      </nav>
      <form
        className={c.bar}
        onSubmit={(e) => {
          e.preventDefault();
          commit();
        }}
      >
        <Field
          label={
            selectedHere ? `Cell ${selection ? `${selection.sheet}!${a1(selection.row, selection.col)}` : ""}` : "Cell (select one first)"
          }
          size="small"
          validationMessage={error}
        >
          <Input
            ref={inputRef}
            className={c.input}
            size="small"
            value={selectedHere ? draft : ""}
            disabled={!selectedHere}
            onChange={(_, d) => setDraft(d.value)}
          />
        </Field>
        <Button size="small" type="submit" disabled={!selectedHere}>
          Set value
        </Button>
      </form>
      {view ? (
        <>
          <SheetCharts view={view} />
          <SheetGrid view={view} selected={selectedHere} onSelect={select} onEdit={() => inputRef.current?.focus()} />
        </>
      ) : (
        <Caption1>No sheets.</Caption1>
      )}
    </div>
  );
}

function cellText(v: unknown): string {
  return v === undefined || v === null ? "" : String(v);
}
