/**
 * Browser preview entry (no office.js): the same React app on the in-memory
 * workbook, preloaded with a sample model, beside grids of the workbook's
 * sheets so a newcomer sees the inputs and the results change.
 * `?sample=<id>` preloads another sample; `?sample=none` starts empty;
 * `?theme=dark` shows the pane in the dark theme it takes in a dark Office;
 * `?pane=350` sets the pane's width in pixels (200 to 1000; 380 otherwise);
 * `?sample=synthetic-10000` preloads the 10,000-line synthetic model (to try
 * the pane on a large model: progress, Cancel, responsiveness).
 */
import * as React from "react";
import { cellAddress, createMemoryPort, MemoryWorkbook } from "../app";
import { BRENT_LEWISHAM_SOUTHWARK, SAMPLES, sampleById, syntheticModel, type SampleModel } from "../samples";
import { PreviewLayout } from "./preview/PreviewLayout";
import { renderInto } from "./render";
import { sampleChoices } from "./samples";
import { createSelectionSource } from "./services";

const SYNTHETIC_ID = "synthetic-10000";

/** The 10,000-line synthetic model of the benchmarks, as a sample to preload. */
function synthetic(): Pick<SampleModel, "model" | "notes" | "title"> {
  return { model: syntheticModel(10_000), notes: {}, title: "Synthetic model (10,000 lines)" };
}

async function start(): Promise<void> {
  const workbook = new MemoryWorkbook(["Sheet1"]);
  const { port } = createMemoryPort(workbook);
  const params = new URLSearchParams(window.location.search);
  const wanted = params.get("sample") ?? BRENT_LEWISHAM_SOUTHWARK.id;
  const theme = params.get("theme") === "dark" ? "dark" : "light";
  const paneWidth = Number(params.get("pane") ?? "");
  const sample = wanted === "none" ? undefined : wanted === SYNTHETIC_ID ? synthetic() : (sampleById(wanted) ?? BRENT_LEWISHAM_SOUTHWARK);
  if (sample) {
    const created = await port.createModel(sample.model, { notes: sample.notes, title: sample.title });
    if (!created.ok) console.warn("[preview] could not preload the sample", created.problems);
  }
  // Tell Explain when the selection moves (a grid click, or the pane selecting a problem's cell).
  const selection = createSelectionSource();
  // Tell the pane the tables changed (a grid edit), as Excel's table change events do in Office.
  const changes = createSelectionSource();
  let last = "";
  workbook.subscribe(() => {
    changes.notify();
    const sel = workbook.selection();
    const address = sel ? cellAddress(sel) : "";
    if (address !== last) {
      last = address;
      selection.notify();
    }
  });
  renderInto(
    <PreviewLayout
      workbook={workbook}
      paneWidth={paneWidth >= 200 && paneWidth <= 1000 ? paneWidth : undefined}
      theme={theme}
      services={{ port, samples: sampleChoices(SAMPLES), selection, changes }}
    />,
  );
}

void start();
