import { describe, expect, it } from "vitest";
import { isUsageError, parseArgs } from "../../src/cli/args";
import { helpText } from "../../src/cli/help";
import { OPTIONS } from "../../src/cli/options";

/** A value each option accepts on its own (a file, a folder, a name, a number). */
function valueFor(name: string): string {
  if (name === "--pdf") return "pack.pdf";
  if (name === "--against") return "last.xlsx";
  if (name === "--sign-off") return "Jane Smith, s151 officer";
  if (["--max-unzipped", "--max-table-cells", "--pdf-timeout", "--lines", "--partners", "--years"].includes(name)) return "3";
  return "x";
}

/** The usage error, or "" when the arguments parse. */
function usage(argv: readonly string[]): string {
  const c = parseArgs(argv);
  return isUsageError(c) ? c.usage : "";
}

describe("the options table drives parsing and help", () => {
  it("lists each option once", () => {
    const names = OPTIONS.flatMap((o) => [o.name, ...(o.short === undefined ? [] : [o.short])]);
    expect(new Set(names).size).toBe(names.length);
    expect(OPTIONS.length).toBeGreaterThan(30);
  });

  it.each(OPTIONS.map((o) => [o.name, o] as const))("%s appears in --help, and so does its short name and its words", (_, o) => {
    const help = helpText();
    expect(help).toContain(o.name);
    // A short name is shown beside its option under "Run options" (-h and -v, in the usage lines, are not shown).
    if (o.short !== undefined && o.help !== undefined) expect(help).toContain(`${o.short}, ${o.name}`);
    for (const line of o.help ?? []) expect(help).toContain(line);
  });

  it.each(OPTIONS.map((o) => [o.name, o] as const))("%s parses (long and short, as --name value and --name=value)", (_, o) => {
    for (const name of [o.name, ...(o.short === undefined ? [] : [o.short])]) {
      const forms = o.value === undefined ? [[name]] : [[name, valueFor(o.name)], [`${name}=${valueFor(o.name)}`]];
      for (const form of forms) {
        // Whatever else the arguments lack, the option itself is known and its value taken.
        const u = usage(["model.xlsx", ...form]);
        expect(u).not.toMatch(/unknown option|needs a value|needs a scenario's name/);
      }
      if (o.value !== undefined) expect(usage(["model.xlsx", name])).toMatch(/needs a value|needs a scenario's name/);
      else expect(usage(["model.xlsx", `${name}=1`])).toBe(`unknown option ${name}=1.`);
    }
  });

  it("a name that is not in the table is refused", () => {
    expect(usage(["model.xlsx", "--frobnicate"])).toBe("unknown option --frobnicate.");
  });

  it("each conflict rule in the table refuses what it names, in the mode it names", () => {
    const base = { run: ["model.xlsx"], explain: ["model.xlsx", "--explain", "R1", "--partner", "P", "--year", "2021/22"] } as const;
    for (const o of OPTIONS)
      for (const r of o.refuses ?? []) {
        if (r.mode === "sample") continue;
        for (const other of r.options) {
          const give = (n: string): string[] => {
            const opt = OPTIONS.find((x) => x.name === n);
            return opt?.value === undefined ? [n] : [n, valueFor(n)];
          };
          const needs = o.requires === undefined ? [] : give(o.requires.anyOf[0] ?? "");
          const argv = [...base[r.mode], ...(r.mode === "explain" ? [] : give(o.name)), ...needs, ...give(other)];
          expect(usage(argv), argv.join(" ")).toBe(r.message(other));
        }
      }
  });
});
