import type { EChartsCoreOption as ChartOption } from 'echarts/core';

/** Past this many categories an x axis scrolls (a slider) instead of squeezing its labels. */
export const SCROLL_AFTER = 60;
/** Categories shown at once on a scrolling axis. */
const WINDOW = 40;

/** Pixels: a Latin character of the charts' 12 px font (a Chinese one is two), a legend item's mark and gaps, a label line. */
const CHAR_PX = 6.5;
const LEGEND_ITEM_PX = 40;
const LINE_PX = 15;
/** Pixels between two axis labels side by side, and what the y axes and the grid's margins take of a chart's width. */
const LABEL_GAP_PX = 12;
const AXES_PX = 140;

interface Axis {
  type?: string;
  data?: unknown[];
  axisLabel?: Record<string, unknown>;
}

const labelText = (label: unknown) => String(typeof label === 'object' && label !== null && 'value' in label ? (label as { value: unknown }).value : label);
/** A Chinese character is about two Latin ones wide. */
const width = (text: string) => [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every category labelled (days as many as fit): a crowded or long-named x axis turns its labels, a y axis wraps long names. */
function readableAxis(axis: Axis, horizontal: boolean, widthPx: number): Axis {
  if (axis.type !== 'category' || !axis.data) return axis;
  const labelled = (label: Record<string, unknown>): Axis => ({ ...axis, axisLabel: { ...label, ...axis.axisLabel } });
  if (!horizontal) return labelled({ interval: 0, hideOverlap: false, width: 140, overflow: 'break' });
  // Days in order are read by their neighbours: a narrow chart labels as many as fit rather than all overlapping.
  if (axis.data.length > 8 && axis.data.every((label) => ISO_DAY.test(labelText(label)))) return labelled({ interval: 'auto', hideOverlap: true, rotate: 40, overflow: 'none' });
  const longest = Math.max(0, ...axis.data.map((label) => width(labelText(label))));
  // Side by side the labels need their width and a gap each; where the chart's width is not known, 60 characters in all.
  const crowded = widthPx > 0 ? axis.data.length * (longest * CHAR_PX + LABEL_GAP_PX) > widthPx - AXES_PX : axis.data.length * longest > 60;
  const turn = axis.data.length > 8 || crowded;
  return labelled({ interval: 0, hideOverlap: false, rotate: turn ? 40 : 0, width: turn ? undefined : 120, overflow: turn ? 'none' : 'break' });
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * What every chart gets before it is drawn: category axes that name every category (turned, wrapped
 * or, when too many, scrolled; a run of days as many as fit), lines drawn straight between real points (a smoothed curve invents
 * values between them), and donut labels that wrap instead of shrinking to "P…".
 */
export function readableOption(option: ChartOption, widthPx = 0): ChartOption {
  const xAxes = list(option.xAxis as Axis | Axis[] | undefined).map((axis) => readableAxis(axis, true, widthPx));
  const yAxes = list(option.yAxis as Axis | Axis[] | undefined).map((axis) => readableAxis(axis, false, widthPx));
  const series = list(option.series as Record<string, unknown> | Record<string, unknown>[] | undefined).map((entry) => {
    if (entry.type === 'line') return { ...entry, smooth: false };
    if (entry.type === 'pie') return { ...entry, label: { formatter: '{b}\n{d}%', overflow: 'break', bleedMargin: 2, ...(entry.label as object | undefined) }, labelLayout: { hideOverlap: false } };
    return entry;
  });
  const crowded = xAxes.find((axis) => axis.type === 'category' && (axis.data?.length ?? 0) > SCROLL_AFTER);
  const zoom =
    crowded && option.dataZoom === undefined
      ? {
          dataZoom: [
            { type: 'slider', xAxisIndex: 0, startValue: (crowded.data?.length ?? 0) - WINDOW, endValue: (crowded.data?.length ?? 0) - 1, height: 18, bottom: 4 },
            { type: 'inside', xAxisIndex: 0 },
          ],
        }
      : {};
  return {
    ...option,
    ...(option.xAxis === undefined ? {} : { xAxis: Array.isArray(option.xAxis) ? xAxes : xAxes[0] }),
    ...(option.yAxis === undefined ? {} : { yAxis: Array.isArray(option.yAxis) ? yAxes : yAxes[0] }),
    ...(option.series === undefined ? {} : { series }),
    ...zoom,
  };
}

/** The rows a legend of these names takes in a chart this wide: ECharts lays its items left to right and wraps. */
export function legendRows(names: readonly string[], widthPx: number): number {
  if (widthPx <= 0) return 1;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const item = LEGEND_ITEM_PX + width(name) * CHAR_PX;
    if (used > 0 && used + item > widthPx) {
      rows++;
      used = 0;
    }
    used += item;
  }
  return rows;
}

/** The height a chart needs so the names of its category y axis, wrapped at 140 px, do not run into each other. */
export function categoryAxisHeight(option: ChartOption): number {
  const names = list(option.yAxis as Axis | Axis[] | undefined).flatMap((axis) => (axis.type === 'category' ? (axis.data ?? []).map(labelText) : []));
  if (names.length === 0) return 0;
  const lines = Math.min(3, Math.max(1, ...names.map((name) => Math.ceil((width(name) * CHAR_PX) / 140))));
  return names.length * (lines * LINE_PX + 8) + 70;
}
