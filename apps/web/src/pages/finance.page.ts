import { api } from '../api';
import type { BudgetUse, FinancePanel } from '../contract';
import { h } from '../dom';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { grid, helpMark } from '../widgets';
import { reportPeriodOf } from '../report-period';
import { subsidyReachPanel } from './subsidy-reach-panel';
import { budgetEntry } from './finance-budget-entry';
import { reconciliationSection } from './finance-reconciliation';
import { financeCharts } from './finance-charts';
import { allMealsOnly, comparedText, subsidyChangeNote } from './finance-notes';
import { staffGroupsTable } from './finance-staff-groups';
import { supplierSpendSection } from './finance-spend';
import { toYuan } from '../format';

export async function renderFinance(context: PageContext): Promise<void> {
  const { t, f, root } = context;
  const panel = await api.get<FinancePanel>(panelUrl(context.state));
  context.applied(panel.filters);
  const card = (id: string, label: string | (string | Node)[], value: string | Node, ...notes: (string | Node | null)[]) =>
    h(
      'div',
      { class: 'kpi card', 'data-kpi': id },
      h('div', { class: 'kpi-label' }, ...(typeof label === 'string' ? [label] : label)),
      h('div', { class: 'kpi-value' }, value),
      ...notes.filter((note) => note !== null).map((note) => (typeof note === 'string' ? h('div', { class: 'muted small' }, note) : note)),
    );
  // Budget lines carry no meal: on one meal's view the budget is every meal's, and the page says so rather than split it.
  const allMeals = allMealsOnly(panel) ? ` · ${t('budgetAllMeals')}` : '';
  const budgetNote = (fen: number | null) => (fen === null ? t('noBudgetSet') : `${t('budget')} ${f.yuan(fen)}${panel.budget.prorated ? ` · ${t('budgetProrated')}` : ''}${allMeals}`);
  const lastYear = (pick: (summary: NonNullable<FinancePanel['sameTimeLastYear']>) => number | null, now: number) => comparedText(context, t('sameTimeLastYear'), now, panel.sameTimeLastYear, pick);
  const previous = (pick: (summary: NonNullable<FinancePanel['previousPeriod']>) => number | null, now: number) => comparedText(context, t('previousPeriod'), now, panel.previousPeriod, pick);
  // A range still running: how far the spending is through the budget of its days so far.
  const paceNote = (use: BudgetUse) =>
    use.toDate?.budgetFen == null
      ? null
      : h(
          'div',
          { class: 'muted small', 'data-budget-pace': use.toDate.through },
          t('budgetPace', { date: use.toDate.through, budget: f.yuan(use.toDate.budgetFen), share: f.pct(use.toDate.usedShare) }),
        );
  const cards = grid('grid kpis');
  cards.append(
    card('cost-per-meal', t('costPerMeal'), f.yuan(panel.total.costPerMealFen, 2)),
    card('food-cost-pct', [t('foodCostPct'), helpMark(t('help.foodCostPct'), t('helpLabel'))], f.pct(panel.total.foodCostPct)),
    card(
      'revenue',
      t('revenue'),
      f.yuan(panel.total.revenueFen),
      lastYear((s) => s.revenueFen, panel.total.revenueFen),
      previous((s) => s.revenueFen, panel.total.revenueFen),
    ),
    card(
      'subsidy',
      t('subsidySpent'),
      f.yuan(panel.subsidy.spentFen),
      budgetNote(panel.subsidy.budgetFen),
      lastYear((s) => s.subsidyFen, panel.subsidy.spentFen),
      subsidyChangeNote(context, panel),
    ),
    card(
      'subsidy-used',
      [t('subsidyUsed'), helpMark(t('help.subsidyUsed'), t('helpLabel'))],
      panel.subsidy.usedShare === null ? t('noBudgetSet') : f.pct(panel.subsidy.usedShare),
      paceNote(panel.subsidy),
    ),
    card(
      'ingredient-cost',
      t('ingredientCostTotal'),
      f.yuan(panel.ingredients.costFen),
      budgetNote(panel.ingredients.budgetFen),
      panel.ingredients.usedShare === null ? null : `${t('budgetUsed')} ${f.pct(panel.ingredients.usedShare)}`,
      paceNote(panel.ingredients),
      lastYear((s) => s.ingredientCostFen, panel.ingredients.costFen),
    ),
  );
  root.append(cards, h('div', { class: 'toolbar' }, context.report('finance', { ...reportPeriodOf(panel.filters, { weekly: false }), ...context.reportScope(panel.filters) })));
  if (panel.filters.meal) {
    root.append(h('p', { class: 'muted hint', 'data-budget-all-meals': panel.filters.meal }, t('budgetAllMealsNote', { meal: textOr(t, `meal.${panel.filters.meal}`, panel.filters.meal) })));
  }
  financeCharts(context, panel);
  supplierSpendSection(context, panel);
  context.table(root, {
    id: 'finance-by-canteen',
    title: t('financeByCanteen'),
    rows: panel.canteens,
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
  const reach = await subsidyReachPanel(context, panel.filters.to.slice(0, 7));
  if (reach) root.append(reach);
  staffGroupsTable(context, panel);
  root.append(budgetEntry(context, panel.filters.to.slice(0, 7)), reconciliationSection(context, panel));
}
