import type { ChartOption } from './chart-renderer';

/** Option builders shared by the reports and the dashboard: plain data in, ECharts option out. */

export interface Series {
  name: string;
  values: (number | null)[];
}

export function barChart(input: { title: string; categories: string[]; series: Series[]; yName?: string; percent?: boolean }): ChartOption {
  return {
    title: { text: input.title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 70, right: 30, top: 50, bottom: 60 },
    xAxis: { type: 'category', data: input.categories, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', name: input.yName, axisLabel: input.percent ? { formatter: (v: number) => `${Math.round(v * 100)}%` } : {} },
    series: input.series.map((series) => ({ type: 'bar', name: series.name, data: series.values, label: { show: input.series.length === 1, position: 'top', fontSize: 10 } })),
  };
}

export function lineChart(input: { title: string; categories: string[]; series: Series[]; yName?: string; percent?: boolean }): ChartOption {
  return {
    title: { text: input.title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 70, right: 30, top: 50, bottom: 60 },
    xAxis: { type: 'category', data: input.categories, axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', name: input.yName, scale: !input.percent, axisLabel: input.percent ? { formatter: (v: number) => `${Math.round(v * 100)}%` } : {} },
    series: input.series.map((series) => ({ type: 'line', name: series.name, data: series.values, showSymbol: false, connectNulls: false })),
  };
}

/**
 * A donut whose labels stay whole: name over share, set against the picture's sides (ECharts cuts a
 * label that runs past the side it faces), and a ring small enough to leave the labels room.
 */
export function pieChart(input: { title: string; slices: { name: string; value: number }[] }): ChartOption {
  return {
    title: { text: input.title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        center: ['50%', '55%'],
        radius: ['28%', '52%'],
        percentPrecision: 1,
        data: input.slices,
        label: { formatter: '{b}\n{d}%', alignTo: 'edge', edgeDistance: 10, lineHeight: 14 },
        labelLine: { length: 8, length2: 0 },
      },
    ],
  };
}
