import { describe, expect, it } from "vitest";
import {
  ENGINE,
  fingerprintInputs,
  openModel,
  recordRun,
  runStatus,
  runStatusNotice,
  runWorkbook,
  signOffWorkbook,
  verifyWorkbook,
  staleness,
  stalenessWarnings,
  writeResults,
  type ModelSession,
} from "../../src/app";
import { createStorePort, type WorkbookPort } from "../../src/excel";
import { openWorkbook } from "../../src/cli/xlsx/open";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples/brent-lewisham-southwark";
import { EAST_KENT_SERVICES } from "../../src/samples/east-kent-services";
import { sha256Hex } from "../../src/app/sha256";
import { canonical, canonicalTables } from "../../src/app/fingerprint";
import { localWhenText } from "../../src/excel/layout/outputs/run-log";
import { cli, tempDir } from "../cli/helpers";
import { memoryHarness, officeHarness, type PortHarness } from "../support/port-harness";

const SAMPLE = BRENT_LEWISHAM_SOUTHWARK;
const T1 = new Date("2026-12-01T14:03:00Z");
const T2 = new Date("2026-12-02T09:30:00Z");
const T3 = new Date("2026-12-03T10:00:00Z");

async function session(port: WorkbookPort): Promise<ModelSession> {
  const o = await openModel(port, ENGINE);
  if (o.kind !== "opened") throw new Error(o.kind);
  return o.session;
}

/** Runs the model in the workbook and writes it with its run record, as the clients do. */
async function runAndWrite(port: WorkbookPort, by: string, now: Date): Promise<void> {
  const run = await runWorkbook(port);
  if (!run.ok) throw new Error(JSON.stringify(run));
  const written = await writeResults(port, recordRun(run.session, run.outputs, run.warnings.length, { by, now }));
  expect(written.kind).toBe("written");
}

async function withSample(make: () => PortHarness = memoryHarness): Promise<PortHarness> {
  const h = make();
  expect((await h.port.createModel(SAMPLE.model, { notes: SAMPLE.notes })).ok).toBe(true);
  return h;
}

/** The Costs table's Amount cell of its first row, as an address. */
function firstAmountCell(s: ModelSession): string {
  const at = s.read.locate({ entity: "costLine", key: s.model.costLines[0]?.ref ?? "", field: "amount" });
  if (at === undefined) throw new Error("no amount cell");
  return at.address;
}

describe("the run record", () => {
  it.each([
    ["in memory", memoryHarness],
    ["through Office.js", officeHarness],
  ] as const)("stamps every output sheet's title and starts the Run log (%s)", async (_name, make) => {
    const h = await withSample(make);
    await runAndWrite(h.port, "Ann Lee", T1);
    const s = await session(h.port);
    expect(s.read.runLog).toHaveLength(1);
    const entry = s.read.runLog[0];
    expect(entry).toMatchObject({
      event: "run",
      at: "2026-12-01T14:03:00Z",
      by: "Ann Lee",
      scenario: "",
      fingerprint: s.fingerprint().value,
      balanced: true,
    });
    const short = s.fingerprint().value.slice(0, 12);
    // The working sheets carry the stamp in their titles; the committee pack's sheets leave it to the pack's cover and note.
    for (const sheet of ["Summary", "Allocations", "Trace"]) {
      const title = h.snapshot().find((x) => x.name === sheet)?.cells["0,0"]?.v;
      expect(title, sheet).toMatch(new RegExp(`run 1 Dec 2026 14:03 UTC, inputs ${short}$`));
    }
    for (const sheet of ["Committee summary", "Budget check", "Scenario comparison", "Charts"]) {
      const title = h.snapshot().find((x) => x.name === sheet)?.cells["0,0"]?.v;
      expect(String(title), sheet).not.toContain(short);
    }
    expect(staleness(s).kind).toBe("current");
    expect(stalenessWarnings(staleness(s))).toEqual([]);
  });

  it("only grows: a second run keeps the first entry as it was and adds one", async () => {
    const h = await withSample();
    await runAndWrite(h.port, "Ann Lee", T1);
    const first = (await session(h.port)).read.runLog;
    await runAndWrite(h.port, "Bob Roy", T2);
    const log = (await session(h.port)).read.runLog;
    expect(log).toHaveLength(2);
    expect(log[0]).toEqual(first[0]);
    expect(log[1]).toMatchObject({ by: "Bob Roy", at: "2026-12-02T09:30:00Z" });
  });
});

describe("stale results", () => {
  it.each([
    ["in memory", memoryHarness],
    ["through Office.js", officeHarness],
  ] as const)("an input edited after the run makes the results stale and names the table (%s)", async (_name, make) => {
    const h = await withSample(make);
    await runAndWrite(h.port, "Ann Lee", T1);
    h.type(firstAmountCell(await session(h.port)), 1_234_567);
    const s = await session(h.port);
    const st = staleness(s);
    expect(st.kind).toBe("stale");
    if (st.kind !== "stale") return;
    expect(st.changed).toEqual(["Costs"]);
    expect(stalenessWarnings(st)).toEqual([
      "These results are out of date: Costs changed since the run on 1 Dec 2026 14:03 UTC. Run the model again before relying on them.",
    ]);
  });

  it("an input edited into an error still says the results are stale (the command line lists both)", async () => {
    const t = await tempDir();
    try {
      const file = t.file("m.xlsx");
      expect((await cli(["--sample", SAMPLE.id, file])).code).toBe(0);
      expect((await cli([file])).code).toBe(0);
      const opened = await openWorkbook(file);
      if (!opened.ok) throw new Error("open");
      const port = createStorePort(opened.value.store);
      const address = firstAmountCell(await session(port));
      const [sheet = "", cell = ""] = address.split("!");
      const ws = opened.value.store.workbook.getWorksheet(sheet);
      if (ws === undefined) throw new Error(sheet);
      ws.getCell(cell).value = "lots";
      await opened.value.store.workbook.xlsx.writeFile(file);
      const r = await cli([file, "--check"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${address}: Cost line`);
      expect(r.stderr).toMatch(/warning: These results are out of date: Costs changed since the run on/);
    } finally {
      await t.cleanup();
    }
  });
});

describe("sign-off", () => {
  it("records an approval of the latest run, and a later change is reported against it", async () => {
    const h = await withSample();
    await runAndWrite(h.port, "Ann Lee", T1);
    const signed = await signOffWorkbook(h.port, { by: "Jane Smith, s151 officer", now: T2 });
    if (!signed.ok) throw new Error(signed.message);
    const s = await session(h.port);
    expect(s.read.runLog.map((e) => [e.event, e.by, e.fingerprint])).toEqual([
      ["run", "Ann Lee", s.fingerprint().value],
      ["sign-off", "Jane Smith, s151 officer", s.fingerprint().value],
    ]);
    expect(staleness(s)).toMatchObject({ kind: "current", signOff: { kind: "current" } });
    expect(runStatus(s)).toMatchObject({ kind: "signedOff", signOff: { by: "Jane Smith, s151 officer" } });
    h.type(firstAmountCell(s), 42);
    const after = await session(h.port);
    expect(stalenessWarnings(staleness(after))).toEqual([
      "The inputs changed since sign-off by Jane Smith, s151 officer on 2 Dec 2026 09:30 UTC: Costs. These results, from the run " +
        "on 1 Dec 2026 14:03 UTC, are out of date: run the model again and have the new run signed off.",
    ]);
    expect(runStatusNotice(runStatus(after))?.title).toBe("Changed since sign-off");
  });

  it("records the sign-off at its own local time in the Run log, not the run's", async () => {
    const h = await withSample();
    await runAndWrite(h.port, "Ann Lee", T1);
    expect((await signOffWorkbook(h.port, { by: "Jane Smith, s151 officer", now: T2 })).ok).toBe(true);
    const log = (await session(h.port)).read.runLog;
    expect(log.map((e) => e.when)).toEqual([localWhenText(T1.toISOString()), localWhenText(T2.toISOString())]);
    expect(await verifyWorkbook(h.port)).toMatchObject({ kind: "verified" });
  });

  it("is refused when the inputs changed since the run", async () => {
    const h = await withSample();
    await runAndWrite(h.port, "Ann Lee", T1);
    h.type(firstAmountCell(await session(h.port)), 42);
    const signed = await signOffWorkbook(h.port, { by: "Jane Smith, s151 officer", now: T2 });
    expect(signed).toMatchObject({
      ok: false,
      message:
        "Not signed off: The inputs changed since the run on 1 Dec 2026 14:03 UTC (Costs): the results cannot be reproduced from them.",
    });
    expect((await session(h.port)).read.runLog.map((e) => e.event)).toEqual(["run"]);
  });
});

describe("the status of the latest run", () => {
  it("calls a fresh run current even though an older run (of other inputs) was signed off", async () => {
    const h = await withSample();
    await runAndWrite(h.port, "Ann Lee", T1);
    expect((await signOffWorkbook(h.port, { by: "Jane Smith, s151 officer", now: T2 })).ok).toBe(true);
    h.type(firstAmountCell(await session(h.port)), 42);
    await runAndWrite(h.port, "Ann Lee", T3);
    const s = await session(h.port);
    expect(runStatus(s)).toMatchObject({ kind: "current", verified: false });
    expect(stalenessWarnings(staleness(s))).toEqual([]);
  });

  it("is verified only while the verified run and its inputs stand: never 'Out of date' and 'Verified' together", async () => {
    const h = await withSample();
    await runAndWrite(h.port, "Ann Lee", T1);
    const v = await verifyWorkbook(h.port);
    if (v.kind !== "verified") throw new Error(v.kind);
    const verified = { runAt: v.runAt, fingerprint: v.fingerprint };
    expect(runStatusNotice(runStatus(await session(h.port), verified))?.title).toBe("Current and verified");
    h.type(firstAmountCell(await session(h.port)), 42);
    const after = runStatusNotice(runStatus(await session(h.port), verified));
    expect(after?.title).toBe("Out of date");
    expect(after?.text).not.toMatch(/verified/i);
  });
});

describe("the inputs fingerprint", () => {
  it("is the same through the in-memory, Office.js and exceljs adapters", async () => {
    const fps: string[] = [];
    for (const make of [memoryHarness, officeHarness]) fps.push((await session((await withSample(make)).port)).fingerprint().value);
    const t = await tempDir();
    try {
      const file = t.file("m.xlsx");
      expect((await cli(["--sample", SAMPLE.id, file])).code).toBe(0);
      const opened = await openWorkbook(file);
      if (!opened.ok) throw new Error("open");
      fps.push((await session(createStorePort(opened.value.store))).fingerprint().value);
    } finally {
      await t.cleanup();
    }
    expect(new Set(fps).size).toBe(1);
  });

  it("covers the support services only for a model that has them (so older models keep their fingerprints)", () => {
    const run = { scenario: "", compareFirst: "", compareSecond: "" };
    // Recomputed as docs/assurance.md says: nine groups without support services, ten with.
    const groups = ["Partners", "Costs", "Drivers", "Bases", "Budgets", "StatedTotals", "Outturns", "Scenarios", "Settings"] as const;
    const recompute = (m: typeof SAMPLE.model, names: readonly string[]): string => {
      const forms = canonicalTables(m, run) as Record<string, string>;
      return sha256Hex(names.map((t) => `${t}\n${forms[t] ?? ""}\n`).join(""));
    };
    // The sample has journals inputs (the Coding and Ledgers sheets) but no support services; without its service lists
    // (those have a group of their own, tested below) and its monitoring (likewise) it has the nine groups and Journals.
    const plain = { ...SAMPLE.model, partnerServices: undefined, monitoring: undefined };
    expect(fingerprintInputs(plain, run).value).toBe(recompute(plain, [...groups, "Journals"]));
    expect(fingerprintInputs(plain, run).tables.Support).toBeUndefined();
    const { journals, ...withoutJournals } = plain;
    expect(fingerprintInputs(withoutJournals, run).value).toBe(recompute(withoutJournals, groups));
    expect(fingerprintInputs(withoutJournals, run).tables.Journals).toBeUndefined();
    // A code changes the Journals group alone; a layout's column order is its upload order, so it counts.
    const recoded = {
      ...SAMPLE.model,
      journals: { ...journals!, coding: journals!.coding.map((c, i) => (i === 0 ? { ...c, account: "44001" } : c)) },
    };
    const reordered = { ...SAMPLE.model, journals: { ...journals!, columns: [...(journals!.columns ?? [])].reverse() } };
    // Posting by service or by cost line is a different journal, so the By service choice counts too.
    const byLine = {
      ...SAMPLE.model,
      journals: { ...journals!, ledgers: journals!.ledgers!.map((l) => (l.partner === "LEW" ? { ...l, byService: false } : l)) },
    };
    const before = fingerprintInputs(SAMPLE.model, run);
    for (const changed of [recoded, reordered, byLine]) {
      const after = fingerprintInputs(changed, run);
      expect(
        Object.entries(after.tables)
          .filter(([k, v]) => before.tables[k as keyof typeof before.tables] !== v)
          .map(([k]) => k),
      ).toEqual(["Journals"]);
    }
    const eks = EAST_KENT_SERVICES.model;
    const a = fingerprintInputs(eks, run);
    expect(a.value).toBe(recompute(eks, [...groups, "Support"]));
    // A usage figure or the method changes the Support group alone.
    const support = eks.support!;
    for (const changed of [
      { ...eks, support: { ...support, usage: support.usage.map((u, i) => (i === 0 ? { ...u, value: 1201 } : u)) } },
      { ...eks, support: { ...support, method: "direct" } },
    ]) {
      const b = fingerprintInputs(changed, run);
      expect(b.value).not.toBe(a.value);
      expect(
        Object.entries(b.tables)
          .filter(([k, v]) => a.tables[k as keyof typeof a.tables] !== v)
          .map(([k]) => k),
      ).toEqual(["Support"]);
    }
  });

  it("covers the partner service lists only for a model that has them, row order included", () => {
    const run = { scenario: "", compareFirst: "", compareSecond: "" };
    const groups = ["Partners", "Costs", "Drivers", "Bases", "Budgets", "StatedTotals", "Outturns", "Scenarios", "Settings"] as const;
    const recompute = (m: typeof SAMPLE.model, names: readonly string[]): string => {
      const forms = canonicalTables(m, run) as Record<string, string>;
      return sha256Hex(names.map((t) => `${t}\n${forms[t] ?? ""}\n`).join(""));
    };
    const m = SAMPLE.model;
    const rows = m.partnerServices!;
    const a = fingerprintInputs(m, run);
    expect(a.value).toBe(recompute(m, [...groups, "Services", "Journals", "Monitoring"]));
    expect(fingerprintInputs({ ...m, partnerServices: [] }, run).tables.Services).toBeUndefined();
    // A basis value, and the order of two rows (the largest-remainder tie-break favours the earlier), change Services alone.
    for (const changed of [
      { ...m, partnerServices: rows.map((r, i) => (i === 0 ? { ...r, value: 421 } : r)) },
      { ...m, partnerServices: [rows[1]!, rows[0]!, ...rows.slice(2)] },
    ]) {
      const b = fingerprintInputs(changed, run);
      expect(b.value).not.toBe(a.value);
      expect(
        Object.entries(b.tables)
          .filter(([k, v]) => a.tables[k as keyof typeof a.tables] !== v)
          .map(([k]) => k),
      ).toEqual(["Services"]);
    }
  });

  it("follows docs/assurance.md's Settings group under each recipe: run settings only in recipe 1", () => {
    const m = SAMPLE.model;
    const none = { scenario: "", compareFirst: "", compareSecond: "" };
    const next = { scenario: "", compareFirst: "", compareSecond: "Lewisham Homes joins" };
    const settings = { settings: m.settings, tolerance: m.tolerance, yearEnd: m.yearEnd };
    expect(canonicalTables(m, next).Settings).toBe(canonical(settings));
    expect(fingerprintInputs(m, next)).toEqual(fingerprintInputs(m, none));
    expect(canonicalTables(m, next, 1).Settings).toBe(canonical({ ...settings, run: next }));
    expect(fingerprintInputs(m, next, 1).value).not.toBe(fingerprintInputs(m, none, 1).value);
  });

  it("does not depend on row order, and changes with any value", () => {
    const m = SAMPLE.model;
    const run = { scenario: "", compareFirst: "", compareSecond: "" };
    const reordered = {
      ...m,
      partners: [...m.partners].reverse(),
      costLines: [...m.costLines].reverse(),
      budgets: [...(m.budgets ?? [])].reverse(),
    };
    expect(fingerprintInputs(reordered, run)).toEqual(fingerprintInputs(m, run));
    const changed = { ...m, costLines: m.costLines.map((l, i) => (i === 0 ? { ...l, description: `${l.description ?? ""}!` } : l)) };
    const a = fingerprintInputs(m, run);
    const b = fingerprintInputs(changed, run);
    expect(b.value).not.toBe(a.value);
    expect(
      Object.entries(b.tables)
        .filter(([k, v]) => a.tables[k as keyof typeof a.tables] !== v)
        .map(([k]) => k),
    ).toEqual(["Costs"]);
  });
});

/** The Settings table's cell of a run setting, as an address. */
function settingCell(s: ModelSession, key: "Run scenario" | "Compare: first" | "Compare: second"): string {
  const at = s.read.locate({ entity: "settings", key });
  if (at === undefined) throw new Error(`no ${key} cell`);
  return at.address;
}

const JOINS = "Lewisham Homes joins";

describe("the run settings and a sign-off (issue 24)", () => {
  it("choosing what the next run compares or runs leaves a signed-off run signed off; a cost still voids it", async () => {
    const h = await withSample();
    await runAndWrite(h.port, "Ann Lee", T1);
    expect((await signOffWorkbook(h.port, { by: "Jane Smith, s151 officer", now: T2 })).ok).toBe(true);
    // "Include in the next run" stores the comparison in the run settings.
    h.type(settingCell(await session(h.port), "Compare: second"), JOINS);
    expect(runStatus(await session(h.port))).toMatchObject({ kind: "signedOff", signOff: { by: "Jane Smith, s151 officer" } });
    h.type(settingCell(await session(h.port), "Run scenario"), JOINS);
    const s = await session(h.port);
    expect(runStatusNotice(runStatus(s))?.title).toBe("Signed off");
    // The recorded run (base model, no comparison) is what verification reproduces, not what the settings now ask for.
    expect(await verifyWorkbook(h.port)).toMatchObject({ kind: "verified" });
    h.type(firstAmountCell(s), 42);
    const after = runStatus(await session(h.port));
    expect(after).toMatchObject({ kind: "changedSinceSignOff", changed: ["Costs"] });
    expect(runStatusNotice(after)?.title).toBe("Changed since sign-off");
  });

  it("records a comparison of two with the run, so it verifies and signs off after the settings change", async () => {
    const h = await withSample();
    h.type(settingCell(await session(h.port), "Compare: second"), JOINS);
    await runAndWrite(h.port, "Ann Lee", T1);
    const log = (await session(h.port)).read.runLog;
    expect(log[0]).toMatchObject({ pair: ["", JOINS], recipe: 2, compared: "" });
    h.type(settingCell(await session(h.port), "Compare: second"), "");
    expect(runStatus(await session(h.port))).toMatchObject({ kind: "current" });
    expect(await verifyWorkbook(h.port)).toMatchObject({ kind: "verified" });
    expect((await signOffWorkbook(h.port, { by: "Jane Smith, s151 officer", now: T2 })).ok).toBe(true);
    expect(runStatus(await session(h.port))).toMatchObject({ kind: "signedOff" });
  });

  it("reads a log written before the recipe column (recipe 1) as it always was: its fingerprint covers the run settings", async () => {
    const h = await withSample();
    await runAndWrite(h.port, "Ann Lee", T1);
    const s = await session(h.port);
    const entry = s.read.runLog[0]!;
    const fp = entry.source!;
    const old = s.fingerprint(1);
    expect(old.value).not.toBe(s.fingerprint().value);
    // An older add-in's log: recipe-1 fingerprints and no recipe, pair or comparison columns' values.
    const cell = (col: number): string => `'${fp.sheet}'!${String.fromCharCode(65 + col)}${fp.row + 1}`;
    h.type(cell(fp.fingerprintCol), old.value);
    h.type(cell(fp.tablesCol), JSON.stringify(old.tables));
    h.type(cell(fp.fingerprintCol + 1), ""); // Fingerprint recipe, just after the full fingerprint
    const read = await session(h.port);
    expect(read.read.runLog[0]).toMatchObject({ recipe: 1, fingerprint: old.value });
    expect(runStatus(read)).toMatchObject({ kind: "current" });
    h.type(settingCell(read, "Compare: second"), JOINS);
    expect(runStatus(await session(h.port))).toMatchObject({ kind: "outOfDate", changed: ["Settings"] });
  });
});

describe("a Run log an older add-in laid out", () => {
  it("still reads and verifies: its cells are not compared with the current layout", async () => {
    const h = await withSample();
    await runAndWrite(h.port, "Ann Lee", T1);
    const s = await session(h.port);
    const e = s.read.runLog[0]!;
    const fp1 = s.fingerprint(1);
    // The old order (UTC time and full fingerprint first, no local time, recipe or pair), with recipe-1 fingerprints.
    const old = [
      ["Event", "run"],
      ["Date and time (UTC)", e.at],
      ["By", e.by],
      ["Scenario", "Base model"],
      ["Inputs fingerprint", fp1.value],
      ["Table fingerprints", JSON.stringify(fp1.tables)],
      ["Add-in version", e.version],
      ["Capital (£)", e.capital / 100],
      ["Revenue (£)", e.revenue / 100],
      ["Balanced", "Yes"],
      ["Problems", 0],
      ["Warnings", e.warnings],
      ["Compared side by side", ""],
      ["Output sheets", e.sheets],
      ["Column15", ""],
      ["Column16", ""],
      ["Column17", ""],
      ["Column18", ""],
      ["Column19", ""],
      // The table is as wide as the current layout (with the import columns): the rest blank too.
      ["Column20", ""],
      ["Column21", ""],
      ["Column22", ""],
      ["Column23", ""],
      ["Column24", ""],
    ] as const;
    old.forEach(([header, value], c) => {
      const col = String.fromCharCode(65 + c);
      h.type(`'Run log'!${col}4`, header);
      h.type(`'Run log'!${col}5`, value);
    });
    const read = await session(h.port);
    expect(read.read.runLog).toHaveLength(1);
    expect(read.read.runLog[0]).toMatchObject({ recipe: 1, fingerprint: fp1.value, at: e.at });
    expect(read.read.runLog[0]?.when).toBeUndefined();
    expect(runStatus(read)).toMatchObject({ kind: "current" });
    const v = await verifyWorkbook(h.port);
    // The result sheets' titles carry the short fingerprint of the run as written (recipe 2), so only they differ,
    // and the Journals sheet and the ledger sheets, whose every line carries the run's reference (docs/journals.md).
    if (v.kind === "differs")
      expect(
        v.differences.every(
          (d) => d.address.endsWith("!A1") || d.address.startsWith("Journals!") || d.address.startsWith("'Ledger \u2013 "),
        ),
      ).toBe(true);
    expect(v.kind === "differs" ? v.missingSheets : []).toEqual([]);
    expect(v.kind).not.toBe("cannotVerify");
  });
});

describe("the Monitoring fingerprint group", () => {
  const run = { scenario: "", compareFirst: "", compareSecond: "" };
  it("is there only for a model with monitoring inputs, and an actual changes it alone", () => {
    const m = SAMPLE.model;
    const { monitoring, ...without } = m;
    expect(monitoring).toBeDefined();
    expect(fingerprintInputs(without, run).tables.Monitoring).toBeUndefined();
    const a = fingerprintInputs(m, run);
    expect(a.tables.Monitoring).toMatch(/^[0-9a-f]{64}$/);
    const actuals = [...(monitoring?.actuals ?? [])];
    actuals[0] = { ...actuals[0]!, amount: "1.00" };
    const b = fingerprintInputs({ ...m, monitoring: { ...monitoring, actuals } }, run);
    expect(
      Object.entries(b.tables)
        .filter(([k, v]) => a.tables[k as keyof typeof a.tables] !== v)
        .map(([k]) => k),
    ).toEqual(["Monitoring"]);
  });
});
