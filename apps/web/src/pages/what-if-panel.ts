/** The what-if on the Purchasing page: one day's covers or an ingredient's price changed, its cost and waste against the plan. */
import { api } from '../api';
import { figuresTable } from '../dialog';
import { h } from '../dom';
import { formErrorText } from '../error-text';
import type { PageContext } from '../page-context';
import type { PlanView } from './plan-actions';
import { localName } from '../../../../libs/domain/src/local-name';

/** The figures of POST /api/plans/what-if (libs/procurement WhatIfService) the page shows. */
interface WhatIfFigures {
  covers: number;
  plannedPortions: number;
  purchaseCostFen: number;
  foodCostFen: number;
  costPerMealFen: number;
  expectedLeftoverKg: number;
  expectedLeftoverFen: number;
  expectedShortfallPortions: number;
}
interface WhatIfAnswer {
  base: WhatIfFigures;
  scenario: WhatIfFigures;
  change: Omit<WhatIfFigures, 'expectedLeftoverPortions'>;
  notes: string[];
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a date. */
function weekdayOf(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

export function whatIfPanel(context: PageContext, plan: PlanView): HTMLElement {
  const { t } = context;
  const days = [...new Set(plan.lines.map((line) => line.serviceDate))].sort();
  const day = h(
    'select',
    { name: 'whatif-day' },
    h('option', { value: '' }, t('whatIf.wholeWeek')),
    ...days.map((date) => h('option', { value: date }, `${t(`weekday.${weekdayOf(date)}` as never)} ${date}`)),
  );
  const coversPct = h('input', { type: 'number', name: 'whatif-covers', step: 1, min: -100, max: 400, value: 0, style: 'width:6em' });
  // The ingredients the plan buys, the largest spend first.
  const spend = new Map<number, number>();
  for (const order of plan.orders) for (const line of order.lines) spend.set(line.ingredientId, (spend.get(line.ingredientId) ?? 0) + line.amountFen);
  const ingredients = context.meta.ingredients.filter((entry) => spend.has(entry.id)).sort((a, b) => spend.get(b.id)! - spend.get(a.id)!);
  const ingredient = h(
    'select',
    { name: 'whatif-ingredient' },
    h('option', { value: '' }, t('whatIf.noPriceChange')),
    ...ingredients.map((entry) => h('option', { value: entry.id }, localName(entry, context.lang))),
  );
  const pricePct = h('input', { type: 'number', name: 'whatif-price', step: 1, min: -99, max: 400, value: 0, style: 'width:6em' });
  const result = h('div', { 'data-whatif-result': '' });
  const message = h('span', { class: 'form-message', role: 'alert' });
  const field = (label: string, ...controls: HTMLElement[]) => h('label', { class: 'field' }, h('span', { class: 'filter-label' }, label), ...controls, h('span', {}, '%'));
  const form = h(
    'form',
    { class: 'card override-form', 'data-panel': 'what-if' },
    h('h3', {}, t('whatIf.title')),
    h('div', { class: 'row' }, field(t('whatIf.covers'), day, coversPct), field(t('whatIf.price'), ingredient, pricePct), h('button', { type: 'submit', class: 'primary' }, t('whatIf.compute'))),
    message,
    result,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    const covers = 1 + Number(coversPct.value) / 100;
    const price = 1 + Number(pricePct.value) / 100;
    const scenario = {
      ...(day.value ? { dayFactors: [{ serviceDate: day.value, factor: covers }] } : { headcountFactor: covers }),
      ...(ingredient.value ? { priceFactors: [{ ingredientId: Number(ingredient.value), factor: price }] } : {}),
    };
    void api
      .post<WhatIfAnswer>('/api/plans/what-if', { week: plan.week, canteens: [plan.canteenId], plan: plan.id, scenario })
      .then((answer) => result.replaceChildren(comparison(context, answer)))
      .catch((error: unknown) => {
        // Why it failed (signed out, the server down, a refused figure), not always "check the figures".
        const text = formErrorText(t, error);
        message.textContent = `${t('whatIf.failed')}: ${text.sentence} ${text.action}`;
      });
  });
  return form;
}

/** Plan against scenario: cost per meal, purchase and food cost, portions, leftover and shortfall. */
function comparison(context: PageContext, answer: WhatIfAnswer): HTMLElement {
  const { t, f } = context;
  const signed = (value: number, format: (value: number) => string) => `${value > 0 ? '+' : ''}${format(value)}`;
  const yuan = (fen: number) => f.yuan(fen);
  const yuan2 = (fen: number) => f.yuan(fen, 2);
  const kg = (value: number) => `${f.number(value, 1)} kg`;
  const count = (value: number) => f.number(value);
  const row = (label: string, key: keyof WhatIfFigures, format: (value: number) => string) => [
    label,
    format(answer.base[key]),
    format(answer.scenario[key]),
    signed(answer.scenario[key] - answer.base[key], format),
  ];
  return figuresTable(
    ['', t('whatIf.plan'), t('whatIf.scenario'), t('change')],
    [
      row(t('covers'), 'covers', count),
      row(t('plannedPortions'), 'plannedPortions', count),
      row(t('costPerMeal'), 'costPerMealFen', yuan2),
      row(t('purchaseCost'), 'purchaseCostFen', yuan),
      row(t('foodCost'), 'foodCostFen', yuan),
      row(t('expectedLeftover'), 'expectedLeftoverKg', kg),
      row(t('expectedLeftoverCost'), 'expectedLeftoverFen', yuan),
      row(t('whatIf.shortfall'), 'expectedShortfallPortions', count),
    ],
  );
}
