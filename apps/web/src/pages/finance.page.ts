import { api } from '../api';
import { COLOURS } from '../charts';
import type { FinancePanel } from '../contract';
import { h } from '../dom';
import { toYuan } from '../format';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { badge, grid } from '../widgets';
import { scopedCanteen } from './demand.page';
import { reportPeriodOf } from '../report-period';

export async function renderFinance(context: PageContext): Promise<void> {
  const { t, f, root } = context;
  const panel = await api.get<FinancePanel>(panelUrl(context.state));
  context.applied(panel.filters);
  const recon = panel.reconciliation;
  const card = (id: string, label: string, value: string | Node, note?: string) =>
    h('div', { class: 'kpi card', 'data-kpi': id }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value), note ? h('div', { class: 'muted small' }, note) : null);
  const cards = grid('grid kpis');
  cards.append(
    card('cost-per-meal', t('costPerMeal'), f.yuan(panel.total.costPerMealFen, 2)),
    card('food-cost-pct', t('foodCostPct'), f.pct(panel.total.foodCostPct)),
    card('revenue', t('revenue'), f.yuan(panel.total.revenueFen)),
    card('subsidy', t('subsidySpent'), f.yuan(panel.subsidy.spentFen), panel.subsidy.budgetFen === null ? undefined : `${t('budget')} ${f.yuan(panel.subsidy.budgetFen)}`),
    card('subsidy-used', t('subsidyUsed'), f.pct(panel.subsidy.usedShare)),
    card('reconciliation', t('reconciliation'), badge(textOr(t, `recon.${recon.status}`, recon.status), recon.status === 'matched' ? 'good' : recon.status === 'mismatched' ? 'bad' : 'muted'),
      `${t('checkedDays')} ${recon.checkedDays} · ${t('mismatchedDays')} ${recon.mismatchedDays} · ${t('difference')} ${f.yuan(recon.differenceFen, 2)}`));
  root.append(cards, h('div', { class: 'toolbar' }, context.report('finance', { ...reportPeriodOf(panel.filters, { weekly: false }), canteen: scopedCanteen(context, panel.filters.canteens) })));

  const charts = grid('grid two');
  root.append(charts);
  context.chart(charts, {
    id: 'revenue-by-channel', title: t('byChannel'), height: 300,
    option: {
      tooltip: { trigger: 'item', formatter: '{b}: ¥{c} ({d}%)' },
      legend: { bottom: 0 },
      series: [{ name: t('byChannel'), type: 'pie', radius: ['40%', '68%'], data: panel.byChannel.map((row) => ({ name: textOr(t, `channel.${row.channel}`, row.channel), value: toYuan(row.paidFen) })) }],
    },
  });
  context.chart(charts, {
    id: 'budget-vs-actual', title: t('budgetVsActual'), height: 300,
    option: {
      legend: { top: 4, left: 8 },
      xAxis: { type: 'category', data: panel.budget.map((row) => row.month) },
      yAxis: { type: 'value', name: '¥' },
      series: [
        { name: t('budget'), type: 'bar', data: panel.budget.map((row) => toYuan(row.budgetCostFen)), color: '#cbd5e1' },
        { name: t('actual'), type: 'bar', data: panel.budget.map((row) => toYuan(row.actualCostFen)), color: COLOURS.actual },
      ],
    },
  });
  context.chart(root, {
    id: 'monthly-cost', title: t('monthlyCost'), height: 280,
    option: {
      legend: { top: 4, left: 8 },
      xAxis: { type: 'category', data: panel.monthly.map((row) => row.month) },
      yAxis: [{ type: 'value', name: '¥' }, { type: 'value', axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%` }, splitLine: { show: false } }],
      series: [
        { name: t('costPerMeal'), type: 'bar', data: panel.monthly.map((row) => toYuan(row.costPerMealFen)), color: COLOURS.forecast },
        { name: t('foodCostPct'), type: 'line', yAxisIndex: 1, data: panel.monthly.map((row) => row.foodCostPct), color: COLOURS.warn },
      ],
    },
  });
  context.table(root, {
    id: 'finance-by-canteen', title: t('financeByCanteen'), rows: panel.canteens,
    columns: [
      { label: t('canteens'), cell: (row) => context.canteenName(row.canteenId) },
      { label: t('covers'), cell: (row) => f.number(row.covers), csv: (row) => row.covers, numeric: true },
      { label: t('costPerMeal'), cell: (row) => f.yuan(row.costPerMealFen, 2), csv: (row) => toYuan(row.costPerMealFen), numeric: true },
      { label: t('foodCostPct'), cell: (row) => f.pct(row.foodCostPct), csv: (row) => row.foodCostPct, numeric: true },
      { label: t('revenue'), cell: (row) => f.yuan(row.revenueFen), csv: (row) => toYuan(row.revenueFen), numeric: true },
      { label: t('subsidy'), cell: (row) => f.yuan(row.subsidyFen), csv: (row) => toYuan(row.subsidyFen), numeric: true },
      { label: t('ingredientCostTotal'), cell: (row) => f.yuan(row.ingredientCostFen), csv: (row) => toYuan(row.ingredientCostFen), numeric: true },
      { label: t('wasteCost'), cell: (row) => f.yuan(row.wasteCostFen), csv: (row) => toYuan(row.wasteCostFen), numeric: true },
    ],
  });
}
