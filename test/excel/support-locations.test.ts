import { describe, expect, it } from "vitest";
import { applyScenario, runModel, type EngineError } from "../../src/engine";
import type { ModelRead } from "../../src/excel/port";
import { EAST_KENT_SERVICES } from "../../src/samples";
import { HARNESSES, type PortHarness } from "../support/port-harness";

async function fresh(make: () => PortHarness): Promise<PortHarness> {
  const h = make();
  const r = await h.port.createModel(EAST_KENT_SERVICES.model, { notes: EAST_KENT_SERVICES.notes });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return h;
}

async function read(h: PortHarness): Promise<ModelRead> {
  const r = await h.port.readModel();
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** Where the engine's errors about the model and its scenarios point, as addresses. */
async function addresses(h: PortHarness): Promise<string[]> {
  const r = await read(h);
  const run = runModel(r.model);
  const errors: EngineError[] = run.ok ? [] : [...run.errors];
  for (const s of r.model.scenarios ?? []) {
    const applied = applyScenario(r.model, s);
    if (!applied.ok) errors.push(...applied.errors);
  }
  return errors.map((e) => r.locate(e.at)?.address ?? `(nowhere: ${JSON.stringify(e.at)})`);
}

describe.each(HARNESSES)("support-service problems point at their cells ($name adapter)", ({ make }) => {
  it("the sample reads back with its support services, usage and method", async () => {
    const h = await fresh(make);
    const r = await read(h);
    expect(r.model.support).toEqual(EAST_KENT_SERVICES.model.support);
    expect(await addresses(h)).toEqual([]);
  });

  it("a usage figure, a user and a service in the usage table", async () => {
    const h = await fresh(make);
    // SupportUsage starts at E1: Service, Used by, Year, Usage. Row 2 is ICT's use by HR.
    h.type("Support!H2", "-5");
    h.type("Support!F3", "XYZ");
    h.type("Support!E4", "PAYROLL");
    expect(new Set(await addresses(h))).toEqual(new Set(["Support!H2", "Support!F3", "Support!E4"]));
  });

  it("a service id that clashes with a partner, and a line naming an unknown service", async () => {
    const h = await fresh(make);
    h.type("Support!A3", "CCC");
    const at = await addresses(h);
    expect(at).toContain("Support!A3");
    // HR's lines now name a service the model does not have: their Basis cells say so.
    expect(at).toContain("Costs!I4");
  });

  it("the method in Settings", async () => {
    const h = await fresh(make);
    const r = await read(h);
    const row = r.locate({ entity: "settings", field: "supportMethod" })?.address;
    expect(row).toMatch(/^Settings!B\d+$/);
    h.type(row ?? "", "sideways");
    expect(await addresses(h)).toEqual([row]);
  });
});
