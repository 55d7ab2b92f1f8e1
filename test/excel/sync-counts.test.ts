import { describe, expect, it } from "vitest";
import { checkModelBudgets, runModel, type ModelRun } from "../../src/engine";
import { ALLOCATION_HEADER_ROW, ALLOCATION_HEADERS } from "../../src/excel/layout/outputs/allocations";
import { MONEY_FORMAT } from "../../src/excel/layout/names";
import { syntheticModel, syntheticScaleModel } from "../../src/samples";
import { cellKey, WEB_PAYLOAD_LIMIT } from "../support/excel-fake";
import { officeHarness, type PortHarness } from "../support/port-harness";

/** A host without Excel on the web's 5 MB payload limit (Excel on Windows or Mac). */
const UNLIMITED = {
  requestLimit: Infinity,
  responseLimit: Infinity,
  maxRequestBytes: Number.MAX_SAFE_INTEGER,
  maxResponseBytes: Number.MAX_SAFE_INTEGER,
};

async function counted<T>(h: PortHarness, f: () => Promise<T>): Promise<[T, number]> {
  const before = h.syncs() ?? 0;
  const r = await f();
  return [r, (h.syncs() ?? 0) - before];
}

/** Sync counts of each operation on a synthetic model of `lines` cost lines. */
async function syncCounts(lines: number, options: Parameters<typeof officeHarness>[0]) {
  const h = officeHarness(options);
  const model = syntheticModel(lines, { partners: 2, years: 2 });
  const [created, create] = await counted(h, () => h.port.createModel(model));
  expect(created.ok).toBe(true);
  const [read, readSyncs] = await counted(h, () => h.port.readModel());
  if (!read.ok) throw new Error("read");
  expect(read.value.model.costLines).toHaveLength(lines);
  const run = runModel(read.value.model);
  if (!run.ok) throw new Error("run");
  const [first, write] = await counted(h, () => h.port.writeOutputs({ run: run.value }));
  const [second, rewrite] = await counted(h, () => h.port.writeOutputs({ run: run.value }));
  if (!first.ok || !second.ok) throw new Error(JSON.stringify([first, second]));
  const [, check] = await counted(h, () => h.port.checkOutputs());
  const [, selection] = await counted(h, () => h.port.readSelection());
  return {
    h,
    run: run.value as ModelRun,
    counts: { create, read: readSyncs, write, rewrite, check, selection },
    first: first.value,
    second: second.value,
  };
}

describe("sync counts do not grow with the model", () => {
  it("are the same for a 10-line and a 10,000-line model when no payload limit applies", async () => {
    const small = await syncCounts(10, UNLIMITED);
    const large = await syncCounts(10_000, UNLIMITED);
    expect(large.run.rows.length).toBeGreaterThan(20_000);
    expect(small.counts).toEqual({ create: 4, read: 2, write: 4, rewrite: 5, check: 3, selection: 1 });
    expect(large.counts).toEqual(small.counts);
    // Calculation is suspended for every staging request.
    expect(large.h.fake?.stats.calcSuspendedSyncs).toBe(3);
  }, 60_000);

  it("grow only with bytes ÷ the request budget under Excel on the web's 5 MB limit", async () => {
    const small = await syncCounts(10, {});
    // Outputs of one row per line-year fit one 4 MB request at this size: a 1 MB budget makes them split.
    const budget = 1_000_000;
    const large = await syncCounts(10_000, { maxRequestBytes: budget });
    const stats = large.h.fake?.stats;
    // Every request and response stays under the limit.
    expect(Math.max(...(stats?.requestBytes ?? []))).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(Math.max(...(stats?.responseBytes ?? []))).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(stats?.refused).toBe(0);
    // Small models fit one staging request; a large one takes one per budget of cells, and nothing else changes.
    expect(small.counts).toEqual({ create: 4, read: 2, write: 4, rewrite: 5, check: 3, selection: 1 });
    const { batches, bytes } = large.first;
    expect(batches).toBeGreaterThan(1);
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(bytes / budget));
    expect(batches).toBeLessThanOrEqual(Math.ceil(bytes / budget) + 6);
    expect(large.counts.write).toBe(small.counts.write - 1 + batches);
    // A re-run also reads the previous outputs back (for edit detection), in pieces under the response limit.
    expect(large.counts.rewrite - large.counts.write).toBeGreaterThanOrEqual(1);
    expect(large.counts.read).toBe(2);
    console.info(
      `10,000 lines → ${large.run.rows.length} charges; outputs ${(bytes / 1e6).toFixed(1)} MB in ${batches} staging requests; ` +
        `syncs ${JSON.stringify(large.counts)} (10 lines: ${JSON.stringify(small.counts)})`,
    );
  }, 60_000);

  it("reads tables bigger than the response limit in pieces, and gets the same model", async () => {
    const model = syntheticModel(1_000, { partners: 3, years: 2 });
    const tight = officeHarness({ responseLimit: 64 * 1024 });
    const loose = officeHarness();
    expect((await tight.port.createModel(model)).ok).toBe(true);
    expect((await loose.port.createModel(model)).ok).toBe(true);
    const [a, syncs] = await counted(tight, () => tight.port.readModel());
    const b = await loose.port.readModel();
    expect(a.ok && b.ok && a.value.model).toEqual(b.ok && b.value.model);
    expect(syncs).toBeGreaterThan(2);
    // Every answered response fits the limit (the oversized first attempt is refused and split).
    expect(Math.max(...(tight.fake?.stats.responseBytes ?? []))).toBeLessThanOrEqual(64 * 1024);
    expect(tight.fake?.stats.refused).toBeGreaterThan(0);
  });
});

describe("a 10,000-line × 20-partner × 5-year model's outputs through Excel on the web's 5 MB limit", () => {
  it("are written in at most 15 requests and 40 MB, every request under the limit, and read back as the engine computed them", async () => {
    const checked = checkModelBudgets(syntheticScaleModel({ lines: 10_000, partners: 20, years: 5 }));
    if (!checked.ok) throw new Error("run");
    const run = checked.value.run;
    const h = officeHarness({});
    const [written, syncs] = await counted(h, () => h.port.writeOutputs({ run, budget: checked.value }));
    if (!written.ok) throw new Error(JSON.stringify(written.problems));
    const stats = h.fake?.stats;
    const total = (stats?.requestBytes ?? []).reduce((a, b) => a + b, 0);
    expect(stats?.refused).toBe(0);
    expect(Math.max(...(stats?.requestBytes ?? []))).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(syncs).toBeLessThanOrEqual(15);
    expect(total).toBeLessThanOrEqual(40_000_000);
    // One Allocations row per line-year, a column per partner; the money format reached every partner cell.
    const sheet = h.fake?.document.sheet("Allocations");
    const k = run.result.lineYears.length - 1;
    const last = run.result.lineYears[k];
    if (sheet === undefined || last === undefined) throw new Error("no Allocations");
    const row = ALLOCATION_HEADER_ROW + 1 + k;
    const col = ALLOCATION_HEADERS.length + 19;
    expect(sheet.cells.get(cellKey(row, col))?.value).toBe((last.shares[19] ?? Number.NaN) / 100);
    expect(sheet.cells.get(cellKey(row, col))?.format).toBe(MONEY_FORMAT);
    expect(sheet.cells.get(cellKey(row + 1, 0))).toBeUndefined();
    // A re-run reads the previous outputs back (edit detection) before writing them again.
    const [again, resyncs] = await counted(h, () => h.port.writeOutputs({ run, budget: checked.value }));
    expect(again.ok).toBe(true);
    console.info(
      `10,000 × 20 × 5 outputs: ${syncs} syncs, ${(total / 1e6).toFixed(1)} MB in ${written.value.batches} staging requests; a ` +
        `re-run ${resyncs} syncs`,
    );
  }, 300_000);
});
