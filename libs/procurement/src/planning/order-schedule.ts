import type { IsoDate } from '@larder/domain';
import { shiftDate, weekdayOf } from './calendar-cache';
import type { PlanningMoment, SupplierItemInfo } from './planning-types';

/** How far back or ahead a delivery day is searched for. */
const SEARCH_DAYS = 28;

/** 'HH:MM' or 'HH:MM:SS' to minutes after midnight. */
export function minutesOfDay(time: string): number {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!match) throw new Error(`not a time of day (expected HH:MM): ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The last day an order can be placed (before the cut-off) for a delivery on `deliveryDate`. */
export function orderDayFor(item: Pick<SupplierItemInfo, 'leadTimeDays'>, deliveryDate: IsoDate): IsoDate {
  return shiftDate(deliveryDate, -item.leadTimeDays);
}

/** Can an order for this delivery still be placed at `now`: on an earlier day, or today before the cut-off. */
export function canStillOrder(params: { item: SupplierItemInfo; deliveryDate: IsoDate; now: PlanningMoment }): boolean {
  const { item, deliveryDate, now } = params;
  const orderDay = orderDayFor(item, deliveryDate);
  if (orderDay > now.date) return true;
  return orderDay === now.date && minutesOfDay(now.time) < minutesOfDay(item.orderCutoff);
}

export function deliversOn(item: Pick<SupplierItemInfo, 'deliveryWeekdays'>, date: IsoDate): boolean {
  return item.deliveryWeekdays.includes(weekdayOf(date));
}

/** The latest delivery on or before `onOrBefore` that can still be ordered at `now`; null if none can arrive in time. */
export function latestDeliveryBy(params: { item: SupplierItemInfo; onOrBefore: IsoDate; now: PlanningMoment }): IsoDate | null {
  const { item, now } = params;
  for (let back = 0; back <= SEARCH_DAYS; back++) {
    const date = shiftDate(params.onOrBefore, -back);
    if (orderDayFor(item, date) < now.date) return null;
    if (deliversOn(item, date) && canStillOrder({ item, deliveryDate: date, now })) return date;
  }
  return null;
}

/** The first delivery that can still be ordered at `now` (for needs that nothing can meet in time). */
export function earliestDelivery(params: { item: SupplierItemInfo; now: PlanningMoment }): IsoDate | null {
  for (let ahead = 0; ahead <= SEARCH_DAYS + params.item.leadTimeDays; ahead++) {
    const date = shiftDate(params.now.date, ahead);
    if (deliversOn(params.item, date) && canStillOrder({ item: params.item, deliveryDate: date, now: params.now })) return date;
  }
  return null;
}
