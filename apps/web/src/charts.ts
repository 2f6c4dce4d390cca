import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, ToolboxComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { captionedPng, downloadDataUrl } from './chart-png';
import type { ChartSnapshot, PngCaption } from './chart-snapshot';
import { categoryAxisHeight, legendRows, readableOption } from './chart-readability';
import { h } from './dom';
import type { Formats } from './format';
import { helpMark } from './widgets';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  ScatterChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** One palette for every chart, so a canteen or a quadrant keeps its colour across pages. */
export const PALETTE = ['#15803d', '#2563eb', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#65a30d', '#db2777', '#4b5563', '#0d9488'];
export const COLOURS = { actual: '#15803d', forecast: '#2563eb', band: '#93c5fd', warn: '#d97706', bad: '#dc2626', muted: '#9ca3af' };
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

export type ChartOption = echarts.EChartsCoreOption;

/** A donut's slice labels and tooltip in the page's formats: the share as every share on the page, the value as `value` writes it. */
export function donutText(f: Formats, value: (value: number) => string) {
  const share = (percent: number) => f.pct(percent / 100);
  return {
    label: { formatter: (slice: { name: string; percent: number }) => `${slice.name}\n${share(slice.percent)}` },
    tooltip: { trigger: 'item', formatter: (slice: { name: string; value: number; percent: number }) => `${slice.name}: ${value(slice.value)} (${share(slice.percent)})` },
  };
}

/** Daily actuals against the stored forecast's median and its p10–p90 band (labels already translated). */
export function forecastBandOption(
  rows: readonly { date: string; actual: number | null; p10: number | null; p50: number | null; p90: number | null }[],
  labels: { band: string; forecast: string; actual: string },
  closed: readonly { date: string; label: string }[] = [],
): ChartOption {
  // A closed day without covers is a day of its own on the axis, left empty so the lines break there, and shaded with its name.
  const served = new Set(rows.filter((row) => row.actual !== null && row.actual > 0).map((row) => row.date));
  const shut = closed.filter((day) => !served.has(day.date));
  const known = new Set(rows.map((row) => row.date));
  const days = [...rows, ...shut.filter((day) => !known.has(day.date)).map((day) => ({ date: day.date, actual: null, p10: null, p50: null, p90: null }))].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const lone = (index: number) => (days[index - 1]?.p50 ?? null) === null && (days[index + 1]?.p50 ?? null) === null;
  const loneBands = days.flatMap((row, index) => (lone(index) && row.p10 !== null && row.p90 !== null ? [{ date: row.date, p10: row.p10, p90: row.p90 }] : []));
  return {
    legend: { top: 4, left: 8, data: [labels.band, labels.forecast, labels.actual] },
    xAxis: { type: 'category', data: days.map((row) => row.date), boundaryGap: false },
    yAxis: { type: 'value' },
    series: [
      // The band is p10 plus a stacked, filled (p90 - p10) on top of it.
      { name: 'p10', type: 'line', data: days.map((row) => row.p10), stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false } },
      {
        name: labels.band,
        type: 'line',
        data: days.map((row) => (row.p90 === null || row.p10 === null ? null : row.p90 - row.p10)),
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: COLOURS.band, opacity: 0.45 },
        color: COLOURS.band,
        // A lone day's band has no neighbour to fill towards: it stands as a bar from p10 to p90, toggled with the band,
        // drawn under the lines (z 1 against their 2) so the day's median and actual stay visible on it.
        markLine: {
          silent: true,
          z: 1,
          symbol: ['none', 'none'],
          label: { show: false },
          lineStyle: { color: COLOURS.band, width: 8, type: 'solid', opacity: 0.8, cap: 'butt' },
          data: loneBands.map((day) => [{ coord: [day.date, day.p10] }, { coord: [day.date, day.p90] }]),
        },
      },
      {
        name: labels.forecast,
        type: 'line',
        data: days.map((row) => row.p50),
        // a day with empty days either side draws no line: its point must show, or the forecast is lost
        symbol: (_value: unknown, point: { dataIndex: number }) => (lone(point.dataIndex) ? 'circle' : 'none'),
        symbolSize: 4,
        lineStyle: { type: 'dashed' },
        color: COLOURS.forecast,
      },
      {
        name: labels.actual,
        type: 'line',
        data: days.map((row) => row.actual),
        color: COLOURS.actual,
        symbolSize: 4,
        markArea: {
          itemStyle: { color: COLOURS.muted, opacity: 0.18 },
          label: { position: 'insideTop', color: '#4b5563', fontSize: 11 },
          data: closedRuns(
            days.map((row) => row.date),
            shut,
          ).map((run) => [{ name: run.label, xAxis: run.from }, { xAxis: run.to }]),
        },
      },
    ],
  };
}

/**
 * Runs of consecutive closed days on the axis, each shaded from the day before it to the day after
 * (the stretch where the line breaks), named by its first day.
 */
function closedRuns(dates: readonly string[], closed: readonly { date: string; label: string }[]): { from: string; to: string; label: string }[] {
  const labelOf = new Map(closed.map((day) => [day.date, day.label]));
  const runs: { from: string; to: string; label: string }[] = [];
  for (let index = 0; index < dates.length; index++) {
    const label = labelOf.get(dates[index]);
    if (label === undefined) continue;
    let end = index;
    while (end + 1 < dates.length && labelOf.has(dates[end + 1])) end++;
    runs.push({ from: dates[Math.max(0, index - 1)], to: dates[Math.min(dates.length - 1, end + 1)], label });
    index = end;
  }
  return runs;
}

type Chart = ReturnType<typeof echarts.init>;

const live = new Map<string, Chart>();
const captions = new Map<string, () => PngCaption>();
const resizer = new ResizeObserver((entries) => {
  for (const entry of entries) live.get((entry.target as HTMLElement).dataset.chart ?? '')?.resize();
});

/** The labels ECharts lays out on the chart's first category axis, read from its model. */
function labelsDrawn(chart: Chart): number | null {
  const model = (chart as unknown as { getModel(): { getComponent(type: string, index: number): { axis?: { type: string; getViewLabels(): unknown[] } } | undefined } }).getModel();
  for (const type of ['xAxis', 'yAxis']) {
    const axis = model.getComponent(type, 0)?.axis;
    if (axis?.type === 'category') return axis.getViewLabels().length;
  }
  return null;
}

/** The charts on screen with their series data, for the browser tests and for debugging. */
export function chartSnapshot(): ChartSnapshot[] {
  return [...live.entries()].map(([id, chart]) => ({
    id,
    // the labels of the chart's category axis (x or y), as drawn
    categories: (() => {
      const option = chart.getOption() as { xAxis?: { type?: string; data?: unknown[] }[]; yAxis?: { type?: string; data?: unknown[] }[] };
      const axis = [...(option.xAxis ?? []), ...(option.yAxis ?? [])].find((entry) => entry.type === 'category');
      return (axis?.data ?? []).map((label) => String(typeof label === 'object' && label !== null && 'value' in label ? (label as { value: unknown }).value : label));
    })(),
    png: Boolean((chart.getOption() as { toolbox?: { feature?: { myPng?: unknown } }[] }).toolbox?.[0]?.feature?.myPng),
    pngCaption: captions.get(id)?.() ?? null,
    labelsDrawn: labelsDrawn(chart),
    series: (
      (
        chart.getOption() as {
          series?: {
            name?: string;
            type?: string;
            smooth?: boolean;
            color?: unknown;
            data?: unknown[];
            markArea?: { data?: [{ name?: string; xAxis?: unknown }, { xAxis?: unknown }][] };
            markLine?: { data?: unknown[] };
          }[];
        }
      ).series ?? []
    ).map((series) => ({
      name: String(series.name ?? ''),
      type: String(series.type ?? ''),
      smooth: Boolean(series.smooth),
      ...(typeof series.color === 'string' ? { color: series.color } : {}),
      data: series.data ?? [],
      markAreas: (series.markArea?.data ?? []).map(([from, to]) => ({ name: String(from.name ?? ''), from: String(from.xAxis ?? ''), to: String(to.xAxis ?? '') })),
      // a line from one point to another (not a level across the chart, as a target's)
      markSegments: (series.markLine?.data ?? []).flatMap((entry) => {
        const ends = Array.isArray(entry) ? (entry as { coord?: [unknown, unknown] }[]) : [];
        const [from, to] = ends.map((end) => end.coord);
        return from && to ? [{ from: [String(from[0]), Number(from[1])] as [string, number], to: [String(to[0]), Number(to[1])] as [string, number] }] : [];
      }),
    })),
  }));
}

export function disposeCharts(): void {
  for (const [id, chart] of live) {
    const element = chart.getDom();
    resizer.unobserve(element);
    chart.dispose();
    live.delete(id);
    captions.delete(id);
  }
}

export interface ChartSpec {
  id: string;
  title: string;
  option: ChartOption;
  height?: number;
  /** File name for the PNG export. */
  fileName?: string;
  /** An explanation of the chart's measure, shown as an ⓘ beside the title. */
  help?: string;
  onClick?: (params: { dataIndex: number; seriesIndex: number; data: unknown; name: string }) => void;
}

/** What the page around a chart tells it: its words, and the scope a saved image must name. */
export interface ChartFrame {
  savePngTitle: string;
  emptyText: string;
  helpLabel: string;
  /** The period and scope line for the saved PNG, read when it is saved (the filters may arrive after the chart). */
  caption: () => { text: string; fileSuffix: string };
}

// ECharts' own save-as-image icon, for the captioned save that replaces it.
const SAVE_ICON = 'path://M4.7,22.9L29.3,45.5L54.7,23.4M4.6,43.6L4.6,58L53.8,58L53.8,43.6M29.2,45.1L29.2,0';

const hasData = (option: ChartOption) =>
  ((option.series ?? []) as { data?: unknown[] }[]).some((series) =>
    (series.data ?? []).some(
      (value) => value !== null && value !== undefined && value !== '-' && !(typeof value === 'object' && value !== null && 'value' in value && (value as { value: unknown }).value === null),
    ),
  );

/** The rows the chart's legend takes beside the toolbox (its names, or its series' names). */
function legendRowsOf(option: ChartOption, widthPx: number): number {
  const legend = option.legend as { data?: unknown[] } | undefined;
  if (!legend) return 1;
  const names = legend.data ?? ((option.series ?? []) as { name?: string }[]).map((entry) => entry.name ?? '');
  return legendRows(
    names.map((name) => (typeof name === 'object' && name !== null && 'name' in name ? String((name as { name: unknown }).name) : String(name))),
    widthPx - 56,
  );
}

/** A titled card holding one chart; the toolbox saves it as a PNG headed by its title, period and scope. */
export function addChart(parent: HTMLElement, spec: ChartSpec, frame: ChartFrame): Chart {
  // A long category y axis (dish names) gets the height its wrapped names need.
  const canvas = h('div', { class: 'chart', 'data-chart': spec.id, style: `height:${Math.max(spec.height ?? 320, categoryAxisHeight(spec.option))}px` });
  const empty = hasData(spec.option) ? null : h('p', { class: 'muted chart-empty', 'data-empty': spec.id }, frame.emptyText);
  parent.append(h('section', { class: 'card chart-card', 'data-panel': spec.id }, h('h3', {}, spec.title, spec.help ? helpMark(spec.help, frame.helpLabel) : null), empty, canvas));
  // Laid out in the page first: whether an axis' labels fit side by side depends on the chart's width.
  const option = readableOption(spec.option, canvas.clientWidth);
  const chart = echarts.init(canvas, null, { renderer: 'canvas' });
  // A bar as wide as half the chart reads as a block, not a figure.
  const series = ((option.series ?? []) as { type?: string; barMaxWidth?: number }[]).map((entry) => (entry.type === 'bar' && entry.barMaxWidth === undefined ? { ...entry, barMaxWidth: 44 } : entry));
  const caption = (): PngCaption => {
    const scope = frame.caption();
    return { title: spec.title, caption: scope.text, fileName: `${spec.fileName ?? spec.id}_${scope.fileSuffix}.png` };
  };
  const save = async () => {
    const png = caption();
    downloadDataUrl(await captionedPng(chart, png, FONT), png.fileName);
  };
  chart.setOption({
    color: PALETTE,
    textStyle: { fontFamily: FONT },
    animationDuration: 300,
    // A legend that wraps to more rows pushes the plot down, so its last row never covers the axis name.
    grid: { left: 56, right: 24, top: 56 + (legendRowsOf(option, canvas.clientWidth) - 1) * 22, bottom: option.dataZoom && !spec.option.dataZoom ? 44 : 36, containLabel: true },
    tooltip: { trigger: 'axis' },
    toolbox: { right: 8, top: 0, feature: { myPng: { show: true, title: frame.savePngTitle, icon: SAVE_ICON, onclick: () => void save() } } },
    ...option,
    // the legend wraps short of the toolbox's save button
    ...(option.legend ? { legend: { right: 40, ...(option.legend as object) } } : {}),
    series,
  });
  if (spec.onClick) chart.on('click', (params) => spec.onClick!(params as never));
  live.set(spec.id, chart);
  captions.set(spec.id, caption);
  resizer.observe(canvas);
  return chart;
}

/** Saves a chart's captioned PNG as its toolbox button does (for the browser tests). */
export function saveChartPng(id: string): boolean {
  const chart = live.get(id);
  const caption = captions.get(id);
  if (!chart || !caption) return false;
  void captionedPng(chart, caption(), FONT).then((url) => downloadDataUrl(url, caption().fileName));
  return true;
}
