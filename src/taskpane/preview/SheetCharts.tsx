import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { a1Range } from "../../app";
import type { ChartSpec, SheetView } from "../../excel";
import { chartData, layoutChart, type ChartData } from "./chart-geometry";

// Colours from Fluent tokens are CSS variables, which SVG's presentation attributes do not read: they go in `style`.

/** Series fills, the same as the charts the command line writes (blue, then an orange that tells apart from it in greyscale). */
const FILLS = ["#2F5597", "#ED7D31", "#A5A5A5", "#70AD47"] as const;
/** The drawing's size in SVG units, and the plot area within it (room for the value axis's labels left and categories below). */
const VIEW = { width: 560, height: 300 } as const;
const PLOT = { left: 84, top: 12, right: 548, bottom: 220 } as const;
/** At most this many category labels are written; a longer axis labels every n-th category. */
const MAX_LABELS = 14;

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, margin: 0 },
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    width: "min(100%, 560px)",
  },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1 },
  svg: { display: "block", width: "100%", height: "auto" },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, listStyleType: "none", padding: 0, margin: 0 },
  key: { display: "inline-block", width: "10px", height: "10px", marginRight: tokens.spacingHorizontalXS },
});

const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const exact = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2 });

/** Props for {@link SheetCharts}. */
export interface SheetChartsProps {
  readonly view: SheetView;
}

/**
 * The charts the add-in put on a sheet, drawn as simple inline SVG column
 * charts from the cells they chart (the preview has no Excel to draw them).
 * Each is a figure captioned with the chart's title; the drawing is an image
 * whose accessible name is the title and whose description says what it
 * shows and where its figures are on the sheet.
 */
export function SheetCharts({ view }: SheetChartsProps): React.JSX.Element | null {
  const c = useStyles();
  if (view.charts.length === 0) return null;
  return (
    <section aria-label={`Charts on ${view.name}`}>
      <div className={c.list}>
        {view.charts.map((spec) => (
          <ChartFigure key={spec.name} spec={spec} data={chartData(spec, (r, col) => view.cell(r, col).value)} sheet={view.name} />
        ))}
      </div>
    </section>
  );
}

function ChartFigure({ spec, data, sheet }: { spec: ChartSpec; data: ChartData; sheet: string }): React.JSX.Element {
  const c = useStyles();
  const id = React.useId();
  const width = PLOT.right - PLOT.left;
  const height = PLOT.bottom - PLOT.top;
  const layout = layoutChart(data, spec.kind, width, height);
  const every = Math.ceil(data.categories.length / MAX_LABELS);
  const rotate = every > 1 || data.categories.some((l) => l.length > 10);
  const where = `${sheet}!${a1Range(spec.data.row, spec.data.col, spec.data.rows, spec.data.cols)}`;
  const description =
    `${spec.kind === "stacked" ? "Stacked" : "Clustered"} column chart of ${data.series.join(" and ")} ` +
    `for ${data.categories.length} ${data.categories.length === 1 ? "category" : "categories"}; the figures are in ${where}.`;
  return (
    <figure className={c.figure} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className={c.caption}>
        {spec.title}
      </figcaption>
      <svg
        className={c.svg}
        // Rotated category labels need the room below the plot; level ones need a line of it.
        viewBox={`0 0 ${VIEW.width} ${rotate ? VIEW.height : PLOT.bottom + 24}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        data-chart={spec.name}
      >
        <title id={`${id}-title`}>{spec.title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g transform={`translate(${PLOT.left} ${PLOT.top})`} fontSize="11" style={{ fill: tokens.colorNeutralForeground2 }}>
          {layout.ticks.map((t) => (
            <g key={t.value}>
              <line x1={0} x2={width} y1={t.y} y2={t.y} strokeWidth={1} style={{ stroke: tokens.colorNeutralStroke2 }} />
              <text x={-6} y={t.y + 4} textAnchor="end">
                {money.format(t.value)}
              </text>
            </g>
          ))}
          {layout.bars.map((b) => (
            <rect
              key={`${b.category}-${b.series}`}
              x={b.x}
              y={b.y}
              width={b.width}
              height={b.height}
              fill={FILLS[b.series % FILLS.length]}
              data-series={b.series}
            >
              <title>{`${data.categories[b.category] ?? ""}, ${data.series[b.series] ?? ""}: ${exact.format(b.value)}`}</title>
            </rect>
          ))}
          <line x1={0} x2={width} y1={layout.zero} y2={layout.zero} strokeWidth={1} style={{ stroke: tokens.colorNeutralForeground3 }} />
          {layout.centres.map((x, i) =>
            i % every === 0 ? (
              <text
                key={i}
                x={x}
                y={height + 14}
                textAnchor={rotate ? "end" : "middle"}
                transform={rotate ? `rotate(-35 ${x} ${height + 14})` : undefined}
              >
                {data.categories[i]}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      <ul className={c.legend} aria-label="Legend">
        {data.series.map((s, i) => (
          <li key={s}>
            <Caption1>
              <span className={c.key} style={{ backgroundColor: FILLS[i % FILLS.length] }} aria-hidden="true" />
              {s}
            </Caption1>
          </li>
        ))}
      </ul>
    </figure>
  );
}
