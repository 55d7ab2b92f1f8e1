/**
 * 4. `context.sync()` calls to read a model and write its outputs, through
 * the counting Excel fake (test/support/excel-fake) and the real Office.js
 * adapter (src/excel/office), for 10-, 1,000- and 10,000-line models.
 * Two hosts: no payload limit (Excel on Windows/Mac) and Excel on the web's
 * 5 MB request/response limit, where the staged writes are split into
 * requests of at most 4 MB (so they grow with bytes, not with lines).
 */
import { runModel } from "../../src/engine";
import { createOfficeWorkbook } from "../../src/excel/office/office-port";
import { syntheticModel } from "../../src/samples";
import { createFakeExcel } from "../../test/support/excel-fake";

export interface SyncCounts {
  readonly lines: number;
  readonly charges: number;
  readonly host: string;
  readonly create: number;
  readonly read: number;
  readonly write: number;
  readonly rewrite: number;
  /** Staging requests of the first write, and its payload. */
  readonly writeBatches: number;
  readonly writeMB: number;
  readonly seconds: number;
}

const HOSTS = {
  "no payload limit (Windows/Mac)": {
    requestLimit: Number.POSITIVE_INFINITY,
    responseLimit: Number.POSITIVE_INFINITY,
    maxRequestBytes: Number.MAX_SAFE_INTEGER,
    maxResponseBytes: Number.MAX_SAFE_INTEGER,
  },
  "Excel on the web (5 MB limit)": {},
} as const;

async function counts(lines: number, host: keyof typeof HOSTS): Promise<SyncCounts> {
  const t0 = performance.now();
  const o: { requestLimit?: number; responseLimit?: number; maxRequestBytes?: number; maxResponseBytes?: number } = HOSTS[host];
  const fake = createFakeExcel({
    ...(o.requestLimit === undefined ? {} : { requestLimit: o.requestLimit }),
    ...(o.responseLimit === undefined ? {} : { responseLimit: o.responseLimit }),
  });
  const port = createOfficeWorkbook({
    run: fake.run,
    ...(o.maxRequestBytes === undefined ? {} : { maxRequestBytes: o.maxRequestBytes }),
    ...(o.maxResponseBytes === undefined ? {} : { maxResponseBytes: o.maxResponseBytes }),
  });
  const counted = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const before = fake.stats.syncs;
    const r = await f();
    return [r, fake.stats.syncs - before];
  };
  const model = syntheticModel(lines, { partners: 3, years: 2 });
  const [created, create] = await counted(() => port.createModel(model));
  if (!created.ok) throw new Error(`createModel failed for ${lines} lines`);
  const [read, readSyncs] = await counted(() => port.readModel());
  if (!read.ok || read.value.model.costLines.length !== lines) throw new Error(`readModel failed for ${lines} lines`);
  const run = runModel(read.value.model);
  if (!run.ok) throw new Error(`run failed for ${lines} lines`);
  const [written, write] = await counted(() => port.writeOutputs({ run: run.value }));
  const [rewritten, rewrite] = await counted(() => port.writeOutputs({ run: run.value }));
  if (!written.ok || !rewritten.ok) throw new Error(`writeOutputs failed for ${lines} lines`);
  return {
    lines,
    charges: run.value.rows.length,
    host,
    create,
    read: readSyncs,
    write,
    rewrite,
    writeBatches: written.value.batches,
    writeMB: written.value.bytes / 1e6,
    seconds: (performance.now() - t0) / 1000,
  };
}

export async function benchSyncs(sizes: readonly number[] = [10, 1_000, 10_000]): Promise<SyncCounts[]> {
  const out: SyncCounts[] = [];
  for (const host of Object.keys(HOSTS) as (keyof typeof HOSTS)[]) for (const lines of sizes) out.push(await counts(lines, host));
  return out;
}
