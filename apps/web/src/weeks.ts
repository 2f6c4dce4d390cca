import { addDays, isoWeek, isoWeekStart, localDate } from '../../../libs/domain/src/local-date';
import { timeZone } from './format';

/** The coming ISO week in the canteens' time zone: the one a manager plans and orders for now. */
export function nextWeek(now: Date = new Date()): string {
  return isoWeek(addDays(localDate(now, timeZone()), 7));
}

/** The demand page's range when none is chosen: the four weeks before the coming one, and the coming week with its forecast band. */
export function weeksAroundNext(now: Date = new Date()): { from: string; to: string } {
  const monday = isoWeekStart(nextWeek(now));
  return { from: addDays(monday, -28), to: addDays(monday, 6) };
}
