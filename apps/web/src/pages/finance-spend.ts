import { ingredientCategoryName } from '../../../../libs/domain/src/ingredient-category';
import { yuanToFen } from '../../../../libs/domain/src/money';
import type { FinancePanel } from '../contract';
import { h } from '../dom';
import { toYuan } from '../format';
import type { PageContext } from '../page-context';
import { allMealsOnly, monthAxisLabel } from './finance-notes';

/** Ingredient categories get fixed colours, so a category keeps its colour whatever the range shows. */
const CATEGORY_COLOURS: Record<string, string> = {
  meat_poultry: '#b91c1c',
  seafood: '#0369a1',
  vegetables: '#15803d',
  fruit: '#f59e0b',
  soy: '#a3a3a3',
  eggs_dairy: '#fde047',
  grain_oil: '#a16207',
  seasonings: '#7c3aed',
  dry_goods: '#78350f',
  frozen: '#67e8f9',
  beverages: '#db2777',
  other: '#6b7280',
};

/** Supplier spend (received purchase orders) stacked by ingredient category month by month, then by supplier. */
export function supplierSpendSection(context: PageContext, panel: FinancePanel): void {
  const { t, f, root, lang } = context;
  const spend = panel.supplierSpend;
  const name = (category: string) => ingredientCategoryName(category, lang);
  const months = spend.months;
  context.chart(root, {
    id: 'supplier-spend',
    title: t('supplierSpendByMonth'),
    height: 320,
    option: {
      tooltip: { trigger: 'axis', valueFormatter: (value: number | null) => f.yuan(value === null ? null : yuanToFen(value)) },
      legend: { top: 4, left: 8 },
      xAxis: {
        type: 'category',
        data: months.map((month) => month.month),
        axisLabel: { formatter: monthAxisLabel(months) },
      },
      yAxis: { type: 'value', name: '¥' },
      series: spend.categories.map((category) => ({
        name: name(category),
        type: 'bar',
        stack: 'spend',
        color: CATEGORY_COLOURS[category],
        data: months.map((month) => toYuan(month.byCategory[category] ?? 0)),
      })),
    },
  });
  const notes = [spend.totalFen > 0 ? t('spendRule') : t('spendNone')];
  if (spend.awaitingReceipt.orders > 0) notes.push(t('spendAwaiting', { orders: spend.awaitingReceipt.orders, amount: f.yuan(spend.awaitingReceipt.totalFen) }));
  if (allMealsOnly(panel)) notes.push(t('spendAllMeals'));
  root.append(h('p', { class: 'muted hint', 'data-spend-note': spend.totalFen > 0 ? 'rule' : 'none' }, notes.join(' ')));
  if (spend.suppliers.length === 0) return;
  context.table(root, {
    id: 'finance-supplier-spend',
    title: t('supplierSpendBySupplier'),
    rows: spend.suppliers,
    columns: [
      { label: t('supplier'), cell: (row) => `${row.code} ${context.supplierName(row.id)}` },
      ...spend.categories.map((category) => ({
        label: name(category),
        cell: (row: FinancePanel['supplierSpend']['suppliers'][number]) => f.yuan(row.byCategory[category] ?? 0),
        csv: (row: FinancePanel['supplierSpend']['suppliers'][number]) => toYuan(row.byCategory[category] ?? 0),
        numeric: true,
      })),
      { label: t('spendAllCategories'), cell: (row) => f.yuan(row.totalFen), csv: (row) => toYuan(row.totalFen), numeric: true },
    ],
  });
}
