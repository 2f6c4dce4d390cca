import { api } from '../api';
import { COLOURS, forecastBandOption } from '../charts';
import { closedText } from '../closed-text';
import type { DemandPanel, ForecastValueAdded, MethodError } from '../contract';
import { h } from '../dom';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { weeksAroundNext } from '../weeks';
import { grid } from '../widgets';
import { accuracyLink } from './accuracy-link';

export async function renderDemand(context: PageContext): Promise<void> {
  const { t, f, root } = context;
  // Without a chosen range the page looks ahead: the coming week's band beside the last four weeks.
  const state = context.state.from || context.state.to ? context.state : { ...context.state, ...weeksAroundNext() };
  const panel = await api.get<DemandPanel>(panelUrl(state));
  context.applied(panel.filters);

  const dishSelect = h(
    'select',
    { name: 'dish' },
    h('option', { value: '' }, t('allDishes')),
    ...context.meta.dishes.map((dish) => h('option', { value: dish.id, selected: state.dish === dish.id }, context.dishName(dish.id))),
  );
  dishSelect.addEventListener('change', () => context.go({ dish: dishSelect.value ? Number(dishSelect.value) : null }));
  const accuracy = accuracyLink(context, panel, state.dish);
  root.append(h('div', { class: 'toolbar' }, h('label', { class: 'field' }, h('span', { class: 'filter-label' }, t('dish')), dishSelect), accuracy.link), ...accuracy.notes);

  const rows = panel.series;
  // Actuals without any stored forecast: say how forecasts come to be, not just "no data".
  if (!rows.some((row) => row.p50 !== null)) root.append(h('p', { class: 'muted hint', 'data-empty': 'forecast' }, t('empty.forecast')));
  context.chart(root, {
    id: 'forecast-vs-actual',
    title: t('forecastVsActual'),
    height: 360,
    help: state.dish ? t('dishGaps') : undefined,
    option: {
      ...forecastBandOption(
        rows,
        { band: t('band'), forecast: t('forecast'), actual: t('actual') },
        panel.closedDays.map((day) => ({ date: day.date, label: closedText(context, day) })),
      ),
      dataZoom: [{ type: 'inside' }],
    },
  });
  const charts = grid('grid two');
  root.append(charts);
  context.chart(charts, {
    id: 'forecast-accuracy',
    title: t('accuracy'),
    height: 320,
    help: [t('help.wape'), t('help.bias'), t('help.coverage80')].join('\n'),
    option: {
      legend: { top: 4, left: 8 },
      tooltip: { trigger: 'axis', valueFormatter: (value: number | null) => f.pct(value) },
      xAxis: { type: 'category', data: panel.accuracy.map((row) => row.week) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%` } },
      series: [
        { name: t('wape'), type: 'line', data: panel.accuracy.map((row) => row.wape), color: COLOURS.bad },
        { name: t('bias'), type: 'bar', data: panel.accuracy.map((row) => row.bias), color: COLOURS.warn },
        {
          name: t('coverage80'),
          type: 'line',
          data: panel.accuracy.map((row) => row.coverage80),
          color: COLOURS.forecast,
          markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0.8 }], label: { formatter: '80%' } },
        },
      ],
    },
  });
  const weekdays = [1, 2, 3, 4, 5, 6, 7];
  // Every hour from the first to the last with trade: an hour without any is an empty column, not skipped.
  const traded = panel.heatmap.map((cell) => cell.hour);
  const hours = traded.length === 0 ? [] : Array.from({ length: Math.max(...traded) - Math.min(...traded) + 1 }, (_, index) => Math.min(...traded) + index);
  const max = Math.max(1, ...panel.heatmap.map((cell) => cell.transactions));
  context.chart(charts, {
    id: 'hour-heatmap',
    title: t('heatmap'),
    height: 320,
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
    id: 'forecast-accuracy',
    title: t('accuracy'),
    rows: panel.accuracy,
    columns: [
      { label: t('week'), cell: (row) => row.week },
      { label: t('wape'), help: t('help.wape'), cell: (row) => f.pct(row.wape), csv: (row) => row.wape, numeric: true },
      { label: t('bias'), help: t('help.bias'), cell: (row) => f.pct(row.bias), csv: (row) => row.bias, numeric: true },
      { label: t('coverage80'), help: t('help.coverage80'), cell: (row) => f.pct(row.coverage80), csv: (row) => row.coverage80, numeric: true },
    ],
  });
  renderValueAdded(context, panel.valueAdded);
}

/** Larder against the kitchen's own numbers and median4, on the same dish services. */
function renderValueAdded(context: PageContext, figures: ForecastValueAdded): void {
  const { t, f, root } = context;
  const section = h('div', { 'data-panel': 'value-added' });
  root.append(section);
  const rows: { name: string; error: MethodError; added: number | null }[] =
    figures.compared === 0
      ? []
      : [
          { name: t('vaLarder'), error: figures.larder, added: figures.larderOverMedian4 },
          { name: t('vaKitchen'), error: figures.kitchen, added: figures.kitchenOverMedian4 },
          { name: t('vaMedian4'), error: figures.median4, added: null },
        ];
  context.table(section, {
    id: 'value-added',
    title: t('valueAdded'),
    help: t('help.valueAdded'),
    rows,
    columns: [
      { label: t('vaNumber'), cell: (row) => row.name },
      { label: t('wape'), help: t('help.wape'), cell: (row) => f.pct(row.error.wape), csv: (row) => row.error.wape, numeric: true },
      { label: t('bias'), help: t('help.bias'), cell: (row) => f.pct(row.error.bias), csv: (row) => row.error.bias, numeric: true },
      { label: t('vaOver'), cell: (row) => f.pct(row.error.over), csv: (row) => row.error.over, numeric: true },
      { label: t('vaUnder'), cell: (row) => f.pct(row.error.under), csv: (row) => row.error.under, numeric: true },
      { label: t('vaAddedOverMedian4'), cell: (row) => f.number(row.added, 1), csv: (row) => row.added, numeric: true },
    ],
  });
  const counts = { scored: figures.scored, compared: figures.compared, withoutKitchen: figures.withoutKitchen, withoutHistory: figures.withoutHistory };
  const lines =
    figures.compared === 0
      ? [t('vaNone'), t('vaCounts', counts)]
      : [
          t('vaLarderOverKitchen', { points: f.number(figures.larderOverKitchen, 1) }),
          ...(figures.leftover
            ? [
                t(figures.leftover.matched ? 'vaLeftover' : 'vaLeftoverUnmatched', {
                  kitchen: f.pct(figures.leftover.kitchenLeftover),
                  kitchenShort: f.pct(figures.leftover.kitchenShortfall),
                  level: f.number(figures.leftover.level * 100, 1),
                  larder: f.pct(figures.leftover.larderLeftover),
                  larderShort: f.pct(figures.leftover.larderShortfall),
                }),
              ]
            : []),
          t('vaCounts', counts),
        ];
  section.querySelector('.table-card')?.append(...lines.map((line) => h('p', { class: 'muted', 'data-line': 'value-added' }, line)), h('p', { class: 'muted' }, t('vaExplain')));
}
