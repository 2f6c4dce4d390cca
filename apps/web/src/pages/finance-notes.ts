import type { FinanceChangeNote, FinancePanel, FinanceSummary } from '../contract';
import { h } from '../dom';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';

/** Budget lines and supplier spend have no meal: with a meal filter they still cover every meal, and the page says so. */
export function allMealsOnly(panel: FinancePanel): boolean {
  return panel.filters.meal !== null;
}

/** A chart axis's month label: starred when the month is partial, as partialMonthsNote explains. */
export function monthAxisLabel(months: readonly { month: string; partial: boolean }[]): (value: string) => string {
  return (value) => (months.find((month) => month.month === value)?.partial ? `${value}*` : value);
}

/** The page's one note on starred months, naming them in data-partial-months; null when no month is partial. */
export function partialMonthsNote(context: PageContext, months: readonly { month: string; partial: boolean }[]): HTMLElement | null {
  const partial = [...new Set(months.filter((month) => month.partial).map((month) => month.month))];
  return partial.length === 0 ? null : h('p', { class: 'muted hint', 'data-partial-months': partial.join(',') }, `* ${context.t('partialMonthsNote')}`);
}

/** One change as a sentence: "2026-11-23 午餐补贴 ¥8.00 → ¥10.00". */
export function changeText(context: PageContext, change: FinanceChangeNote): string {
  const { t, f } = context;
  if (change.kind === 'subsidy')
    return t('change.subsidy', { date: change.date, meal: textOr(t, `meal.${change.meal}`, change.meal), before: f.yuan(change.beforeFen, 2), after: f.yuan(change.afterFen, 2) });
  if (change.kind === 'prices') return t('change.prices', { date: change.date, n: change.items });
  return t('change.menu', { date: change.date, added: change.added, removed: change.removed });
}

/** The subsidy rule changes of the range, said beside the subsidy figure. */
export function subsidyChangeNote(context: PageContext, panel: FinancePanel): HTMLElement | null {
  const changes = panel.changes.filter((change) => change.kind === 'subsidy');
  if (changes.length === 0) return null;
  return h(
    'div',
    { class: 'small warn-text', 'data-subsidy-change': [...new Set(changes.map((change) => change.date))].join(',') },
    `⚑ ${changes.map((change) => changeText(context, change)).join(context.lang === 'en' ? '; ' : '；')}`,
  );
}

/** "去年同期 ¥X（+3.2%）" for a figure, or that there is nothing to compare. */
export function comparedText(context: PageContext, label: string, now: number, before: FinanceSummary | null, pick: (summary: FinanceSummary) => number | null): string {
  const { t, f } = context;
  const value = before ? pick(before) : null;
  if (value === null) return `${label} ${t('noData')}`;
  const change = value === 0 ? null : now / value - 1;
  const [open, close] = context.lang === 'en' ? [' (', ')'] : ['（', '）'];
  return `${label} ${f.yuan(value)}${change === null ? '' : `${open}${change >= 0 ? '+' : ''}${f.pct(change)}${close}`}`;
}
