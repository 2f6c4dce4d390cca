import { mapQuantiles } from '../core/quantiles';
import { previousSameWeekday } from '../core/same-weekday';
import { ServiceSeries } from '../core/service-series';
import { createModel, ModelOptions } from '../models/model-factory';
import { backtestModel, backtestModels, planBacktest } from './backtest';
import { selectOnline } from './online-selection';
import { thinlyInformedDays } from './unusual-days';

export interface MethodForecasts {
  readonly point: Float64Array;
  readonly quantiles: ReadonlyMap<number, Float64Array>;
}

export interface SeriesEvaluationInput {
  readonly series: ServiceSeries;
  /** System candidates in order of preference. */
  readonly candidates: readonly string[];
  readonly modelOptions?: ModelOptions;
  readonly leadDays: number;
  readonly refitEvery: number;
  /** Index of the first scored service day. */
  readonly testStart: number;
  /** Service days backtested before testStart only to give selection and calibration a past. */
  readonly warmupDays?: number;
  readonly levels: readonly number[];
}

export interface SeriesEvaluation {
  /** Series indices of the scored days: test days that every method could forecast. */
  readonly indices: Int32Array;
  readonly actual: Float64Array;
  /** MASE denominator: in-sample MAE of the weekly seasonal naive before the test. */
  readonly scale: number;
  readonly system: MethodForecasts & { readonly chosen: readonly string[] };
  readonly seasonalNaive: MethodForecasts;
  readonly median4: MethodForecasts;
}

/**
 * Backtests the self-selecting system and the two manager baselines on one series, all at
 * exactly `leadDays`: models are re-estimated every `refitEvery` days and only updated with
 * newer data in between; the baselines have no parameters, so they use the same data.
 */
export function evaluateSeries(input: SeriesEvaluationInput): SeriesEvaluation {
  const { series, leadDays, levels } = input;
  const days = series.days;
  const evalStart = Math.max(1, input.testStart - (input.warmupDays ?? 120));
  const offset = input.testStart - evalStart;
  const blocks = planBacktest({ days, testStart: evalStart, leadDays, refitEvery: input.refitEvery });
  const evalDays = days.subarray(evalStart);
  const actual = series.values.subarray(evalStart);
  // Everything a forecast for day t may know is dated <= t − lead, errors included.
  const origins = evalDays.map((day) => day - leadDays);

  const computed = backtestModels({ series, blocks, models: input.candidates.map((name) => createModel(name, input.modelOptions)) });
  const candidates = new Map(input.candidates.map((name, k) => [name, computed[k]] as const));
  const thinlyInformed = thinlyInformedDays(days, (i) => days[i] - leadDays).subarray(evalStart);
  const system = selectOnline({ days: evalDays, actual, origins, candidates, levels, thinlyInformed });
  const baseline = (name: string) => selectOnline({ days: evalDays, actual, origins, candidates: new Map([[name, backtestModel({ series, blocks, model: createModel(name) })]]), levels });
  const seasonalNaive = baseline('seasonalNaive');
  const median4 = baseline('median4');

  const scored: number[] = [];
  for (let i = offset; i < evalDays.length; i++) {
    if ([system.point[i], seasonalNaive.point[i], median4.point[i]].every(Number.isFinite)) scored.push(i);
  }
  const pick = (values: Float64Array) => Float64Array.from(scored, (i) => values[i]);
  const pickMethod = (method: { point: Float64Array; quantiles: ReadonlyMap<number, Float64Array> }): MethodForecasts => ({
    point: pick(method.point),
    quantiles: mapQuantiles(method.quantiles, pick),
  });
  return {
    indices: Int32Array.from(scored, (i) => i + evalStart),
    actual: pick(actual),
    scale: seasonalNaiveScale(series, input.testStart),
    system: { ...pickMethod(system), chosen: scored.map((i) => system.chosen[i]) },
    seasonalNaive: pickMethod(seasonalNaive),
    median4: pickMethod(median4),
  };
}

/** Mean |y_t − y_(previous same weekday)| over the service days before `end`. */
export function seasonalNaiveScale(series: ServiceSeries, end: number): number {
  const previous = previousSameWeekday(series.days);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < end; i++) {
    if (previous[i] < 0) continue;
    sum += Math.abs(series.values[i] - series.values[previous[i]]);
    count++;
  }
  return count > 0 ? sum / count : Number.NaN;
}
