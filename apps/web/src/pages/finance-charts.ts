import { yuanToFen } from '../../../../libs/domain/src/money';
import { COLOURS, donutText } from '../charts';
import type { FinanceMonth, FinancePanel } from '../contract';
import { h } from '../dom';
import { toYuan } from '../format';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { grid } from '../widgets';
import { allMealsOnly, changeText, monthAxisLabel, partialMonthsNote } from './finance-notes';

const change = (now: number, before: number | null | undefined) => (before ? now / before - 1 : null);
/** Diners' payments by channel: greens, the first the green of "paid by diners" on the other charts. */
const PAID_GREENS = [COLOURS.actual, '#4ade80', '#166534', '#86efac', '#22c55e', '#bbf7d0'];

/** The finance page's charts and month table: revenue in parts, budget against actual, months, twelve months, changes. */
export function financeCharts(context: PageContext, panel: FinancePanel): void {
  const { t, f, root } = context;
  // A change is drawn on the month it falls in, so the chart says why a month moved.
  const markLine = (months: readonly FinanceMonth[]) => ({
    symbol: 'none',
    lineStyle: { color: COLOURS.warn, type: 'dashed' },
    label: { formatter: '⚑', position: 'end' },
    data: [...new Set(panel.changes.filter((item) => item.kind === 'subsidy').map((item) => item.date.slice(0, 7)))]
      .filter((month) => months.some((row) => row.month === month))
      .map((month) => ({ xAxis: month, name: t('subsidyChange') })),
  });
  // Months before the data begins are gaps, not zeros.
  const served = (row: FinanceMonth, fen: number) => (row.covers === 0 && row.revenueFen === 0 ? null : toYuan(fen));
  // On one meal's view the budget bars are every meal's budget (budget lines carry no meal).
  const budgetName = allMealsOnly(panel) ? `${t('budget')} (${t('budgetAllMeals')})` : t('budget');
  const charts = grid('grid two');
  root.append(charts);
  const revenueDonut = donutText(f, (yuan) => f.yuan(yuanToFen(yuan)));
  context.chart(charts, {
    id: 'revenue-by-channel',
    title: t('revenueParts'),
    height: 300,
    option: {
      tooltip: revenueDonut.tooltip,
      legend: { bottom: 0 },
      series: [
        {
          name: t('revenueParts'),
          type: 'pie',
          radius: ['40%', '68%'],
          label: revenueDonut.label,
          // The subsidy in the subsidy's blue and what diners paid in greens, as the budget and twelve-month charts beside it have them.
          data: panel.revenueParts.map((part, index) => ({
            name: part.part === 'subsidy' ? t('subsidy') : part.channel === null ? t('paidOther') : t('paidByChannel', { channel: textOr(t, `channel.${part.channel}`, part.channel) }),
            value: toYuan(part.amountFen),
            itemStyle: {
              color: part.part === 'subsidy' ? COLOURS.forecast : PAID_GREENS[panel.revenueParts.slice(0, index).filter((before) => before.part !== 'subsidy').length % PAID_GREENS.length],
            },
          })),
        },
      ],
    },
  });
  context.chart(charts, {
    id: 'budget-vs-actual',
    title: t('budgetVsActual'),
    height: 300,
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 4, left: 8 },
      xAxis: { type: 'category', data: panel.months.map((row) => row.month), axisLabel: { formatter: monthAxisLabel(panel.months) } },
      yAxis: { type: 'value', name: '¥' },
      series: [
        { name: `${t('ingredientCostTotal')} · ${budgetName}`, type: 'bar', data: panel.months.map((row) => toYuan(row.ingredientBudgetFen)), color: '#cbd5e1' },
        { name: `${t('ingredientCostTotal')} · ${t('actual')}`, type: 'bar', data: panel.months.map((row) => toYuan(row.ingredientCostFen)), color: COLOURS.actual },
        { name: `${t('subsidy')} · ${budgetName}`, type: 'bar', data: panel.months.map((row) => toYuan(row.subsidyBudgetFen)), color: '#bfdbfe' },
        { name: `${t('subsidy')} · ${t('actual')}`, type: 'bar', data: panel.months.map((row) => toYuan(row.subsidyFen)), color: COLOURS.forecast, markLine: markLine(panel.months) },
      ],
    },
  });
  if (panel.months.some((row) => row.ingredientBudgetFen === null || row.subsidyBudgetFen === null)) charts.append(h('p', { class: 'muted hint', 'data-no-budget': '' }, t('noBudgetMonths')));
  context.chart(root, {
    id: 'twelve-months',
    title: t('twelveMonths'),
    height: 300,
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 4, left: 8 },
      xAxis: { type: 'category', data: panel.trailing12.map((row) => row.month), axisLabel: { formatter: monthAxisLabel(panel.trailing12) } },
      yAxis: { type: 'value', name: '¥' },
      series: [
        { name: t('subsidy'), type: 'bar', stack: 'revenue', data: panel.trailing12.map((row) => served(row, row.subsidyFen)), color: COLOURS.forecast, markLine: markLine(panel.trailing12) },
        { name: t('paidByDiners'), type: 'bar', stack: 'revenue', data: panel.trailing12.map((row) => served(row, row.paidFen)), color: COLOURS.actual },
        { name: t('ingredientCostTotal'), type: 'line', data: panel.trailing12.map((row) => served(row, row.ingredientCostFen)), color: COLOURS.warn },
      ],
    },
  });
  // One note for every starred month of the page, the supplier spend chart's too.
  const partialNote = partialMonthsNote(context, [...panel.months, ...panel.trailing12, ...panel.supplierSpend.months]);
  if (partialNote) root.append(partialNote);
  context.table(root, {
    id: 'finance-months',
    title: t('financeMonths'),
    rows: panel.months,
    columns: [
      { label: t('month'), cell: (row) => (row.partial ? `${row.month}* (${t('partialMonthDays', { n: row.days, of: row.monthDays })})` : row.month), csv: (row) => row.month },
      { label: t('revenue'), cell: (row) => f.yuan(row.revenueFen), csv: (row) => toYuan(row.revenueFen), numeric: true },
      { label: `${t('revenue')} · ${t('sameTimeLastYear')}`, cell: (row) => f.yuan(row.lastYear?.revenueFen), csv: (row) => toYuan(row.lastYear?.revenueFen), numeric: true },
      { label: t('yearOnYear'), cell: (row) => f.pct(change(row.revenueFen, row.lastYear?.revenueFen)), csv: (row) => change(row.revenueFen, row.lastYear?.revenueFen), numeric: true },
      { label: t('monthOnMonth'), cell: (row) => f.pct(change(row.revenueFen, panel.months[panel.months.indexOf(row) - 1]?.revenueFen)), numeric: true },
      { label: t('subsidy'), cell: (row) => f.yuan(row.subsidyFen), csv: (row) => toYuan(row.subsidyFen), numeric: true },
      {
        label: `${t('subsidy')} · ${t('budget')}`,
        cell: (row) => (row.subsidyBudgetFen === null ? t('noBudgetSet') : f.yuan(row.subsidyBudgetFen)),
        csv: (row) => toYuan(row.subsidyBudgetFen),
        numeric: true,
      },
      { label: t('ingredientCostTotal'), cell: (row) => f.yuan(row.ingredientCostFen), csv: (row) => toYuan(row.ingredientCostFen), numeric: true },
      {
        label: `${t('ingredientCostTotal')} · ${t('budget')}`,
        cell: (row) => (row.ingredientBudgetFen === null ? t('noBudgetSet') : f.yuan(row.ingredientBudgetFen)),
        csv: (row) => toYuan(row.ingredientBudgetFen),
        numeric: true,
      },
      { label: t('costPerMeal'), cell: (row) => f.yuan(row.costPerMealFen, 2), csv: (row) => toYuan(row.costPerMealFen), numeric: true },
    ],
  });
  if (panel.changes.length > 0) {
    root.append(
      h(
        'div',
        { class: 'card', 'data-slot': 'finance-changes' },
        h('h3', {}, t('financeChanges')),
        h('ul', {}, ...panel.changes.map((item) => h('li', { 'data-change': item.kind }, changeText(context, item)))),
      ),
    );
  }
}
