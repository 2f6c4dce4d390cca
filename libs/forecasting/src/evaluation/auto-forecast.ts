import { calibrateQuantiles, calibrateRelativeQuantiles, mergeLevels } from '../core/quantiles';
import { Horizon, ServiceSeries } from '../core/service-series';
import { Forecast, ForecastModel } from '../models/forecast-model';
import { createModel, ModelOptions } from '../models/model-factory';
import { backtestWithMembers, planBacktest } from './backtest';
import { skippedWhenJudging, thinlyInformedDays } from './unusual-days';

/** Share of zero days above which a series is treated as intermittent (a dish that rarely sells). */
const INTERMITTENT_ZERO_SHARE = 0.3;
/** Fewer backtest errors than this and the model's in-sample errors calibrate the quantiles instead. */
const MIN_CALIBRATION_ERRORS = 10;
const FALLBACK_CHAIN = ['median4', 'seasonalNaive'];

export function defaultCandidates(series: ServiceSeries): string[] {
  let zeros = 0;
  for (const value of series.values) if (value === 0) zeros++;
  if (zeros > INTERMITTENT_ZERO_SHARE * series.values.length) return ['median4', 'croston', 'sba', 'tsb'];
  // With drivers the regression knows what the other models cannot (staff on leave, a price), so it
  // stays selectable beside the average; without them the average of the three is the model.
  return Object.keys(series.drivers).length > 0 ? ['ensemble', 'seasonalNaive', 'median4', 'mean4', 'ets', 'regression'] : ['ensemble'];
}

export interface AutoForecastInput {
  readonly series: ServiceSeries;
  /** Future service days to forecast (with known future drivers). */
  readonly horizon: Horizon;
  readonly levels?: readonly number[];
  readonly candidates?: readonly string[];
  readonly modelOptions?: ModelOptions;
  readonly leadDays?: number;
  /** Backtest days: the last `testDays` service days, refitted every `refitEvery` days. */
  readonly testDays?: number;
  readonly refitEvery?: number;
  /** thinlyInformedDays of the series' days at `leadDays`, when the caller has them already. */
  readonly thinlyInformed?: Uint8Array;
}

export interface AutoForecastResult {
  readonly model: string;
  readonly forecast: Forecast;
  /** Backtest WAPE per candidate (null when it could not be scored). */
  readonly backtestWape: Readonly<Record<string, number | null>>;
  /** True when quantiles come from backtest errors rather than in-sample errors. */
  readonly calibrated: boolean;
  /**
   * Each candidate's backtest forecasts of the service days from `backtestFrom` on (NaN where none),
   * and the ensemble's members' when it is a candidate.
   */
  readonly backtests: ReadonlyMap<string, Float64Array>;
  readonly backtestFrom: number;
}

/**
 * Production path for one series: backtest the candidates, keep the lowest WAPE (the weekly
 * naive is a candidate, so the winner never does worse than it in the backtest), refit on all
 * history and attach quantiles calibrated on the winner's backtest errors.
 */
export function autoForecast(input: AutoForecastInput): AutoForecastResult {
  const { series, horizon } = input;
  const levels = mergeLevels(input.levels);
  const candidates = input.candidates ?? defaultCandidates(series);
  const testDays = input.testDays ?? 28;
  const leadDays = input.leadDays ?? 7;
  const blocks = planBacktest({
    days: series.days,
    testStart: Math.max(1, series.days.length - testDays),
    leadDays,
    refitEvery: input.refitEvery ?? 7,
  });
  const offset = blocks[0]?.testFrom ?? series.days.length;
  const actual = series.values.subarray(offset);
  // Scored on the informed days when there are any, as the backtest's online selection.
  const thin = input.thinlyInformed ?? thinlyInformedDays(series.days, (i) => series.days[i] - leadDays);
  const skipped = skippedWhenJudging(thin.subarray(offset));

  const backtestWape: Record<string, number | null> = {};
  let best: { name: string; wape: number; errors: Float64Array; relative: Float64Array } | undefined;
  const computed = backtestWithMembers({ series, blocks, names: candidates, options: input.modelOptions });
  for (const name of candidates) {
    const forecasts = computed.get(name)!;
    const scored = scoreWape(actual, forecasts, skipped);
    backtestWape[name] = scored ? scored.wape : null;
    if (scored && (!best || scored.wape < best.wape)) best = { name, ...scored };
  }

  for (const name of best ? [best.name, ...FALLBACK_CHAIN] : FALLBACK_CHAIN) {
    try {
      const model: ForecastModel = createModel(name, input.modelOptions).fit(series);
      const point = model.predictPoint(horizon);
      const fromBacktest = best?.name === name && best.errors.length >= MIN_CALIBRATION_ERRORS;
      // Backtest errors relative to their forecasts, so the spread scales with each day's level.
      const quantiles =
        fromBacktest && best!.relative.length >= MIN_CALIBRATION_ERRORS
          ? calibrateRelativeQuantiles({ point, relativeErrors: best!.relative, levels })
          : calibrateQuantiles({ point, residuals: fromBacktest ? best!.errors : model.insampleResiduals(), levels });
      return { model: name, forecast: { days: horizon.days, point, quantiles }, backtestWape, calibrated: fromBacktest, backtests: computed, backtestFrom: offset };
    } catch {
      // Try the next model in the fallback chain.
    }
  }
  throw new Error('autoForecast: no model could forecast this series (is the history empty?)');
}

function scoreWape(actual: Float64Array, forecasts: Float64Array, skipped?: Uint8Array): { wape: number; errors: Float64Array; relative: Float64Array } | undefined {
  const errors: number[] = [];
  const relative: number[] = [];
  let absolute = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    if (!Number.isFinite(forecasts[i]) || skipped?.[i] === 1) continue;
    const error = actual[i] - forecasts[i];
    errors.push(error);
    if (forecasts[i] > 0) relative.push(error / forecasts[i]);
    absolute += Math.abs(error);
    total += actual[i];
  }
  if (errors.length === 0) return undefined;
  // An all-zero test window has no WAPE; rank by absolute error instead so selection still works.
  return { wape: total > 0 ? absolute / total : absolute, errors: Float64Array.from(errors), relative: Float64Array.from(relative) };
}
