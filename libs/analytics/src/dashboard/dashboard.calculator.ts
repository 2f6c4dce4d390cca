import { addDays, daysBetween, eachDate, isoWeek, isoWeekday } from '@larder/domain';
import type { MenuQuadrant, TrendPoint } from './dashboard.contract';

/** Ranges longer than this are drawn week by week, so a sparkline never has hundreds of points. */
export const DAILY_TREND_MAX_DAYS = 92;

export type TrendGrain = 'day' | 'week';

export function trendGrain(range: { from: string; to: string }): TrendGrain {
  return daysBetween(range.from, range.to) + 1 > DAILY_TREND_MAX_DAYS ? 'week' : 'day';
}

/** The bucket a date falls in: the date itself, or the Monday of its ISO week. */
export function bucketOf(date: string, grain: TrendGrain): string {
  return grain === 'day' ? date : addDays(date, 1 - isoWeekday(date));
}

/** Every bucket of the range in order, so days without data show as gaps rather than vanish. */
export function bucketsOf(range: { from: string; to: string }, grain: TrendGrain): string[] {
  const buckets: string[] = [];
  for (const date of eachDate(range.from, range.to)) {
    const bucket = bucketOf(date, grain);
    if (buckets[buckets.length - 1] !== bucket) buckets.push(bucket);
  }
  return buckets;
}

/**
 * Sums rows into buckets and derives the figure from each bucket's sums (never by averaging daily
 * ratios); a bucket without rows, or whose figure is undefined, is null.
 */
export function kpiTrend<T extends { bucket: string }>(input: { rows: T[]; buckets: string[]; sum: (rows: T[]) => number | null }): TrendPoint[] {
  const byBucket = new Map<string, T[]>();
  for (const row of input.rows) byBucket.set(row.bucket, [...(byBucket.get(row.bucket) ?? []), row]);
  return input.buckets.map((date) => {
    const rows = byBucket.get(date);
    return { date, value: rows ? input.sum(rows) : null };
  });
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * The last day a range's comparisons cover. A range that reaches today or later holds days whose
 * data cannot be in yet, so it is compared only through its last day with data: a month in progress
 * is set against the same days before it, not against a whole month. A past range is compared as
 * chosen (a closure is a real day without covers), as is one with no data yet.
 */
export function comparedThrough(range: { from: string; to: string }, data: { asOf: string; today: string }): string {
  if (range.to < data.today || data.asOf < range.from || data.asOf >= range.to) return range.to;
  return data.asOf;
}

/** The range of equal length just before this one. */
export function previousRange(range: { from: string; to: string }): { from: string; to: string } {
  const days = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

export { isoWeek };

export interface MenuItemFigures {
  dishId: number;
  quantity: number;
  marginFen: number | null;
}

export interface MenuEngineering {
  /** Mix share a dish needs to count as popular: 70% of an equal share (0.7 / n). */
  popularityThreshold: number;
  /** Average margin per portion weighted by quantity, over the dishes with a known margin. */
  marginThresholdFen: number | null;
  quadrants: Map<number, MenuQuadrant | null>;
  shares: Map<number, number>;
}

/**
 * Kasavana–Smith menu engineering: popular when the mix share reaches 70% of 1/n, profitable when
 * the margin reaches the quantity-weighted average margin. Dishes without a margin get no quadrant.
 */
export function menuEngineering(items: MenuItemFigures[]): MenuEngineering {
  const sold = items.filter((item) => item.quantity > 0);
  const total = sold.reduce((sum, item) => sum + item.quantity, 0);
  const popularityThreshold = sold.length > 0 ? 0.7 / sold.length : 0;
  const costed = sold.filter((item) => item.marginFen !== null);
  const costedQuantity = costed.reduce((sum, item) => sum + item.quantity, 0);
  const marginThresholdFen = costedQuantity > 0 ? costed.reduce((sum, item) => sum + item.quantity * item.marginFen!, 0) / costedQuantity : null;
  const quadrants = new Map<number, MenuQuadrant | null>();
  const shares = new Map<number, number>();
  for (const item of items) {
    const share = total > 0 ? Math.max(item.quantity, 0) / total : 0;
    shares.set(item.dishId, share);
    if (item.marginFen === null || marginThresholdFen === null || item.quantity <= 0) {
      quadrants.set(item.dishId, null);
      continue;
    }
    const popular = share >= popularityThreshold;
    const profitable = item.marginFen >= marginThresholdFen;
    quadrants.set(item.dishId, popular ? (profitable ? 'star' : 'plowhorse') : profitable ? 'puzzle' : 'dog');
  }
  return { popularityThreshold, marginThresholdFen, quadrants, shares };
}

/** Rank by quantity (1 = best seller; ties share the better rank). */
export function quantityRanks(items: { dishId: number; quantity: number }[]): Map<number, number> {
  const sorted = [...items].filter((item) => item.quantity > 0).sort((a, b) => b.quantity - a.quantity);
  const ranks = new Map<number, number>();
  sorted.forEach((item, index) => {
    const previous = sorted[index - 1];
    ranks.set(item.dishId, previous && previous.quantity === item.quantity ? ranks.get(previous.dishId)! : index + 1);
  });
  return ranks;
}

/** Positive when a dish climbed; null when it was not ranked in one of the two ranges. */
export function rankChange(current: Map<number, number>, previous: Map<number, number>, dishId: number): number | null {
  const now = current.get(dishId);
  const before = previous.get(dishId);
  return now === undefined || before === undefined ? null : before - now;
}
