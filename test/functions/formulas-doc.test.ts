import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describe, expect, it } from "vitest";

/**
 * docs/formulas.md against the functions' metadata (generated from
 * src/functions/functions.ts as the build does): it names only functions
 * that exist, and warns that every spilling function shows #SPILL! inside a
 * table ("Spilled array formulas are not supported in Excel tables":
 * https://support.microsoft.com/office/dynamic-arrays-and-spilled-array-behavior-205c6b06-03ba-4151-89a1-87a7eb36e531).
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const doc = readFileSync(`${ROOT}docs/formulas.md`, "utf8");

async function functions(): Promise<{ id: string; result?: { dimensionality?: string } }[]> {
  const generated = await generateCustomFunctionsMetadata([`${ROOT}src/functions/functions.ts`], false);
  expect(generated.errors).toEqual([]);
  return (JSON.parse(generated.metadataJson) as { functions: { id: string; result?: { dimensionality?: string } }[] }).functions;
}

describe("docs/formulas.md", () => {
  it("names only SHARED functions that exist, and documents each one", async () => {
    const ids = new Set((await functions()).map((f) => f.id));
    const named = new Set([...doc.matchAll(/SHARED\.([A-Z][A-Z0-9_.]*[A-Z0-9])/g)].map((m) => m[1] ?? ""));
    expect([...named].filter((n) => !ids.has(n))).toEqual([]);
    for (const id of ids) expect(doc, id).toContain(`## SHARED.${id}(`);
  });

  it("warns that each spilling function shows #SPILL! in a table, and recommends SHARED.SHARE and SHARED.YEARPART there", async () => {
    const note = /- \*\*Not inside a table\*\*[\s\S]*?(?=\n- \*\*|\n## )/.exec(doc)?.[0] ?? "";
    expect(note).toContain("#SPILL!");
    expect(note).toContain("`SHARED.SHARE`");
    expect(note).toContain("`SHARED.YEARPART`");
    const spilling = (await functions()).filter((f) => f.result?.dimensionality === "matrix").map((f) => f.id);
    expect(spilling.length).toBeGreaterThan(0);
    for (const id of spilling) expect(note, id).toContain(`\`SHARED.${id}\``);
  });
});
