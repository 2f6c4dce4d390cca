import { isoDateProblem, yearFirstDate } from '@larder/domain';

/**
 * Dates are handled as UTC "epoch days" (whole days since 1970-01-01) so that
 * date arithmetic is integer arithmetic and never depends on the host time zone.
 */
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;

/**
 * Parses `YYYY-MM-DD` into an epoch day; throws on anything else, including impossible dates such as
 * 2021-02-30. What counts as a date is @larder/domain's rule (isoDateProblem); this adds only the
 * numeric form the typed-array loops need and the wording the CSV errors have always had.
 */
export function parseIsoDate(text: string): EpochDay {
  const value = text.trim();
  const problem = isoDateProblem(value);
  if (problem !== null) throw new Error(`invalid date "${text}" (${problem === 'format' ? 'expected YYYY-MM-DD' : 'no such calendar day'})`);
  return Date.parse(`${value}T00:00:00Z`) / MS_PER_DAY;
}

/**
 * A date cell of a user's file (a history or calendar CSV) in any year-first spelling
 * @larder/domain's yearFirstDate reads (2026-03-05, 2026/3/5, 2026-03-05 00:00:00 …). Day- and
 * month-first dates are refused, not guessed: 03/05/2026 is March in one country and May in another.
 */
export function parseDateCell(text: string): EpochDay {
  const date = yearFirstDate(text);
  if (date === 'format') throw new Error(`invalid date "${text}" (expected year first: YYYY-MM-DD, YYYY/M/D or YYYY-MM-DD hh:mm:ss)`);
  if (date === 'calendar') throw new Error(`invalid date "${text}" (no such calendar day)`);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

export function formatIsoDate(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * ISO weekday with Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday): an index into 7-slot arrays
 * (weekday profiles, seasonal terms) computed without a Date, for the hot loops. @larder/domain's
 * isoWeekday (1 = Monday … 7 = Sunday) is the one for IsoDate strings.
 */
export function isoWeekday(day: EpochDay): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function toEpochDay(date: string | EpochDay): EpochDay {
  return typeof date === 'number' ? date : parseIsoDate(date);
}
