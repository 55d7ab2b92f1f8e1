import { describe, expect, it } from "vitest";
import { formatDifference, formatExactPounds, formatPercentText } from "../../src/taskpane/format";

describe("task pane formatting", () => {
  it("shows the engine's exact decimals with the sign before the £ and thousands grouped", () => {
    expect(formatExactPounds("2040952.3809523809…")).toBe("£2,040,952.3809523809…");
    expect(formatExactPounds("-0.0009523809…")).toBe("-£0.0009523809…");
    expect(formatExactPounds("+0.01")).toBe("+£0.01");
    expect(formatExactPounds("9600000")).toBe("£9,600,000");
  });
  it("signs differences and marks percentages", () => {
    expect(formatDifference(2_555_556)).toBe("+£25,555.56");
    expect(formatDifference(-5)).toBe("-£0.05");
    expect(formatDifference(0)).toBe("£0.00");
    expect(formatPercentText("-6.25")).toBe("-6.25%");
    expect(formatPercentText(undefined)).toBe("–");
  });
});
