/**
 * Service dates are calendar dates in the canteen's time zone, carried as 'YYYY-MM-DD' strings
 * so that no time-zone conversion can shift a day. Arithmetic goes through UTC midnight.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is wrong with a date text: 'format' (not YYYY-MM-DD), 'calendar' (no such day, e.g. 2021-02-30),
 * or null for a calendar date. The one rule; callers that word their own errors (the forecasting CSVs) ask it.
 */
export function isoDateProblem(value: string): 'format' | 'calendar' | null {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'format';
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value ? null : 'calendar';
}

export function parseIsoDate(value: string): IsoDate {
  const problem = isoDateProblem(value);
  if (problem === 'format') throw new Error(`not a date (expected YYYY-MM-DD): ${JSON.stringify(value)}`);
  if (problem === 'calendar') throw new Error(`not a calendar date: ${value}`);
  return value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** ISO weekday: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function* eachDate(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  for (let date = from; date <= to; date = addDays(date, 1)) yield date;
}

/** ISO week label such as 2026-W48, as canteen managers plan by week. */
export function isoWeek(date: IsoDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isoWeekStart(week: string): IsoDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`not an ISO week (expected YYYY-Www): ${JSON.stringify(week)}`);
  const jan4 = `${match[1]}-01-04`;
  const mondayOfWeek1 = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(mondayOfWeek1, (Number(match[2]) - 1) * 7);
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** ISO dates, codes such as meal periods, and numbers in natural order: the calendar order for dates, and far cheaper than localeCompare. */
export function compareCodes<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
