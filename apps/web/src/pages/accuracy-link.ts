import type { DemandPanel } from '../contract';
import { h } from '../dom';
import type { PageContext } from '../page-context';
import { accuracyPeriodOf, periodName } from '../report-period';

/**
 * The demand page's link to the accuracy report: of a period with stored forecasts, saying so when it
 * is not the one the page's range stands for; with a dish chosen, of that dish alone, and it says so.
 */
export function accuracyLink(context: PageContext, panel: DemandPanel, dish: number | null): { link: HTMLElement | null; notes: HTMLElement[] } {
  const { t } = context;
  const { period, unstored } = accuracyPeriodOf(panel.filters, panel.forecastDays);
  const link = context.report('accuracy', { ...period, ...context.reportScope(panel.filters), ...(dish ? { dish } : {}) });
  if (link === null) return { link, notes: [] };
  const notes: HTMLElement[] = [];
  const stored = panel.forecastDays;
  if (unstored !== null) {
    const text =
      stored === null
        ? t('accuracyNoneStored')
        : periodName(period) === unstored
          ? t('accuracyNotYet', { period: unstored, first: stored.first })
          : t('accuracyMoved', { period: unstored, first: stored.first, last: stored.last, offered: periodName(period) });
    notes.push(h('p', { class: 'muted hint', 'data-note': 'accuracy-period' }, text));
  }
  if (dish) notes.push(h('p', { class: 'muted hint', 'data-note': 'accuracy-scope' }, t('accuracyOneDish', { dish: context.dishName(dish) })));
  return { link, notes };
}
