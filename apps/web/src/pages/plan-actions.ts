/** What a manager does to a plan on the Purchasing page: overrides, approval, each confirmed when the API asks. */
import { api, ApiError } from '../api';
import type { DashboardMeal } from '../contract';
import { confirmDialog, figuresTable } from '../dialog';
import { h } from '../dom';
import { errorLine } from '../error-text';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';

/** The shapes of /api/plans (apps/api plans controller), as far as the page reads them. */
export interface PlanListItem {
  id: string;
  canteenId: number;
  week: string;
  version: number;
  status: string;
  createdAt: string;
  createdBy: string;
  approvedAt: string | null;
  approvedBy: string | null;
}
export interface PlanLine {
  serviceDate: string;
  meal: DashboardMeal;
  dishId: number;
  forecastP50: number;
  plannedPortions: number;
  expectedLeftover: number;
  expectedShortfall: number;
}
export interface PlanOverride {
  id: string;
  serviceDate: string;
  meal: DashboardMeal;
  dishId: number;
  previousPortions: number;
  newPortions: number;
  reason: string;
  createdBy: string;
  createdAt: string;
}
export interface PurchaseOrder {
  id: string;
  canteenId: number;
  supplierId: number;
  orderDate: string;
  deliveryDate: string;
  status: string;
  totalFen: number;
  orderCutoff: string | null;
  leadTimeDays: number | null;
  /** Some line cannot arrive before the day it is needed: it is ordered for the earliest delivery. */
  late: boolean;
  lines: { ingredientId: number; amountFen: number }[];
}
/** Why the API asks for confirmation (libs/procurement plan-guards), worded here in the page's language. */
export interface ConfirmationReason {
  code: string;
  [value: string]: string | number;
}
export interface PlanFigures {
  purchaseCostFen: number;
  foodCostFen: number;
  expectedLeftoverKg: number;
  expectedLeftoverFen: number;
}
export interface PlanView extends PlanListItem {
  summary: { covers: number; plannedPortions: number; expectedLeftoverKg: number; expectedLeftoverFen: number; foodCostFen: number; purchaseCostFen: number; orders: number; lateOrders: number };
  approvalWarnings: ConfirmationReason[];
  lines: PlanLine[];
  overrides: PlanOverride[];
  orders: PurchaseOrder[];
  notes: string[];
  /** Where the quantities come from (libs/procurement PlanView). */
  forecastSource: 'stored' | 'seasonal-estimate';
}

/**
 * Overrides one line of a draft with a reason; when the API asks (an unusual quantity), shows why and
 * what it costs, and saves only if confirmed. Problems are written to `message`.
 */
export function saveOverride(context: PageContext, plan: PlanView, chosen: PlanLine, input: { portions: number; reason: string }, message: HTMLElement): Promise<void> {
  const { t, f } = context;
  if (!input.reason) {
    message.textContent = t('reasonRequired');
    return Promise.resolve();
  }
  const body = { serviceDate: chosen.serviceDate, meal: chosen.meal, dishId: chosen.dishId, portions: input.portions, reason: input.reason };
  return act(
    context,
    () =>
      withConfirmation(
        (confirm) => api.post(`/api/plans/${plan.id}/overrides`, confirm ? { ...body, confirm } : body),
        (details) =>
          confirmDialog({
            id: 'override',
            title: t('overrideTitle'),
            confirmLabel: t('overrideConfirm'),
            cancelLabel: t('cancel'),
            body: [
              h(
                'p',
                {},
                `${chosen.serviceDate} ${textOr(t, `meal.${chosen.meal}`, chosen.meal)} · ${context.dishName(chosen.dishId)}: ${f.number(chosen.plannedPortions)} → ${f.number(body.portions)}`,
              ),
              reasonList(context, details.reasons as ConfirmationReason[]),
              costTable(context, details.before as PlanFigures, details.after as PlanFigures),
            ],
          }),
      ),
    message,
  );
}

/** The plan's figures before and after an override: what the manager pays and throws away for it. */
function costTable(context: PageContext, before: PlanFigures, after: PlanFigures): HTMLElement {
  const { t, f } = context;
  const delta = (value: number, format: (value: number) => string) => `${value > 0 ? '+' : ''}${format(value)}`;
  const yuan = (fen: number) => f.yuan(fen);
  const kg = (value: number) => `${f.number(value, 1)} kg`;
  return figuresTable(
    ['', t('before'), t('after'), t('change')],
    [
      [t('purchaseCost'), yuan(before.purchaseCostFen), yuan(after.purchaseCostFen), delta(after.purchaseCostFen - before.purchaseCostFen, yuan)],
      [t('foodCost'), yuan(before.foodCostFen), yuan(after.foodCostFen), delta(after.foodCostFen - before.foodCostFen, yuan)],
      [t('expectedLeftover'), kg(before.expectedLeftoverKg), kg(after.expectedLeftoverKg), delta(after.expectedLeftoverKg - before.expectedLeftoverKg, kg)],
      [t('expectedLeftoverCost'), yuan(before.expectedLeftoverFen), yuan(after.expectedLeftoverFen), delta(after.expectedLeftoverFen - before.expectedLeftoverFen, yuan)],
    ],
  );
}

function reasonList(context: PageContext, reasons: ConfirmationReason[]): HTMLElement {
  return h(
    'ul',
    { class: 'reasons' },
    ...reasons.map((reason) => {
      const { code, ...values } = reason;
      return h('li', { class: 'warning', 'data-reason': code }, textOr(context.t, `reason.${code}`, code) === code ? code : context.t(`reason.${code}` as never, values));
    }),
  );
}

/** Approval: the plan's summary, what changed since the draft and any warning, confirmed before it is sent. */
export async function approveFlow(context: PageContext, plan: PlanView): Promise<void> {
  const { t, f } = context;
  const summary = figuresTable(
    ['', ''],
    [
      [t('covers'), f.number(plan.summary.covers)],
      [t('plannedPortions'), f.number(plan.summary.plannedPortions)],
      [t('purchaseCost'), f.yuan(plan.summary.purchaseCostFen)],
      [t('purchaseOrders'), f.number(plan.orders.filter((order) => order.status !== 'cancelled').length)],
      [t('expectedLeftover'), `${f.number(plan.summary.expectedLeftoverKg, 1)} kg`],
      [t('expectedLeftoverCost'), f.yuan(plan.summary.expectedLeftoverFen)],
    ],
  );
  const changes =
    plan.overrides.length === 0
      ? h('p', { class: 'muted' }, t('noChanges'))
      : h(
          'ul',
          { 'data-changes': plan.overrides.length },
          ...plan.overrides.map((entry) =>
            h(
              'li',
              {},
              `${entry.serviceDate} ${textOr(t, `meal.${entry.meal}`, entry.meal)} · ${context.dishName(entry.dishId)}: ${f.number(entry.previousPortions)} → ${f.number(entry.newPortions)} (${entry.reason})`,
            ),
          ),
        );
  const warned = plan.approvalWarnings.length > 0;
  const ok = await confirmDialog({
    id: 'approve',
    title: `${t('approveTitle')} · ${context.canteenName(plan.canteenId)} · ${plan.week} · v${plan.version}`,
    confirmLabel: t('approveConfirm'),
    cancelLabel: t('cancel'),
    body: [summary, h('h4', {}, t('changesSinceDraft')), changes, warned ? h('h4', {}, t('warnings')) : null, warned ? reasonList(context, plan.approvalWarnings) : null],
  });
  if (!ok) return;
  await act(context, () =>
    withConfirmation(
      (confirm) => api.post(`/api/plans/${plan.id}/approve`, { confirm: confirm || warned }),
      (details) =>
        confirmDialog({
          id: 'approve-late',
          title: t('confirmTitle'),
          confirmLabel: t('approveConfirm'),
          cancelLabel: t('cancel'),
          body: [reasonList(context, details.reasons as ConfirmationReason[])],
        }),
    ),
  );
}

/** Sends a change; when the API asks for confirmation, shows why and sends it again only if confirmed. */
async function withConfirmation(send: (confirm: boolean) => Promise<unknown>, ask: (details: Record<string, unknown>) => Promise<boolean>): Promise<unknown> {
  try {
    return await send(false);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'CONFIRMATION_REQUIRED' || !error.details) throw error;
    if (!(await ask(error.details))) return 'cancelled';
    return send(true);
  }
}

export async function act(context: PageContext, call: () => Promise<unknown>, message?: HTMLElement): Promise<void> {
  try {
    const outcome = await call();
    // A cancelled confirmation changes nothing; a call that already moved the view has redrawn it.
    if (outcome === 'cancelled' || outcome === 'navigated') return;
    context.go({});
  } catch (error) {
    const text = errorLine(context.t, error);
    if (message) message.textContent = text;
    else context.root.prepend(h('div', { class: 'card error', 'data-view': 'action-error' }, text));
  }
}
