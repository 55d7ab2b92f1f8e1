import { describe, expect, it } from "vitest";
import { runModel, type ModelRun, type ScenarioInput } from "../../src/engine";
import { createOfficeWorkbook } from "../../src/excel/office/office-port";
import { DEFAULT_SYNC_TIME_LIMIT_MS } from "../../src/excel/office/runner";
import type { WorkbookPort } from "../../src/excel/port";
import { workbookProblemMessage, type WorkbookProblem } from "../../src/excel/problems";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { createFakeExcel, type FakeExcel } from "../support/excel-fake";
import { snapshotFake } from "../support/workbook-snapshot";

/**
 * Two more of real Excel's failures, modelled by the fake
 * (test/support/excel-fake, each cited there): a `context.sync()` that never
 * answers in Excel on the web (office-js #6678, #6150, #4805), and
 * `Table.clearFilters()` leaving a filter on (office-js #468). Each test
 * fails against the adapter before issue #28.
 */

/** A short limit so the tests do not wait a minute for each hang. */
const LIMIT_MS = 40;

async function setUp(): Promise<{ fake: FakeExcel; port: WorkbookPort; run: ModelRun }> {
  const fake = createFakeExcel();
  const port = createOfficeWorkbook({ run: fake.run, syncTimeLimitMs: LIMIT_MS });
  if (!(await port.createModel(BRENT_LEWISHAM_SOUTHWARK.model)).ok) throw new Error("create");
  const read = await port.readModel();
  if (!read.ok) throw new Error("read");
  const run = runModel(read.value.model);
  if (!run.ok) throw new Error("run");
  return { fake, port, run: run.value };
}

function only(r: { ok: boolean; problems?: readonly WorkbookProblem[] }): WorkbookProblem {
  if (r.ok || r.problems?.length !== 1 || r.problems[0] === undefined) throw new Error(`one problem expected: ${JSON.stringify(r)}`);
  return r.problems[0];
}

/** How many syncs `f` takes. */
async function syncsOf(fake: FakeExcel, f: () => Promise<unknown>): Promise<number> {
  const before = fake.stats.syncs;
  await f();
  return fake.stats.syncs - before;
}

const renamed = (scenarios: readonly ScenarioInput[], suffix: string): ScenarioInput[] =>
  scenarios.map((s) => ({ ...s, name: `${s.name}${suffix}` }));

describe("a sync Excel never answers (office-js #6678, #6150, #4805)", () => {
  it("waits at most a minute by default", () => {
    expect(DEFAULT_SYNC_TIME_LIMIT_MS).toBe(60_000);
  });

  it("stops waiting while reading and says nothing was changed", async () => {
    const { fake, port } = await setUp();
    fake.hang(fake.stats.syncs + 1);
    const started = Date.now();
    const p = only(await port.readModel());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(p).toEqual({ kind: "syncTimedOut", operation: "read the model", seconds: 1, written: "nothing", sheets: [] });
    expect(workbookProblemMessage({ ...p, seconds: 60 } as WorkbookProblem)).toBe(
      "Excel did not answer within 60 seconds while trying to read the model, so the add-in stopped waiting. Nothing in the " +
        "workbook was changed. If a cell is being edited, press Enter or Esc; otherwise close and reopen the add-in (in Excel on the " +
        "web, reload the page). Then try again.",
    );
    // The next request works: the hang was one request's.
    expect((await port.readModel()).ok).toBe(true);
  });

  it("stops waiting while building the new sheets: the user's sheets are unchanged, and no more is asked of Excel", async () => {
    const { fake, port, run } = await setUp();
    expect((await port.writeOutputs({ run })).ok).toBe(true);
    const rewrite = await syncsOf(fake, () => port.writeOutputs({ run }));
    const before = snapshotFake(fake.document);
    const start = fake.stats.syncs;
    // The last staging batch (the one before the swap) never answers.
    fake.hang(start + rewrite - 1);
    const p = only(await port.writeOutputs({ run }));
    expect(p).toMatchObject({ kind: "syncTimedOut", operation: "write the results", written: "stagingOnly" });
    // No clean-up was attempted on a host that stopped answering.
    expect(fake.stats.syncs - start).toBe(rewrite - 1);
    const visible = (s: ReturnType<typeof snapshotFake>) => s.filter((x) => x.visible);
    expect(visible(before).length).toBeGreaterThan(8);
    expect(visible(snapshotFake(fake.document))).toEqual(visible(before));
    expect(workbookProblemMessage(p)).toMatch(
      /Your sheets are unchanged; hidden sheets the add-in was building may be left \(the next run removes them\)\./,
    );
  });

  it("stops waiting for the swap and names the sheets that may or may not have been replaced", async () => {
    const { fake, port, run } = await setUp();
    expect((await port.writeOutputs({ run })).ok).toBe(true);
    const rewrite = await syncsOf(fake, () => port.writeOutputs({ run }));
    fake.hang(fake.stats.syncs + rewrite);
    const p = only(await port.writeOutputs({ run }));
    expect(p.kind === "syncTimedOut" && p.written).toBe("unknown");
    expect(p.kind === "syncTimedOut" && p.sheets).toEqual(expect.arrayContaining(["Summary", "Allocations", "Trace"]));
    expect(workbookProblemMessage(p)).toMatch(/The change may or may not have reached "Summary", .*: check them before relying on them/);
  });

  it("stops waiting for the scenarios to be written and says they may or may not be", async () => {
    const { fake, port } = await setUp();
    const scenarios = BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? [];
    const writes = await syncsOf(fake, () => port.writeScenarios(renamed(scenarios, " v2")));
    fake.hang(fake.stats.syncs + writes);
    const p = only(await port.writeScenarios(renamed(scenarios, " v3")));
    expect(p).toMatchObject({ kind: "syncTimedOut", operation: "write the scenarios", written: "unknown", sheets: ["Scenarios"] });
  });
});

describe("Table.clearFilters() leaving a filter on (office-js #468)", () => {
  it("refuses to write the scenarios under a filter that stayed on, and changes nothing", async () => {
    const { fake, port } = await setUp();
    const table = fake.document.table("Scenarios");
    if (table === undefined) throw new Error("no Scenarios table");
    table.filter = { column: 0, show: () => false, survivesClear: true };
    const before = snapshotFake(fake.document);
    const p = only(await port.writeScenarios(renamed(BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? [], " v2")));
    expect(p).toEqual({ kind: "filterStillOn", table: "Scenarios", sheet: "Scenarios" });
    expect(snapshotFake(fake.document)).toEqual(before);
    expect(workbookProblemMessage(p)).toBe(
      'A filter is still on the table "Scenarios" (sheet "Scenarios") after the add-in cleared it (Excel sometimes leaves one ' +
        "on), so nothing was written to it. Clear it yourself (Data > Clear), then try again.",
    );
    // Once the user clears it, the write goes through.
    table.filter = undefined;
    expect((await port.writeScenarios(renamed(BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? [], " v2"))).ok).toBe(true);
  });

  it("refuses to write the run settings under a filter that stayed on", async () => {
    const { fake, port } = await setUp();
    const table = fake.document.table("Settings");
    if (table === undefined) throw new Error("no Settings table");
    table.filter = { column: 0, show: () => false, survivesClear: true };
    const names = (BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? []).map((x) => x.name);
    const p = only(await port.writeRunSettings({ scenario: names[0] ?? "", compareFirst: "", compareSecond: "" }));
    expect(p).toEqual({ kind: "filterStillOn", table: "Settings", sheet: table.sheet.name });
  });
});
