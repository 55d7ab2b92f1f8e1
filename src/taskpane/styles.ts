import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout styles shared by the screens: a narrow, scrolling task pane column. */
export const useScreenStyles = makeStyles({
  screen: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
  },
  /**
   * A small table (a label and one or two figures) that fits the pane as it is: as wide as the
   * pane, labels wrapping, figures kept whole.
   */
  table: {
    tableLayout: "auto",
    width: "100%",
    "& td, & th": {
      height: "auto",
      paddingLeft: tokens.spacingHorizontalXS,
      paddingRight: tokens.spacingHorizontalXS,
    },
    // A figure's heading sits over it, on the right (Fluent puts a heading's text in an inner flex box).
    "& thead th:not(:first-child) > *": { justifyContent: "flex-end", textAlign: "end" },
  },
  /**
   * A table with several figures a row, reflowed so every column is in view at 320 px: each row
   * is a card, its first cell (what the row is) on a line of its own and the figures beneath in
   * equal columns under their headings. The first column's heading is kept for screen readers
   * only (it names the first cells, which now head their rows). The markup stays a table, so a
   * screen reader still reads each figure with its row and column.
   */
  reflow: {
    display: "block",
    width: "100%",
    "& thead, & tbody": { display: "block" },
    "& tr": {
      display: "flex",
      flexWrap: "wrap",
      alignItems: "flex-start",
      height: "auto",
      paddingTop: tokens.spacingVerticalXXS,
      paddingBottom: tokens.spacingVerticalXXS,
    },
    "& td, & th": {
      display: "block",
      flex: "1 1 0",
      minWidth: 0,
      height: "auto",
      paddingLeft: tokens.spacingHorizontalXS,
      paddingRight: tokens.spacingHorizontalXS,
    },
    "& tbody tr > :first-child": { flex: "0 0 100%", maxWidth: "none", fontWeight: tokens.fontWeightSemibold },
    "& thead tr > :first-child": {
      position: "absolute",
      width: "1px",
      height: "1px",
      overflow: "hidden",
      clipPath: "inset(50%)",
      whiteSpace: "nowrap",
      padding: 0,
    },
    "& thead th": { whiteSpace: "normal", overflowWrap: "anywhere" },
    // Figures are right-aligned: so are their headings (Fluent puts a heading's text in an inner flex box).
    "& thead th:not(:first-child) > *": { justifyContent: "flex-end", textAlign: "end" },
  },
  money: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  strong: {
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  /** Read by screen readers, not shown (a live region whose news is already on screen). */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  stack: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
});

/** Colours for a change in money: a rise in red, a fall in green (always with its sign, so colour is never the only cue). */
export const useChangeStyles = makeStyles({
  up: { color: tokens.colorPaletteRedForeground1 },
  down: { color: tokens.colorPaletteGreenForeground1 },
});
