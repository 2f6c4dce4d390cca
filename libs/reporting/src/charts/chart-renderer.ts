import * as echarts from 'echarts';

/** The ECharts options a report draws; the same builders serve the dashboard in the browser. */
export type ChartOption = echarts.EChartsCoreOption;

export interface ChartSize {
  widthPx: number;
  heightPx: number;
}

interface ResvgModule {
  Resvg: new (svg: string, options: object) => { render(): { asPng(): Buffer } };
}

let resvg: ResvgModule | null | undefined;

/** @resvg/resvg-js turns SVG into PNG; without it the reports carry no charts and say so. */
function loadResvg(): ResvgModule | null {
  if (resvg === undefined) {
    try {
      resvg = require('@resvg/resvg-js') as ResvgModule;
    } catch {
      resvg = null;
    }
  }
  return resvg;
}

export function chartsAvailable(): boolean {
  return loadResvg() !== null;
}

export const CHART_FONT = 'Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif';

/** Server-side rendering: ECharts draws SVG without a browser, resvg rasterises it at twice the size for print. */
export function renderChartSvg(option: ChartOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.widthPx, height: size.heightPx });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function renderChartPng(option: ChartOption, size: ChartSize): Buffer | null {
  const module = loadResvg();
  if (!module) return null;
  const svg = renderChartSvg(option, size);
  const image = new module.Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    background: '#ffffff',
  });
  return image.render().asPng();
}
