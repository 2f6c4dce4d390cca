import { isoWeekday } from '../core/iso-date';
import { weekdaysOf } from '../core/same-weekday';
import { Horizon, ServiceSeries } from '../core/service-series';
import { BaseForecastModel } from './forecast-model';

/** Smoothing weights tried for the level (alpha) and the weekday profile (gamma). */
const ALPHAS = [0.03, 0.08, 0.15, 0.25, 0.4, 0.6];
const GAMMAS = [0.02, 0.08, 0.2, 0.4];
const MIN_HISTORY = 14;
/** Days used to initialise the state; also excluded from the fit criterion (their errors reflect the initial guess). */
const INIT_DAYS = 28;

interface EtsState {
  level: number;
  seasonal: Float64Array;
}

/**
 * Additive Holt-Winters (ETS(A,N,A)) whose seasonal index is the weekday, not a position
 * in a period: service days are irregular (holidays, closed Saturdays), weekdays are not.
 * alpha/gamma are chosen by one-step squared error over a small grid.
 */
export class EtsModel extends BaseForecastModel {
  readonly name = 'ets';
  private state: EtsState = { level: 0, seasonal: new Float64Array(7) };
  private initial: EtsState = { level: 0, seasonal: new Float64Array(7) };
  private processed = 0;
  alpha = 0;
  gamma = 0;

  protected fitHistory(series: ServiceSeries): void {
    const { values, days } = series;
    if (values.length < MIN_HISTORY) throw new Error(`ets: needs ${MIN_HISTORY} service days, got ${values.length}`);
    const weekdays = weekdaysOf(days);
    const search = gridSearch(values, days, weekdays);
    let best = Number.POSITIVE_INFINITY;
    let chosen = -1;
    GRID.forEach(({ alpha, gamma }, k) => {
      if (search.sse[k] < best) [best, this.alpha, this.gamma, chosen] = [search.sse[k], alpha, gamma, k];
    });
    this.initial = search.initial;
    // The chosen point's recursions have already run over these days.
    this.state = chosen >= 0 ? cloneState(search.states[chosen]) : cloneState(search.initial);
    if (chosen < 0) smooth({ values, weekdays, alpha: this.alpha, gamma: this.gamma, state: this.state, from: 0 });
    this.processed = values.length;
  }

  /**
   * Same alpha, gamma: the recursions simply continue over the days added since the last
   * fit/update (the history only ever grows at the end between two refits).
   */
  protected override updateHistory(series: ServiceSeries): void {
    const { values, days } = series;
    if (values.length < this.processed) throw new Error('ets: update with a shorter history than fitted');
    smooth({ values, weekdays: weekdaysOf(days), alpha: this.alpha, gamma: this.gamma, state: this.state, from: this.processed });
    this.processed = values.length;
  }

  protected predictDays(horizon: Horizon): Float64Array {
    const { level, seasonal } = this.state;
    return Float64Array.from(horizon.days, (day) => level + seasonal[isoWeekday(day)]);
  }

  insampleResiduals(): Float64Array {
    const { values, days } = this.history;
    const residuals = new Float64Array(values.length);
    smooth({ values, weekdays: weekdaysOf(days), alpha: this.alpha, gamma: this.gamma, state: cloneState(this.initial), from: 0, residuals });
    return residuals.subarray(Math.min(INIT_DAYS, values.length >> 2));
  }
}

const GRID = ALPHAS.flatMap((alpha) => GAMMAS.map((gamma) => ({ alpha, gamma })));

/**
 * The grid's recursions run over the first `processed` days of one series. A backtest refits on
 * ever longer prefixes of a series (then the final fit on all of it): each continues the last
 * one's recursions instead of starting over, with the very same arithmetic. The series' buffers
 * must not change after a fit.
 */
interface GridSearch {
  readonly days: ArrayBufferLike;
  readonly warmUp: number;
  readonly initDays: number;
  readonly initial: EtsState;
  readonly states: EtsState[];
  readonly sse: Float64Array;
  processed: number;
}

const searches = new WeakMap<ArrayBufferLike, GridSearch>();

function gridSearch(values: Float64Array, days: Int32Array, weekdays: Uint8Array): GridSearch {
  const warmUp = Math.min(INIT_DAYS, values.length >> 2);
  const initDays = Math.min(INIT_DAYS, values.length);
  const prefix = values.byteOffset === 0 && days.byteOffset === 0;
  let search = prefix ? searches.get(values.buffer) : undefined;
  if (!search || search.days !== days.buffer || search.warmUp !== warmUp || search.initDays !== initDays || search.processed > values.length) {
    const initial = initialState(values, weekdays);
    search = { days: days.buffer, warmUp, initDays, initial, states: GRID.map(() => cloneState(initial)), sse: new Float64Array(GRID.length), processed: 0 };
    if (prefix) searches.set(values.buffer, search);
  }
  const from = search.processed;
  if (from < values.length) {
    GRID.forEach(({ alpha, gamma }, k) => (search.sse[k] = smooth({ values, weekdays, alpha, gamma, state: search.states[k], from, sse: search.sse[k] })));
    search.processed = values.length;
  }
  return search;
}

function initialState(values: Float64Array, weekdays: Uint8Array): EtsState {
  const count = Math.min(values.length, INIT_DAYS);
  let total = 0;
  const sums = new Float64Array(7);
  const counts = new Float64Array(7);
  for (let i = 0; i < count; i++) {
    total += values[i];
    sums[weekdays[i]] += values[i];
    counts[weekdays[i]]++;
  }
  const level = total / count;
  const seasonal = sums.map((sum, weekday) => (counts[weekday] > 0 ? sum / counts[weekday] - level : 0));
  return { level, seasonal };
}

function cloneState(state: EtsState): EtsState {
  return { level: state.level, seasonal: Float64Array.from(state.seasonal) };
}

interface SmoothRun {
  readonly values: Float64Array;
  readonly weekdays: Uint8Array;
  readonly alpha: number;
  readonly gamma: number;
  readonly state: EtsState;
  /** First day to process; the state holds everything before it. */
  readonly from: number;
  readonly residuals?: Float64Array;
  /** Squared error of the days before `from` (a continued run adds to it). */
  readonly sse?: number;
}

/** Runs the recursions in place on `state`; returns the squared one-step error after the warm-up. */
function smooth(run: SmoothRun): number {
  const { values, weekdays, alpha, gamma, state, residuals, from } = run;
  const seasonal = state.seasonal;
  const warmUp = Math.min(INIT_DAYS, values.length >> 2);
  let level = state.level;
  let sse = run.sse ?? 0;
  for (let i = from; i < values.length; i++) {
    const weekday = weekdays[i];
    const error = values[i] - (level + seasonal[weekday]);
    if (i >= warmUp) sse += error * error;
    if (residuals) residuals[i] = error;
    level += alpha * error;
    seasonal[weekday] += gamma * (1 - alpha) * error;
  }
  state.level = level;
  return sse;
}
