import { describe, expect, it } from "vitest";
import { recordRun, runWorkbook, verifyWorkbook, writeResults } from "../../src/app";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples/brent-lewisham-southwark";
import { officeHarness, type PortHarness } from "../support/port-harness";

// The Brent/Lewisham/Southwark sample has service lists, so its run writes Service recharges and RO view too.
// The sample has journals inputs: the Journals sheet and one ledger sheet per journal follow the Charts.
const OUTPUTS = [
  "Summary",
  "Committee summary",
  "Allocations",
  "Budget check",
  "Scenario comparison",
  "Trace",
  "Charts",
  "Service recharges",
  "RO view",
  "Methodology",
  "Monitoring",
  "Journals",
  "Ledger – LEW expenditure",
  "Ledger – SOU expenditure",
  "Ledger – BRE income",
  "Run log",
];

/** A sample model run and written through the Office.js adapter on the fake Excel. */
async function written(): Promise<PortHarness> {
  const h = officeHarness();
  expect((await h.port.createModel(BRENT_LEWISHAM_SOUTHWARK.model)).ok).toBe(true);
  const run = await runWorkbook(h.port);
  if (!run.ok) throw new Error("run");
  const w = await writeResults(h.port, recordRun(run.session, run.outputs, 0, { by: "Ann Lee", now: new Date("2026-12-01T14:03:00Z") }));
  expect(w.kind).toBe("written");
  return h;
}

describe("the Office.js adapter recognises its sheets by either mark, or by the Run log's record", () => {
  it("by the hidden _SharedApportion name when the custom properties are gone (a LibreOffice or openpyxl save)", async () => {
    const h = await written();
    for (const s of h.fake?.document.sheets ?? []) s.props.clear();
    const status = await h.port.inspect();
    expect(status.ok && status.value.outputSheets).toEqual(OUTPUTS);
    expect((await verifyWorkbook(h.port)).kind).toBe("verified");
  });

  it("by the Run log's record when both marks are gone (an exceljs save), and a re-run writes", async () => {
    const h = await written();
    for (const s of h.fake?.document.sheets ?? []) {
      s.props.clear();
      s.localNames.clear();
    }
    const status = await h.port.inspect();
    expect(status.ok && status.value.outputSheets).toEqual(OUTPUTS);
    expect((await verifyWorkbook(h.port)).kind).toBe("verified");
    const run = await runWorkbook(h.port);
    if (!run.ok) throw new Error("run");
    const again = await writeResults(h.port, recordRun(run.session, run.outputs, 0, { by: "Ann Lee", now: new Date() }));
    expect(again.kind).toBe("written");
  });
});
