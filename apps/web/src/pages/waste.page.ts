import { api } from '../api';
import { COLOURS, donutText, PALETTE } from '../charts';
import type { WastePanel } from '../contract';
import { h } from '../dom';
import { toYuan } from '../format';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { grid } from '../widgets';
import { reportPeriodOf } from '../report-period';

export async function renderWaste(context: PageContext): Promise<void> {
  const { t, f, root } = context;
  const panel = await api.get<WastePanel>(panelUrl(context.state));
  context.applied(panel.filters);
  const totalKg = panel.byKind.reduce((sum, row) => sum + row.kg, 0);
  root.append(
    h(
      'div',
      { class: 'toolbar' },
      h('div', { class: 'kpi card inline', 'data-kpi': 'waste-cost' }, h('div', { class: 'kpi-label' }, t('wasteCost')), h('div', { class: 'kpi-value' }, f.yuan(panel.costFen))),
      h('div', { class: 'kpi card inline', 'data-kpi': 'waste-kg' }, h('div', { class: 'kpi-label' }, t('wasteKg')), h('div', { class: 'kpi-value' }, f.number(totalKg, 1))),
      context.report('waste', { ...reportPeriodOf(panel.filters, { weekly: true }), ...context.reportScope(panel.filters) }),
    ),
  );

  context.chart(root, {
    id: 'waste-trend',
    title: t('wasteTrend'),
    height: 300,
    option: {
      legend: { top: 4, left: 8 },
      xAxis: { type: 'category', data: panel.trend.map((row) => row.date) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (value: number) => `${(value * 100).toFixed(0)}%` } },
        { type: 'value', name: 'kg', splitLine: { show: false } },
      ],
      series: [
        {
          name: t('wastePct'),
          type: 'line',
          data: panel.trend.map((row) => row.pct),
          color: COLOURS.bad,
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: COLOURS.actual, type: 'dashed' },
            // at the start, above the line: at its end the label ran into the kg axis on the right
            label: { position: 'insideStartTop', formatter: `${t('target')} ${f.pct(panel.targetPct)}` },
            data: [{ yAxis: panel.targetPct }],
          },
        },
        { name: t('wasteKg'), type: 'bar', yAxisIndex: 1, data: panel.trend.map((row) => row.kg), color: '#fca5a5' },
      ],
    },
  });
  const charts = grid('grid three');
  root.append(charts);
  const kindDonut = donutText(f, (kg) => `${f.number(kg, 1)} kg`);
  context.chart(charts, {
    id: 'waste-by-kind',
    title: t('wasteByKind'),
    height: 300,
    option: {
      tooltip: kindDonut.tooltip,
      legend: { bottom: 0 },
      series: [
        {
          name: t('wasteByKind'),
          type: 'pie',
          // a third of the row: a smaller ring and short label lines leave the labels room beside it
          radius: ['25%', '42%'],
          label: kindDonut.label,
          labelLine: { length: 6, length2: 4 },
          data: panel.byKind.map((row, index) => ({ name: textOr(t, `kind.${row.kind}`, row.kind), value: Math.round(row.kg * 10) / 10, itemStyle: { color: PALETTE[index + 2] } })),
        },
      ],
    },
  });
  const topDishes = [...panel.byDish]
    .sort((a, b) => b.kg - a.kg)
    .slice(0, 15)
    .reverse();
  context.chart(charts, {
    id: 'waste-by-dish',
    title: t('wasteByDish'),
    height: 300,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 30, bottom: 16, containLabel: true },
      xAxis: { type: 'value', name: 'kg' },
      yAxis: { type: 'category', data: topDishes.map((row) => context.dishName(row.dishId)) },
      series: [{ name: t('wasteKg'), type: 'bar', data: topDishes.map((row) => Math.round(row.kg * 10) / 10), color: COLOURS.warn }],
    },
  });
  context.chart(charts, {
    id: 'waste-by-canteen',
    title: t('wasteByCanteen'),
    height: 300,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: panel.byCanteen.map((row) => context.canteenName(row.canteenId)) },
      yAxis: { type: 'value', name: '¥' },
      series: [{ name: t('wasteCost'), type: 'bar', data: panel.byCanteen.map((row) => toYuan(row.costFen)), color: COLOURS.bad }],
    },
  });
  const tables = grid('grid two');
  root.append(tables);
  context.table(tables, {
    id: 'waste-by-canteen',
    title: t('wasteByCanteen'),
    rows: panel.byCanteen,
    columns: [
      { label: t('canteens'), cell: (row) => context.canteenName(row.canteenId) },
      { label: t('wasteKg'), cell: (row) => f.number(row.kg, 1), csv: (row) => row.kg, numeric: true },
      { label: t('wastePct'), cell: (row) => f.pct(row.pct), csv: (row) => row.pct, numeric: true },
      { label: t('cost'), cell: (row) => f.yuan(row.costFen), csv: (row) => toYuan(row.costFen), numeric: true },
      { label: t('platePerCover'), cell: (row) => f.number(row.platePerCoverG, 0), csv: (row) => row.platePerCoverG, numeric: true },
    ],
  });
  context.table(tables, {
    id: 'waste-by-dish',
    title: t('wasteByDish'),
    rows: [...panel.byDish].sort((a, b) => b.costFen - a.costFen),
    limit: 15,
    columns: [
      { label: t('dish'), cell: (row) => context.dishName(row.dishId) },
      { label: t('wasteKg'), cell: (row) => f.number(row.kg, 1), csv: (row) => row.kg, numeric: true },
      { label: t('portions'), cell: (row) => f.number(row.portions), csv: (row) => row.portions, numeric: true },
      { label: t('cost'), cell: (row) => f.yuan(row.costFen), csv: (row) => toYuan(row.costFen), numeric: true },
    ],
  });
}
