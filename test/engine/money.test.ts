import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney, parseUnit, penceToText } from "../../src/engine";

const at = { entity: "argument", field: "amount" } as const;

describe("money", () => {
  it("reads amounts exactly as pence, including the doubles nearest decimal inputs", () => {
    expect(parseMoney(0.1, at)).toEqual({ ok: true, value: 10 });
    expect(parseMoney(0.07, at)).toEqual({ ok: true, value: 7 });
    expect(parseMoney("£1,234.56", at)).toEqual({ ok: true, value: 123456 });
    expect(parseMoney(1_000_000_000_000, at)).toEqual({ ok: true, value: 100_000_000_000_000 });
    expect(parseMoney(-17000, at)).toEqual({ ok: true, value: -1_700_000 });
  });

  it("rejects sub-penny, oversize and non-numeric amounts with the right kind", () => {
    const kind = (x: unknown): string | undefined => {
      const r = parseMoney(x as string, at);
      return r.ok ? undefined : r.errors[0]?.kind;
    };
    expect(kind(0.001)).toBe("amountPrecision");
    expect(kind(1_000_000_000_000.01)).toBe("amountTooLarge");
    expect(kind("twelve")).toBe("notANumber");
    expect(kind("")).toBe("missingValue");
    expect(kind(Number.NaN)).toBe("notANumber");
  });

  it("reads rounding units as words or amounts", () => {
    expect(parseUnit(undefined, at)).toEqual({ ok: true, value: 1 });
    expect(parseUnit(1, at)).toEqual({ ok: true, value: 100 });
    expect(parseUnit(1000, at)).toEqual({ ok: true, value: 100_000 });
    expect(parseUnit("£000", at)).toEqual({ ok: true, value: 100_000 });
    for (const bad of [0, -1, 0.001, "fish"]) expect(parseUnit(bad, at).ok).toBe(false);
  });

  it("formats en-GB and round-trips through text", () => {
    expect(formatMoney(123456)).toBe("£1,234.56");
    expect(formatMoney(-5)).toBe("-£0.05");
    expect(formatMoney(100_000_000_000_000)).toBe("£1,000,000,000,000.00");
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000_000_000, max: 100_000_000_000_000 }), (p) => {
        const back = parseMoney(penceToText(p), at);
        return back.ok && back.value === p;
      }),
      { numRuns: 1000 },
    );
  });
});

describe("formatMoney agrees with the platform's en-GB currency format", () => {
  it("for any amount up to £1 trillion", () => {
    const gb = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000_000_000, max: 100_000_000_000_000 }), (p) => {
        // Intl formats a double; pence/100 is the nearest double to the 2-dp value, which Intl rounds back exactly.
        return formatMoney(p) === gb.format(p / 100).replace("−", "-");
      }),
      { numRuns: 1000 },
    );
  });
});
