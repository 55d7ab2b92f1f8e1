import { describe, expect, it } from "vitest";
import { checkModelBudgets } from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_HOUSING } from "../../src/samples";
import type { PortHarness } from "../support/port-harness";
import { HARNESSES } from "../support/port-harness";

async function modelAndRun(h: PortHarness, sample = BRENT_LEWISHAM_SOUTHWARK) {
  const created = await h.port.createModel(sample.model, { notes: sample.notes });
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  const read = await h.port.readModel();
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const report = checkModelBudgets(read.value.model);
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return { run: report.value.run, budget: report.value };
}

const userSheets = (h: PortHarness): string => JSON.stringify(h.snapshot().filter((s) => s.marker === undefined));

describe.each(HARNESSES)("no data loss with the $name adapter", ({ make }) => {
  it("leaves cells outside its own sheets byte-identical", async () => {
    const h = make();
    h.type("Sheet1!A1", "Officer's working");
    h.type("Sheet1!C7", 1234.5);
    h.addUserSheet("Notes", { A1: "=SUM(1,2) typed as text", B2: 42, D4: true, E5: "2020/21" });
    const before = userSheets(h);
    const outputs = await modelAndRun(h);
    expect((await h.port.writeOutputs(outputs)).ok).toBe(true);
    expect((await h.port.writeOutputs(outputs)).ok).toBe(true);
    expect((await h.port.writeScenarios(BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? [])).ok).toBe(true);
    expect(
      (await h.port.writeRunSettings({ scenario: "Lewisham Homes joins", compareFirst: "", compareSecond: "Lewisham Homes joins" })).ok,
    ).toBe(true);
    expect(userSheets(h)).toBe(before);
    expect(
      h
        .snapshot()
        .map((s) => s.name)
        .slice(0, 1),
    ).toEqual(["Sheet1"]);
  });

  it("gives identical sheets when run twice", async () => {
    const h = make();
    const outputs = await modelAndRun(h);
    expect((await h.port.writeOutputs(outputs)).ok).toBe(true);
    const first = JSON.stringify(h.snapshot());
    expect((await h.port.writeOutputs(outputs)).ok).toBe(true);
    expect(JSON.stringify(h.snapshot())).toBe(first);
  });

  it("detects edits in its output sheets and replaces them only with consent", async () => {
    const h = make();
    const outputs = await modelAndRun(h);
    expect((await h.port.writeOutputs(outputs)).ok).toBe(true);
    const clean = await h.port.checkOutputs();
    expect(clean.ok && clean.value.sheets.every((s) => !s.edited)).toBe(true);
    h.type("Allocations!J2", 999);
    h.type("Summary!L3", "my note");
    const status = await h.port.checkOutputs();
    expect(
      status.ok &&
        status.value.sheets
          .filter((s) => s.edited)
          .map((s) => s.name)
          .sort(),
    ).toEqual(["Allocations", "Summary"]);
    const edited = JSON.stringify(h.snapshot());
    const refused = await h.port.writeOutputs(outputs);
    expect(refused).toEqual({ ok: false, problems: [{ kind: "outputsEdited", sheets: ["Summary", "Allocations"] }] });
    expect(JSON.stringify(h.snapshot())).toBe(edited);
    const replaced = await h.port.writeOutputs(outputs, { replaceEdited: true });
    expect(replaced.ok).toBe(true);
    const after = await h.port.checkOutputs();
    expect(after.ok && after.value.sheets.every((s) => !s.edited)).toBe(true);
  });

  it("never writes to a sheet it did not create, even one named like its own", async () => {
    const h = make();
    const outputs = await modelAndRun(h);
    h.addUserSheet("Summary", { A1: "My own summary" });
    const before = JSON.stringify(h.snapshot());
    const r = await h.port.writeOutputs(outputs);
    expect(r).toEqual({ ok: false, problems: [{ kind: "nameTaken", name: "Summary", what: "sheet" }] });
    expect(JSON.stringify(h.snapshot())).toBe(before);
  });

  it("asks before replacing existing input sheets", async () => {
    const h = make();
    await modelAndRun(h);
    h.type("Costs!B2", "Edited by a finance officer");
    const before = JSON.stringify(h.snapshot());
    const asked = await h.port.createModel(EAST_KENT_HOUSING.model);
    expect(asked.ok).toBe(false);
    expect(!asked.ok && asked.problems[0]?.kind).toBe("inputSheetsExist");
    expect(JSON.stringify(h.snapshot())).toBe(before);
    const replaced = await h.port.createModel(EAST_KENT_HOUSING.model, { replaceExisting: true });
    expect(replaced.ok).toBe(true);
    const read = await h.port.readModel();
    expect(read.ok && read.value.model.partners.map((p) => p.id)).toEqual(["CCC", "DDC", "FHDC", "TDC"]);
  });

  it("writes nothing when cancelled", async () => {
    const h = make();
    const outputs = await modelAndRun(h);
    expect((await h.port.writeOutputs(outputs)).ok).toBe(true);
    const before = JSON.stringify(h.snapshot());
    const abort = new AbortController();
    abort.abort();
    expect(await h.port.writeOutputs(outputs, { signal: abort.signal })).toEqual({ ok: false, problems: [{ kind: "cancelled" }] });
    expect(JSON.stringify(h.snapshot())).toBe(before);
  });

  it("creates an empty model a user can fill in", async () => {
    const h = make();
    const r = await h.port.createModel(undefined);
    expect(r.ok).toBe(true);
    const status = await h.port.inspect();
    expect(status.ok && status.value.hasModel).toBe(true);
    expect(status.ok && status.value.inputSheets).toEqual([
      "Partners",
      "Drivers",
      "Costs",
      "Bases",
      "Budgets",
      "Settings",
      "Scenarios",
      "Support",
      "Partner services",
      "Coding",
      "Ledgers",
      "Actuals",
      "Exits",
      "Disputes",
      "Lists",
    ]);
    const read = await h.port.readModel();
    expect(read.ok && read.value.model.costLines).toEqual([]);
    // Empty journals tables mean no journals: the model runs exactly as one without them.
    expect(read.ok && read.value.model.journals).toBeUndefined();
    // Likewise empty monitoring tables: no monitoring.
    expect(read.ok && read.value.model.monitoring).toBeUndefined();
    expect(read.ok && read.value.model.settings).toEqual({
      firstYear: "",
      lastYear: "",
      unit: "penny",
      proRata: "days",
      zeroDriverFallback: "error",
    });
  });
});
