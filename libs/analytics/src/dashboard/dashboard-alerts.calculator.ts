import { median } from 'simple-statistics';
import { compareCodes } from '@larder/domain';
import type { AccuracyFigures } from '../accuracy.calculator';
import { publishRatings, RatingGroupCounts } from '../satisfaction.calculator';
import type { DashboardAlert } from './dashboard.contract';

/** Days at the end of the range whose forecast error is compared with the days before them. */
export const DRIFT_RECENT_DAYS = 14;
const DRIFT_MIN_PAIRS = 5;

/** One canteen's covers forecasts scored over the last DRIFT_RECENT_DAYS of the range and over the days before. */
export interface DriftWindows {
  canteenId: number;
  recent: AccuracyFigures;
  earlier: AccuracyFigures;
  /** Days of the recent window with a scored forecast. */
  recentDays: number;
}

/**
 * Forecast drift per canteen (covers forecasts): the WAPE of the last two weeks of the range against
 * that of the earlier days. Warns when recent error is half as large again and at least 5 points
 * worse; critical when it has doubled.
 */
export function forecastDriftAlerts(windows: DriftWindows[]): DashboardAlert[] {
  const alerts: DashboardAlert[] = [];
  for (const { canteenId, recent: now, earlier: before, recentDays } of [...windows].sort((a, b) => a.canteenId - b.canteenId)) {
    if (now.pairs < DRIFT_MIN_PAIRS || before.pairs < DRIFT_MIN_PAIRS) continue;
    if (now.wape === null || before.wape === null) continue;
    if (now.wape < before.wape * 1.5 || now.wape - before.wape < 0.05) continue;
    alerts.push({
      kind: 'forecast_drift',
      severity: now.wape >= before.wape * 2 ? 'critical' : 'warning',
      canteenId,
      dishId: null,
      figures: { recentWape: now.wape, earlierWape: before.wape, recentBias: now.bias ?? 0, earlierBias: before.bias ?? 0, recentDays },
    });
  }
  return alerts;
}

/** Days of its own history a canteen-day's waste share is measured against. */
export const WASTE_TRAILING_DAYS = 28;
const WASTE_MIN_HISTORY = 10;
/** Robust z-score (0.6745 × deviation / MAD) above which a day is unusual; critical from twice that. */
export const WASTE_ROBUST_Z = 3.5;

/**
 * Unusual waste: a canteen-day whose waste share of prepared portions lies far above the median of
 * its own previous days (robust z over the median absolute deviation), and at least 2 points above.
 * Only days from `checkFrom` raise alerts; the latest such day per canteen is reported.
 */
export function unusualWasteAlerts(input: { days: { canteenId: number; date: string; share: number }[]; checkFrom: string }): DashboardAlert[] {
  const alerts: DashboardAlert[] = [];
  const canteenIds = [...new Set(input.days.map((day) => day.canteenId))].sort((a, b) => a - b);
  for (const canteenId of canteenIds) {
    const own = input.days.filter((day) => day.canteenId === canteenId).sort((a, b) => compareCodes(a.date, b.date));
    let found: DashboardAlert | null = null;
    own.forEach((day, index) => {
      if (day.date < input.checkFrom) return;
      const history = own.slice(Math.max(0, index - WASTE_TRAILING_DAYS), index).map((earlier) => earlier.share);
      if (history.length < WASTE_MIN_HISTORY) return;
      const center = median(history);
      const mad = median(history.map((share) => Math.abs(share - center)));
      const excess = day.share - center;
      // A flat history (MAD 0) flags any clear excess rather than dividing by zero.
      const score = mad > 0 ? (0.6745 * excess) / mad : excess > 0 ? Number.POSITIVE_INFINITY : 0;
      if (score < WASTE_ROBUST_Z || excess < 0.02) return;
      found = {
        kind: 'unusual_waste',
        severity: score >= WASTE_ROBUST_Z * 2 ? 'critical' : 'warning',
        canteenId,
        dishId: null,
        date: day.date,
        figures: { share: day.share, medianShare: center, mad, score: Number.isFinite(score) ? score : 999 },
      };
    });
    if (found) alerts.push(found);
  }
  return alerts;
}

export interface RatingWindows {
  canteenId: number;
  dishId: number | null;
  recent: RatingGroupCounts;
  previous: RatingGroupCounts;
}

/**
 * Falling ratings: the average of the last four weeks against the four before. Both windows must be
 * publishable (5 diners or more), so an alert never reveals a suppressed group. Warns from a drop of
 * 0.3 stars, critical from 0.6.
 */
export function fallingRatingAlerts(groups: RatingWindows[]): DashboardAlert[] {
  const alerts: DashboardAlert[] = [];
  for (const group of groups) {
    const recent = publishRatings(group.recent, { suppress: false });
    const previous = publishRatings(group.previous, { suppress: false });
    if (recent.averageRating === null || previous.averageRating === null) continue;
    const drop = previous.averageRating - recent.averageRating;
    if (drop < 0.3) continue;
    alerts.push({
      kind: 'falling_ratings',
      severity: drop >= 0.6 ? 'critical' : 'warning',
      canteenId: group.canteenId,
      dishId: group.dishId,
      figures: { recentAverage: recent.averageRating, previousAverage: previous.averageRating, drop, recentResponses: recent.responses ?? 0 },
    });
  }
  return alerts;
}
