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

/** The size of a chart in a report workbook, in pixels at 1×: two across an A4 landscape page. */
export const REPORT_CHART_SIZE: ChartSize = { widthPx: 560, heightPx: 320 };

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

/**
 * Rasterised charts by their drawing, most recent last: resvg shapes every label with the CJK font
 * (0.3–0.7 s a chart on two cores), and the same report is often drawn again in one process — each
 * subscriber of a schedule, a download repeated, a report whose figures did not change.
 */
const pngCache = new Map<string, Buffer>();
const PNG_CACHE_ENTRIES = 32;

/**
 * The SVG with its ids and classes renamed in order of first use: ECharts numbers them by instance
 * and by a counter shared across instances (zr0-cls-4, zr1-cls-9), so one drawing would otherwise
 * never read the same twice. A consistent renaming, so the image is unchanged.
 */
function canonicalIds(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/(?<=["#.])zr\d+-[a-z]+-?\d+/g, (name) => {
    let canonical = names.get(name);
    if (canonical === undefined) names.set(name, (canonical = `zr-${names.size}`));
    return canonical;
  });
}

export function renderChartPng(option: ChartOption, size: ChartSize): Buffer | null {
  const module = loadResvg();
  if (!module) return null;
  const svg = canonicalIds(renderChartSvg(option, size));
  const cached = pngCache.get(svg);
  if (cached) {
    pngCache.delete(svg);
    pngCache.set(svg, cached);
    return cached;
  }
  const image = new module.Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    background: '#ffffff',
  });
  const png = image.render().asPng();
  pngCache.set(svg, png);
  if (pngCache.size > PNG_CACHE_ENTRIES) pngCache.delete(pngCache.keys().next().value!);
  return png;
}
