import { describe, expect, it } from "vitest";
import { fitName, GENERATED_NAME_BYTES, nameBytes } from "../../src/cli/fs/file-names";
import { tempPath } from "../../src/cli/fs/temp-files";
import { lockPath } from "../../src/cli/fs/write-lock";
import { statementStem } from "../../src/cli/statements-command";
import { ooxmlEscape, replaceUnstorable, unstorableCharacter } from "../../src/cli/xlsx/ooxml-text";
import { basename } from "node:path";

describe("file names shortened to fit the file system", () => {
  it("a name that fits is kept; a longer one is cut at a character, hashed, its extension kept, the same every time", () => {
    expect(fitName("pack.pdf", 255)).toBe("pack.pdf");
    const long = `${"é".repeat(200)}.pdf`;
    const fitted = fitName(long, 100);
    expect(nameBytes(fitted)).toBeLessThanOrEqual(100);
    expect(fitted).toMatch(/^é+~[0-9a-f]{8}\.pdf$/);
    expect(fitName(long, 100)).toBe(fitted);
    expect(fitName(`${"é".repeat(199)}x.pdf`, 100)).not.toBe(fitted);
  });

  it("a statement's name fits with room for its temporary file; two long ids sharing a beginning stay apart", () => {
    const a = statementStem(`${"A".repeat(300)}1`, new Set());
    const b = statementStem(`${"A".repeat(300)}2`, new Set());
    expect(a).not.toBe(b);
    for (const s of [a, b]) expect(nameBytes(`${s}.xlsx`)).toBeLessThanOrEqual(GENERATED_NAME_BYTES);
    expect(statementStem("BRE", new Set())).toBe("BRE recharge statement");
    expect(statementStem("bre", new Set(["bre recharge statement"]))).toBe("bre recharge statement (2)");
  });

  it("the temporary and lock files of a 250-byte name still fit 255 bytes", () => {
    const target = `/tmp/${"x".repeat(246)}.pdf`;
    expect(nameBytes(basename(tempPath(target)))).toBeLessThanOrEqual(255);
    expect(nameBytes(basename(lockPath(target)))).toBeLessThanOrEqual(255);
  });
});

describe("text XML cannot hold", () => {
  it("is found with its position and code point", () => {
    expect(unstorableCharacter("ok\tline\nbreak\r")).toBeUndefined();
    expect(unstorableCharacter("😀 fine")).toBeUndefined();
    expect(unstorableCharacter("ab\uFFFF")).toEqual({ position: 3, code: "U+FFFF" });
    expect(unstorableCharacter("😀\uDC00")).toEqual({ position: 2, code: "U+DC00" });
    expect(unstorableCharacter("\u0000")).toEqual({ position: 1, code: "U+0000" });
  });

  it("is escaped as OOXML does, a literal escape's underscore too; or replaced where OOXML has no escape", () => {
    expect(ooxmlEscape("a\uFFFFb\u0001_x0041_ 😀")).toBe("a_xFFFF_b_x0001__x005F_x0041_ 😀");
    expect(ooxmlEscape("plain_text")).toBe("plain_text");
    expect(replaceUnstorable("a\uFFFEb\uD800")).toBe("a\uFFFDb\uFFFD");
  });
});
