import { compareCodes } from '@larder/domain';

/** One forecast set against what happened: canteen × day × meal × dish (dish 0 = covers). */
export interface ForecastPair {
  canteenId: number;
  serviceDate: string;
  meal: string;
  dishId: number;
  p50: number;
  p10: number;
  p90: number;
  actual: number;
}

export interface AccuracyFigures {
  pairs: number;
  actual: number;
  forecast: number;
  absoluteError: number;
  /** Sum |forecast − actual| / sum actual: weighted absolute percentage error. */
  wape: number | null;
  /** Sum (forecast − actual) / sum actual: positive means over-forecast. */
  bias: number | null;
  /** Share of pairs whose actual fell inside P10–P90 (0.8 if calibrated). */
  intervalHitRate: number | null;
}

/** What accuracy is scored from; the database can sum these for many pairs at once. */
export interface AccuracySums {
  pairs: number;
  actual: number;
  forecast: number;
  absoluteError: number;
  /** Pairs whose actual fell inside P10–P90, ends included. */
  hits: number;
}

export function accuracyOf(pairs: ForecastPair[]): AccuracyFigures {
  const sums: AccuracySums = { pairs: pairs.length, actual: 0, forecast: 0, absoluteError: 0, hits: 0 };
  for (const pair of pairs) {
    sums.actual += pair.actual;
    sums.forecast += pair.p50;
    sums.absoluteError += Math.abs(pair.p50 - pair.actual);
    if (pair.actual >= pair.p10 && pair.actual <= pair.p90) sums.hits += 1;
  }
  return accuracyFromSums(sums);
}

export function accuracyFromSums(sums: AccuracySums): AccuracyFigures {
  const { pairs, actual, forecast, absoluteError, hits } = sums;
  return {
    pairs,
    actual,
    forecast,
    absoluteError,
    wape: actual > 0 ? absoluteError / actual : null,
    bias: actual > 0 ? (forecast - actual) / actual : null,
    intervalHitRate: pairs > 0 ? hits / pairs : null,
  };
}

/** Groups pairs by a key and scores each group, in key order. */
export function accuracyBy<K extends string | number>(pairs: ForecastPair[], key: (pair: ForecastPair) => K): { key: K; figures: AccuracyFigures }[] {
  const groups = new Map<K, ForecastPair[]>();
  for (const pair of pairs) {
    const value = key(pair);
    const list = groups.get(value);
    if (list) list.push(pair);
    else groups.set(value, [pair]);
  }
  return [...groups.entries()].sort(([a], [b]) => compareCodes(a, b)).map(([value, list]) => ({ key: value, figures: accuracyOf(list) }));
}
