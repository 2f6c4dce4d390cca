import { EpochDay } from '../core/iso-date';
import { momentDispersion, negativeBinomialQuantile } from '../core/negative-binomial';
import { wholeNumbersAsOf } from '../core/quantiles';
import { countUpTo } from '../core/service-series';
import { ConformalSeries } from './conformal';

/**
 * Below this mean a day (of its last LEVEL_DAYS known days) one unit of a count is a fifth of its
 * level or more: its relative errors take a handful of values, and a band read off them (and rounded)
 * is coarse. On the London dishes that is 245 of 248 dishes and 17 of the top 20; the aggregate
 * series (diners, items and orders a day, restaurants' visitors) lie far above it.
 */
export const LOW_COUNT_LEVEL = 5;
const LEVEL_DAYS = 28;
/** A series' own latest errors that estimate its dispersion; with fewer than MIN_OWN_ERRORS the panel's low counts' do. */
const OWN_ERRORS = 240;
const MIN_OWN_ERRORS = 40;
const POOL_DAYS = 56;

/**
 * Quantiles of low-volume counts from a negative binomial around the point forecast (the M5
 * uncertainty lesson for intermittent items) instead of relative-error ones: whole numbers by
 * construction, and on a dish that sells 0–3 a day a band the panel's many sparser dishes do not set.
 * A day keeps its `fallback` quantiles unless its series is a low count as of the day's origin
 * (lowCountModel).
 */
export function countQuantiles(params: { series: readonly ConformalSeries[]; lead: number; levels: readonly number[]; fallback: readonly Map<number, Float64Array>[] }): Map<number, Float64Array>[] {
  const { series, lead, levels, fallback } = params;
  const modelAt = lowCountModel(series, lead);
  return series.map((entry, s) => {
    const quantiles = new Map([...fallback[s]].map(([level, values]) => [level, Float64Array.from(values)] as const));
    for (let i = 0; i < entry.days.length; i++) {
      const model = modelAt(s, entry.days[i] - lead);
      if (model === undefined || !Number.isFinite(entry.point[i])) continue;
      for (const level of levels) quantiles.get(level)![i] = model.quantile(entry.point[i], level);
    }
    return quantiles;
  });
}

/** Each level's negative-binomial quantile of every day's forecast. */
export function countBands(point: Float64Array, levels: readonly number[], model: CountModel): Map<number, Float64Array> {
  return new Map(levels.map((level) => [level, point.map((value) => (Number.isFinite(value) ? model.quantile(value, level) : Number.NaN))] as const));
}

export interface CountModel {
  /** The level-quantile of the negative binomial of a day with this point forecast. */
  readonly quantile: (point: number, level: number) => number;
}

/**
 * For series `s` at `origin`: undefined unless it records whole numbers and the mean of its last
 * LEVEL_DAYS known days is below LOW_COUNT_LEVEL; else the negative binomial of its days forecast
 * from there, fitted on its latest out-of-sample errors (forecast `lead` days ahead) known at the
 * origin, or on every series' low-count errors of the last POOL_DAYS when it has fewer than
 * MIN_OWN_ERRORS (fitted).
 */
export function lowCountModel(series: readonly ConformalSeries[], lead: number): (s: number, origin: EpochDay) => CountModel | undefined {
  const levels = series.map(levelsAsOf);
  const whole = series.map((entry) => wholeNumbersAsOf(entry.days, entry.actual));
  const low = (s: number, origin: EpochDay) => levels[s](origin) < LOW_COUNT_LEVEL;
  const moments = series.map((entry, s) => errorMoments(entry, (day) => low(s, day - lead)));
  const pooled = pooledMoments(moments);
  return (s, origin) => {
    if (!whole[s](origin) || !low(s, origin)) return undefined;
    const { days, sums } = moments[s];
    const known = countUpTo(days, origin);
    const from = Math.max(0, known - OWN_ERRORS);
    return fitted(known - from >= MIN_OWN_ERRORS ? difference(sums, from, known) : pooled(origin));
  };
}

/** Sums over errors: y, y², p, p², y·p and their count (y actual, p point forecast). */
const SUMS = 6;

function difference(prefix: Float64Array, from: number, to: number): Float64Array {
  return Float64Array.from({ length: SUMS }, (_, k) => prefix[to * SUMS + k] - prefix[from * SUMS + k]);
}

/**
 * The mean is the point forecast plus its mean error: the point is chosen for WAPE, which on an item
 * that sells on few days is nearer the median than the mean (on the London dishes it is 5–87 % of
 * the sales, the sparser the lower), and a negative binomial around it would sit too low. The
 * dispersion α by the method of moments around that mean: Σ((y − μ)² − μ) / Σ μ².
 */
function fitted(sums: Float64Array): CountModel {
  const [y, y2, p, p2, yp, n] = sums;
  const shift = n > 0 ? (y - p) / n : 0;
  const squaredErrors = y2 + p2 + n * shift * shift - 2 * yp - 2 * shift * y + 2 * shift * p;
  const means = p + n * shift;
  const squaredMeans = p2 + 2 * shift * p + n * shift * shift;
  const dispersion = momentDispersion(squaredErrors - means, squaredMeans);
  return { quantile: (point, level) => negativeBinomialQuantile(Math.max(0, point + shift), dispersion, level) };
}

/** The mean of a series' last LEVEL_DAYS known values dated ≤ an origin (NaN before the first). */
function levelsAsOf(entry: ConformalSeries): (origin: EpochDay) => number {
  const known = [...entry.days.keys()].filter((i) => Number.isFinite(entry.actual[i]));
  const days = Int32Array.from(known, (i) => entry.days[i]);
  const sums = new Float64Array(known.length + 1);
  known.forEach((i, k) => (sums[k + 1] = sums[k] + entry.actual[i]));
  return (origin) => {
    const to = countUpTo(days, origin);
    const from = Math.max(0, to - LEVEL_DAYS);
    return to > from ? (sums[to] - sums[from]) / (to - from) : Number.NaN;
  };
}

interface ErrorMoments {
  /** The days with a forecast and an actual, whether each was a low-count day, and prefix sums (SUMS a day) over them. */
  readonly days: Int32Array;
  readonly low: Uint8Array;
  readonly sums: Float64Array;
}

function errorMoments(entry: ConformalSeries, lowOn: (day: EpochDay) => boolean): ErrorMoments {
  const { days, actual, point } = entry;
  const scored = [...days.keys()].filter((i) => Number.isFinite(actual[i]) && Number.isFinite(point[i]));
  const sums = new Float64Array((scored.length + 1) * SUMS);
  scored.forEach((i, k) => {
    const y = actual[i];
    const p = Math.max(0, point[i]);
    const terms = [y, y * y, p, p * p, y * p, 1];
    for (let j = 0; j < SUMS; j++) sums[(k + 1) * SUMS + j] = sums[k * SUMS + j] + terms[j];
  });
  return { days: Int32Array.from(scored, (i) => days[i]), low: Uint8Array.from(scored, (i) => (lowOn(days[i]) ? 1 : 0)), sums };
}

/** The sums of every series' low-count errors dated in (origin − POOL_DAYS, origin], by origin. */
function pooledMoments(moments: readonly ErrorMoments[]): (origin: EpochDay) => Float64Array {
  const byDay = new Map<EpochDay, Float64Array>();
  for (const { days, low, sums } of moments) {
    for (let k = 0; k < days.length; k++) {
      if (!low[k]) continue;
      let total = byDay.get(days[k]);
      if (!total) byDay.set(days[k], (total = new Float64Array(SUMS)));
      for (let j = 0; j < SUMS; j++) total[j] += sums[(k + 1) * SUMS + j] - sums[k * SUMS + j];
    }
  }
  const days = Int32Array.from([...byDay.keys()].sort((a, b) => a - b));
  const prefix = new Float64Array((days.length + 1) * SUMS);
  days.forEach((day, k) => {
    const total = byDay.get(day)!;
    for (let j = 0; j < SUMS; j++) prefix[(k + 1) * SUMS + j] = prefix[k * SUMS + j] + total[j];
  });
  return (origin) => difference(prefix, countUpTo(days, origin - POOL_DAYS), countUpTo(days, origin));
}
