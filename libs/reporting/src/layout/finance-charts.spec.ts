import * as echarts from 'echarts';
import { emptyFinanceInputs, financeFigures, RangeBudget } from '@larder/analytics';
import { CHART_FONT, ChartOption, REPORT_CHART_SIZE } from '../charts/chart-renderer';
import { financeCharts, FinanceReportData } from './finance.layout';
import { labelsFor, ReportLanguage } from './labels';

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every text the chart draws, where ECharts lays it out at the report's size. */
function textBoxes(option: ChartOption): Box[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: REPORT_CHART_SIZE.widthPx, height: REPORT_CHART_SIZE.heightPx });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    chart.renderToSVGString();
    return chart
      .getZr()
      .storage.getDisplayList(true)
      .filter((element) => element.type === 'tspan')
      .map((element) => {
        const box = element.getBoundingRect().clone();
        const transform = element.getComputedTransform();
        if (transform) box.applyTransform(transform);
        return { text: String((element.style as { text?: string }).text), x: box.x, y: box.y, width: box.width, height: box.height };
      });
  } finally {
    chart.dispose();
  }
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** November on the demo: the subsidy most of the revenue, two channels about 1 % each. */
function month(language: ReportLanguage): FinanceReportData {
  const figures = financeFigures({
    ...emptyFinanceInputs(),
    paidFen: 1_189_480,
    subsidyFen: 1_690_920,
    paidByChannel: { card: 880_900, bank_app: 254_300, wechat: 31_700, alipay: 22_580 },
  });
  const context = { language, period: { label: '2026-11', from: '2026-11-01', to: '2026-11-30' }, canteen: null, generatedAt: new Date('2026-12-01T02:00:00Z'), timeZone: 'Asia/Shanghai' };
  return {
    context,
    canteens: [],
    total: { figures, lastMonth: figures, lastYear: figures, budget: {} as RangeBudget },
    allSites: true,
    channels: ['card', 'bank_app', 'wechat', 'alipay'],
    daily: [],
    subsidyChanges: [],
    reconciliation: null,
  };
}

describe.each(['en', 'zh-CN'] as const)('the finance workbook’s payment channel donut (%s)', (language) => {
  const labels = labelsFor(language);
  const pie = financeCharts(month(language)).find((chart) => chart.description === labels.channels)!;
  const boxes = textBoxes(pie.option);

  it('labels every slice with its whole name and share, none cut short', () => {
    const drawn = boxes.map((box) => box.text).join('\n');
    expect(drawn).not.toMatch(/\.\.\.|…/);
    expect(drawn).toContain(labels.subsidyPart);
    expect(drawn).toContain('58.7%');
    expect(drawn).toContain('0.8%');
  });

  it('draws every label inside the picture, none over another or over the title', () => {
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(REPORT_CHART_SIZE.widthPx);
      expect(box.y + box.height).toBeLessThanOrEqual(REPORT_CHART_SIZE.heightPx);
    }
    const crossing = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => overlaps(a, b))
        .map((b) => `${a.text} × ${b.text}`),
    );
    expect(crossing).toEqual([]);
  });
});
