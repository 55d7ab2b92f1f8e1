import * as React from "react";
import { Caption1, FluentProvider, makeStaticStyles, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { MemoryWorkbook } from "../../excel";
import { App, type AppProps } from "../App";
import { WorkbookGrids } from "./WorkbookGrids";

const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    alignContent: "flex-start",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  pane: {
    flex: "0 0 380px",
    maxWidth: "100%",
    boxShadow: tokens.shadow8,
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  workbook: {
    flex: "1 1 480px",
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  banner: {
    display: "block",
    marginBottom: tokens.spacingVerticalS,
  },
});

/** Props for {@link PreviewLayout}. */
export interface PreviewLayoutProps extends AppProps {
  readonly workbook: MemoryWorkbook;
  /** The pane's width in CSS pixels (Excel's default task pane is 350 px wide); 380 unless set. */
  readonly paneWidth?: number;
}

/**
 * The browser preview page: the task pane (380 px wide unless `paneWidth` says otherwise) beside
 * the in-memory workbook's sheets. The pane is a plain box, not a landmark: the app inside it has
 * its own banner, navigation and main, as it does alone in Excel's task pane; the workbook and
 * the note about the preview are a labelled region beside it.
 */
export function PreviewLayout({ workbook, paneWidth, ...app }: PreviewLayoutProps): React.JSX.Element {
  useGlobalStyles();
  const c = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang="en-GB">
      <div className={c.page}>
        <div className={c.pane} id="task-pane" style={paneWidth !== undefined ? { flexBasis: `${paneWidth}px` } : undefined}>
          <App {...app} />
        </div>
        <section className={c.workbook} aria-labelledby="workbook-title">
          <Caption1 className={c.banner}>
            Browser preview: the task pane on an in-memory workbook, no Excel needed. In Excel the pane works on the open workbook.
          </Caption1>
          <WorkbookGrids workbook={workbook} />
        </section>
      </div>
    </FluentProvider>
  );
}
