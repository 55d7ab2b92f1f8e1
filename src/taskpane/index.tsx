/**
 * Task pane entry inside Office: waits for Office, reads the Office theme,
 * listens for selection changes and builds the Office.js workbook port — all
 * through src/excel, the only code that calls Office.js — and hands them to
 * the React app as props.
 */
import * as React from "react";
import { hostTheme, inOfficeHost, onHostSelectionChanged, watchTableChanges, whenHostReady, createOfficeWorkbook } from "../app";
import { App } from "./App";
import { renderInto } from "./render";
import { createSelectionSource, type SelectionSource } from "./services";
import { themeFromOffice } from "./theme";

/** Selection changes from Office, for Explain. */
function officeSelection(): SelectionSource | undefined {
  const source = createSelectionSource();
  return onHostSelectionChanged(() => source.notify()) ? source : undefined;
}

/** Edits to the workbook's tables, from Excel's table change events (so the pane can say "out of date" at once). */
function officeChanges(): SelectionSource {
  const source = createSelectionSource();
  // Where the host cannot report them, the status is read when the pane next reads the workbook.
  watchTableChanges(() => source.notify()).catch(() => undefined);
  return source;
}

function start(): void {
  const inOffice = inOfficeHost();
  const selection = inOffice ? officeSelection() : undefined;
  const changes = inOffice ? officeChanges() : undefined;
  renderInto(
    <App
      theme={inOffice ? themeFromOffice(hostTheme()) : "light"}
      services={{
        port: createOfficeWorkbook(),
        // The samples load (a chunk of their own) when the Start screen first shows, not with the pane.
        samples: () => import("./sample-list").then((m) => m.sampleList()),
        ...(selection ? { selection } : {}),
        ...(changes ? { changes } : {}),
      }}
    />,
  );
}

// Inside Office, wait for Office.js before rendering; opened directly in a browser, render straight away.
whenHostReady(start);
