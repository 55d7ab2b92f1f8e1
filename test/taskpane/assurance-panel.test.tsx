// @vitest-environment jsdom
import "./support/setup";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ENGINE, openModel, recordRun, runWorkbook, writeResults } from "../../src/app";
import { createMemoryPort, type MemoryWorkbook, type WorkbookPort } from "../../src/excel";
import { renderTaskpane } from "./support/harness";

/** The address of the first cost line's Amount cell. */
async function firstAmount(wb: MemoryWorkbook): Promise<string> {
  const opened = await openModel(createMemoryPort(wb).port, ENGINE);
  if (opened.kind !== "opened") throw new Error(opened.kind);
  const at = opened.session.read.locate({ entity: "costLine", key: opened.session.model.costLines[0]?.ref ?? "", field: "amount" });
  if (at === undefined) throw new Error("no cell");
  return at.address;
}

async function runOnce(_wb: MemoryWorkbook, port: WorkbookPort): Promise<void> {
  const run = await runWorkbook(port);
  if (!run.ok) throw new Error("run");
  const w = await writeResults(port, recordRun(run.session, run.outputs, 0, { by: "Ann Lee", now: new Date("2026-12-01T14:03:00Z") }));
  if (w.kind !== "written") throw new Error(w.kind);
}

describe("Verify and sign off (Run screen)", () => {
  it("verifies results that match their inputs", async () => {
    const { user } = await renderTaskpane({ screen: "run", before: runOnce });
    await user.click(await screen.findByRole("button", { name: "Verify the results" }));
    expect(await screen.findByText("Current and verified")).toBeInTheDocument();
    expect(screen.getByText(/The results are from the run on 1 Dec 2026 14:03 UTC .* Verified: every value/)).toBeInTheDocument();
  });

  it("never shows 'Verified' beside 'Out of date': an input edited after verifying voids the verification", async () => {
    let workbook: MemoryWorkbook | undefined;
    const { user } = await renderTaskpane({
      screen: "run",
      before: async (wb, port) => {
        workbook = wb;
        await runOnce(wb, port);
      },
    });
    await user.click(await screen.findByRole("button", { name: "Verify the results" }));
    await screen.findByText("Current and verified");
    if (workbook === undefined) throw new Error("no workbook");
    workbook.setCellValue(await firstAmount(workbook), 1_234_567);
    expect(await screen.findByText("Out of date")).toBeInTheDocument();
    expect(screen.queryByText(/verified/i)).toBeNull();
  });

  it("lists a result cell typed over by hand, with both values", async () => {
    const { user } = await renderTaskpane({
      screen: "run",
      before: async (wb, port) => {
        await runOnce(wb, port);
        wb.setCellValue("Summary!A1", "Tampered");
      },
    });
    await user.click(await screen.findByRole("button", { name: "Verify the results" }));
    expect(await screen.findByText("Not verified")).toBeInTheDocument();
    expect(screen.getByText(/^Summary!A1: written "Tampered", recomputed "Summary of charges/)).toBeInTheDocument();
  });

  it("signs off the latest run and records it in the Run log", async () => {
    let port: WorkbookPort | undefined;
    const { user } = await renderTaskpane({
      screen: "run",
      before: async (wb, p) => {
        port = p;
        await runOnce(wb, p);
      },
    });
    // One name field: the Run screen's "Your name" (kept as Prepared by) is the signer's name too.
    const nameField = await screen.findByRole("textbox", { name: /Your name/ });
    expect(screen.getAllByRole("textbox", { name: /name/i })).toEqual([nameField]);
    await user.type(nameField, "Jane Smith");
    await user.type(screen.getByRole("textbox", { name: /Your role/ }), "s151 officer");
    await vi.waitFor(() => expect(screen.getByRole("button", { name: "Sign off the latest run" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Sign off the latest run" }));
    // The confirm step names the run before anything is recorded.
    const dialog = await screen.findByRole("alertdialog", { name: "Sign off this run?" });
    expect(
      within(dialog).getByText(
        /^Sign off the run of 1 Dec 2026 14:03 UTC \(base model; fingerprint [0-9a-f]{12}\) as Jane Smith, s151 officer\?/,
      ),
    );
    await user.click(within(dialog).getByRole("button", { name: "Sign off" }));
    expect(await screen.findByText(/signed off by Jane Smith, s151 officer on/)).toBeInTheDocument();
    expect(screen.getByText("Signed off")).toBeInTheDocument();
    if (port === undefined) throw new Error("no port");
    const opened = await openModel(port, ENGINE);
    if (opened.kind !== "opened") throw new Error(opened.kind);
    expect(opened.session.read.runLog.map((e) => `${e.event} ${e.by}`)).toEqual(["run Ann Lee", "sign-off Jane Smith, s151 officer"]);
    // The same name is kept as the workbook's Prepared by: entered once for runs and sign-offs alike.
    expect(opened.session.read.preparedBy).toBe("Jane Smith");
  });
});

describe("Your name, kept as Prepared by (Run screen)", () => {
  it("is entered once, kept in the Settings table, and recorded in the Run log with the run", async () => {
    let port: WorkbookPort | undefined;
    const { user } = await renderTaskpane({
      screen: "run",
      before: (_wb, p) => {
        port = p;
      },
    });
    const field = await screen.findByRole("textbox", { name: /Your name/ });
    await user.type(field, "Ann Lee");
    await user.tab();
    if (port === undefined) throw new Error("no port");
    const p = port;
    await vi.waitFor(async () => {
      const o = await openModel(p, ENGINE);
      expect(o.kind === "opened" && o.session.read.preparedBy).toBe("Ann Lee");
    });
    await user.click(screen.getByRole("button", { name: "Calculate" }));
    await user.click(await screen.findByRole("button", { name: "Write to workbook" }));
    await screen.findByText("Results written");
    const opened = await openModel(p, ENGINE);
    if (opened.kind !== "opened") throw new Error(opened.kind);
    expect(opened.session.read.runLog.map((e) => e.by)).toEqual(["Ann Lee"]);
  });
});
