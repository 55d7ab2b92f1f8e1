import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Sha256, sha256Hex } from "../../src/app/sha256";

const node = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

describe("sha256Hex", () => {
  it("gives the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("agrees with Node's crypto on any text, every padding length and non-ASCII", () => {
    for (let n = 0; n < 200; n++) expect(sha256Hex("£".repeat(n % 7) + "x".repeat(n))).toBe(node("£".repeat(n % 7) + "x".repeat(n)));
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => sha256Hex(s) === node(s)));
  });
});

describe("Sha256, a chunk at a time", () => {
  it("agrees with Node's SHA-256 however the bytes are cut", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.integer({ min: 1, max: 70 }), { minLength: 1 }), (bytes, cuts) => {
        const h = new Sha256();
        let i = 0;
        for (let k = 0; i < bytes.length; k++) {
          const n = cuts[k % cuts.length] ?? 1;
          h.update(bytes.subarray(i, i + n));
          i += n;
        }
        expect(h.hex()).toBe(createHash("sha256").update(bytes).digest("hex"));
      }),
    );
  });
});
