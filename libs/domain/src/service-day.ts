import type { DayKind } from './enums';
import { IsoDate, isoWeekday } from './local-date';

/**
 * A canteen's day: open with its menu in, open without a menu yet (import the menu), or closed —
 * and then why. Closed is said only where Larder knows it: a closure over the day, or, for a
 * canteen that does not open on weekends, a public holiday or a weekend by the calendar (a make-up
 * working day is a working day). A day that is simply past the imported menus is not closed.
 */
export type DayServiceState = 'open' | 'no_menu' | 'closed';
export type ClosedBecause = 'closure' | 'holiday' | 'weekend';

export interface DayService {
  state: DayServiceState;
  /** Why the day is closed; null when it is not. */
  because: ClosedBecause | null;
  /** The closure's reason or the holiday's name, in English and in Chinese (a closure has one text for both). */
  name: string | null;
  nameZh: string | null;
}

export interface CanteenDayFacts {
  date: IsoDate;
  /** The day's kind in the calendar; null where the calendar has no row, and then the weekday decides. */
  kind: DayKind | null;
  holidayName?: string | null;
  holidayNameZh?: string | null;
  opensWeekends: boolean;
  /** The closure over the day, if any. */
  closure: { reason: string } | null;
  /** The canteen has a menu for the day (at the meal looked at). */
  hasMenu: boolean;
}

/** The one rule for whether a canteen serves on a day; see DayService. */
export function dayService(facts: CanteenDayFacts): DayService {
  if (facts.closure) return { state: 'closed', because: 'closure', name: facts.closure.reason, nameZh: facts.closure.reason };
  const kind = facts.kind ?? (isoWeekday(facts.date) >= 6 ? 'weekend' : 'workday');
  if (!facts.opensWeekends && (kind === 'holiday' || kind === 'weekend')) {
    return kind === 'holiday'
      ? { state: 'closed', because: 'holiday', name: facts.holidayName ?? null, nameZh: facts.holidayNameZh ?? facts.holidayName ?? null }
      : { state: 'closed', because: 'weekend', name: null, nameZh: null };
  }
  return { state: facts.hasMenu ? 'open' : 'no_menu', because: null, name: null, nameZh: null };
}

/**
 * Several canteens' same day as one: open when one of them is, else without a menu when one of
 * them is open without it, else closed — for the reason they share when they share one, else the first's.
 */
export function combinedDayService(days: readonly DayService[]): DayService {
  const open = days.find((day) => day.state === 'open') ?? days.find((day) => day.state === 'no_menu');
  if (open) return { state: open.state, because: null, name: null, nameZh: null };
  if (days.length === 0) return { state: 'no_menu', because: null, name: null, nameZh: null };
  const [first] = days;
  const shared = days.every((day) => day.because === first.because && day.name === first.name);
  return shared ? first : { ...first, name: null, nameZh: null };
}
