import { invalidQueryParameter as invalid, parsedQueryParameter, RawQuery, singleQueryParameter as single } from '@larder/common';
import { daysBetween, isMealPeriod, MEAL_PERIODS, parseIsoDate } from '@larder/domain';
import type { DashboardMeal } from './dashboard.contract';

const ISO_DATE = { expected: 'a date YYYY-MM-DD', read: parseIsoDate };
const date = (query: RawQuery, name: string): string | undefined => parsedQueryParameter(query, name, ISO_DATE);

/** The longest range a panel answers for, inclusive of both ends. */
export const MAX_RANGE_DAYS = 400;
/** Panels that read monthly sums answer for longer ranges: finance compares years. */
export const PANEL_MAX_RANGE_DAYS: Readonly<Record<string, number>> = { finance: 3660 };
/** Without dates, a panel shows this many of the last service days that have data. */
export const DEFAULT_RANGE_SERVICE_DAYS = 28;

/** What the caller asked for, before defaults and scoping: absent means "use the default". */
export interface RequestedFilters {
  from?: string;
  to?: string;
  canteens?: number[];
  meal: DashboardMeal | null;
  /** Demand and dish detail: one dish id. */
  dish?: number;
}

function id(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw invalid(name, `must be a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** Every parameter a panel reads; anything else is refused rather than ignored. */
export const DASHBOARD_QUERY_PARAMETERS = ['from', 'to', 'canteens', 'meal', 'dish'] as const;

/** `from`, `to`, `canteens` (comma-separated ids), `meal`, `dish`: checked, not yet defaulted. */
export function parseDashboardQuery(query: RawQuery, maxDays = MAX_RANGE_DAYS): RequestedFilters {
  const unknown = Object.keys(query).find((name) => !(DASHBOARD_QUERY_PARAMETERS as readonly string[]).includes(name));
  if (unknown !== undefined) throw invalid(unknown, `is not known (use ${DASHBOARD_QUERY_PARAMETERS.join(', ')})`);
  const from = date(query, 'from');
  const to = date(query, 'to');
  if (from && to && from > to) throw invalid('from', `(${from}) must not be after "to" (${to})`);
  if (from && to && daysBetween(from, to) + 1 > maxDays) throw invalid('to', `must be at most ${maxDays} days from "from" (${from} to ${to} is ${daysBetween(from, to) + 1})`);
  const rawCanteens = single(query, 'canteens');
  const canteens = rawCanteens === undefined ? undefined : [...new Set(rawCanteens.split(',').map((part) => id('canteens', part.trim())))].sort((a, b) => a - b);
  const meal = single(query, 'meal');
  if (meal !== undefined && !isMealPeriod(meal)) throw invalid('meal', `must be one of ${MEAL_PERIODS.join(', ')}, got ${JSON.stringify(meal)}`);
  const rawDish = single(query, 'dish');
  return { from, to, canteens, meal: (meal as DashboardMeal | undefined) ?? null, dish: rawDish === undefined ? undefined : id('dish', rawDish) };
}

/**
 * The one cache key of a panel request: the handler, its path parameters and the parsed filters,
 * never the raw address. `&_=1`, a reordered or repeated-but-equal spelling or `dishes/012` reach
 * the same entry; an unknown parameter is refused before any entry is made.
 */
export function dashboardCacheKey(request: { handler: string; params: Record<string, string>; query: RawQuery }): string {
  const filters = parseDashboardQuery(request.query, PANEL_MAX_RANGE_DAYS[request.handler] ?? MAX_RANGE_DAYS);
  const params = Object.keys(request.params)
    .sort()
    .map((name) => [name, /^\d{1,9}$/.test(request.params[name]) ? String(Number(request.params[name])) : request.params[name]]);
  return JSON.stringify([request.handler, params, filters.from ?? null, filters.to ?? null, filters.canteens ?? null, filters.meal, filters.dish ?? null]);
}
