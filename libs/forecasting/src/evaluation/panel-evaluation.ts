import { mapQuantiles, medianAtPoint } from '../core/quantiles';
import { ServiceCalendar } from '../core/service-calendar';
import { ServiceSeries, sliceSeries } from '../core/service-series';
import { backtestGlobal, GlobalModelOptions } from '../global/global-model';
import { createModel } from '../models/model-factory';
import { defaultCandidates } from './auto-forecast';
import { backtestCandidates, backtestModel, planBacktest, testStartIndex } from './backtest';
import { combineOnline } from './combination';
import { ConformalCalibrator, conformalQuantiles } from './conformal';
import { countQuantiles } from './count-quantiles';
import { selectOnline } from './online-selection';
import { seasonalNaiveScale, SeriesEvaluation } from './series-evaluation';
import { thinlyInformedDays, unusualDays } from './unusual-days';

export interface PanelEvaluationInput {
  readonly series: readonly ServiceSeries[];
  readonly leadDays: number;
  /** Local models' refits (days); the global model is refitted every `globalRefitEvery` days. */
  readonly refitEvery: number;
  readonly globalRefitEvery?: number;
  readonly test: { readonly testDays?: number; readonly testFrom?: string };
  readonly levels: readonly number[];
  readonly calendar?: ServiceCalendar;
  /** Local candidates (default: by series type, from pre-test history). */
  readonly candidates?: readonly string[];
  readonly global?: GlobalModelOptions;
  /** Service days backtested before the test only to give the combination and calibration a past. */
  readonly warmupDays?: number;
  /** Called after the global model and after each series' local models: done of series + 1 steps. */
  readonly onStep?: (done: number, total: number) => void;
}

/** Refitting the global model monthly keeps it current at a twelfth of the cost of weekly refits. */
export const GLOBAL_REFIT_DAYS = 28;
const WARMUP_DAYS = 240;

/**
 * Backtests the Larder system on a panel of series at one lead: the global model learned across
 * all series, each series' own backtest-selected model, their combination, and split-conformal
 * quantiles; beside it the two planners' rules (same weekday last week, median of the last four).
 * Every forecast for day t uses data dated ≤ t − lead only.
 */
export function evaluatePanel(input: PanelEvaluationInput): SeriesEvaluation[] {
  const { series, leadDays, levels } = input;
  const setups = series.map((entry) => {
    const testStart = testStartIndex(entry.days, input.test);
    const evalStart = Math.max(1, testStart - (input.warmupDays ?? WARMUP_DAYS));
    return { entry, testStart, evalStart };
  });
  const firstEvalDay = Math.min(...setups.map(({ entry, evalStart }) => (evalStart < entry.days.length ? entry.days[evalStart] : Number.POSITIVE_INFINITY)));
  const global = Number.isFinite(firstEvalDay)
    ? backtestGlobal({ timelines: series, lead: leadDays, fromDay: firstEvalDay, refitEvery: input.globalRefitEvery ?? GLOBAL_REFIT_DAYS, options: { calendar: input.calendar, ...input.global } })
    : series.map((entry) => new Float64Array(entry.days.length).fill(Number.NaN));
  input.onStep?.(1, series.length + 1);

  const locals = setups.map(({ entry, testStart, evalStart }, s) => {
    const blocks = planBacktest({ days: entry.days, testStart: evalStart, leadDays, refitEvery: input.refitEvery });
    const evalDays = entry.days.subarray(evalStart);
    const actual = entry.values.subarray(evalStart);
    const origins = evalDays.map((day) => day - leadDays);
    const names = input.candidates ?? defaultCandidates(sliceSeries(entry, 0, Math.max(1, testStart)));
    const modelOptions = { calendar: input.calendar };
    const candidates = backtestCandidates({ series: entry, blocks, names, options: modelOptions });
    const thinlyInformed = thinlyInformedDays(entry.days, (i) => entry.days[i] - leadDays);
    const local = selectOnline({ days: evalDays, actual, origins, candidates, levels, thinlyInformed: thinlyInformed.subarray(evalStart) });
    const baseline = (name: string) => selectOnline({ days: evalDays, actual, origins, candidates: new Map([[name, backtestModel({ series: entry, blocks, model: createModel(name) })]]), levels });
    const evaluated = { evalDays, actual, thinlyInformed, global: global[s].subarray(evalStart), local: local.point, seasonalNaive: baseline('seasonalNaive'), median4: baseline('median4') };
    input.onStep?.(s + 2, series.length + 1);
    return evaluated;
  });
  const combined = combineOnline({ series: locals.map((local) => ({ days: local.evalDays, actual: local.actual, global: local.global, local: local.local })), lead: leadDays });

  const conformalSeries = locals.map((local, s) => ({
    days: local.evalDays,
    actual: local.actual,
    point: combined.point[s],
    unusual: unusualDays(series[s].days, input.calendar, local.thinlyInformed).subarray(setups[s].evalStart),
  }));
  const calibrator = new ConformalCalibrator(conformalSeries, leadDays);
  const conformal = conformalQuantiles({ series: conformalSeries, lead: leadDays, levels, fromDay: Number.NEGATIVE_INFINITY, calibrator });
  const quantiles = countQuantiles({ series: conformalSeries, lead: leadDays, levels, fallback: conformal.quantiles }).map((bands, s) =>
    medianAtPoint(bands, combined.point[s], (value, i) => calibrator.quantileValue(s, conformalSeries[s].days[i] - leadDays, value)),
  );

  return setups.map(({ entry, testStart, evalStart }, s) => {
    const local = { ...locals[s], point: combined.point[s] };
    const offset = testStart - evalStart;
    const scored: number[] = [];
    for (let i = Math.max(0, offset); i < local.evalDays.length; i++) {
      if ([local.point[i], local.seasonalNaive.point[i], local.median4.point[i]].every(Number.isFinite)) scored.push(i);
    }
    const pick = (values: Float64Array) => Float64Array.from(scored, (i) => values[i]);
    return {
      indices: Int32Array.from(scored, (i) => i + evalStart),
      actual: pick(local.actual),
      scale: seasonalNaiveScale(entry, testStart),
      system: {
        point: pick(local.point),
        quantiles: mapQuantiles(quantiles[s], pick),
        chosen: scored.map((i) => `global×${combined.weight[s][i]}`),
      },
      seasonalNaive: { point: pick(local.seasonalNaive.point), quantiles: mapQuantiles(local.seasonalNaive.quantiles, pick) },
      median4: { point: pick(local.median4.point), quantiles: mapQuantiles(local.median4.quantiles, pick) },
    };
  });
}
