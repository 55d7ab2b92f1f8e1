// @vitest-environment jsdom
import "./support/setup";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ENGINE, openModel, recordRun, runWorkbook, writeResults } from "../../src/app";
import type { MemoryWorkbook, WorkbookPort } from "../../src/excel";
import { renderTaskpane } from "./support/harness";

/** Runs and writes the model with its run record, then (optionally) changes its first cost line's amount. */
async function runThenEdit(workbook: MemoryWorkbook, port: WorkbookPort, edit: boolean): Promise<void> {
  const run = await runWorkbook(port);
  if (!run.ok) throw new Error("run");
  const written = await writeResults(
    port,
    recordRun(run.session, run.outputs, 0, { by: "Ann Lee", now: new Date("2026-12-01T14:03:00Z") }),
  );
  if (written.kind !== "written") throw new Error(written.kind);
  if (!edit) return;
  const opened = await openModel(port, ENGINE);
  if (opened.kind !== "opened") throw new Error(opened.kind);
  const at = opened.session.read.locate({ entity: "costLine", key: opened.session.model.costLines[0]?.ref ?? "", field: "amount" });
  if (at === undefined) throw new Error("no cell");
  workbook.setCellValue(at.address, 1_234_567);
}

describe("results that no longer match the inputs", () => {
  it.each(["run", "budget", "scenarios", "explain"] as const)(
    "the %s screen says they are out of date and which table changed",
    async (id) => {
      await renderTaskpane({ screen: id, before: (wb, port) => runThenEdit(wb, port, true) });
      expect(
        await screen.findByText(/These results are out of date: Costs changed since the run on 1 Dec 2026 14:03 UTC/),
      ).toBeInTheDocument();
    },
  );

  it("says nothing while the inputs are those of the last run", async () => {
    await renderTaskpane({ screen: "run", before: (wb, port) => runThenEdit(wb, port, false) });
    expect(await screen.findByRole("button", { name: /Calculate/ })).toBeInTheDocument();
    expect(screen.queryByText(/out of date/)).toBeNull();
  });
});
