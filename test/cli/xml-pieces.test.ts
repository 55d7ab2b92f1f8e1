import { describe, expect, it } from "vitest";
import { xmlPieces } from "../../src/cli/xlsx/xml-pieces";

describe("xmlPieces (a part's XML a few megabytes at a time)", () => {
  it("gives the whole text back, every piece after the first starting at a tag, multi-byte characters whole", () => {
    // 12 MiB or so: three pieces at least, with "£" and "€" (2 and 3 bytes) across the 4 MiB cuts.
    const row = (n: number): string => `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>£${n} € ✓</t></is></c></row>`;
    const xml = `<worksheet><sheetData>${Array.from({ length: 160_000 }, (_, i) => row(i + 1)).join("")}</sheetData></worksheet>`;
    const pieces = [...xmlPieces(Buffer.from(xml, "utf8"))];
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.join("")).toBe(xml);
    for (const p of pieces.slice(1)) expect(p.startsWith("<")).toBe(true);
    // Every tag whole in one piece: the tags found piece by piece are the tags of the whole.
    const count = (s: string): number => s.match(/<c r="A\d+" t="inlineStr">/g)?.length ?? 0;
    expect(pieces.reduce((n, p) => n + count(p), 0)).toBe(160_000);
  });

  it("reads a part with no tag at all, and an empty one", () => {
    expect([...xmlPieces(Buffer.from("plain text", "utf8"))].join("")).toBe("plain text");
    expect([...xmlPieces(new Uint8Array())]).toEqual([]);
  });
});
