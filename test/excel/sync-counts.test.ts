import { describe, expect, it } from "vitest";
import { runModel, type ModelRun } from "../../src/engine";
import { DEFAULT_MAX_REQUEST_BYTES } from "../../src/excel/layout/batches";
import { syntheticModel } from "../../src/samples";
import { WEB_PAYLOAD_LIMIT } from "../support/excel-fake";
import { officeHarness, type PortHarness } from "../support/port-harness";

/** A host without Excel on the web's 5 MB payload limit (Excel on Windows or Mac). */
const UNLIMITED = { requestLimit: Infinity, responseLimit: Infinity, maxRequestBytes: Number.MAX_SAFE_INTEGER, maxResponseBytes: Number.MAX_SAFE_INTEGER };

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
  return { h, run: run.value as ModelRun, counts: { create, read: readSyncs, write, rewrite, check, selection }, first: first.value, second: second.value };
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
    const large = await syncCounts(10_000, {});
    const stats = large.h.fake?.stats;
    // Every request and response stays under the limit.
    expect(Math.max(...(stats?.requestBytes ?? []))).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(Math.max(...(stats?.responseBytes ?? []))).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(stats?.refused).toBe(0);
    // Small models fit one staging request; a large one takes one per ~4 MB of cells, and nothing else changes.
    expect(small.counts).toEqual({ create: 4, read: 2, write: 4, rewrite: 5, check: 3, selection: 1 });
    const { batches, bytes } = large.first;
    expect(batches).toBeGreaterThan(1);
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(bytes / DEFAULT_MAX_REQUEST_BYTES));
    expect(batches).toBeLessThanOrEqual(Math.ceil(bytes / DEFAULT_MAX_REQUEST_BYTES) + 6);
    expect(large.counts.write).toBe(small.counts.write - 1 + batches);
    // A re-run also reads the previous outputs back (for edit detection), in pieces under the response limit.
    expect(large.counts.rewrite - large.counts.write).toBeGreaterThanOrEqual(1);
    expect(large.counts.read).toBe(2);
    console.info(
      `10,000 lines → ${large.run.rows.length} charges; outputs ${(bytes / 1e6).toFixed(1)} MB in ${batches} staging requests; syncs ${JSON.stringify(large.counts)} (10 lines: ${JSON.stringify(small.counts)})`,
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
