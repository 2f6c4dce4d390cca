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
