import { errorNotice, say } from '../admin-widgets';
import { fenToYuan, yuanToFen } from '../../../../libs/domain/src/money';
import { api } from '../api';
import { confirmDialog } from '../dialog';
import { h } from '../dom';
import type { FieldLabels } from '../error-text';
import type { PageContext } from '../page-context';

const LINES = ['ingredients', 'subsidy', 'labour'] as const;
/** The labels the form shows for the fields of a budget line the API may refuse (`lines.0.amountFen`). */
const BUDGET_FIELDS: FieldLabels = { canteenId: 'canteens', month: 'month', line: 'budgetLineLabel', amountFen: 'budgetAmount' };

/** A stored budget line as GET /api/budgets lists it. */
interface BudgetLineAmount {
  canteenId: number;
  month: string;
  line: string;
  amountFen: number;
}

/** Finance sets a canteen's budget for a month, line by line; an empty amount removes the line. */
export function budgetEntry(context: PageContext, month: string): HTMLElement {
  const { t, f, meta } = context;
  const canteen = h('select', { name: 'budget-canteen', 'data-field': 'canteenId' }, ...meta.canteens.map((entry) => h('option', { value: entry.id }, context.canteenName(entry.id))));
  const monthInput = h('input', { type: 'month', name: 'budget-month', 'data-field': 'month', value: month, required: true });
  const line = h('select', { name: 'budget-line', 'data-field': 'line' }, ...LINES.map((value) => h('option', { value }, t(`budgetLine.${value}`))));
  const amount = h('input', { type: 'number', name: 'budget-amount', 'data-field': 'amountFen', min: 0, step: 1, placeholder: t('budgetAmountHint') });
  const message = h('p', { class: 'form-message', role: 'alert' });
  const current = h('p', { class: 'muted small', 'data-budget-current': '' });
  const field = (label: string, input: HTMLElement) => h('label', { class: 'field' }, h('span', { class: 'filter-label' }, label), input);
  const form = h(
    'form',
    { class: 'card admin-form', 'data-form': 'budget-entry' },
    h('h3', {}, t('budgetEntry')),
    field(t('canteens'), canteen),
    field(t('month'), monthInput),
    field(t('budgetLineLabel'), line),
    field(t('budgetAmount'), amount),
    current,
    h('button', { type: 'submit', class: 'primary' }, t('save')),
    message,
    h('p', { class: 'muted small' }, t('budgetEntryHint')),
  );
  // The chosen line's stored amount fills the field, so saving it unchanged keeps it; a typed amount is kept.
  let typed = false;
  let asked = 0;
  amount.addEventListener('input', () => (typed = true));
  const showCurrent = async () => {
    const ticket = ++asked;
    const chosen = monthInput.value;
    const stored = /^\d{4}-\d{2}$/.test(chosen)
      ? await api.get<{ lines: BudgetLineAmount[] }>(`/api/budgets?from=${chosen}&to=${chosen}`).then(
          (answer) => answer.lines.find((entry) => entry.canteenId === Number(canteen.value) && entry.line === line.value) ?? null,
          () => undefined,
        )
      : undefined;
    if (ticket !== asked) return;
    current.textContent = stored === undefined ? '' : stored === null ? t('budgetNoneYet') : t('budgetCurrent', { amount: f.yuan(stored.amountFen) });
    if (!typed && stored !== undefined) amount.value = stored === null ? '' : String(fenToYuan(stored.amountFen));
  };
  for (const input of [canteen, monthInput, line]) input.addEventListener('change', () => void showCurrent());
  void showCurrent();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const yuan = amount.value.trim();
    const amountFen = yuan === '' ? null : yuanToFen(Number(yuan));
    if (amountFen !== null && (!Number.isFinite(amountFen) || amountFen < 0)) return say(message, t('budgetAmountRule'));
    if (amountFen === null) {
      const what = t('confirmBudgetRemove', { canteen: context.canteenName(Number(canteen.value)), month: monthInput.value, line: t(`budgetLine.${line.value as (typeof LINES)[number]}`) });
      if (!(await confirmDialog({ id: 'confirm-budget-remove', title: t('confirmTitle'), body: [h('p', {}, what)], confirmLabel: t('remove'), cancelLabel: t('cancel') }))) return;
    }
    api
      .put('/api/budgets', { lines: [{ canteenId: Number(canteen.value), month: monthInput.value, line: line.value, amountFen }] })
      .then(() => context.go({}))
      .catch((error: unknown) => say(message, errorNotice(t, error, { fields: BUDGET_FIELDS })));
  });
  return form;
}
