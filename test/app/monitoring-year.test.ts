import { describe, expect, it } from "vitest";
import {
  bytesSource,
  checkModel,
  checkModelWithMonitoring,
  ENGINE,
  importActualsIntoWorkbook,
  monitoringOfRun,
  openModel,
  runWorkbook,
  type ModelSession,
} from "../../src/app";
import type { WorkbookPort } from "../../src/excel";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { memoryHarness, officeHarness, type PortHarness } from "../support/port-harness";

const SAMPLE = BRENT_LEWISHAM_SOUTHWARK;

/**
 * The sample, monitoring only its ongoing ICT line (BLS-01) when `ongoing`: the sample's other lines include 2020/21's
 * one-off costs, whose actuals in another year would be actuals of a line not charged then (a monitoring error).
 */
async function withSample(year?: string, ongoing = false, make: () => PortHarness = memoryHarness): Promise<PortHarness> {
  const h = make();
  const m = SAMPLE.model.monitoring ?? {};
  const only = <T extends { line: string }>(xs: readonly T[] | undefined): T[] => (xs ?? []).filter((x) => x.line === "BLS-01");
  const monitoring = {
    ...m,
    ...(ongoing ? { actuals: only(m.actuals), forecasts: only(m.forecasts), profiles: only(m.profiles) } : {}),
    ...(year === undefined ? {} : { year }),
  };
  const model = { ...SAMPLE.model, monitoring };
  expect((await h.port.createModel(model, { notes: SAMPLE.notes })).ok).toBe(true);
  return h;
}

async function session(port: WorkbookPort): Promise<{ session: ModelSession; problems: Parameters<typeof checkModel>[1] }> {
  const o = await openModel(port, ENGINE);
  if (o.kind !== "opened") throw new Error(o.kind);
  return { session: o.session, problems: o.problems };
}

/** The Settings table's "Monitoring year" cell, as the workbook layer locates the monitored year. */
async function yearCell(port: WorkbookPort): Promise<string> {
  const at = (await session(port)).session.read.locate({ entity: "monitoring", field: "year" });
  if (at === undefined) throw new Error("the Monitoring year is not located");
  return at.address;
}

async function monitoredYear(port: WorkbookPort): Promise<string | undefined> {
  const run = await runWorkbook(port);
  if (!run.ok) throw new Error(JSON.stringify(run));
  const m = monitoringOfRun(run.outputs.run);
  return m?.ok === true ? m.value.yearLabel : undefined;
}

describe("the monitored year: the Settings table's Monitoring year", () => {
  it("is the model's first year when blank, and the year the row names otherwise", async () => {
    const h = await withSample(undefined, true);
    const cell = await yearCell(h.port);
    expect(cell).toMatch(/^Settings!B\d+$/);
    expect(await monitoredYear(h.port)).toBe("2020/21");
    h.type(cell, "2021/22");
    expect(await monitoredYear(h.port)).toBe("2021/22");
  });

  it("is written by the template and read back as the model had it", async () => {
    const h = await withSample("2022/23", true);
    expect((await session(h.port)).session.model.monitoring?.year).toBe("2022/23");
    expect(await monitoredYear(h.port)).toBe("2022/23");
  });

  it("outside the model's years: a warning at its cell on the Check screen's list (checkModelWithMonitoring), not before", async () => {
    const h = await withSample();
    const cell = await yearCell(h.port);
    h.type(cell, "2030/31");
    const { session: s, problems } = await session(h.port);
    // checkModel alone (the pane's run path, loaded first) leaves the monitoring out; the Check screen's list has it.
    expect(checkModel(s, problems).filter((p) => p.message.includes("monitoring"))).toEqual([]);
    const listed = checkModelWithMonitoring(s, problems).filter((p) => p.message.startsWith("The monitoring cannot be worked out"));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ severity: "warning", address: cell });
    expect(listed[0]?.message).toContain("2030/31");
    expect(listed[0]?.message).toContain("2020/21 to 2022/23");
    // The run reports the same, and its charges stand.
    const run = await runWorkbook(h.port);
    expect(run.ok && run.warnings.some((w) => w.address === cell)).toBe(true);
  });

  it("not a financial year: located at its cell too", async () => {
    const h = await withSample();
    const cell = await yearCell(h.port);
    h.type(cell, "next year");
    const { session: s, problems } = await session(h.port);
    const listed = checkModelWithMonitoring(s, problems).filter((p) => p.message.startsWith("The monitoring cannot be worked out"));
    expect(listed.map((p) => p.address)).toEqual([cell]);
  });

  it("is the year a ledger export is imported into; one outside the model refuses the import, writing nothing", async () => {
    const csv = (s: string): Uint8Array => new TextEncoder().encode(s);
    const h = await withSample();
    const cell = await yearCell(h.port);
    h.type(cell, "2021/22");
    // 15 May 2021 is period 2 of 2021/22 (of 2020/21 it would be another year, listed and not imported).
    const file = {
      fileName: "may.csv",
      source: bytesSource(csv("Date,Cost centre,Account,Amount\r\n15/05/2021,IC100,0200,10.00\r\n"), 100),
    };
    const done = await importActualsIntoWorkbook(h.port, file);
    expect(done.ok && done.value.record.periods).toEqual([2]);
    h.type(cell, "2040/41");
    const before = h.snapshot();
    const refused = await importActualsIntoWorkbook(h.port, file);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems[0]?.message).toContain('Monitoring year, "2040/41", is not one of the model\'s years');
    expect(h.snapshot()).toEqual(before);
  });
});

describe("an import's record in the Run log, through each adapter", () => {
  it.each([
    ["in memory", memoryHarness],
    ["through Office.js", officeHarness],
  ] as const)("is written with the actuals and read back as written (%s)", async (_name, make) => {
    const h = await withSample(undefined, false, make);
    const bytes = new TextEncoder().encode("Date,Cost centre,Account,Amount\r\n15/05/2020,IC100,0200,(12.50)\r\n");
    const file = { fileName: "may.csv", source: bytesSource(bytes, 100) };
    const done = await importActualsIntoWorkbook(h.port, file, { by: "Ann Lee", now: new Date("2026-12-01T14:03:00Z") });
    if (!done.ok) throw new Error(done.error);
    const log = (await session(h.port)).session.read.runLog;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      event: "import",
      at: "2026-12-01T14:03:00Z",
      by: "Ann Lee",
      imported: { file: "may.csv", rows: 1, total: "-£12.50", periods: "2", sha256: done.value.record.sha256 },
    });
    expect(log[0]?.imported?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
