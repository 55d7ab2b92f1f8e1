import { describe, expect, it } from "vitest";
import { parseUnit, unitName } from "../../src/engine";

const at = { entity: "settings", field: "unit" } as const;

describe("rounding units: one vocabulary both ways", () => {
  it.each([
    ["penny", "the penny"],
    ["0.01", "the penny"],
    ["pound", "the pound"],
    ["1", "the pound"],
    ["thousand", "£000s"],
    ["£000", "£000s"],
    ["1000", "£000s"],
    ["5", "£5.00"],
  ])("%s reads as a unit that outputs call %s", (typed, name) => {
    const u = parseUnit(typed, at);
    if (!u.ok) throw new Error(typed);
    expect(unitName(u.value)).toBe(name);
  });
});
