import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters } from "../../app";
import type { SheetView } from "../../excel";

/** Most rows and columns drawn (the preview is for looking, not for big models). */
export const GRID_MAX_ROWS = 300;
export const GRID_MAX_COLS = 40;

const useStyles = makeStyles({
  scroll: {
    overflow: "auto",
    maxHeight: "70vh",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    tableLayout: "auto",
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    minWidth: "24px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "end",
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
    maxWidth: "240px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
    color: tokens.colorNeutralForeground1,
  },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  title: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase300 },
  header: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground4 },
  note: { fontStyle: "italic", color: tokens.colorNeutralForeground3 },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/** Props for {@link SheetGrid}. */
export interface SheetGridProps {
  readonly view: SheetView;
  /** The selected cell on this sheet, if any. */
  readonly selected: { readonly row: number; readonly col: number } | undefined;
  readonly onSelect: (row: number, col: number) => void;
  /** Enter or F2 on the grid: start editing the selected cell. */
  readonly onEdit: () => void;
}

/**
 * One sheet as a simple spreadsheet grid: column letters, row numbers, each
 * cell's displayed text. Click a cell to select it; from the keyboard, focus
 * the grid and use the arrow keys, then Enter to edit.
 */
export function SheetGrid({ view, selected, onSelect, onEdit }: SheetGridProps): React.JSX.Element {
  const c = useStyles();
  const rows = Math.min(Math.max(view.rows, 20), GRID_MAX_ROWS);
  const cols = Math.min(Math.max(view.cols, 8), GRID_MAX_COLS);
  const onKeyDown = (e: React.KeyboardEvent): void => {
    const at = selected ?? { row: 0, col: 0 };
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      onSelect(Math.min(Math.max(at.row + move[0], 0), rows - 1), Math.min(Math.max(at.col + move[1], 0), cols - 1));
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      onEdit();
    }
  };
  const header = Array.from({ length: cols }, (_, i) => i);
  return (
    <div
      className={c.scroll}
      tabIndex={0}
      role="region"
      aria-label={
        `Sheet ${view.name}${selected ? `, ${columnLetters(selected.col)}${selected.row + 1} selected` : ""}. Arrow ` +
        `keys move, Enter edits.`
      }
      onKeyDown={onKeyDown}
    >
      <table className={c.table} data-sheet={view.name}>
        <thead>
          <tr>
            <th className={c.head} scope="col">
              <span className={c.visuallyHidden}>Row</span>
            </th>
            {header.map((col) => (
              <th key={col} className={c.head} scope="col">
                {columnLetters(col)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              <th className={c.rowHead} scope="row">
                {row + 1}
              </th>
              {header.map((col) => {
                const cell = view.cell(row, col);
                const isSelected = selected !== undefined && selected.row === row && selected.col === col;
                return (
                  <td
                    key={col}
                    data-address={`${columnLetters(col)}${row + 1}`}
                    className={mergeClasses(
                      c.cell,
                      typeof cell.value === "number" && c.number,
                      cell.style === "title" && c.title,
                      cell.style === "header" && c.header,
                      cell.style === "note" && c.note,
                      cell.style === "total" && c.total,
                      isSelected && c.selected,
                    )}
                    onClick={() => onSelect(row, col)}
                  >
                    {view.text(row, col)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
