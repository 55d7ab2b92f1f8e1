/**
 * Task pane entry inside Office: waits for Office, reads the Office theme,
 * listens for selection changes and builds the Office.js workbook port — all
 * through src/excel, the only code that calls Office.js — and hands them to
 * the React app as props.
 */
import * as React from "react";
import { hostTheme, inOfficeHost, onHostSelectionChanged, whenHostReady } from "../excel";
import { createOfficeWorkbook } from "../excel";
import { SAMPLES } from "../samples";
import { App } from "./App";
import { renderInto } from "./render";
import { sampleChoices } from "./samples";
import { createSelectionSource, type SelectionSource } from "./services";
import { themeFromOffice } from "./theme";

/** Selection changes from Office, for Explain. */
function officeSelection(): SelectionSource | undefined {
  const source = createSelectionSource();
  return onHostSelectionChanged(() => source.notify()) ? source : undefined;
}

function start(): void {
  const inOffice = inOfficeHost();
  const selection = inOffice ? officeSelection() : undefined;
  renderInto(
    <App
      theme={inOffice ? themeFromOffice(hostTheme()) : "light"}
      services={{ port: createOfficeWorkbook(), samples: sampleChoices(SAMPLES), ...(selection ? { selection } : {}) }}
    />,
  );
}

// Inside Office, wait for Office.js before rendering; opened directly in a browser, render straight away.
whenHostReady(start);
