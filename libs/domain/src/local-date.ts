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

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$|^(\d{4})(\d{2})(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the Gregorian calendar, by arithmetic: importers check every row's date. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** The IsoDate of a year, month and day as written (digits), or null when there is no such day. */
export function dateFromParts(year: string, month: string, day: string): IsoDate | null {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(Number(year), m)) return null;
  return `${year}-${month.length === 1 ? `0${month}` : month}-${day.length === 1 ? `0${day}` : day}`;
}

/**
 * A date as systems and spreadsheets write it, year first — 2026-03-05, 2026/3/5, 2026.3.5,
 * 20260305, 2026年3月5日 — alone or before a time ("2026-03-05 00:00:00", "2026-03-05T08:30"), as an
 * IsoDate; 'format' for anything else (a day- or month-first date such as 05/03/2026 is ambiguous and
 * is not guessed), 'calendar' for a day that does not exist. The one rule for dates in people's files.
 */
export function yearFirstDate(value: string): IsoDate | 'format' | 'calendar' {
  const text = value
    .trim()
    .replace(/[年月]/g, '-')
    .replace(/日$/, '');
  const match = YEAR_FIRST.exec(text) ?? YEAR_FIRST.exec(text.split(/[ T]/)[0]);
  if (!match) return 'format';
  return (match[1] ? dateFromParts(match[1], match[2], match[3]) : dateFromParts(match[4], match[5], match[6])) ?? 'calendar';
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
