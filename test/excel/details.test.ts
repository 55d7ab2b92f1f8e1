import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDetails, parseDetails } from "../../src/excel/layout/details";

describe("the Scenarios table's Details column", () => {
  it("round-trips any keys and values", () => {
    const key = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9.]{0,10}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string({ maxLength: 20 })), { maxLength: 6 }), (pairs) => {
        const r = parseDetails(formatDetails(pairs));
        expect(r).toEqual({ ok: true, pairs });
      }),
    );
  });

  it("reads what a person types and says what is wrong", () => {
    expect(parseDetails(" name = Lewisham Homes ;within=LEW; driver.tickets=2500 ")).toEqual({
      ok: true,
      pairs: [
        ["name", "Lewisham Homes"],
        ["within", "LEW"],
        ["driver.tickets", "2500"],
      ],
    });
    expect(parseDetails("")).toEqual({ ok: true, pairs: [] });
    expect(parseDetails("name").ok).toBe(false);
    expect(parseDetails('name="unclosed').ok).toBe(false);
  });
});
