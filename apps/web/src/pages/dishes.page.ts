import { api } from '../api';
import { COLOURS } from '../charts';
import type { DishDetailPanel, DishesPanel, DishRow, MenuQuadrant } from '../contract';
import { h } from '../dom';
import { toYuan } from '../format';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { badge, grid } from '../widgets';

const QUADRANT_COLOURS: Record<MenuQuadrant, string> = { star: '#15803d', plowhorse: '#2563eb', puzzle: '#d97706', dog: '#9ca3af' };
const QUADRANTS: MenuQuadrant[] = ['star', 'plowhorse', 'puzzle', 'dog'];

export async function renderDishes(context: PageContext): Promise<void> {
  if (context.state.dish !== null) return renderDish(context, context.state.dish);
  const { t, f, root } = context;
  const panel = await api.get<DishesPanel>(panelUrl(context.state));
  context.applied(panel.filters);
  const open = (dishId: number) => context.go({ dish: dishId });
  root.append(h('p', { class: 'muted hint' }, t('pickDish')));

  const charts = grid('grid two');
  root.append(charts);
  const ranked = [...panel.dishes]
    .sort((a, b) => b.quantity - a.quantity)
    .slice(0, 15)
    .reverse();
  context.chart(charts, {
    id: 'dish-ranking',
    title: t('ranking'),
    height: 420,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 30, bottom: 20, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: ranked.map((row) => context.dishName(row.dishId)) },
      series: [
        {
          name: t('quantity'),
          type: 'bar',
          data: ranked.map((row) => ({ value: row.quantity, itemStyle: { color: row.quadrant ? QUADRANT_COLOURS[row.quadrant] : COLOURS.muted } })),
          label: { show: true, position: 'right', fontSize: 11, formatter: (params: { value: number }) => f.number(params.value) },
        },
      ],
    },
    onClick: (params) => open(ranked[params.dataIndex]!.dishId),
  });
  context.chart(charts, {
    id: 'menu-matrix',
    title: t('matrix'),
    height: 420,
    help: t('help.quadrants'),
    option: {
      tooltip: {
        trigger: 'item',
        formatter: (params: { data: { name: string; value: number[] } }) => `${params.data.name}<br>${t('share')} ${f.pct(params.data.value[0]!)}<br>${t('margin')} ¥${params.data.value[1]}`,
      },
      legend: { bottom: 0, left: 'center' },
      grid: { left: 56, right: 24, top: 40, bottom: 56, containLabel: true },
      xAxis: { type: 'value', name: t('popularity'), nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: (value: number) => `${(value * 100).toFixed(1)}%` } },
      yAxis: { type: 'value', name: `${t('margin')} (¥)`, scale: true },
      series: QUADRANTS.map((quadrant, index) => ({
        name: t(`quadrant.${quadrant}`),
        type: 'scatter',
        color: QUADRANT_COLOURS[quadrant],
        symbolSize: 12,
        data: panel.dishes
          .filter((row) => row.quadrant === quadrant && row.marginFen !== null)
          .map((row) => ({ name: context.dishName(row.dishId), dishId: row.dishId, value: [row.shareOfCovers, toYuan(row.marginFen)] })),
        markLine:
          index === 0
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#6b7280', type: 'dashed' },
                label: { show: false },
                data: [{ xAxis: panel.popularityThreshold }, ...(panel.marginThresholdFen === null ? [] : [{ yAxis: toYuan(panel.marginThresholdFen) }])],
              }
            : undefined,
      })),
    },
    onClick: (params) => {
      const dishId = (params.data as { dishId?: number } | null)?.dishId;
      if (dishId) open(dishId);
    },
  });

  const topIds = [...new Set(panel.trend.map((row) => row.dishId))];
  const weeks = [...new Set(panel.trend.map((row) => row.week))].sort();
  context.chart(root, {
    id: 'dish-trend',
    title: t('weeklyTrend'),
    height: 300,
    option: {
      legend: { top: 4, left: 8, type: 'scroll', right: 48 },
      xAxis: { type: 'category', data: weeks },
      yAxis: { type: 'value' },
      series: topIds.map((dishId) => ({
        name: context.dishName(dishId),
        type: 'line',
        data: weeks.map((week) => panel.trend.find((row) => row.week === week && row.dishId === dishId)?.quantity ?? null),
      })),
    },
  });

  const sorted = [...panel.dishes].sort((a, b) => b.quantity - a.quantity);
  context.table<DishRow>(root, {
    id: 'dishes',
    title: t('page.dishes'),
    rows: sorted,
    onRowClick: (row) => open(row.dishId),
    columns: [
      { label: t('dish'), cell: (row) => context.dishName(row.dishId) },
      { label: t('quantity'), cell: (row) => f.number(row.quantity), csv: (row) => row.quantity, numeric: true },
      { label: t('share'), cell: (row) => f.pct(row.shareOfCovers), csv: (row) => row.shareOfCovers, numeric: true },
      { label: t('revenue'), cell: (row) => f.yuan(row.revenueFen), csv: (row) => toYuan(row.revenueFen), numeric: true },
      { label: t('margin'), cell: (row) => f.yuan(row.marginFen, 2), csv: (row) => toYuan(row.marginFen), numeric: true },
      { label: t('rating'), cell: (row) => f.number(row.rating, 2), csv: (row) => row.rating, numeric: true },
      { label: t('wasted'), cell: (row) => f.number(row.wastedPortions), csv: (row) => row.wastedPortions, numeric: true },
      {
        label: t('quadrant'),
        help: t('help.quadrants'),
        cell: (row) => (row.quadrant ? badge(t(`quadrant.${row.quadrant}`), row.quadrant === 'star' ? 'good' : row.quadrant === 'dog' ? 'muted' : 'info') : '–'),
        csv: (row) => row.quadrant,
      },
      {
        label: t('rankChange'),
        cell: (row) => (row.rankChange === null ? '–' : row.rankChange > 0 ? `▲ ${row.rankChange}` : row.rankChange < 0 ? `▼ ${-row.rankChange}` : '0'),
        csv: (row) => row.rankChange,
        numeric: true,
      },
    ],
  });
}

async function renderDish(context: PageContext, dishId: number): Promise<void> {
  const { t, f, root } = context;
  const panel = await api.get<DishDetailPanel>(panelUrl({ ...context.state, dish: dishId }));
  context.applied(panel.filters);
  const dish = context.meta.dishes.find((entry) => entry.id === dishId);
  root.append(
    h(
      'div',
      { class: 'dish-head' },
      h('button', { type: 'button', class: 'ghost', onclick: () => context.go({ dish: null }) }, `← ${t('back')}`),
      h('h3', { 'data-dish': dishId }, `${t('dishDetail')} · ${context.dishName(dishId)}`),
      dish ? badge(dish.category, 'info') : null,
    ),
  );
  const totals = panel.daily.reduce((sum, day) => ({ quantity: sum.quantity + day.quantity, wasted: sum.wasted + day.wastedPortions, revenue: sum.revenue + day.revenueFen }), {
    quantity: 0,
    wasted: 0,
    revenue: 0,
  });
  const cards = grid('grid kpis');
  const card = (id: string, label: string, value: string) => h('div', { class: 'kpi card', 'data-kpi': id }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value));
  cards.append(
    card('quantity', t('quantity'), f.number(totals.quantity)),
    card('revenue', t('revenue'), f.yuan(totals.revenue)),
    card('margin', t('margin'), f.yuan(panel.marginFen, 2)),
    card('cost', t('ingredientCost'), f.yuan(panel.ingredientCostFen, 2)),
    card('wasted', t('wasted'), f.number(totals.wasted)),
  );
  root.append(cards);
  const charts = grid('grid two');
  root.append(charts);
  context.chart(charts, {
    id: 'dish-sales',
    title: t('salesHistory'),
    height: 320,
    option: {
      legend: { top: 4, left: 8 },
      xAxis: { type: 'category', data: panel.daily.map((day) => day.date) },
      yAxis: { type: 'value' },
      series: [
        { name: t('quantity'), type: 'bar', data: panel.daily.map((day) => day.quantity), color: COLOURS.actual },
        { name: t('prepared'), type: 'line', data: panel.daily.map((day) => day.prepared), color: COLOURS.forecast, symbol: 'none' },
        { name: t('wasted'), type: 'line', data: panel.daily.map((day) => day.wastedPortions), color: COLOURS.bad, symbol: 'none' },
      ],
    },
  });
  context.chart(charts, {
    id: 'dish-ratings',
    title: t('ratingsWeekly'),
    height: 320,
    option: {
      legend: { top: 4, left: 8 },
      xAxis: { type: 'category', data: panel.ratings.map((row) => row.week) },
      yAxis: [
        { type: 'value', min: 1, max: 5 },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        { name: t('rating'), type: 'line', data: panel.ratings.map((row) => row.average), color: COLOURS.actual, connectNulls: false },
        { name: t('responses'), type: 'bar', yAxisIndex: 1, data: panel.ratings.map((row) => row.responses), color: '#d1d5db' },
      ],
    },
  });
  context.table(root, {
    id: `dish-${dishId}-daily`,
    title: t('salesHistory'),
    rows: [...panel.daily].reverse(),
    columns: [
      { label: t('date'), cell: (row) => row.date },
      { label: t('quantity'), cell: (row) => f.number(row.quantity), csv: (row) => row.quantity, numeric: true },
      { label: t('prepared'), cell: (row) => f.number(row.prepared), csv: (row) => row.prepared, numeric: true },
      { label: t('wasted'), cell: (row) => f.number(row.wastedPortions), csv: (row) => row.wastedPortions, numeric: true },
      { label: t('wasteKg'), cell: (row) => f.number(row.wastedKg, 1), csv: (row) => row.wastedKg, numeric: true },
      { label: t('revenue'), cell: (row) => f.yuan(row.revenueFen), csv: (row) => toYuan(row.revenueFen), numeric: true },
    ],
  });
}
