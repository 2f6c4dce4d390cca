/** The plan's lines on the Purchasing page, filtered by day, meal and dish; a draft's portions are overridden in the table itself. */
import { MEAL_PERIODS } from '../../../../libs/domain/src/meal-period';
import { h } from '../dom';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { type PlanLine, type PlanView, saveOverride } from './plan-actions';

/** Rows shown at once; the filters narrow the rest, the CSV holds them all. */
const SHOWN = 60;

/** The filters of the plan last shown, kept when a saved override redraws the page. */
let kept = { planId: '', day: '', meal: '', dish: '' };

const mealRank = (meal: string) => {
  const rank = (MEAL_PERIODS as readonly string[]).indexOf(meal);
  return rank < 0 ? MEAL_PERIODS.length : rank;
};

/** Lines in the order of the week and of the day: date, then 早餐 → 午餐 → 晚餐 → 夜宵, then dish. */
export function inDayOrder(lines: readonly PlanLine[]): PlanLine[] {
  return [...lines].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || mealRank(a.meal) - mealRank(b.meal) || a.dishId - b.dishId);
}

export function planLinesSection(context: PageContext, plan: PlanView, editable: boolean): HTMLElement {
  const { t, f } = context;
  const lines = inDayOrder(plan.lines);
  const days = [...new Set(lines.map((line) => line.serviceDate))];
  const meals = [...new Set(lines.map((line) => line.meal))].sort((a, b) => mealRank(a) - mealRank(b));
  const day = h('select', { name: 'line-day' }, h('option', { value: '' }, t('allDays')), ...days.map((date) => h('option', { value: date }, date)));
  const meal = h('select', { name: 'line-meal' }, h('option', { value: '' }, t('allMeals')), ...meals.map((value) => h('option', { value }, textOr(t, `meal.${value}`, value))));
  const dish = h('input', { type: 'search', name: 'line-dish', placeholder: t('dishFilter'), style: 'width:12em' });
  const overridden = new Set(plan.overrides.map((entry) => `${entry.serviceDate}|${entry.meal}|${entry.dishId}`));
  const holder = h('div');
  const section = h('div', { 'data-panel': 'plan-lines' }, h('div', { class: 'toolbar', 'data-filters': 'plan-lines' }, h('span', { class: 'filter-label' }, t('planLines')), day, meal, dish), holder);

  const editor = (line: PlanLine, row: HTMLTableRowElement) => {
    section.querySelector('[data-editor=override]')?.remove();
    const portions = h('input', { type: 'number', name: 'portions', min: 0, step: 1, required: true, value: line.plannedPortions, style: 'width:7em' });
    const reason = h('input', { type: 'text', name: 'reason', placeholder: t('reason'), style: 'flex:1;min-width:12em' });
    const message = h('span', { class: 'form-message', role: 'alert' });
    const save = h('button', { type: 'submit', class: 'primary' }, t('save'));
    const form = h(
      'form',
      { class: 'override-form' },
      h(
        'div',
        { class: 'row' },
        h('strong', {}, `${line.serviceDate} ${textOr(t, `meal.${line.meal}`, line.meal)} · ${context.dishName(line.dishId)}`),
        portions,
        reason,
        save,
        h('button', { type: 'button', 'data-action': 'cancel-edit', onclick: () => editorRow.remove() }, t('cancel')),
      ),
      message,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      message.textContent = '';
      save.disabled = true;
      void saveOverride(context, plan, line, { portions: Number(portions.value), reason: reason.value.trim() }, message).finally(() => {
        save.disabled = false;
      });
    });
    const editorRow = h('tr', { 'data-editor': 'override' }, h('td', { colspan: 7 }, form));
    row.after(editorRow);
    portions.focus();
  };

  const draw = () => {
    const wanted = dish.value.trim().toLowerCase();
    const rows = lines.filter(
      (line) => (!day.value || line.serviceDate === day.value) && (!meal.value || line.meal === meal.value) && (!wanted || context.dishName(line.dishId).toLowerCase().includes(wanted)),
    );
    holder.replaceChildren();
    context.table(holder, {
      id: `plan-lines-${plan.week}`,
      title: `${t('planLines')} · ${f.number(rows.length)} / ${f.number(lines.length)}`,
      rows,
      limit: SHOWN,
      columns: [
        { label: t('date'), cell: (row) => row.serviceDate },
        { label: t('meal'), cell: (row) => textOr(t, `meal.${row.meal}`, row.meal), csv: (row) => row.meal },
        { label: t('dish'), cell: (row) => context.dishName(row.dishId) },
        { label: t('forecastP50'), cell: (row) => f.number(row.forecastP50, 1), csv: (row) => row.forecastP50, numeric: true },
        {
          label: t('plannedPortions'),
          cell: (row) =>
            overridden.has(`${row.serviceDate}|${row.meal}|${row.dishId}`)
              ? h('span', { class: 'overridden', title: t('overridden') }, `${f.number(row.plannedPortions)} ✎`)
              : f.number(row.plannedPortions),
          csv: (row) => row.plannedPortions,
          numeric: true,
        },
        { label: t('expectedLeftover'), cell: (row) => f.number(row.expectedLeftover, 1), csv: (row) => row.expectedLeftover, numeric: true },
        ...(editable
          ? [
              {
                label: '',
                csv: () => null,
                cell: (row: PlanLine) =>
                  h(
                    'button',
                    { type: 'button', class: 'ghost small', 'data-action': 'edit-line', onclick: (event: Event) => editor(row, (event.target as HTMLElement).closest('tr')!) },
                    t('override'),
                  ),
              },
            ]
          : []),
      ],
    });
  };
  const remember = () => {
    kept = { planId: plan.id, day: day.value, meal: meal.value, dish: dish.value };
    draw();
  };
  if (kept.planId === plan.id) {
    day.value = days.includes(kept.day) ? kept.day : '';
    meal.value = (meals as string[]).includes(kept.meal) ? kept.meal : '';
    dish.value = kept.dish;
  }
  for (const control of [day, meal]) control.addEventListener('change', remember);
  dish.addEventListener('input', remember);
  draw();
  return section;
}
