import type { CellValue, ChartSpec } from "../../excel";

/** A chart's figures as read from its data rectangle: series names, category labels, and values (0 for a cell that is not a number). */
export interface ChartData {
  readonly series: readonly string[];
  readonly categories: readonly string[];
  /** values[category][series] */
  readonly values: readonly (readonly number[])[];
}

/** One column (or one segment of a stacked column) in chart units: x and width across, y and height down from the top. */
export interface Bar {
  readonly series: number;
  readonly category: number;
  readonly value: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A value-axis tick: its value and its y. */
export interface Tick {
  readonly value: number;
  readonly y: number;
}

/** Where a chart's columns, ticks and category labels go, in a `width` × `height` plot area. */
export interface ChartLayout {
  readonly bars: readonly Bar[];
  readonly ticks: readonly Tick[];
  /** The x of each category's centre. */
  readonly centres: readonly number[];
  /** The y of the value 0. */
  readonly zero: number;
}

/** The figures of a chart from the cells of its data rectangle (`cell(row, col)` reads the sheet). */
export function chartData(spec: ChartSpec, cell: (row: number, col: number) => CellValue): ChartData {
  const { row, col, rows, cols } = spec.data;
  const series: string[] = [];
  for (let c = 1; c < cols; c++) series.push(String(cell(row, col + c)));
  const categories: string[] = [];
  const values: number[][] = [];
  for (let r = 1; r < rows; r++) {
    categories.push(String(cell(row + r, col)));
    const line: number[] = [];
    for (let c = 1; c < cols; c++) {
      const v = cell(row + r, col + c);
      line.push(typeof v === "number" && Number.isFinite(v) ? v : 0);
    }
    values.push(line);
  }
  return { series, categories, values };
}

/** A round step (1, 2 or 5 × a power of ten) giving at most `count` intervals over `span`. */
function niceStep(span: number, count: number): number {
  if (span <= 0) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step ?? 10 * power;
}

/**
 * Lays a column chart out in a plot area: clustered columns side by side in
 * each category, or stacked (positive values up from 0, negative ones down),
 * on a value axis from a round number at or below the smallest value (or 0)
 * to one at or above the largest.
 */
export function layoutChart(data: ChartData, kind: ChartSpec["kind"], width: number, height: number): ChartLayout {
  let lo = 0;
  let hi = 0;
  for (const line of data.values) {
    if (kind === "stacked") {
      hi = Math.max(
        hi,
        line.reduce((s, v) => s + Math.max(0, v), 0),
      );
      lo = Math.min(
        lo,
        line.reduce((s, v) => s + Math.min(0, v), 0),
      );
    } else {
      for (const v of line) {
        hi = Math.max(hi, v);
        lo = Math.min(lo, v);
      }
    }
  }
  const step = niceStep(hi - lo, 5);
  // Ticks as whole multiples of the step (no running sum, so the zero tick is exactly 0); an all-zero chart gets one step.
  const last = Math.max(Math.ceil(hi / step), Math.floor(lo / step) === 0 ? 1 : 0);
  const first = Math.floor(lo / step);
  const top = last * step;
  const bottom = first * step;
  const y = (v: number): number => ((top - v) / (top - bottom)) * height;
  const ticks: Tick[] = [];
  for (let k = first; k <= last; k++) ticks.push({ value: k * step, y: y(k * step) });
  const n = Math.max(1, data.categories.length);
  const band = width / n;
  const inner = band * (kind === "stacked" ? 0.6 : 0.7);
  const perSeries = kind === "stacked" ? inner : inner / Math.max(1, data.series.length);
  const bars: Bar[] = [];
  const centres: number[] = [];
  data.values.forEach((line, category) => {
    const left = category * band + (band - inner) / 2;
    centres.push(category * band + band / 2);
    let up = 0;
    let down = 0;
    line.forEach((value, series) => {
      const x = kind === "stacked" ? left : left + series * perSeries;
      let from: number;
      let to: number;
      if (kind === "stacked") {
        from = value >= 0 ? up : down;
        to = from + value;
        if (value >= 0) up = to;
        else down = to;
      } else {
        from = 0;
        to = value;
      }
      const y0 = y(Math.max(from, to));
      bars.push({ series, category, value, x, y: y0, width: perSeries, height: y(Math.min(from, to)) - y0 });
    });
  });
  return { bars, ticks, centres, zero: y(0) };
}
