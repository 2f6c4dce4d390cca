import { quantileAt as curveAt, type QuantileDistribution } from '@larder/forecasting';

// Planning reads stored forecasts as @larder/forecasting defines their curve.
export { distributionFromStored } from '@larder/forecasting';

/**
 * The demand at a probability level from a forecast's quantiles: the curve @larder/forecasting
 * integrates leftover and shortfall on (linear between the levels, extended beyond the outer ones,
 * never below zero), for a level strictly inside (0, 1).
 */
export function quantileAt(distribution: QuantileDistribution, level: number): number {
  if (!(level > 0 && level < 1)) throw new Error(`quantile level must be strictly between 0 and 1, got ${level}`);
  return curveAt(distribution, level);
}

/** Demand scaled by a factor (a holiday week's headcount, a redirected canteen). */
export function scaleDistribution(distribution: QuantileDistribution, factor: number): QuantileDistribution {
  if (!(factor >= 0)) throw new Error(`scale factor must be >= 0, got ${factor}`);
  return { levels: distribution.levels, values: distribution.values.map((value) => value * factor) };
}

export function medianOf(distribution: QuantileDistribution): number {
  return quantileAt(distribution, 0.5);
}
