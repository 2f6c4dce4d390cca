/**
 * Dates are handled as UTC "epoch days" (whole days since 1970-01-01) so that
 * date arithmetic is integer arithmetic and never depends on the host time zone.
 */
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; throws on anything else, including impossible dates such as 2021-02-30. */
export function parseIsoDate(text: string): EpochDay {
  const match = ISO_DATE.exec(text.trim());
  if (!match) throw new Error(`invalid date "${text}" (expected YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`invalid date "${text}" (no such calendar day)`);
  }
  return ms / MS_PER_DAY;
}

export function formatIsoDate(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday with Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export function isoWeekday(day: EpochDay): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function toEpochDay(date: string | EpochDay): EpochDay {
  return typeof date === 'number' ? date : parseIsoDate(date);
}
