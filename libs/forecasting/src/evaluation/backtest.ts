import { EpochDay, toEpochDay } from '../core/iso-date';
import { countUpTo, horizonOf, ServiceSeries, sliceSeries } from '../core/service-series';
import { ForecastModel } from '../models/forecast-model';
import { createModel, ENSEMBLE_MEMBERS, ModelOptions } from '../models/model-factory';

/**
 * One refit of a rolling-origin backtest: the model is fitted on service days [0, trainEnd) —
 * all dated on or before `origin` — and then forecasts service days [testFrom, testTo).
 * Between refits it is only updated (no re-estimation) with the days each forecast may see.
 */
export interface BacktestBlock {
  readonly origin: EpochDay;
  readonly trainEnd: number;
  readonly testFrom: number;
  readonly testTo: number;
  readonly leadDays: number;
}

export interface BacktestPlanInput {
  readonly days: Int32Array;
  /** Index of the first service day to forecast. */
  readonly testStart: number;
  /** Each test day is forecast from data dated at least leadDays earlier. */
  readonly leadDays: number;
  /** Calendar days covered by one refit. */
  readonly refitEvery: number;
}

export function planBacktest(input: BacktestPlanInput): BacktestBlock[] {
  const { days, leadDays, refitEvery } = input;
  if (!Number.isInteger(leadDays) || leadDays < 1) throw new Error(`leadDays must be an integer >= 1, got ${leadDays}`);
  if (!Number.isInteger(refitEvery) || refitEvery < 1) throw new Error(`refitEvery must be an integer >= 1, got ${refitEvery}`);
  const blocks: BacktestBlock[] = [];
  for (let testFrom = Math.max(0, input.testStart); testFrom < days.length;) {
    const first = days[testFrom];
    let testTo = testFrom + 1;
    while (testTo < days.length && days[testTo] < first + refitEvery) testTo++;
    // Every test day is >= first, so data dated <= first − lead is >= lead days older than each of them.
    const origin = first - leadDays;
    blocks.push({ origin, trainEnd: countUpTo(days, origin), testFrom, testTo, leadDays });
    testFrom = testTo;
  }
  return blocks;
}

export interface BacktestModelInput {
  readonly series: ServiceSeries;
  readonly blocks: readonly BacktestBlock[];
  readonly model: ForecastModel;
}

/**
 * Point forecasts for the service days covered by the blocks; NaN where there was no history
 * or the model failed. Test day t is forecast by the model fitted at its block's origin and
 * updated with the service days dated <= t − leadDays: never with anything newer.
 */
export function backtestModel(input: BacktestModelInput): Float64Array {
  return backtestModels({ series: input.series, blocks: input.blocks, models: [input.model] })[0];
}

/**
 * `backtestModel` of several models in step: each block's training history, each update and each
 * day's horizon is cut once and handed to every model (a candidate's failure leaves its own block NaN).
 */
export function backtestModels(input: { series: ServiceSeries; blocks: readonly BacktestBlock[]; models: readonly ForecastModel[] }): Float64Array[] {
  const { series, blocks, models } = input;
  if (blocks.length === 0) return models.map(() => new Float64Array(0));
  const days = series.days;
  const offset = blocks[0].testFrom;
  const forecasts = models.map(() => new Float64Array(blocks[blocks.length - 1].testTo - offset).fill(Number.NaN));
  const working = new Uint8Array(models.length);
  for (const block of blocks) {
    if (block.trainEnd === 0) continue;
    const training = sliceSeries(series, 0, block.trainEnd);
    models.forEach((model, m) => {
      try {
        model.fit(training);
        working[m] = 1;
      } catch {
        // Left as NaN: the caller decides (fallback candidate, or the point is not scored).
        working[m] = 0;
      }
    });
    let seen = block.trainEnd;
    for (let from = block.testFrom; from < block.testTo;) {
      const visible = countUpTo(days, days[from] - block.leadDays);
      let to = from + 1;
      while (to < block.testTo && countUpTo(days, days[to] - block.leadDays) === visible) to++;
      const newer = visible > seen ? sliceSeries(series, 0, visible) : undefined;
      if (newer) seen = visible;
      const horizon = horizonOf(series, from, to);
      models.forEach((model, m) => {
        if (working[m] === 0) return;
        try {
          if (newer) model.update(newer);
          forecasts[m].set(model.predictPoint(horizon), from - offset);
        } catch {
          working[m] = 0;
        }
      });
      from = to;
    }
  }
  return forecasts;
}

/**
 * Backtests of several candidates on the same blocks. The ensemble's forecasts are the mean of its
 * members' where they are candidates too (the same models on the same data): each is fitted once.
 */
export function backtestCandidates(params: { series: ServiceSeries; blocks: readonly BacktestBlock[]; names: readonly string[]; options?: ModelOptions }): Map<string, Float64Array> {
  const all = backtestWithMembers(params);
  return new Map(params.names.map((name) => [name, all.get(name)!] as const));
}

/** As `backtestCandidates`, followed by the ensemble's members that are not candidates themselves (computed anyway). */
export function backtestWithMembers(params: { series: ServiceSeries; blocks: readonly BacktestBlock[]; names: readonly string[]; options?: ModelOptions }): Map<string, Float64Array> {
  const { series, blocks, names, options } = params;
  const wanted = names.includes('ensemble') ? [...new Set([...names, ...ENSEMBLE_MEMBERS])] : names;
  const singles = wanted.filter((name) => name !== 'ensemble');
  const computed = backtestModels({ series, blocks, models: singles.map((name) => createModel(name, options)) });
  const all = new Map(singles.map((name, k) => [name, computed[k]] as const));
  const ordered = new Map(names.map((name) => [name, name === 'ensemble' ? meanOfFinite(ENSEMBLE_MEMBERS.map((member) => all.get(member)!)) : all.get(name)!] as const));
  for (const [name, forecasts] of all) if (!ordered.has(name)) ordered.set(name, forecasts);
  return ordered;
}

function meanOfFinite(parts: readonly Float64Array[]): Float64Array {
  return Float64Array.from(parts[0], (_, i) => {
    let sum = 0;
    let count = 0;
    for (const part of parts) {
      if (!Number.isFinite(part[i])) continue;
      sum += part[i];
      count++;
    }
    return count > 0 ? sum / count : Number.NaN;
  });
}

/** Index of the first of the last `testDays` service days, or of the first day on/after `testFrom`. */
export function testStartIndex(days: Int32Array, test: { testDays?: number; testFrom?: string | EpochDay }): number {
  if (test.testFrom !== undefined) return countUpTo(days, toEpochDay(test.testFrom) - 1);
  const testDays = test.testDays ?? 28;
  if (!Number.isInteger(testDays) || testDays < 1) throw new Error(`testDays must be a positive integer, got ${testDays}`);
  return Math.max(0, days.length - testDays);
}

export interface CrossValidationInput {
  readonly series: ServiceSeries;
  readonly models: readonly string[];
  readonly modelOptions?: ModelOptions;
  readonly leadDays?: number;
  readonly refitEvery?: number;
  readonly testDays?: number;
  readonly testFrom?: string | EpochDay;
}

export interface CrossValidationResult {
  readonly days: Int32Array;
  readonly actual: Float64Array;
  /** Per test day, the last date of data the forecast was allowed to use (day − leadDays). */
  readonly origins: Int32Array;
  readonly forecasts: Readonly<Record<string, Float64Array>>;
}

/** Rolling-origin backtest of several models on the same test days (statsforecast's cross_validation). */
export function crossValidation(input: CrossValidationInput): CrossValidationResult {
  const { series } = input;
  const blocks = planBacktest({
    days: series.days,
    testStart: testStartIndex(series.days, input),
    leadDays: input.leadDays ?? 7,
    refitEvery: input.refitEvery ?? 7,
  });
  const from = blocks[0]?.testFrom ?? series.days.length;
  const forecasts: Record<string, Float64Array> = {};
  const computed = backtestModels({ series, blocks, models: input.models.map((name) => createModel(name, input.modelOptions)) });
  input.models.forEach((name, k) => (forecasts[name] = computed[k]));
  const days = series.days.slice(from);
  return { days, actual: series.values.slice(from), origins: days.map((day) => day - (input.leadDays ?? 7)), forecasts };
}
