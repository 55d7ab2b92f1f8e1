import { describe, expect, it } from "vitest";
import { buildJournals, runModel, type ModelInput } from "../../src/engine";
import { locateWhere } from "../../src/excel/layout/origins";
import { createMemoryPort } from "../../src/excel/memory/memory-port";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";

/** The sample with one edit to its journals inputs, written as tables and read back; every journals error located. */
async function addresses(edit: (m: ModelInput) => ModelInput): Promise<(string | undefined)[]> {
  const { port } = createMemoryPort();
  expect((await port.createModel(edit(BRENT_LEWISHAM_SOUTHWARK.model))).ok).toBe(true);
  const read = await port.readModel();
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const run = runModel(read.value.model);
  if (!run.ok) throw new Error("run");
  const r = buildJournals(run.value, read.value.model.journals!, "R");
  if (r.ok) throw new Error("expected errors");
  return r.errors.map((e) => locateWhere(read.value.origins, e.at)?.address);
}

describe("journals errors are located at their cells", () => {
  it("a coding row's category that is not a category: its Coding cell", async () => {
    const at = await addresses((m) => ({
      ...m,
      journals: { ...m.journals!, coding: m.journals!.coding.map((c, i) => (i === 1 ? { ...c, category: "capitol" } : c)) },
    }));
    // Coding starts at A1 (headers): row 2 is the first entry, so the second is row 3; Category is column D.
    expect(at).toEqual(["Coding!D3"]);
  });

  it("a charge no row codes: its cost line on Costs", async () => {
    const at = await addresses((m) => ({
      ...m,
      journals: { ...m.journals!, coding: m.journals!.coding.filter((c) => c.partner !== "SOU") },
    }));
    expect(at.length).toBeGreaterThan(0);
    for (const a of at) expect(a).toMatch(/^Costs!A\d+$/);
  });

  it("a ledger without a creditor account: its Ledgers cell", async () => {
    const at = await addresses((m) => ({
      ...m,
      journals: { ...m.journals!, ledgers: m.journals!.ledgers!.map((l) => (l.partner === "LEW" ? { ...l, creditor: null } : l)) },
    }));
    // Ledgers: LEW is the second entry (row 3); Creditor account is column C.
    expect(at).toEqual(["Ledgers!C3"]);
  });

  it("a ledger posting by service with no service list: its Ledgers By service cell", async () => {
    const at = await addresses((m) => ({
      ...m,
      partnerServices: (m.partnerServices ?? []).filter((s) => s.partner !== "LEW"),
      journals: { ...m.journals!, ledgers: m.journals!.ledgers!.map((l) => (l.partner === "LEW" ? { ...l, byService: true } : l)) },
    }));
    // LEW's Ledgers row is row 3; By service is the twelfth column, L (after Invoice prefix).
    expect(at.length).toBeGreaterThan(0);
    expect(new Set(at)).toEqual(new Set(["Ledgers!L3"]));
  });
});
