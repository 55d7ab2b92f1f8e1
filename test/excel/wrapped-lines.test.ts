import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpanLines, spanHeight, wrappedLines } from "../../src/excel/layout/outputs/paper";

/** Points per character of plain text and a cell's padding, as paper.ts estimates them. */
const PLAIN = 5.4;
const PADDING = 8;

/** The wrapping written the plain way (split into paragraphs and words), to check the one-pass count against. */
function byWords(text: string, perLine: number): number {
  let lines = 0;
  for (const para of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of para.split(/\s+/).filter((w) => w !== "")) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else {
        lines += used === 0 ? Math.ceil(word.length / perLine) - 1 : Math.ceil(word.length / perLine);
        used = word.length % perLine;
      }
    }
  }
  return lines;
}

describe("wrappedLines", () => {
  it("counts lines as wrapping word by word does, for any text and width (property)", () => {
    // Letters, every kind of white space JavaScript's \s knows, line feeds and a surrogate pair.
    const ch = fc.constantFrom("a", "b", "Z", "1", "£", "😀", " ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u2028");
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 200 }), fc.integer({ min: 1, max: 60 }), (chars, perLine) => {
        const text = chars.join("");
        const width = perLine * PLAIN + PADDING;
        expect(wrappedLines(text, width, undefined)).toBe(byWords(text, Math.max(1, Math.floor((width - PADDING) / PLAIN))));
      }),
      { numRuns: 2000 },
    );
  });

  it("wraps a sentence at word boundaries and breaks a word longer than a line", () => {
    const width = 10 * PLAIN + PADDING; // 10 characters a line
    expect(wrappedLines("", width, undefined)).toBe(1);
    expect(wrappedLines("one two", width, undefined)).toBe(1);
    expect(wrappedLines("one two three", width, undefined)).toBe(2);
    expect(wrappedLines("abcdefghijklmnopqrstuvwxy", width, undefined)).toBe(3);
    expect(wrappedLines("a\n\nb", width, undefined)).toBe(3);
  });
});

describe("SpanLines (a note's lines at two widths, read a piece at a time)", () => {
  it("gives spanHeight's height of the joined text, however the text is cut and carried on from a copy (property)", () => {
    const ch = fc.constantFrom("a", "b", "1", ";", "%", " ", " ", "\t", "\n", "\u00a0", "\u2003");
    const widths = fc.array(fc.integer({ min: 20, max: 200 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(ch, { maxLength: 40 }), { maxLength: 6 }), widths, fc.integer({ min: 1, max: 6 }), (parts, w, cols) => {
        const pieces = parts.map((p) => p.join(""));
        const [lead = "", ...rest] = pieces;
        // The lead read once and carried on from twice, as a statement's line-year is for each partner.
        const after = SpanLines.of(w, cols, "note").read(lead);
        for (const from of [after.copy(), SpanLines.of([1], 1, undefined).from(after)]) {
          for (const p of rest) from.read(p);
          expect(from.height()).toBe(spanHeight(pieces.join(""), w, cols, "note"));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
