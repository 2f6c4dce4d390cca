import { QuantileMap } from '../core/quantiles';

/** Accuracy summary; every ratio is a fraction (0.12 = 12 %). null when undefined (e.g. no quantiles). */
export interface ForecastMetrics {
  /** Σ|F−A| / ΣA. */
  readonly wape: number | null;
  readonly mae: number | null;
  /** Σ|F−A| / Σ scale, scale = in-sample MAE of the weekly seasonal naive of the point's series. */
  readonly mase: number | null;
  /** Σ(F−A) / ΣA: positive means over-forecast. */
  readonly bias: number | null;
  /** Σ max(F−A,0) / ΣA. */
  readonly overPct: number | null;
  /** Σ max(A−F,0) / ΣA. */
  readonly underPct: number | null;
  /** Mean over the levels of Σ pinball_τ(A, q_τ) / ΣA (scaled like WAPE: at τ = 0.5 it equals WAPE/2). */
  readonly pinball: number | null;
  /** Share of days with p10 ≤ A ≤ p90. */
  readonly coverage80: number | null;
  /**
   * The same with ties spread (`bandShare`): a count that equals several quantiles counts by the share
   * of their levels inside 10–90 %. Equals coverage80 on continuous data; on sparse counts it is the one
   * a calibrated forecast brings to 80 % (where p10 = 0, every day without a sale is "inside" p10–p90).
   */
  readonly tieCoverage80: number | null;
  readonly n: number;
}

export interface MetricsInput {
  readonly actual: Float64Array;
  readonly point: Float64Array;
  readonly quantiles?: QuantileMap;
  /** Levels averaged by the pinball loss; defaults to all levels in `quantiles`. */
  readonly levels?: readonly number[];
  /** Per-point MASE denominator. */
  readonly scale?: Float64Array;
}

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

export function pinballLoss(actual: number, quantile: number, level: number): number {
  const error = actual - quantile;
  return error >= 0 ? level * error : (level - 1) * error;
}

export function computeMetrics(input: MetricsInput): ForecastMetrics {
  const { actual, point, quantiles, scale } = input;
  const n = actual.length;
  let totalActual = 0;
  let absolute = 0;
  let signed = 0;
  let over = 0;
  let under = 0;
  let scaleSum = 0;
  let scaledAbsolute = 0;
  for (let i = 0; i < n; i++) {
    const error = point[i] - actual[i];
    totalActual += actual[i];
    absolute += Math.abs(error);
    signed += error;
    if (error > 0) over += error;
    else under -= error;
    // Points of series without a usable scale (too little history) are left out of MASE only.
    if (scale && Number.isFinite(scale[i])) {
      scaleSum += scale[i];
      scaledAbsolute += Math.abs(error);
    }
  }
  return {
    wape: ratio(absolute, totalActual),
    mae: n > 0 ? absolute / n : null,
    mase: scale ? ratio(scaledAbsolute, scaleSum) : null,
    bias: ratio(signed, totalActual),
    overPct: ratio(over, totalActual),
    underPct: ratio(under, totalActual),
    pinball: quantiles ? meanPinball({ actual, quantiles, levels: input.levels ?? [...quantiles.keys()], totalActual }) : null,
    coverage80: quantiles ? coverage({ actual, lower: quantiles.get(BAND_LEVELS[0]), upper: quantiles.get(BAND_LEVELS[1]) }) : null,
    tieCoverage80: quantiles ? tieCoverage(actual, quantiles) : null,
    n,
  };
}

function meanPinball(input: { actual: Float64Array; quantiles: QuantileMap; levels: readonly number[]; totalActual: number }): number | null {
  const { actual, quantiles, levels, totalActual } = input;
  if (levels.length === 0 || !(totalActual > 0)) return null;
  let sum = 0;
  for (const level of levels) {
    const values = quantiles.get(level);
    if (!values) throw new Error(`metrics: quantile ${level} missing`);
    let loss = 0;
    for (let i = 0; i < actual.length; i++) loss += pinballLoss(actual[i], values[i], level);
    sum += loss / totalActual;
  }
  return sum / levels.length;
}

function coverage(input: { actual: Float64Array; lower?: Float64Array; upper?: Float64Array }): number | null {
  const { actual, lower, upper } = input;
  if (!lower || !upper || actual.length === 0) return null;
  let inside = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++;
  return inside / actual.length;
}

/** The p10–p90 band whose coverage is reported and steered. */
export const BAND_LEVELS = [0.1, 0.9] as const;

/**
 * How much of a day's p10–p90 band its actual falls in, with ties spread: the actual's place in the
 * forecast distribution (its PIT) lies between the highest level whose quantile is below it and the
 * lowest level whose quantile is above it (0 and 1 beyond the ends), and the day counts by the share
 * of that span inside 10–90 %. Without a tie that is 1 or 0, as the plain coverage; a dish that sold
 * nothing on a day with p10 = p50 = 0 < p80 counts 0.875, after the randomised PIT of count forecasts
 * (Czado, Gneiting & Held 2009) with the PIT spread evenly over the tied levels. Where every quantile
 * ties the span runs to 1 and the day counts 0.8: the given levels cannot tell more, so the measure
 * leans low there. `levels` ascending, `values` the day's quantiles at them; a missing actual or band
 * end (NaN) counts 0, as in the plain coverage.
 */
export function bandShare(actual: number, levels: ArrayLike<number>, values: ArrayLike<number>): number {
  if (!Number.isFinite(actual)) return 0;
  for (let k = 0; k < levels.length; k++) if ((levels[k] === BAND_LEVELS[0] || levels[k] === BAND_LEVELS[1]) && !Number.isFinite(values[k])) return 0;
  let below = 0;
  let above = 1;
  for (let k = 0; k < levels.length; k++) {
    if (!Number.isFinite(values[k])) continue;
    if (values[k] < actual) below = levels[k];
    else if (values[k] > actual) {
      above = levels[k];
      break;
    }
  }
  const inside = Math.min(above, BAND_LEVELS[1]) - Math.max(below, BAND_LEVELS[0]);
  // above ≤ below only with crossed quantiles: counted as outside.
  return above > below ? Math.max(0, inside) / (above - below) : 0;
}

function tieCoverage(actual: Float64Array, quantiles: QuantileMap): number | null {
  if (!quantiles.has(BAND_LEVELS[0]) || !quantiles.has(BAND_LEVELS[1]) || actual.length === 0) return null;
  const levels = [...quantiles.keys()].sort((a, b) => a - b);
  const columns = levels.map((level) => quantiles.get(level)!);
  const values = new Float64Array(levels.length);
  let inside = 0;
  for (let i = 0; i < actual.length; i++) {
    for (let k = 0; k < levels.length; k++) values[k] = columns[k][i];
    inside += bandShare(actual[i], levels, values);
  }
  return inside / actual.length;
}

/**
 * Symmetric MAPE of one series: mean over its days of 2|F−A| / (|F|+|A|), a day with F = A = 0
 * counting as 0 (an exact forecast of no sale). Per dish, so that a rarely-sold dish weighs as much
 * as a best seller when the per-dish values are averaged; NaN without days.
 */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  if (actual.length !== forecast.length) throw new Error(`smape: ${actual.length} actual values but ${forecast.length} forecasts`);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(forecast[i]) + Math.abs(actual[i]);
    if (denominator > 0) sum += (2 * Math.abs(forecast[i] - actual[i])) / denominator;
  }
  return actual.length > 0 ? sum / actual.length : Number.NaN;
}
