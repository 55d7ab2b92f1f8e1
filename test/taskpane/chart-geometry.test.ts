import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chartData, layoutChart, type ChartData } from "../../src/taskpane/preview/chart-geometry";
import type { ChartSpec } from "../../src/excel";

const W = 400;
const H = 200;

const figures = fc
  .record({ series: fc.integer({ min: 1, max: 3 }), categories: fc.integer({ min: 1, max: 30 }) })
  .chain(({ series, categories }) =>
    fc.array(fc.array(fc.integer({ min: -5_000_000, max: 50_000_000 }), { minLength: series, maxLength: series }), {
      minLength: categories,
      maxLength: categories,
    }),
  )
  .map((values): ChartData => ({
    series: (values[0] ?? []).map((_, i) => `S${i}`),
    categories: values.map((_, i) => `C${i}`),
    values: values.map((line) => line.map((p) => p / 100)),
  }));

const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

describe("the preview's column chart layout", () => {
  it("keeps every column inside the plot, with the axis's ticks covering every value", () => {
    fc.assert(
      fc.property(figures, fc.constantFrom<ChartSpec["kind"]>("clustered", "stacked"), (data, kind) => {
        const l = layoutChart(data, kind, W, H);
        expect(l.bars).toHaveLength(data.categories.length * data.series.length);
        for (const b of l.bars) {
          expect(b.height).toBeGreaterThanOrEqual(0);
          expect(b.y).toBeGreaterThanOrEqual(-1e-6);
          expect(b.y + b.height).toBeLessThanOrEqual(H + 1e-6);
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width).toBeLessThanOrEqual(W + 1e-6);
        }
        expect(l.ticks.some((t) => t.value === 0 && close(t.y, l.zero))).toBe(true);
        expect(close(l.ticks[0]!.y, H)).toBe(true);
        expect(close(l.ticks[l.ticks.length - 1]!.y, 0)).toBe(true);
      }),
    );
  });

  it("draws each value to scale: a clustered column from zero, a stacked one on top of the ones before it", () => {
    fc.assert(
      fc.property(figures, (data) => {
        for (const kind of ["clustered", "stacked"] as const) {
          const l = layoutChart(data, kind, W, H);
          const [top, bottom] = [l.ticks[l.ticks.length - 1]!.value, l.ticks[0]!.value];
          const scale = H / (top - bottom);
          for (const b of l.bars) expect(close(b.height, Math.abs(b.value) * scale)).toBe(true);
          data.values.forEach((line, c) => {
            const bars = l.bars.filter((b) => b.category === c);
            if (kind === "clustered") {
              // Side by side, each touching the zero line.
              for (const b of bars) expect(close(b.value >= 0 ? b.y + b.height : b.y, l.zero)).toBe(true);
              expect(new Set(bars.map((b) => b.x)).size).toBe(bars.length);
            } else {
              // One column: the positives stack up from zero to their sum, the negatives down to theirs.
              expect(new Set(bars.map((b) => b.x)).size).toBe(1);
              const up = line.filter((v) => v > 0).reduce((s, v) => s + v, 0);
              const positives = bars.filter((b) => b.value > 0);
              if (positives.length > 0) expect(close(Math.min(...positives.map((b) => b.y)), l.zero - up * scale)).toBe(true);
              const down = line.filter((v) => v < 0).reduce((s, v) => s + v, 0);
              const negatives = bars.filter((b) => b.value < 0);
              if (negatives.length > 0) expect(close(Math.max(...negatives.map((b) => b.y + b.height)), l.zero - down * scale)).toBe(true);
            }
          });
        }
      }),
    );
  });

  it("reads a chart's figures from its data rectangle: names from the header row, categories from the first column", () => {
    const cells: Record<string, string | number> = {
      "3,0": "Year",
      "3,1": "Capital (£)",
      "3,2": "Revenue (£)",
      "4,0": "2024/25",
      "4,1": 10.5,
      "4,2": 20,
      "5,0": "2025/26",
      "5,1": "",
      "5,2": 30.25,
    };
    const spec: ChartSpec = {
      name: "SA_Chart_1",
      kind: "clustered",
      title: "t",
      data: { row: 3, col: 0, rows: 3, cols: 3 },
      from: { row: 2, col: 4 },
      to: { row: 16, col: 11 },
    };
    expect(chartData(spec, (r, c) => cells[`${r},${c}`] ?? "")).toEqual({
      series: ["Capital (£)", "Revenue (£)"],
      categories: ["2024/25", "2025/26"],
      values: [
        [10.5, 20],
        [0, 30.25],
      ],
    });
  });
});
