import { formatIsoDate, parseDateCell, parseIsoDate } from '../core/iso-date';
import { CalendarPeriodInput, createCalendar, ServiceCalendar } from '../core/service-calendar';
import { readCsvTable } from './csv-table';

/**
 * Kinds of a canteen calendar file row. `holiday` and `makeup_workday` become the calendar's day
 * kinds; the others become named periods (consecutive days of one kind and name form one period):
 * - `closure`: a planned closure, strike or break day;
 * - `school_holiday`: a holiday period during which the canteen may still open;
 * - `event`: a day with an event known ahead (a festival, a fair).
 */
export const CALENDAR_FILE_KINDS = ['holiday', 'makeup_workday', 'closure', 'school_holiday', 'event'] as const;
export type CalendarFileKind = (typeof CALENDAR_FILE_KINDS)[number];

export interface CalendarFileRow {
  readonly date: string;
  readonly kind: CalendarFileKind;
  /** Optional label, e.g. `summer` or `Kieler Woche`; a named period is `<kind>:<name>`. */
  readonly name?: string;
}

const PERIOD_KINDS: ReadonlySet<string> = new Set(['closure', 'school_holiday', 'event']);

/**
 * Reads a calendar file `date,kind[,name]` (header required, year-first dates, one row per day).
 * Errors name the line: an unknown kind, a bad date, or the same date given twice with
 * different kinds (a date may carry a day kind and a period kind, or two named periods).
 */
export function parseCalendarCsv(text: string): CalendarFileRow[] {
  const { header, records } = readCsvTable(text, 'calendar file');
  for (const column of ['date', 'kind']) {
    if (!header.includes(column)) throw new Error(`bad calendar file: missing column ${column} (header: ${header.join(',')}; expected date,kind[,name])`);
  }
  const unknown = header.filter((column) => !['date', 'kind', 'name'].includes(column));
  if (unknown.length > 0) throw new Error(`bad calendar file: unknown column(s) ${unknown.join(', ')} (expected date,kind[,name])`);
  if (records.length === 0) throw new Error('bad calendar file: no rows');

  const dayKinds = new Map<string, { kind: string; line: number }>();
  const seen = new Map<string, number>();
  return records.map(({ line, record }) => {
    let date: string;
    try {
      date = formatIsoDate(parseDateCell(record.date ?? ''));
    } catch (error) {
      throw new Error(`bad calendar file line ${line}: column date: ${(error as Error).message}`);
    }
    const kind = (record.kind ?? '').toLowerCase();
    if (!(CALENDAR_FILE_KINDS as readonly string[]).includes(kind)) {
      throw new Error(`bad calendar file line ${line}: unknown kind "${record.kind ?? ''}" (known: ${CALENDAR_FILE_KINDS.join(', ')})`);
    }
    const name = record.name ? record.name : undefined;
    const key = `${date}|${kind}|${name ?? ''}`;
    if (seen.has(key)) throw new Error(`bad calendar file line ${line}: ${date} ${kind}${name ? ` (${name})` : ''} is listed twice (also line ${seen.get(key)})`);
    seen.set(key, line);
    if (!PERIOD_KINDS.has(kind)) {
      const other = dayKinds.get(date);
      if (other) throw new Error(`bad calendar file line ${line}: ${date} is both ${other.kind} (line ${other.line}) and ${kind}`);
      dayKinds.set(date, { kind, line });
    }
    return { date, kind: kind as CalendarFileKind, ...(name ? { name } : {}) };
  });
}

/** The forecasting calendar of a calendar file's rows: day kinds for holidays and make-up days, periods for the rest. */
export function calendarFromRows(rows: readonly CalendarFileRow[], weekendDays?: readonly number[]): ServiceCalendar {
  const days: Record<string, 'holiday' | 'makeup_workday'> = {};
  const byPeriod = new Map<string, number[]>();
  for (const row of rows) {
    if (row.kind === 'holiday' || row.kind === 'makeup_workday') {
      days[row.date] = row.kind;
      continue;
    }
    const name = row.name ? `${row.kind}:${row.name}` : row.kind;
    const list = byPeriod.get(name) ?? [];
    list.push(parseIsoDate(row.date));
    byPeriod.set(name, list);
  }
  const periods: CalendarPeriodInput[] = [];
  for (const [name, list] of byPeriod) {
    const sorted = Int32Array.from(list).sort();
    let from = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      periods.push({ name, from: formatIsoDate(from), to: formatIsoDate(sorted[i - 1]) });
      from = sorted[i];
    }
  }
  return createCalendar({ days, periods, ...(weekendDays ? { weekendDays } : {}) });
}
