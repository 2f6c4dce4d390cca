import { addDays, isoWeek, isoWeekStart, localDate } from '../../../libs/domain/src/local-date';
import { timeZone } from './format';

export type ReportPeriodParam = { month: string } | { week: string };

function lastDayOf(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}

function previousMonth(month: string): string {
  return addDays(`${month}-01`, -1).slice(0, 7);
}

/**
 * The report a page's range stands for: the whole past month (or, for reports that have weeks, the
 * past ISO week) the range is exactly; otherwise the last month complete both by the range's end and by
 * today, never the few days of a month just begun.
 */
export function reportPeriodOf(range: { from: string; to: string }, options: { weekly: boolean; today?: string }): ReportPeriodParam {
  const { from, to } = range;
  const today = options.today ?? localDate(new Date(), timeZone());
  const month = to.slice(0, 7);
  const complete = to < today;
  if (complete && from === `${month}-01` && to === lastDayOf(month)) return { month };
  if (complete && options.weekly && isoWeekStart(isoWeek(from)) === from && addDays(from, 6) === to) return { week: isoWeek(from) };
  const end = to < today ? to : addDays(today, -1);
  const last = end.slice(0, 7);
  return { month: lastDayOf(last) <= end ? last : previousMonth(last) };
}

/** The canteens and meal a report link names: absent canteens mean all, absent meal all meals. */
export interface ReportScopeParam {
  canteens?: number[];
  meal?: string;
}

/**
 * A report link's scope, exactly the page's filters: the canteens chosen (a manager's as the API
 * applied them, every one of theirs when none is chosen; others' none for all) and the meal.
 */
export function reportScopeOf(applied: { canteens: number[]; meal: string | null }, options: { chosen: number[]; restricted: boolean }): ReportScopeParam {
  const canteens = options.restricted ? applied.canteens : options.chosen;
  return { ...(canteens.length > 0 ? { canteens: [...canteens].sort((a, b) => a - b) } : {}), ...(applied.meal ? { meal: applied.meal } : {}) };
}

/** A report request's query string, from its period, scope and language: one reading for every link and upload. */
export function reportQuery(params: { month?: string; week?: string; canteens?: number[]; meal?: string; plan?: string }, lang: string): string {
  const search = new URLSearchParams({ lang });
  if (params.month) search.set('month', params.month);
  if (params.week) search.set('week', params.week);
  if (params.canteens?.length) search.set('canteen', params.canteens.join(','));
  if (params.meal) search.set('meal', params.meal);
  if (params.plan) search.set('plan', params.plan);
  return search.toString();
}
