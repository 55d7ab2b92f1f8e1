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
    flexBasis: "100%",
  },
});

/** Props for {@link PreviewLayout}. */
export interface PreviewLayoutProps extends AppProps {
  readonly workbook: MemoryWorkbook;
}

/** The browser preview page: the task pane (as in Excel, 380 px wide) beside the in-memory workbook's sheets. */
export function PreviewLayout({ workbook, ...app }: PreviewLayoutProps): React.JSX.Element {
  useGlobalStyles();
  const c = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang="en-GB">
      <div className={c.page}>
        <Caption1 className={c.banner}>
          Browser preview: the task pane on an in-memory workbook, no Excel needed. In Excel the pane works on the open workbook.
        </Caption1>
        <aside className={c.pane} aria-label="Task pane">
          <App {...app} />
        </aside>
        <div className={c.workbook}>
          <WorkbookGrids workbook={workbook} />
        </div>
      </div>
    </FluentProvider>
  );
}
