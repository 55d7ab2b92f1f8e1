import { copyFile, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers";
import { editWorkbook, tableCell } from "./edit";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
  expect((await cli(["--sample", "brent-lewisham-southwark", t.file("base.xlsx")])).code).toBe(0);
});
afterAll(async () => {
  await t.cleanup();
});

async function broken(name: string, edit: Parameters<typeof editWorkbook>[1]): Promise<{ file: string; bytes: Buffer }> {
  const file = t.file(name);
  await copyFile(t.file("base.xlsx"), file);
  await editWorkbook(file, edit);
  return { file, bytes: await readFile(file) };
}

describe("invalid inputs", () => {
  it("lists every problem with its cell address, exits 1 and writes nothing", async () => {
    const where: Record<string, string> = {};
    const { file, bytes } = await broken("bad.xlsx", (store) => {
      const text = tableCell(store, "Costs", "Amount (£)", 0);
      text.set("lots");
      where.text = text.address;
      const pennies = tableCell(store, "Costs", "Amount (£)", 1);
      pennies.set(1000.005);
      where.pennies = pennies.address;
      const category = tableCell(store, "Costs", "Category", 2);
      category.set("sundries");
      where.category = category.address;
      const percent = tableCell(store, "Bases", "Percent", 0);
      percent.set(77);
      where.percent = percent.address;
    });
    const r = await cli([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^shared-apportion: .*bad\.xlsx: \d+ problems to fix before the model can run:$/);
    const text = lines.slice(1).join("\n");
    expect(text).toContain(`${where.text}: Cost line "BLS-01", amount: "lots" is not a number.`);
    expect(text).toMatch(new RegExp(`${where.pennies}: Cost line "[^"]+", amount: `));
    expect(text).toContain(`${where.category}: Cost line "BLS-03", category: "sundries" is not one of "capital", "revenue".`);
    expect(text).toContain(`${where.percent}: Basis "IAA", percent: percentages for basis "IAA" total 137%, not 100%.`);
    // Every problem line names its cell.
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {2}('[^']+'|[A-Za-z]+)!\$?[A-Z]+\$?\d+: /);
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it("--check lists the same problems without writing", async () => {
    const { file, bytes } = await broken("bad-check.xlsx", (store) => tableCell(store, "Costs", "Amount (£)", 0).set("lots"));
    const r = await cli([file, "--check"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n {2}Costs!F2: Cost line "BLS-01", amount: "lots" is not a number\.\n/);
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it("--json gives the problems as data on stdout", async () => {
    const { file } = await broken("bad-json.xlsx", (store) => tableCell(store, "Costs", "Amount (£)", 0).set("lots"));
    const r = await cli([file, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout) as { ok: boolean; problems: { address: string | null; message: string }[] };
    expect(json.ok).toBe(false);
    expect(json.problems[0]?.address).toMatch(/^Costs!F\d+$/);
  });

  it("--check on a good model reports no problems and exits 0", async () => {
    const r = await cli([t.file("base.xlsx"), "--check"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no problems found \(3 partners, \d+ cost lines, \d+ scenarios\)/);
  });
});

describe("values Excel cannot show, read from the file", () => {
  it('a date cell holding a serial no date can have is a located problem (no "NaN", no crash)', async () => {
    let at = "";
    const { file, bytes } = await broken("unreadable.xlsx", (store) => {
      const start = tableCell(store, "Costs", "Start", 0);
      start.set(1e20);
      at = start.address;
    });
    const r = await cli([file, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { ok: boolean; problems: { address: string | null; message: string }[] };
    expect(
      json.problems.some((p) => p.address === at),
      JSON.stringify(json.problems),
    ).toBe(true);
    for (const p of json.problems) expect(p.message).not.toContain('"NaN"');
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it("an indexed charge past the money cap is a located problem with exit 1 and JSON, not a crash (exit 70)", async () => {
    let at = "";
    const { file } = await broken("huge.xlsx", (store) => {
      const amount = tableCell(store, "Costs", "Amount (£)", 0);
      amount.set(999_999_999_999.99);
      tableCell(store, "Costs", "Indexation %", 0).set(100);
      at = amount.address;
    });
    const r = await cli([file, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { ok: boolean; problems: { address: string | null; message: string }[] };
    expect(
      json.problems.some((p) => p.address === at && p.message.includes("after pro-rating and indexation")),
      JSON.stringify(json.problems),
    ).toBe(true);
  });
});

describe("a one-off dated outside the model's years (issue #19: Costs!G6 set to 1921-09-30)", () => {
  it("runs, warns at the cell and the balancing check says what lies outside", async () => {
    let at = "";
    const { file } = await broken("outside.xlsx", (store) => {
      const start = tableCell(store, "Costs", "Start", 4);
      start.set("1921-09-30");
      at = start.address;
    });
    const r = await cli([file, "--no-write"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `warning: ${at}: Cost line "BLS-05", start: the one-off cost of £190000.00 dated 1921-09-30 falls before the model's years`,
    );
    expect(r.stdout).toMatch(
      /Balancing check: balanced: .* Outside the model's years, not charged to anyone: BLS-05 \(£190,000\.00, before\)\./,
    );
  });
});
