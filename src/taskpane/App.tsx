import * as React from "react";
import { FluentProvider } from "@fluentui/react-components";
import { WorkbookProvider } from "./hooks/useWorkbook";
import { ServicesProvider, type ServicesProviderProps } from "./services";
import { Shell } from "./Shell";
import type { ScreenId } from "./screens/screen-ids";
import { fluentTheme, type ThemeName } from "./theme";

/** Props for {@link App}. */
export interface AppProps {
  /** The Office theme in Office (read once in index.tsx); light in the preview. */
  readonly theme: ThemeName;
  /** The workbook port and samples (and optionally an engine and selection source). */
  readonly services: ServicesProviderProps["services"];
  readonly initialScreen?: ScreenId;
}

/**
 * The task pane: Fluent theme, the services (port, engine, samples) and the
 * workbook state, around the screen switcher. Nothing here touches Office.js.
 */
export function App({ theme, services, initialScreen }: AppProps): React.JSX.Element {
  // No className on the provider: Fluent copies it onto portal mount nodes (dialogs), where sizing styles would cover the page.
  return (
    <FluentProvider theme={fluentTheme(theme)} lang="en-GB">
      <ServicesProvider services={services}>
        <WorkbookProvider>
          <Shell initialScreen={initialScreen} />
        </WorkbookProvider>
      </ServicesProvider>
    </FluentProvider>
  );
}
