import { EpochDay } from '../core/iso-date';
import { countUpTo } from '../core/service-series';

/** Weights of the global model tried; the rest goes to the series' own model. */
export const COMBINATION_WEIGHTS: readonly number[] = [0, 0.25, 0.5, 0.75, 1];
/** Calendar days of past errors that choose the weight. */
const WINDOW_DAYS = 91;
/** Before any error is known: an even mix. */
export const DEFAULT_GLOBAL_WEIGHT = 0.5;
/**
 * A "global" model of fewer series than this has learned from one or two histories only: a tree
 * model on a few hundred rows, no better placed than the series' own model, so it gets at most half.
 */
export const MIN_GLOBAL_PANEL = 4;

export interface CombinationSeries {
  readonly days: Int32Array;
  readonly actual: Float64Array;
  readonly global: Float64Array;
  readonly local: Float64Array;
}

export function mix(global: number, local: number, weight: number): number {
  if (!Number.isFinite(global)) return local;
  if (!Number.isFinite(local)) return global;
  return weight * global + (1 - weight) * local;
}

/**
 * The system's point forecast: the global model and the series' own selected model mixed with the
 * weight whose forecasts erred least over the last WINDOW_DAYS days of actuals known at the origin,
 * judged half on the series itself and half on the whole panel (so one series' short record cannot
 * swing it far). Combinations are robust where either model alone fails: the global model on a
 * series unlike the others, a local model through a level shift. Returns the forecasts and the
 * weight chosen for each day.
 */
export function combineOnline(params: { series: readonly CombinationSeries[]; lead: number }): { point: Float64Array[]; weight: Float64Array[] } {
  const { series, lead } = params;
  const errors = series.map(cumulativeErrors);
  const panelCache = new Map<EpochDay, Float64Array>();
  // Read at once by bestWeight: one array for every day.
  const own = new Float64Array(COMBINATION_WEIGHTS.length + 1);
  const windowErrors = (s: number, origin: EpochDay): Float64Array => {
    const { days } = series[s];
    const end = countUpTo(days, origin);
    const start = countUpTo(days, origin - WINDOW_DAYS);
    errors[s].forEach((prefix, k) => (own[k] = prefix[end] - prefix[start]));
    return own;
  };
  const panelErrors = (origin: EpochDay): Float64Array => {
    let cached = panelCache.get(origin);
    if (!cached) {
      cached = new Float64Array(COMBINATION_WEIGHTS.length + 1);
      // As windowErrors summed over the series, without an array per series and origin.
      for (let s = 0; s < series.length; s++) {
        const { days } = series[s];
        const end = countUpTo(days, origin);
        const start = countUpTo(days, origin - WINDOW_DAYS);
        const prefixes = errors[s];
        for (let k = 0; k < prefixes.length; k++) cached[k] += prefixes[k][end] - prefixes[k][start];
      }
      if (panelCache.size > 512) panelCache.clear();
      panelCache.set(origin, cached);
    }
    return cached;
  };
  const point = series.map((entry) => new Float64Array(entry.days.length));
  const weight = series.map((entry) => new Float64Array(entry.days.length));
  series.forEach((entry, s) => {
    for (let i = 0; i < entry.days.length; i++) {
      const origin = entry.days[i] - lead;
      const panel = panelErrors(origin);
      const chosen = bestWeight(windowErrors(s, origin), panel, series.length >= MIN_GLOBAL_PANEL ? 1 : DEFAULT_GLOBAL_WEIGHT);
      weight[s][i] = chosen;
      point[s][i] = mix(entry.global[i], entry.local[i], chosen);
    }
  });
  return { point, weight };
}

/**
 * Per weight, prefix sums of |actual − mix| over the days where both models forecast; the last slot
 * holds the prefix sums of the actuals (the WAPE denominator).
 */
function cumulativeErrors(entry: CombinationSeries): Float64Array[] {
  const n = entry.days.length;
  const sums = Array.from({ length: COMBINATION_WEIGHTS.length + 1 }, () => new Float64Array(n + 1));
  for (let i = 0; i < n; i++) {
    const usable = Number.isFinite(entry.global[i]) && Number.isFinite(entry.local[i]) && Number.isFinite(entry.actual[i]);
    COMBINATION_WEIGHTS.forEach((w, k) => (sums[k][i + 1] = sums[k][i] + (usable ? Math.abs(entry.actual[i] - mix(entry.global[i], entry.local[i], w)) : 0)));
    sums[COMBINATION_WEIGHTS.length][i + 1] = sums[COMBINATION_WEIGHTS.length][i] + (usable ? entry.actual[i] : 0);
  }
  return sums;
}

function bestWeight(own: Float64Array, panel: Float64Array, maxWeight: number): number {
  const last = COMBINATION_WEIGHTS.length;
  if (!(panel[last] > 0)) return DEFAULT_GLOBAL_WEIGHT;
  let best = DEFAULT_GLOBAL_WEIGHT;
  let bestScore = Number.POSITIVE_INFINITY;
  COMBINATION_WEIGHTS.forEach((w, k) => {
    if (w > maxWeight) return;
    const score = panel[k] / panel[last] + (own[last] > 0 ? own[k] / own[last] : panel[k] / panel[last]);
    if (score < bestScore - 1e-12) {
      bestScore = score;
      best = w;
    }
  });
  return best;
}

/**
 * The combination of the backtest days (as `combineOnline`) and the weight it picks for the days
 * after each history (forecast from the series' last day), from every backtest error: judged as in
 * the backtest, half on the series, half on the panel. One pass: each series gets one unknown day.
 */
export function combineForHorizon(params: { series: readonly CombinationSeries[]; lastDays: readonly number[]; lead: number }): {
  point: Float64Array[];
  weight: Float64Array[];
  horizonWeight: number[];
} {
  const { series, lastDays, lead } = params;
  const extended = series.map((entry, s) => ({
    days: withDay(entry.days, lastDays[s] + lead),
    actual: withUnknownDay(entry.actual),
    global: withUnknownDay(entry.global),
    local: withUnknownDay(entry.local),
  }));
  const { point, weight } = combineOnline({ series: extended, lead });
  const known = (values: Float64Array, s: number) => values.subarray(0, series[s].days.length);
  return { point: point.map(known), weight: weight.map(known), horizonWeight: weight.map((values, s) => values[series[s].days.length]) };
}

/** The days with one more at the end (without spreading thousands of arguments). */
export function withDay(days: Int32Array, day: number): Int32Array {
  const out = new Int32Array(days.length + 1);
  out.set(days);
  out[days.length] = day;
  return out;
}

/** The values with one more, unknown (NaN) day at the end: the day after a history. */
export function withUnknownDay(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1).fill(Number.NaN);
  out.set(values);
  return out;
}
