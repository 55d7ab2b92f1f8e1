import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EAST_KENT_HOUSING, ONESOURCE } from "../../src/samples";
import { cli, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
  for (const s of [EAST_KENT_HOUSING, ONESOURCE]) {
    const made = await cli(["--sample", s.id, t.file(`${s.id}.xlsx`)]);
    if (made.code !== 0) throw new Error(made.stderr);
  }
});
afterAll(async () => {
  await t.cleanup();
});

interface ExitJson {
  exits: {
    partner: string;
    chargedUntil: string;
    statement: { year: string; line: string; rule: string; committed: string; exitCost: string; owes: string }[];
    harm: { partner: string; year: string; category: string; change: string }[];
    whole: { year: string; after: string; leaver: string; remaining: string }[];
  }[];
}
interface DisputesJson {
  disputes: { ref: string; status: string; held: string; recovery: { partner: string; credit: string }[] | null }[];
  balancing: { held: string; recovered: string };
}

describe("leaving and disputes from the command line (East Kent Housing, docs/exits.md)", () => {
  it("--json carries exit and disputes sections, money as exact strings", async () => {
    const r = await cli([t.file(`${EAST_KENT_HOUSING.id}.xlsx`), "--json", "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { exit: ExitJson; disputes: DisputesJson };
    const thanet = json.exit.exits[0];
    expect(thanet?.partner).toBe("TDC");
    expect(thanet?.statement.find((s) => s.line === "EKH-03" && s.year === "2022/23")).toMatchObject({
      rule: "committed",
      committed: "15445.21",
      owes: "15445.21",
    });
    expect(thanet?.statement.find((s) => s.exitCost !== "0.00")).toMatchObject({ year: "2021/22", exitCost: "135000.00" });
    expect(thanet?.harm.find((h) => h.partner === "CCC" && h.year === "2022/23" && h.category === "revenue")?.change).toBe("1684.93");
    // Pence as whole numbers: the leaver's statement and the remaining partners add up to the whole, year by year.
    const pence = (text: string): bigint => BigInt(text.replace(".", ""));
    for (const w of thanet?.whole ?? []) expect(pence(w.leaver) + pence(w.remaining)).toBe(pence(w.after));
    expect(json.disputes.balancing).toMatchObject({ held: "2000.00", recovered: "15000.00" });
    const credits = json.disputes.disputes.find((d) => d.ref === "D-01")?.recovery?.map((x) => x.credit);
    expect(credits).toEqual(["3750.00", "3750.00", "3750.00", "3750.00"]);
    expect(r.stderr).toBe("");
  });

  it("a model without leavers or disputes has null sections", async () => {
    const r = await cli([t.file(`${ONESOURCE.id}.xlsx`), "--json", "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { exit: unknown; disputes: unknown };
    expect(json.exit).toBeNull();
    expect(json.disputes).toBeNull();
  });

  it("says what the exit costs in the text report", async () => {
    const r = await cli([t.file(`${EAST_KENT_HOUSING.id}.xlsx`), "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Exit: TDC leaves on 31 March 2022");
    expect(r.stdout).toContain("£2,000.00 held in open disputes");
  });
});
