import { mapQuantiles, medianAtPoint, mergeLevels, QuantileMap } from '../core/quantiles';
import { ServiceCalendar } from '../core/service-calendar';
import { Horizon, ServiceSeries } from '../core/service-series';
import { backtestGlobal, fitGlobalModel, GlobalModelOptions, indexRange, kept, keptIndices, originMatrix, predictRow, trainingShare } from '../global/global-model';
import { extendTimeline, Timeline } from '../global/panel-features';
import { createBareModel, createModel, isBareModel } from '../models/model-factory';
import { autoForecast } from './auto-forecast';
import { backtestModel, planBacktest } from './backtest';
import { combineForHorizon, mix, withDay, withUnknownDay } from './combination';
import { ConformalCalibrator, conformalQuantiles, errorScales } from './conformal';
import { countBands, lowCountModel } from './count-quantiles';
import { thinlyInformedDays, unusualDays } from './unusual-days';

export interface PanelForecastInput {
  readonly entries: readonly { readonly series: ServiceSeries; readonly horizon: Horizon }[];
  readonly calendar?: ServiceCalendar;
  readonly levels?: readonly number[];
  /** The backtest that weighs the models and calibrates the quantiles: lead, scored days, local refits. */
  readonly leadDays?: number;
  readonly testDays?: number;
  readonly refitEvery?: number;
  readonly global?: GlobalModelOptions;
}

export interface PanelForecastResult {
  /** The series' own backtest-selected model. */
  readonly localModel: string;
  /** Weight of the global model in the final mix (0 = the local model alone). */
  readonly globalWeight: number;
  readonly point: Float64Array;
  readonly quantiles: QuantileMap;
  /** Backtest WAPE of the system (the mix) and of the two planners' rules, on the same days. */
  readonly backtestWape: number | null;
  readonly baselineWape: { readonly seasonalNaive: number | null; readonly median4: number | null };
  /** The system's backtest forecasts by service day (the dish split is backtested on them). */
  readonly backtest: ReadonlyMap<number, number>;
  readonly candidateWape: Readonly<Record<string, number | null>>;
}

const HORIZON_LEADS = 28;

/**
 * The production forecast of a panel of series (every canteen × meal of an install): the global
 * model learned across all of them and each series' own selected model, mixed with the weight that
 * erred least in the backtest, with split-conformal quantiles from the backtest's relative errors.
 * The global model that forecasts the horizon is trained on rows seen at every lead 1…28 days, so
 * one model serves the whole horizon; the backtest runs at `leadDays` (14: the middle of it).
 */
export function forecastPanel(input: PanelForecastInput): PanelForecastResult[] {
  const levels = mergeLevels(input.levels);
  const leadDays = input.leadDays ?? 14;
  const testDays = input.testDays ?? 56;
  const refitEvery = input.refitEvery ?? 7;
  const history: Timeline[] = input.entries.map(({ series }) => series);
  const starts = input.entries.map(({ series }) => Math.max(1, series.days.length - testDays));
  const fromDay = Math.min(...input.entries.map(({ series }, s) => series.days[starts[s]] ?? Number.POSITIVE_INFINITY));
  const globalBacktest = Number.isFinite(fromDay)
    ? // One fit for the whole backtest window (it is as long as a refit interval): the product refits nightly anyway.
      backtestGlobal({ timelines: history, lead: leadDays, fromDay, refitEvery: testDays + leadDays, options: { calendar: input.calendar, ...input.global } })
    : history.map((timeline) => new Float64Array(timeline.days.length).fill(Number.NaN));

  // Each series' history and horizon as one run of days: a break's first days back are known ahead.
  const allDays = input.entries.map(({ series, horizon }) => {
    const days = new Int32Array(series.days.length + horizon.days.length);
    days.set(series.days);
    days.set(horizon.days, series.days.length);
    return days;
  });
  // The backtest's days are forecast `leadDays` ahead, the horizon's from the last day of the history.
  const thinlyInformed = input.entries.map(({ series }, s) => {
    const lastDay = series.days[series.days.length - 1];
    return thinlyInformedDays(allDays[s], (i) => (i < series.days.length ? allDays[s][i] - leadDays : lastDay));
  });

  const modelOptions = { calendar: input.calendar };
  const locals = input.entries.map(({ series, horizon }, s) => {
    const auto = autoForecast({ series, horizon, levels, modelOptions, leadDays, testDays, refitEvery, thinlyInformed: thinlyInformed[s].subarray(0, series.days.length) });
    const offset = auto.backtestFrom;
    const blocks = planBacktest({ days: series.days, testStart: offset, leadDays, refitEvery });
    // The planners' rules as they are (without the calendar days the product's weekday models hand to the regression),
    // taken from the candidates' backtests where the candidate is that same model.
    const baseline = (name: string) => (isBareModel(name, modelOptions) ? auto.backtests.get(name) : undefined) ?? backtestModel({ series, blocks, model: createBareModel(name) });
    const local = auto.backtests.get(auto.model) ?? backtestModel({ series, blocks, model: createModel(auto.model, modelOptions) });
    return { auto, offset, local, seasonalNaive: baseline('seasonalNaive'), median4: baseline('median4') };
  });
  const combinationSeries = input.entries.map(({ series }, s) => ({
    days: series.days.subarray(locals[s].offset),
    actual: series.values.subarray(locals[s].offset),
    global: globalBacktest[s].subarray(locals[s].offset),
    local: locals[s].local,
  }));
  const lastDays = input.entries.map(({ series }) => series.days[series.days.length - 1]);
  const combined = combineForHorizon({ series: combinationSeries, lastDays, lead: leadDays });
  // A global model that could not be fitted at the backtest's cutoff (too few rows then) has no record:
  // the horizon's model, fitted on more, is not mixed in on trust (the combination's even mix before any error).
  const globalBacktested = globalBacktest.some((values) => values.some(Number.isFinite));
  const classes = allDays.map((days, s) => unusualDays(days, input.calendar, thinlyInformed[s]));
  const conformalSeries = combinationSeries.map((entry, s) => ({
    days: entry.days,
    actual: entry.actual,
    point: combined.point[s],
    unusual: classes[s].subarray(locals[s].offset, input.entries[s].series.days.length),
  }));
  const calibrator = new ConformalCalibrator(conformalSeries, leadDays);
  // The backtest's own bands, so that the horizon's levels are recalibrated on how they did.
  conformalQuantiles({ series: conformalSeries, lead: leadDays, levels, fromDay: Number.NEGATIVE_INFINITY, calibrator });
  const countModel = lowCountModel(conformalSeries, leadDays);

  const finalGlobal = forecastHorizon(input, history);
  return input.entries.map(({ series }, s) => {
    const local = locals[s];
    const entry = combinationSeries[s];
    const lastDay = series.days[series.days.length - 1];
    const weight = globalBacktested ? combined.horizonWeight[s] : 0;
    const point = Float64Array.from(local.auto.forecast.point, (value, i) => mix(finalGlobal[s][i], value, weight));
    const horizonClass = classes[s].subarray(series.days.length);
    // The scale floor of the day after the history: every backtest actual is known.
    const floor = errorScales({ days: withDay(entry.days, lastDay + leadDays), actual: withUnknownDay(entry.actual), point: withZero(combined.point[s]) }, leadDays);
    const scaleFloor = floor[floor.length - 1];
    const byClass = [false, true].map((unusual) => {
      const sample = calibrator.sample(s, lastDay, unusual);
      return { sample, relative: calibrator.relativeQuantiles({ s, origin: lastDay, sample, levels, unusual, into: new Float64Array(levels.length) }) };
    });
    const quantiles = new Map(
      levels.map(
        (level, k) =>
          [
            level,
            Float64Array.from(point, (value, i) => {
              const { relative } = byClass[horizonClass[i]];
              return calibrator.quantileValue(s, lastDay, value + Math.max(value, scaleFloor) * relative[k]);
            }),
          ] as const,
      ),
    );
    const count = countModel(s, lastDay);
    const backtest = new Map<number, number>();
    combined.point[s].forEach((value, i) => {
      if (Number.isFinite(value)) backtest.set(entry.days[i], value);
    });
    return {
      localModel: local.auto.model,
      globalWeight: weight,
      point,
      quantiles: medianAtPoint(
        count !== undefined
          ? countBands(point, levels, count)
          : byClass.every(({ sample }) => sample.length > 0)
            ? quantiles
            : mapQuantiles(local.auto.forecast.quantiles, (values) => values.map((value) => calibrator.quantileValue(s, lastDay, value))),
        point,
        (value) => calibrator.quantileValue(s, lastDay, value),
      ),
      backtestWape: wape(entry.actual, combined.point[s]),
      baselineWape: { seasonalNaive: wape(entry.actual, local.seasonalNaive), median4: wape(entry.actual, local.median4) },
      backtest,
      candidateWape: local.auto.backtestWape,
    };
  });
}

/** The global model fitted on all history at leads 1…28 and its forecasts of each horizon day from the last history day. */
function forecastHorizon(input: PanelForecastInput, history: readonly Timeline[]): Float64Array[] {
  const asOf = Math.max(...history.map((timeline) => timeline.days[timeline.days.length - 1] ?? Number.NEGATIVE_INFINITY));
  const share = trainingShare(history, input.global?.maxTrainingRows ?? 120_000);
  const training = originMatrix({
    timelines: history,
    calendar: input.calendar,
    // Each past day is seen from one lead, spread evenly over the horizon's leads.
    originOf: (s, day, index) => (kept(s, index, share) ? day - (1 + ((index * 7 + s * 3) % HORIZON_LEADS)) : Number.NaN),
    indices: (s) => keptIndices(s, history[s].days.length, share),
  });
  const model = fitGlobalModel(training, asOf, { calendar: input.calendar, ...input.global });
  const forecasts = input.entries.map(({ horizon }) => new Float64Array(horizon.days.length).fill(Number.NaN));
  if (!model) return forecasts;
  // A few hundred series at a time: each history extended into its horizon is a copy, and thousands
  // of them alive at once cost more in fresh memory than the features written from them.
  for (let from = 0; from < input.entries.length; from += HORIZON_CHUNK) {
    const chunk = input.entries.slice(from, from + HORIZON_CHUNK);
    const timelines: Timeline[] = chunk.map(({ series, horizon }) => extendTimeline(series, horizon));
    const future = originMatrix({
      timelines,
      calendar: input.calendar,
      space: training.space,
      originOf: () => asOf,
      indices: (k) => indexRange(chunk[k].series.days.length, timelines[k].days.length),
    });
    for (let r = 0; r < future.day.length; r++) {
      const k = future.series[r];
      forecasts[from + k][future.index[r] - chunk[k].series.days.length] = predictRow(model, future, r);
    }
  }
  return forecasts;
}

const HORIZON_CHUNK = 256;

function withZero(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1);
  out.set(values);
  return out;
}

function wape(actual: Float64Array, forecast: Float64Array): number | null {
  let error = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    if (!Number.isFinite(forecast[i])) continue;
    error += Math.abs(actual[i] - forecast[i]);
    total += actual[i];
  }
  return total > 0 ? error / total : null;
}
