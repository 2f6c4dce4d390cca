import { combinedDayService, type DayService } from '@larder/domain';
import type { ClosedDay, OverviewPanel } from './dashboard.contract';

/** What is known of today in the canteens shown. */
export interface TodayFacts {
  /** Covers sold today so far, null when none are in. */
  actual: number | null;
  /** The forecast covers for today, null when none was made (no menu, or no service day). */
  forecast: number | null;
  /** The canteens' day as one (`combinedDayService`): open, open without a menu yet, or closed and why. */
  service: DayService;
}

/**
 * Served when covers are in; else closed only when the day's service says so; else open and
 * awaiting data when the menu or a forecast is in, and open without a menu when neither is.
 */
export function todayStatus(facts: TodayFacts): Pick<OverviewPanel['coversToday'], 'status' | 'closed'> {
  if (facts.actual !== null && facts.actual > 0) return { status: 'served', closed: null };
  const { service } = facts;
  if (service.state === 'closed') return { status: 'closed', closed: { because: service.because!, name: service.name, nameZh: service.nameZh } };
  if (service.state === 'open' || (facts.forecast !== null && facts.forecast > 0)) return { status: 'awaiting', closed: null };
  return { status: 'no_menu', closed: null };
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

/**
 * The days every canteen is closed for a closure or a public holiday, from each canteen's service
 * by day, in date order; a weekend the canteens never open on is their rhythm, not a closed day to mark.
 */
export function closedDaysOf(days: ReadonlyMap<string, readonly DayService[]>): ClosedDay[] {
  const closed: ClosedDay[] = [];
  for (const [date, services] of [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const day = combinedDayService(services);
    if (day.state === 'closed' && (day.because === 'closure' || day.because === 'holiday')) closed.push({ date, because: day.because, name: day.name, nameZh: day.nameZh });
  }
  return closed;
}
