/** Quantile level (probability in (0,1)) -> values aligned with the forecast days. */
export type QuantileMap = ReadonlyMap<number, Float64Array>;

/** p10, p50 and p90 are always produced, whatever else is requested. */
export const DEFAULT_LEVELS: readonly number[] = [0.1, 0.5, 0.9];

export function mergeLevels(levels: readonly number[] = []): number[] {
  for (const level of levels) {
    if (!(level > 0 && level < 1)) throw new Error(`quantile level ${level} must be strictly between 0 and 1`);
  }
  const rounded = [...DEFAULT_LEVELS, ...levels].map(roundLevel);
  return [...new Set(rounded)].sort((a, b) => a - b);
}

/** Levels are map keys: rounding makes 0.1 + 0.7 and 0.8 the same key. */
export function roundLevel(level: number): number {
  return Math.round(level * 1e6) / 1e6;
}

/**
 * A quantile in its series' units: never below zero, and a whole number where the series records
 * whole numbers (diners, units sold). The quantile of a count is a whole number — the quantile of the
 * calibrating sample with each value rounded — and a fractional one misjudges sparse items: a p90 of
 * 0.3 for a dish that sells one on a day in eight calls every sale a miss, where that dish's p90 is 1.
 */
export function inSeriesUnits(value: number, wholeNumbers: boolean): number {
  const clipped = Math.max(0, value);
  return wholeNumbers ? Math.round(clipped) : clipped;
}

/**
 * Whether a series records whole numbers as of an origin: it has a known value dated on or before
 * it and none of those is fractional (a series that ever records a fraction — kilograms, half
 * portions — is not a count from then on).
 */
export function wholeNumbersAsOf(days: Int32Array, values: ArrayLike<number>): (origin: number) => boolean {
  let firstKnown = Number.POSITIVE_INFINITY;
  let firstFraction = Number.POSITIVE_INFINITY;
  for (let i = 0; i < days.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    firstKnown = Math.min(firstKnown, days[i]);
    if (!Number.isInteger(values[i])) {
      firstFraction = days[i];
      break;
    }
  }
  return (origin) => firstKnown <= origin && origin < firstFraction;
}

/**
 * The quantiles with their median at the point forecast, in the series' units (`units` of the value
 * and its day's index), the other levels moved only as far as keeps them in order. The point is the
 * mix that erred least in absolute terms, an estimate of the median; the bands' own median is it
 * shifted by the median of a sample of recent errors, and on the real tuning sets that p50 missed
 * more than the point (docs/BENCHMARKS.md), while the p50 is what Larder stores and plans from.
 */
export function medianAtPoint(quantiles: QuantileMap, point: Float64Array, units: (value: number, i: number) => number): Map<number, Float64Array> {
  const result = mapQuantiles(quantiles, (values) => Float64Array.from(values));
  const median = result.get(0.5);
  if (!median) return result;
  for (let i = 0; i < point.length; i++) {
    if (!Number.isFinite(point[i])) continue;
    const value = units(point[i], i);
    median[i] = value;
    for (const [level, values] of result) {
      if (level < 0.5 && values[i] > value) values[i] = value;
      if (level > 0.5 && values[i] < value) values[i] = value;
    }
  }
  return result;
}

/** The same levels, each level's values transformed (picked days, values in the series' units …). */
export function mapQuantiles(quantiles: QuantileMap, transform: (values: Float64Array) => Float64Array): Map<number, Float64Array> {
  return new Map([...quantiles].map(([level, values]) => [level, transform(values)] as const));
}

export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values).filter(Number.isFinite);
  return copy.sort();
}

/** Linear-interpolation quantile (type 7, as numpy/R default) of an ascending array. */
export function quantileOfSorted(sorted: Float64Array, level: number): number {
  const count = sorted.length;
  if (count === 0) return 0;
  const position = (count - 1) * level;
  const below = Math.floor(position);
  const above = Math.min(below + 1, count - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export interface CalibrationInput {
  readonly point: Float64Array;
  /** Errors actual − forecast, from backtest (or in-sample) history. */
  readonly residuals: ArrayLike<number>;
  readonly levels: readonly number[];
}

/**
 * Empirical-residual quantiles: q_level = max(0, point + quantile(residuals, level)).
 * Demand cannot be negative, so the lower quantiles are clipped at zero.
 */
export function calibrateQuantiles(input: CalibrationInput): Map<number, Float64Array> {
  const sorted = sortedCopy(input.residuals);
  const quantiles = new Map<number, Float64Array>();
  for (const level of input.levels) {
    const shift = quantileOfSorted(sorted, level);
    quantiles.set(
      level,
      input.point.map((value) => Math.max(0, value + shift)),
    );
  }
  return quantiles;
}

/**
 * Quantiles from relative errors (actual − forecast) / forecast: point × (1 + q_τ(relative)). For a
 * series whose level differs a lot between days (a canteen serving 1,200 on weekdays and 300 at the
 * weekend) errors grow with the level, and one additive spread would be too wide for the small days
 * and too narrow for the big ones.
 */
export function calibrateRelativeQuantiles(input: { point: Float64Array; relativeErrors: ArrayLike<number>; levels: readonly number[] }): Map<number, Float64Array> {
  const sorted = sortedCopy(input.relativeErrors);
  const quantiles = new Map<number, Float64Array>();
  for (const level of input.levels) {
    const factor = 1 + quantileOfSorted(sorted, level);
    quantiles.set(
      level,
      input.point.map((value) => Math.max(0, value * factor)),
    );
  }
  return quantiles;
}
