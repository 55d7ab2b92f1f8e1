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
  /** A horizontally scrolling region for wide tables (focusable so keyboard users can scroll it). */
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    // Shadows at an edge with more to see (CSS only: the covers move with the content, the
    // shadows stay put), so the box visibly scrolls even where scrollbars are hidden until used
    // (macOS, touch). https://lea.verou.me/2012/04/background-attachment-local/
    backgroundImage: [
      `linear-gradient(to right, ${tokens.colorNeutralBackground1} 30%, transparent)`,
      `linear-gradient(to left, ${tokens.colorNeutralBackground1} 30%, transparent)`,
      `radial-gradient(farthest-side at 0 50%, ${tokens.colorNeutralShadowKey}, transparent)`,
      `radial-gradient(farthest-side at 100% 50%, ${tokens.colorNeutralShadowKey}, transparent)`,
    ].join(", "),
    backgroundPosition: "left center, right center, left center, right center",
    backgroundRepeat: "no-repeat",
    backgroundSize: "40px 100%, 40px 100%, 14px 100%, 14px 100%",
    backgroundAttachment: "local, local, scroll, scroll",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  /** Fluent tables are fixed-layout at 100% width; in a narrow pane let columns take their content's width and scroll. */
  table: {
    tableLayout: "auto",
    width: "max-content",
    minWidth: "100%",
    "& thead th": { whiteSpace: "nowrap" },
    "& td, & th": {
      paddingLeft: tokens.spacingHorizontalXS,
      paddingRight: tokens.spacingHorizontalXS,
    },
  },
  /** A column header that may wrap (a long scenario name). */
  wrapHeader: {
    maxWidth: "7em",
    "&&": { whiteSpace: "normal" },
    // Fluent puts the header text in an inner element that does not wrap by itself.
    "& > *": { whiteSpace: "normal", overflowWrap: "anywhere" },
  },
  /** A row header that may wrap onto two lines ("Capital / one-off"). */
  rowHeader: {
    maxWidth: "5.5em",
    whiteSpace: "normal",
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
