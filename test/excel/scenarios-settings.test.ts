import { describe, expect, it } from "vitest";
import { runScenario, type ScenarioInput } from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK, ONESOURCE } from "../../src/samples";
import { HARNESSES } from "../support/port-harness";

const extra: ScenarioInput = {
  name: 'Everything; "quoted" = 20% dearer',
  description: "Uplift with awkward characters in its name",
  changes: [
    { kind: "uplift", percent: 20, category: "revenue" },
    { kind: "setDriver", driver: "users", partner: "LEW", year: "2021/22", value: 2500 },
    { kind: "setDates", line: "BLS-03", start: "2020-06-01", end: "2020-12-31" },
    { kind: "removeLine", line: "BLS-06" },
    { kind: "removePartner", partner: "SOU" },
  ],
};

/** A partner leaving part-way: removePartner with an End date keeps it a member until that day. */
const leaves: ScenarioInput = {
  name: "Southwark leaves in September 2021",
  changes: [{ kind: "removePartner", partner: "SOU", leaves: "2021-09-30" }],
};

describe.each(HARNESSES)("scenarios and run settings persist in the workbook ($name adapter)", ({ make }) => {
  it("writes scenarios to the Scenarios table and reads them back to replay exactly", async () => {
    const h = make();
    expect((await h.port.createModel(BRENT_LEWISHAM_SOUTHWARK.model)).ok).toBe(true);
    h.type("Scenarios!A12", "");
    h.type("Scenarios!N20", "A user's note beside the table");
    const grown = [...(BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? []), extra, leaves, ...(ONESOURCE.model.scenarios ?? [])];
    expect((await h.port.writeScenarios(grown)).ok).toBe(true);
    const back = await h.port.readScenarios();
    if (!back.ok) throw new Error("read");
    expect(back.value.map((s) => s.name)).toEqual(grown.map((s) => s.name));
    const read = await h.port.readModel();
    if (!read.ok) throw new Error("read");
    expect(read.value.problems).toEqual([]);
    for (const s of BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? []) {
      const a = runScenario(BRENT_LEWISHAM_SOUTHWARK.model, s);
      const b = runScenario(read.value.model, back.value.find((x) => x.name === s.name) ?? s);
      expect(b.ok && b.value.rows).toEqual(a.ok && a.value.rows);
    }
    for (const s of [extra, leaves]) {
      const a = runScenario(BRENT_LEWISHAM_SOUTHWARK.model, s);
      const read2 = back.value.find((x) => x.name === s.name);
      expect(read2).toBeDefined();
      const b = runScenario(read.value.model, read2 ?? s);
      expect(b.ok && b.value.rows).toEqual(a.ok && a.value.rows);
    }
    // Southwark is charged in 2021/22 (183 of 365 days) and nothing in 2022/23.
    const gone = runScenario(BRENT_LEWISHAM_SOUTHWARK.model, leaves);
    expect(gone.ok && gone.value.rows.some((r) => r.partner === "SOU" && r.yearLabel === "2021/22" && r.amount > 0)).toBe(true);
    expect(gone.ok && gone.value.rows.filter((r) => r.partner === "SOU" && r.yearLabel === "2022/23")).toEqual([]);
    // The note outside the table's columns did not move.
    expect(h.snapshot().find((s) => s.name === "Scenarios")?.cells["19,13"]).toEqual({ v: "A user's note beside the table" });

    // Shrinking keeps the table one blank row long at least; reading gives no scenarios.
    expect((await h.port.writeScenarios([])).ok).toBe(true);
    const none = await h.port.readScenarios();
    expect(none.ok && none.value).toEqual([]);
  });

  it("writes run settings to the Settings table", async () => {
    const h = make();
    expect(
      (
        await h.port.createModel(BRENT_LEWISHAM_SOUTHWARK.model, {
          run: { scenario: "Lewisham Homes joins", compareFirst: "", compareSecond: "" },
        })
      ).ok,
    ).toBe(true);
    const first = await h.port.readRunSettings();
    expect(first.ok && first.value).toEqual({ scenario: "Lewisham Homes joins", compareFirst: "", compareSecond: "" });
    const settings = { scenario: "", compareFirst: "Core service by users only", compareSecond: "Lewisham Homes within Lewisham" };
    expect((await h.port.writeRunSettings(settings)).ok).toBe(true);
    const back = await h.port.readRunSettings();
    expect(back.ok && back.value).toEqual(settings);
    const read = await h.port.readModel();
    expect(read.ok && read.value.problems).toEqual([]);
  });
});
