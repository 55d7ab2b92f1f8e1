/**
 * Task pane entry inside Office. The only place the task pane touches Office.js:
 * it waits for Office, reads the Office theme, listens for selection changes,
 * and builds the Office.js workbook port; the React app receives them as props.
 */
import * as React from "react";
import { createOfficeWorkbook } from "../excel/office/office-port";
import { SAMPLES } from "../samples";
import { App } from "./App";
import { renderInto } from "./render";
import { sampleChoices } from "./samples";
import { createSelectionSource, type SelectionSource } from "./services";
import { themeFromOffice, type ThemeName } from "./theme";

/** The Office theme, light when Office does not report one. */
function officeTheme(): ThemeName {
  try {
    return themeFromOffice(Office.context.officeTheme);
  } catch {
    return "light";
  }
}

/** Selection changes from Office (DocumentSelectionChanged), for Explain. */
function officeSelection(): SelectionSource | undefined {
  const source = createSelectionSource();
  try {
    Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, () => source.notify());
    return source;
  } catch {
    return undefined;
  }
}

function start(): void {
  const inOffice = typeof Office !== "undefined" && Office.context !== undefined && Office.context.document !== undefined;
  const selection = inOffice ? officeSelection() : undefined;
  renderInto(
    <App
      theme={inOffice ? officeTheme() : "light"}
      services={{ port: createOfficeWorkbook(), samples: sampleChoices(SAMPLES), ...(selection ? { selection } : {}) }}
    />,
  );
}

// Inside Office, wait for Office.js before rendering; opened directly in a browser, render straight away.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => start());
} else {
  start();
}
