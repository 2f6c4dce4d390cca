import { LarderError } from '@larder/common';
import { addDays, IsoDate, isoWeekStart } from '@larder/domain';

/** The span a report or a dashboard figure covers: a calendar month or an ISO week, in canteen-local dates. */
export interface ReportPeriod {
  kind: 'month' | 'week';
  /** 2026-11 or 2026-W48. */
  label: string;
  from: IsoDate;
  to: IsoDate;
}

function lastDayOfMonth(year: number, month: number): IsoDate {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function monthPeriod(label: string): ReportPeriod {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw new LarderError('VALIDATION_FAILED', `month must look like YYYY-MM, got ${JSON.stringify(label)}`);
  return { kind: 'month', label, from: `${label}-01`, to: lastDayOfMonth(Number(match[1]), month) };
}

export function weekPeriod(label: string): ReportPeriod {
  if (!/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(label)) throw new LarderError('VALIDATION_FAILED', `week must look like YYYY-Www, got ${JSON.stringify(label)}`);
  const from = isoWeekStart(label);
  return { kind: 'week', label, from, to: addDays(from, 6) };
}

/** Exactly one of month or week. */
export function parseReportPeriod(input: { month?: string; week?: string }): ReportPeriod {
  if (input.month && input.week) throw new LarderError('VALIDATION_FAILED', 'give either a month or a week, not both');
  if (input.month) return monthPeriod(input.month);
  if (input.week) return weekPeriod(input.week);
  throw new LarderError('VALIDATION_FAILED', 'a month (YYYY-MM) or a week (YYYY-Www) is required');
}

export function shiftMonth(period: ReportPeriod, months: number): ReportPeriod {
  const [year, month] = period.from.slice(0, 7).split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const label = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return monthPeriod(label);
}

/** The month a given local date falls in. */
export function monthOf(date: IsoDate): ReportPeriod {
  return monthPeriod(date.slice(0, 7));
}

/** The same calendar dates a year earlier; a range ending on a month's last day ends on that month's last day (29 February and all). */
export function yearEarlierRange(range: { from: IsoDate; to: IsoDate }): { from: IsoDate; to: IsoDate } {
  const shift = (date: IsoDate) => {
    const shifted = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
    return shifted.endsWith('-02-29') ? addDays(shifted, -1) : shifted;
  };
  const monthEnd = monthOf(range.to).to === range.to;
  return { from: shift(range.from), to: monthEnd ? shiftMonth(monthOf(range.to), -12).to : shift(range.to) };
}
