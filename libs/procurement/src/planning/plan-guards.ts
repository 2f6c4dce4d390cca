import type { QuantileDistribution } from '@larder/forecasting';
import { canStillOrder } from './order-schedule';
import type { PlanningMoment, SupplierItemInfo } from './planning-types';
import { quantileAt } from './quantile-interpolation';

/** An override above the forecast's p99 times this margin is unusual enough to ask before storing it. */
export const OVERRIDE_P99_MARGIN = 1.5;

/** Why a plan change needs the manager's explicit confirmation; the page words each code in their language. */
export type ConfirmationReason =
  | { code: 'above-forecast'; p99: number; limit: number }
  | { code: 'above-capacity'; seats: number; meals: number; limit: number }
  | { code: 'past-cutoff'; orders: number; firstOrderDate: string }
  | { code: 'week-started'; weekStart: string; today: string };

/**
 * What makes an override's portions out of the sane range: more than the forecast's p99 × margin
 * (a typo of an extra digit), or more than the canteen could seat over the meals it serves that day.
 */
export function overrideReasons(params: { portions: number; distribution: QuantileDistribution | null; seats: number; mealsThatDay: number }): ConfirmationReason[] {
  const reasons: ConfirmationReason[] = [];
  if (params.distribution) {
    const p99 = quantileAt(params.distribution, 0.99);
    const limit = Math.ceil(p99 * OVERRIDE_P99_MARGIN);
    if (params.portions > limit) reasons.push({ code: 'above-forecast', p99: Math.round(p99 * 10) / 10, limit });
  }
  const meals = Math.max(1, params.mealsThatDay);
  const capacity = params.seats * meals;
  if (params.seats > 0 && params.portions > capacity) reasons.push({ code: 'above-capacity', seats: params.seats, meals, limit: capacity });
  return reasons;
}

/** An order of the plan as far as its timing goes. */
export interface TimedOrder {
  orderDate: string;
  deliveryDate: string;
  items: readonly SupplierItemInfo[];
}

/**
 * Approving orders that can no longer be placed in time, or a week already begun: the manager is
 * warned. An order is late when any of its items could not be ordered now for its delivery date.
 */
export function approvalReasons(params: { orders: readonly TimedOrder[]; weekStart: string; now: PlanningMoment }): ConfirmationReason[] {
  const reasons: ConfirmationReason[] = [];
  const late = params.orders.filter((order) => order.items.some((item) => !canStillOrder({ item, deliveryDate: order.deliveryDate, now: params.now })));
  if (late.length > 0) {
    reasons.push({ code: 'past-cutoff', orders: late.length, firstOrderDate: late.map((order) => order.orderDate).sort()[0]! });
  }
  if (params.now.date >= params.weekStart) reasons.push({ code: 'week-started', weekStart: params.weekStart, today: params.now.date });
  return reasons;
}

/** The reasons in words for the API's message (the page words them itself from the codes). */
export function describeReasons(reasons: readonly ConfirmationReason[]): string {
  return reasons
    .map((reason) => {
      switch (reason.code) {
        case 'above-forecast':
          return `more than ${reason.limit} portions (the forecast's p99 ${reason.p99} × ${OVERRIDE_P99_MARGIN})`;
        case 'above-capacity':
          return `more than ${reason.limit} portions (${reason.seats} seats × ${reason.meals} meals that day)`;
        case 'past-cutoff':
          return `${reason.orders} order(s) are past their supplier's cut-off (the first was due on ${reason.firstOrderDate})`;
        case 'week-started':
          return `the week began on ${reason.weekStart} (today is ${reason.today})`;
      }
    })
    .join('; ');
}
