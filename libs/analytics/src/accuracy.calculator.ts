import { compareCodes } from '@larder/domain';
import { bandShare } from '@larder/forecasting';

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

/** A stored forecast of a day with how many days ahead it was made (from its run's as-of to the day). */
export interface LeadPair extends ForecastPair {
  lead: number;
}

/** The week of the horizon a forecast was made in (the forecasting library's rule, for the reports). */
export { leadWeekDays, leadWeekOf } from '@larder/forecasting';

export interface AccuracyFigures {
  pairs: number;
  actual: number;
  forecast: number;
  absoluteError: number;
  /** Sum |forecast − actual| / sum actual: weighted absolute percentage error. */
  wape: number | null;
  /** Sum (forecast − actual) / sum actual: positive means over-forecast. */
  bias: number | null;
  /**
   * Share of pairs whose actual fell inside P10–P90 (0.8 if calibrated), a tie with the band's
   * quantiles counting in part (`bandShare`): a dish forecast in whole portions often has p10 = 0, and
   * a day without a sale is not simply "inside" however wide the band. Null when not counted.
   */
  intervalHitRate: number | null;
}

/** What accuracy is scored from; the database can sum these for many pairs at once. */
export interface AccuracySums {
  pairs: number;
  actual: number;
  forecast: number;
  absoluteError: number;
  /** Pairs inside P10–P90 as `bandShare` counts them, summed; absent where the band is not scored. */
  inside?: number;
}

/** The quantile levels a stored forecast keeps, and so the ones its band is judged by. */
const STORED_LEVELS = [0.1, 0.5, 0.9] as const;

export function accuracyOf(pairs: ForecastPair[]): AccuracyFigures {
  const sums = { pairs: pairs.length, actual: 0, forecast: 0, absoluteError: 0, inside: 0 };
  for (const pair of pairs) {
    sums.actual += pair.actual;
    sums.forecast += pair.p50;
    sums.absoluteError += Math.abs(pair.p50 - pair.actual);
    sums.inside += bandShare(pair.actual, STORED_LEVELS, [pair.p10, pair.p50, pair.p90]);
  }
  return accuracyFromSums(sums);
}

export function accuracyFromSums(sums: AccuracySums): AccuracyFigures {
  const { pairs, actual, forecast, absoluteError, inside } = sums;
  return {
    pairs,
    actual,
    forecast,
    absoluteError,
    wape: actual > 0 ? absoluteError / actual : null,
    bias: actual > 0 ? (forecast - actual) / actual : null,
    intervalHitRate: pairs > 0 && inside !== undefined ? inside / pairs : null,
  };
}

/** Groups pairs by a key and scores each group, in key order. */
export function accuracyBy<K extends string | number, P extends ForecastPair = ForecastPair>(pairs: P[], key: (pair: P) => K): { key: K; figures: AccuracyFigures }[] {
  const groups = new Map<K, P[]>();
  for (const pair of pairs) {
    const value = key(pair);
    const list = groups.get(value);
    if (list) list.push(pair);
    else groups.set(value, [pair]);
  }
  return [...groups.entries()].sort(([a], [b]) => compareCodes(a, b)).map(([value, list]) => ({ key: value, figures: accuracyOf(list) }));
}
