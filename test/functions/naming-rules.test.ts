import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describe, expect, it } from "vitest";

/**
 * Microsoft's naming rules for custom functions, checked on the metadata
 * custom-functions-metadata generates from src/functions/functions.ts (what
 * the build writes to functions.json): "Both [id and name] must start with a
 * letter and be at least three characters"; an id uses only A–Z, 0–9,
 * underscore and period; a name must not look like a cell reference
 * (A1 to XFD1048576, or R1C1 style)
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming).
 */

const SOURCE = fileURLToPath(new URL("../../src/functions/functions.ts", import.meta.url));

interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
}

async function metadata(): Promise<FunctionMetadata[]> {
  const generated = await generateCustomFunctionsMetadata([SOURCE], false);
  expect(generated.errors).toEqual([]);
  return (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
}

/** True for A1 to XFD1048576, or R1C1 to R1048576C16384 (case-insensitive). */
function looksLikeCell(name: string): boolean {
  const a1 = /^([A-Z]{1,3})(\d{1,7})$/i.exec(name);
  if (a1) {
    const col = [...(a1[1] ?? "").toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(a1[2]);
    return col <= 16_384 && row >= 1 && row <= 1_048_576;
  }
  const r1c1 = /^R(\d{1,7})C(\d{1,5})$/i.exec(name);
  return r1c1 !== null && Number(r1c1[1]) >= 1 && Number(r1c1[1]) <= 1_048_576 && Number(r1c1[2]) >= 1 && Number(r1c1[2]) <= 16_384;
}

describe("custom function names follow Microsoft's rules", () => {
  it("gives every id and name at least three characters, starting with a letter", async () => {
    const bad = (await metadata()).flatMap((f) => [f.id, f.name]).filter((n) => n.length < 3 || !/^[A-Za-z]/.test(n));
    expect(bad).toEqual([]);
  });

  it("uses only A-Z, 0-9, underscore and period in ids, and the id as the name", async () => {
    for (const f of await metadata()) {
      expect(f.id).toMatch(/^[A-Z0-9_.]+$/);
      expect(f.name).toBe(f.id);
    }
  });

  it("has no name that Excel would read as a cell reference", async () => {
    expect(looksLikeCell("FY1")).toBe(true);
    expect(looksLikeCell("R1C1")).toBe(true);
    expect(looksLikeCell("SHARE")).toBe(false);
    expect((await metadata()).filter((f) => f.name.split(".").some(looksLikeCell)).map((f) => f.name)).toEqual([]);
  });
});
