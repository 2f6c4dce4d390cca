import { api } from '../api';
import { COLOURS, forecastBandOption } from '../charts';
import type { DemandPanel } from '../contract';
import { h } from '../dom';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { weeksAroundNext } from '../weeks';
import { grid } from '../widgets';
import { reportPeriodOf } from '../report-period';

export async function renderDemand(context: PageContext): Promise<void> {
  const { t, f, root } = context;
  // Without a chosen range the page looks ahead: the coming week's band beside the last four weeks.
  const state = context.state.from || context.state.to ? context.state : { ...context.state, ...weeksAroundNext() };
  const panel = await api.get<DemandPanel>(panelUrl(state));
  context.applied(panel.filters);

  const dishSelect = h('select', { name: 'dish' }, h('option', { value: '' }, t('allDishes')),
    ...context.meta.dishes.map((dish) => h('option', { value: dish.id, selected: state.dish === dish.id }, context.dishName(dish.id))));
  dishSelect.addEventListener('change', () => context.go({ dish: dishSelect.value ? Number(dishSelect.value) : null }));
  root.append(h('div', { class: 'toolbar' }, h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t('dish')), dishSelect),
    context.report('accuracy', { ...reportPeriodOf(panel.filters, { weekly: true }), canteen: scopedCanteen(context, panel.filters.canteens) })));

  const rows = panel.series;
  context.chart(root, {
    id: 'forecast-vs-actual', title: t('forecastVsActual'), height: 360,
    option: { ...forecastBandOption(rows, { band: t('band'), forecast: t('forecast'), actual: t('actual') }), dataZoom: [{ type: 'inside' }] },
  });
  const charts = grid('grid two');
  root.append(charts);
  context.chart(charts, {
    id: 'forecast-accuracy', title: t('accuracy'), height: 320,
    option: {
      legend: { top: 4, left: 8 },
      tooltip: { trigger: 'axis', valueFormatter: (value: number | null) => f.pct(value) },
      xAxis: { type: 'category', data: panel.accuracy.map((row) => row.week) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%` } },
      series: [
        { name: t('wape'), type: 'line', data: panel.accuracy.map((row) => row.wape), color: COLOURS.bad },
        { name: t('bias'), type: 'bar', data: panel.accuracy.map((row) => row.bias), color: COLOURS.warn },
        { name: t('coverage80'), type: 'line', data: panel.accuracy.map((row) => row.coverage80), color: COLOURS.forecast, markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0.8 }], label: { formatter: '80%' } } },
      ],
    },
  });
  const weekdays = [1, 2, 3, 4, 5, 6, 7];
  const hours = [...new Set(panel.heatmap.map((cell) => cell.hour))].sort((a, b) => a - b);
  const max = Math.max(1, ...panel.heatmap.map((cell) => cell.transactions));
  context.chart(charts, {
    id: 'hour-heatmap', title: t('heatmap'), height: 320,
    option: {
      tooltip: { trigger: 'item' },
      grid: { left: 8, right: 16, top: 30, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: hours.map((hour) => `${hour}:00`), name: t('hour'), splitArea: { show: true } },
      yAxis: { type: 'category', data: weekdays.map((day) => t(`weekday.${day}` as 'weekday.1')), splitArea: { show: true } },
      visualMap: { min: 0, max: Math.round(max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f0fdf4', '#4ade80', '#15803d', '#14532d'] } },
      series: [{ name: t('transactions'), type: 'heatmap', data: panel.heatmap.map((cell) => [hours.indexOf(cell.hour), cell.weekday - 1, Math.round(cell.transactions * 10) / 10]) }],
    },
  });
  context.table(root, {
    id: 'forecast-accuracy', title: t('accuracy'), rows: panel.accuracy,
    columns: [
      { label: t('week'), cell: (row) => row.week },
      { label: t('wape'), cell: (row) => f.pct(row.wape), csv: (row) => row.wape, numeric: true },
      { label: t('bias'), cell: (row) => f.pct(row.bias), csv: (row) => row.bias, numeric: true },
      { label: t('coverage80'), cell: (row) => f.pct(row.coverage80), csv: (row) => row.coverage80, numeric: true },
    ],
  });
}

/** Managers must name one of their canteens for a report; others may take all. */
export function scopedCanteen(context: PageContext, applied: number[]): number | undefined {
  if (context.me.role !== 'manager') return context.state.canteens.length === 1 ? context.state.canteens[0] : undefined;
  return applied[0] ?? context.me.canteenIds[0];
}
