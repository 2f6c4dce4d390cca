import { quantileOfSorted } from '../core/quantiles';
import { countUpTo } from '../core/service-series';
import { skippedWhenJudging } from './unusual-days';

const EMPTY = new Float64Array(0);

export interface OnlineSelectionInput {
  /** Backtested service days (ascending) and their actuals. */
  readonly days: Int32Array;
  readonly actual: Float64Array;
  /** Per day, the last date whose data the forecast may use (see BacktestBlock.origin). */
  readonly origins: Int32Array;
  /** Candidate backtest forecasts in order of preference: the first wins ties and empty histories. */
  readonly candidates: ReadonlyMap<string, Float64Array>;
  readonly levels: readonly number[];
  /** Past errors (days) that decide the model; 0 = keep the first candidate. */
  readonly selectionWindow?: number;
  /** Past errors used to calibrate quantiles. */
  readonly calibrationWindow?: number;
  /** 1 on the days whose forecast was thinly informed (thinlyInformedDays): their errors rank the models only when no other is known. */
  readonly thinlyInformed?: Uint8Array;
}

export interface OnlineSelectionResult {
  readonly point: Float64Array;
  readonly quantiles: Map<number, Float64Array>;
  readonly chosen: readonly string[];
  /** Per day, the chosen model's sorted past errors (shared between days of one origin; empty if none). */
  readonly residuals: readonly Float64Array[];
}

/**
 * Chooses a model and calibrates its quantiles for each day using only errors that were
 * observable at that day's forecast origin (day <= origin): no test actual ever leaks into
 * its own forecast. Quantiles are empirical quantiles of the chosen model's past errors.
 */
export function selectOnline(input: OnlineSelectionInput): OnlineSelectionResult {
  const { days, actual, origins, candidates, levels } = input;
  const selectionWindow = input.selectionWindow ?? 60;
  const calibrationWindow = input.calibrationWindow ?? 120;
  const names = [...candidates.keys()];
  const forecasts = names.map((name) => candidates.get(name)!);
  const count = days.length;
  const point = new Float64Array(count).fill(Number.NaN);
  const quantiles = new Map(levels.map((level) => [level, new Float64Array(count).fill(Number.NaN)] as const));
  const chosen: string[] = new Array(count).fill('');
  const residualsByDay: Float64Array[] = new Array(count).fill(EMPTY);
  let cachedOrigin = Number.NaN;
  let known = 0;
  let ranking: number[] = [];
  const residualCache = new Map<number, Float64Array>();

  for (let i = 0; i < count; i++) {
    if (origins[i] !== cachedOrigin) {
      cachedOrigin = origins[i];
      known = countUpTo(days, cachedOrigin);
      ranking = rankCandidates({ forecasts, actual, from: Math.max(0, known - selectionWindow), to: known, thinlyInformed: input.thinlyInformed });
      residualCache.clear();
    }
    const model = ranking.find((m) => Number.isFinite(forecasts[m][i]));
    if (model === undefined) continue;
    let residuals = residualCache.get(model);
    if (!residuals) {
      residuals = pastErrors({ forecast: forecasts[model], actual, from: Math.max(0, known - calibrationWindow), to: known });
      residualCache.set(model, residuals);
    }
    point[i] = forecasts[model][i];
    chosen[i] = names[model];
    for (const [level, values] of quantiles) values[i] = Math.max(0, point[i] + quantileOfSorted(residuals, level));
    residualsByDay[i] = residuals;
  }
  return { point, quantiles, chosen, residuals: residualsByDay };
}

/**
 * Candidate indices by ascending absolute error over [from, to), on the informed days when there are
 * any (a model's errors without its data do not tell which forecasts ordinary days best); unscored
 * candidates keep their preference order.
 */
function rankCandidates(input: { forecasts: readonly Float64Array[]; actual: Float64Array; from: number; to: number; thinlyInformed?: Uint8Array }): number[] {
  const { forecasts, actual, from, to } = input;
  const skipped = skippedWhenJudging(input.thinlyInformed?.subarray(from, to));
  const errors = forecasts.map((forecast) => {
    let sum = 0;
    let scored = 0;
    for (let i = from; i < to; i++) {
      if (!Number.isFinite(forecast[i]) || skipped?.[i - from] === 1) continue;
      sum += Math.abs(actual[i] - forecast[i]);
      scored++;
    }
    // A candidate that failed on some days is judged on its mean error; one never scored ranks last.
    return scored > 0 ? (sum / scored) * (to - from) : Number.POSITIVE_INFINITY;
  });
  return forecasts.map((_, index) => index).sort((a, b) => errors[a] - errors[b] || a - b);
}

function pastErrors(input: { forecast: Float64Array; actual: Float64Array; from: number; to: number }): Float64Array {
  const { forecast, actual, from, to } = input;
  const errors: number[] = [];
  for (let i = from; i < to; i++) if (Number.isFinite(forecast[i])) errors.push(actual[i] - forecast[i]);
  return Float64Array.from(errors).sort();
}
