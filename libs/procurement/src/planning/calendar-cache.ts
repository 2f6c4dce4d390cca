import { addDays, IsoDate, isoWeekday } from '@larder/domain';

/**
 * Date arithmetic of @larder/domain, remembered: planning shifts the same few dozen dates hundreds of
 * thousands of times (delivery days, order days, shelf lives), and parsing a date each time dominated.
 */
const shifted = new Map<string, IsoDate>();
const weekdays = new Map<IsoDate, number>();
const LIMIT = 100_000;

export function shiftDate(date: IsoDate, days: number): IsoDate {
  if (days === 0) return date;
  const key = `${date}|${days}`;
  let result = shifted.get(key);
  if (result === undefined) {
    if (shifted.size > LIMIT) shifted.clear();
    result = addDays(date, days);
    shifted.set(key, result);
  }
  return result;
}

export function weekdayOf(date: IsoDate): number {
  let result = weekdays.get(date);
  if (result === undefined) {
    if (weekdays.size > LIMIT) weekdays.clear();
    result = isoWeekday(date);
    weekdays.set(date, result);
  }
  return result;
}
