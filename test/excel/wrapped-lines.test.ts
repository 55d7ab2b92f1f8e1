import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrappedLines } from "../../src/excel/layout/outputs/paper";

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
