// A chart of a report, drawn by uPlot (a small canvas charting library, ~22 kB gzipped), loaded
// with a dynamic import() on first use so it lands in its own chunk and only this screen pays
// for it. The chart is a picture of the table beside it: hidden from screen readers (the table
// says the same), and left out where there is no canvas (jsdom in tests, a failed load), where
// the table alone remains. X is a category axis (months): index 0…n-1 labelled by `labels`.
import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  color: string;
  /** Dashed line (a target, an expected amount): told apart by its pattern, not its colour alone. */
  dash?: number[];
  bars?: boolean;
}

export interface ChartProps {
  /** Named for the picture; the figures are in the table. */
  title: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Suffix of the values on the axis and in the legend: ' %', ' h', ' j'. */
  unit?: string;
  /** The y axis goes at least this high (e.g. 100 for a rate), so a target line is in view. */
  yMin?: number;
}

/** Colours readable on white with a 3:1 contrast at least, one per series in order. */
export const CHART_COLORS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490'] as const;

const HEIGHT = 260;

/** A real browser can draw: canvas 2D exists (jsdom has no canvas). */
export function canDrawCharts(): boolean {
  return typeof window !== 'undefined' && typeof window.CanvasRenderingContext2D === 'function' && typeof window.ResizeObserver === 'function';
}

let loading: Promise<typeof uPlot> | undefined;

/** uPlot and its stylesheet, fetched once, on the first chart drawn. */
function loadUPlot(): Promise<typeof uPlot> {
  loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default);
  return loading;
}

const number = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1).replace('.', ','));

function options(UPlot: typeof uPlot, p: ChartProps, width: number): uPlot.Options {
  const unit = p.unit ?? '';
  const bars = UPlot.paths.bars?.({ size: [0.6, 48] });
  const font = '14px system-ui, sans-serif';
  return {
    width,
    height: HEIGHT,
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: false, range: [-0.5, Math.max(0.5, p.labels.length - 0.5)] },
      y: { range: (_u, _min, max) => [0, Math.max(p.yMin ?? 1, Math.ceil((max || 0) * 1.1))] },
    },
    axes: [
      { font, splits: () => p.labels.map((_, i) => i), values: (_u, splits) => splits.map((i) => p.labels[i] ?? '') },
      { font, size: 64, values: (_u, splits) => splits.map((v) => `${number(v)}${unit}`) },
    ],
    series: [
      { label: 'Mois', value: (_u, i) => (i == null ? '' : p.labels[i] ?? '') },
      ...p.series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: 2,
        ...(s.dash ? { dash: s.dash } : {}),
        ...(s.bars && bars ? { paths: bars, fill: `${s.color}66`, points: { show: false } } : { points: { show: true, size: 8 } }),
        value: (_u: uPlot, v: number | null) => (v == null ? '—' : `${number(v)}${unit}`),
      })),
    ],
  };
}

export function Chart(props: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const drawable = canDrawCharts();
  // Redraw when the figures change, not on every render of the page.
  const key = JSON.stringify([props.labels, props.series, props.unit, props.yMin]);
  useEffect(() => {
    const el = host.current;
    if (!drawable || el === null) return undefined;
    let alive = true;
    let plot: uPlot | undefined;
    let observer: ResizeObserver | undefined;
    loadUPlot().then((UPlot) => {
      if (!alive) return;
      const data: uPlot.AlignedData = [props.labels.map((_, i) => i), ...props.series.map((s) => [...s.values])];
      plot = new UPlot(options(UPlot, props, Math.max(280, el.clientWidth)), data, el);
      // Follows the tablet turned, or the page resized.
      observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }));
      observer.observe(el);
    }, () => { if (alive) setFailed(true); });
    return () => { alive = false; observer?.disconnect(); plot?.destroy(); };
  }, [key, drawable]);
  if (!drawable || failed) return null;
  return <div class="report-chart" ref={host} aria-hidden="true" data-title={props.title} />;
}
