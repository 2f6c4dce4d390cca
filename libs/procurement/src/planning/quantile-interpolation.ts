import { quantileAt as curveAt, type QuantileDistribution } from '@larder/forecasting';

/**
 * The demand at a probability level from a forecast's quantiles: the curve @larder/forecasting
 * integrates leftover and shortfall on (linear between the levels, extended beyond the outer ones,
 * never below zero), for a level strictly inside (0, 1).
 */
export function quantileAt(distribution: QuantileDistribution, level: number): number {
  if (!(level > 0 && level < 1)) throw new Error(`quantile level must be strictly between 0 and 1, got ${level}`);
  return curveAt(distribution, level);
}

/**
 * A distribution from stored forecast columns: p10/p50/p90 plus any further levels kept as
 * {"0.95": 512}. Levels are sorted and values made non-decreasing (quantile crossing is repaired).
 */
export function distributionFromStored(stored: { p10: number; p50: number; p90: number; quantiles?: Record<string, number> | null }): QuantileDistribution {
  const byLevel = new Map<number, number>([
    [0.1, stored.p10],
    [0.5, stored.p50],
    [0.9, stored.p90],
  ]);
  for (const [key, value] of Object.entries(stored.quantiles ?? {})) {
    const level = Number(key);
    if (level > 0 && level < 1 && Number.isFinite(value)) byLevel.set(Math.round(level * 1e6) / 1e6, Number(value));
  }
  const levels = [...byLevel.keys()].sort((a, b) => a - b);
  const values: number[] = [];
  for (const level of levels) values.push(Math.max(values.length > 0 ? values[values.length - 1] : 0, byLevel.get(level)!));
  return { levels, values };
}

/** Demand scaled by a factor (a holiday week's headcount, a redirected canteen). */
export function scaleDistribution(distribution: QuantileDistribution, factor: number): QuantileDistribution {
  if (!(factor >= 0)) throw new Error(`scale factor must be >= 0, got ${factor}`);
  return { levels: distribution.levels, values: distribution.values.map((value) => value * factor) };
}

export function medianOf(distribution: QuantileDistribution): number {
  return quantileAt(distribution, 0.5);
}
