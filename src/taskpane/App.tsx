import * as React from "react";
import { FluentProvider, Title2, webLightTheme } from "@fluentui/react-components";

/** Root of the task pane UI (placeholder until the task pane lands). */
export function App(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Title2 as="h1">Shared cost apportionment</Title2>
      </main>
    </FluentProvider>
  );
}
