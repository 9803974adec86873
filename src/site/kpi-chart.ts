import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

/** One line of a chart: a label and a value per quarter. */
export interface ChartSeries {
  label: string;
  values: number[];
}

/** A line chart drawn at build time: the paths and axis ticks an SVG needs, in its own coordinates. */
export interface LineChart {
  width: number;
  height: number;
  lines: { label: string; d: string; points: { x: number; y: number }[] }[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

const width = 640;
const height = 240;
const margin = { top: 12, right: 16, bottom: 28, left: 44 };

/** Lays out `series` over `quarters`; `share` draws 0–1 values as percentages on a 0–100 % axis. */
export function lineChart(quarters: readonly string[], series: readonly ChartSeries[], share = false): LineChart {
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  const x = scalePoint<string>()
    .domain(quarters)
    .range([plot.left, plot.right])
    .padding(quarters.length === 1 ? 1 : 0.2);
  const top = share ? 1 : Math.max(1, ...series.flatMap((s) => s.values));
  const y = scaleLinear().domain([0, top]).range([plot.bottom, plot.top]).nice();
  const draw = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y);
  // Ten quarters at most are labelled, evenly, so labels never overlap.
  const every = Math.ceil(quarters.length / 10);
  return {
    width,
    height,
    plot,
    lines: series.map((s) => {
      const points = s.values.map((value, at) => ({ x: round(x(quarters[at]!)!), y: round(y(value)) }));
      return { label: s.label, d: draw(points) ?? '', points };
    }),
    xTicks: quarters.flatMap((quarter, at) => (at % every === 0 ? [{ x: round(x(quarter)!), label: quarter }] : [])),
    yTicks: y.ticks(4).map((value) => ({ y: round(y(value)), label: share ? `${Math.round(value * 100)} %` : String(value) })),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
