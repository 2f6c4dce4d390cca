import type { TodayStatus } from './dashboard.contract';

/** What is known of today in the canteens shown. */
export interface TodayFacts {
  /** Covers sold today so far, null when none are in. */
  actual: number | null;
  /** The forecast covers for today, null when none was made (no service day). */
  forecast: number | null;
  /** Some canteen shown has today's menu and no closure over today. */
  menuToday: boolean;
  /** Every canteen shown is closed (a closure covers today). */
  allClosed: boolean;
}

/**
 * Served when covers are in; else open but awaiting data when a canteen has today's menu or a
 * forecast for today, and none of the closures says otherwise; else closed today.
 */
export function todayStatus(facts: TodayFacts): TodayStatus {
  if (facts.actual !== null && facts.actual > 0) return 'served';
  if (facts.allClosed) return 'closed';
  return facts.menuToday || (facts.forecast !== null && facts.forecast > 0) ? 'awaiting' : 'closed';
}

/**
 * This week so far: the covers in against the forecasts of the same days, so a day whose data is
 * not in yet (today, before the import) is left out of both. Before any day of the week is in, no
 * covers (null) and the forecast of the week so far, as today's card shows it.
 */
export function weekSoFar(points: readonly { actual: number | null; p50: number | null }[]): { actual: number | null; forecast: number | null } {
  const served = points.filter((point) => point.actual !== null);
  const forecastOf = (days: readonly { p50: number | null }[]) => {
    const forecasts = days.filter((point) => point.p50 !== null);
    return forecasts.length > 0 ? forecasts.reduce((sum, point) => sum + point.p50!, 0) : null;
  };
  if (served.length === 0) return { actual: null, forecast: forecastOf(points) };
  return { actual: served.reduce((sum, point) => sum + point.actual!, 0), forecast: forecastOf(served) };
}
