import { EpochDay, isoWeekday, parseIsoDate } from './iso-date';

/**
 * What the calendar says about a day. A canteen may still serve on a holiday or be
 * closed on a workday — service is decided by the series, the calendar only explains demand.
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

/** A named date range such as `summer` or `school_holiday` (inclusive ISO dates). */
export interface CalendarPeriodInput {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

export interface CalendarPeriod {
  readonly name: string;
  readonly from: EpochDay;
  readonly to: EpochDay;
}

export interface ServiceCalendar {
  /** Explicit kinds; any day not listed follows the weekday rule (weekendDays). */
  readonly kinds: ReadonlyMap<EpochDay, DayKind>;
  readonly periods: readonly CalendarPeriod[];
  /** ISO weekdays (Mon = 0 … Sun = 6) that are weekend by default. */
  readonly weekendDays: readonly number[];
}

export interface CalendarInput {
  /** ISO date -> kind, e.g. { '2026-10-01': 'holiday', '2026-10-11': 'makeup_workday' }. */
  readonly days?: Readonly<Record<string, DayKind>>;
  readonly periods?: readonly CalendarPeriodInput[];
  readonly weekendDays?: readonly number[];
}

const DAY_KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeup_workday'];
/** How far to look for the holiday behind a run of closed days (covers a 9-day Golden Week). */
const MAX_OFF_RUN = 10;

export function createCalendar(input: CalendarInput = {}): ServiceCalendar {
  const kinds = new Map<EpochDay, DayKind>();
  for (const [date, kind] of Object.entries(input.days ?? {})) {
    if (!DAY_KINDS.includes(kind)) throw new Error(`calendar day ${date}: unknown kind "${kind}"`);
    kinds.set(parseIsoDate(date), kind);
  }
  const periods = (input.periods ?? []).map((period) => {
    const range = { name: period.name, from: parseIsoDate(period.from), to: parseIsoDate(period.to) };
    if (range.to < range.from) throw new Error(`calendar period ${period.name}: "to" is before "from"`);
    return range;
  });
  return { kinds, periods, weekendDays: input.weekendDays ?? [5, 6] };
}

export function dayKind(calendar: ServiceCalendar, day: EpochDay): DayKind {
  return calendar.kinds.get(day) ?? (calendar.weekendDays.includes(isoWeekday(day)) ? 'weekend' : 'workday');
}

export function isOffDay(calendar: ServiceCalendar, day: EpochDay): boolean {
  const kind = dayKind(calendar, day);
  return kind === 'weekend' || kind === 'holiday';
}

/** True when the run of off-days right after (step 1) or before (step −1) `day` contains a holiday. */
export function isNextToHoliday(calendar: ServiceCalendar, day: EpochDay, step: 1 | -1): boolean {
  for (let offset = 1, probe = day + step; offset <= MAX_OFF_RUN; offset++, probe += step) {
    const kind = dayKind(calendar, probe);
    if (kind === 'holiday') return true;
    if (kind !== 'weekend') return false;
  }
  return false;
}

export function periodNames(calendar: ServiceCalendar): string[] {
  return [...new Set(calendar.periods.map((period) => period.name))].sort();
}

export function isInPeriod(calendar: ServiceCalendar, day: EpochDay, name: string): boolean {
  return calendar.periods.some((period) => period.name === name && day >= period.from && day <= period.to);
}
