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

/** A report period as its link names it: the month or the ISO week. */
export function periodName(period: ReportPeriodParam): string {
  return 'month' in period ? period.month : period.week;
}

function daysOf(period: ReportPeriodParam): { from: string; to: string } {
  if ('month' in period) return { from: `${period.month}-01`, to: lastDayOf(period.month) };
  const monday = isoWeekStart(period.week);
  return { from: monday, to: addDays(monday, 6) };
}

/** The accuracy report a page offers and, when it has no stored forecast, the period its range stood for. */
export interface AccuracyPeriod {
  period: ReportPeriodParam;
  /** Set when no forecast is stored for the period the range stands for: another one is offered, or none complete has any. */
  unstored: string | null;
}

/**
 * The accuracy report's period: the one the range stands for (reportPeriodOf) when a forecast is
 * stored for any of its days; else the latest complete month holding stored forecasts, else the
 * latest complete ISO week; with none, the range's own. A report of a period without forecasts
 * has nothing to score.
 */
export function accuracyPeriodOf(range: { from: string; to: string }, stored: { first: string; last: string } | null, options: { today?: string } = {}): AccuracyPeriod {
  const today = options.today ?? localDate(new Date(), timeZone());
  const asked = reportPeriodOf(range, { weekly: true, today });
  if (stored === null) return { period: asked, unstored: periodName(asked) };
  // only days already past can be scored
  const last = stored.last < today ? stored.last : addDays(today, -1);
  if (last < stored.first) return { period: asked, unstored: periodName(asked) };
  const days = daysOf(asked);
  if (days.from <= last && days.to >= stored.first) return { period: asked, unstored: null };
  return { period: latestCompleteWith({ first: stored.first, last }, today) ?? asked, unstored: periodName(asked) };
}

/** The latest month, else ISO week, ended before today that holds a day from first to last. */
function latestCompleteWith(stored: { first: string; last: string }, today: string): ReportPeriodParam | null {
  const month = stored.last.slice(0, 7);
  for (const candidate of [month, previousMonth(month)]) if (lastDayOf(candidate) < today && lastDayOf(candidate) >= stored.first) return { month: candidate };
  for (const week of [isoWeek(stored.last), isoWeek(addDays(stored.last, -7))]) {
    const sunday = addDays(isoWeekStart(week), 6);
    if (sunday < today && sunday >= stored.first) return { week };
  }
  return null;
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

/** What a report link asks for: its period, canteens and meal; `plan`: one purchase plan version; `dish`: the accuracy of one dish. */
export interface ReportLinkParams {
  month?: string;
  week?: string;
  canteens?: number[];
  meal?: string;
  plan?: string;
  dish?: number;
}

/** A report request's query string, from its period, scope and language: one reading for every link and upload. */
export function reportQuery(params: ReportLinkParams, lang: string): string {
  const search = new URLSearchParams({ lang });
  if (params.month) search.set('month', params.month);
  if (params.week) search.set('week', params.week);
  if (params.canteens?.length) search.set('canteen', params.canteens.join(','));
  if (params.meal) search.set('meal', params.meal);
  if (params.plan) search.set('plan', params.plan);
  if (params.dish) search.set('dish', String(params.dish));
  return search.toString();
}
