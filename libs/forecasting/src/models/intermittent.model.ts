import { Horizon, ServiceSeries } from '../core/service-series';
import { BaseForecastModel } from './forecast-model';

export type IntermittentMethod = 'croston' | 'sba' | 'tsb';

const SMOOTHING = [0.05, 0.1, 0.2, 0.3];

/**
 * Croston / SBA / TSB for dishes that sell on few service days. Intervals are counted in
 * service days (a closed week is not "no demand"). Forecasts are flat: expected quantity per service day.
 */
export class IntermittentModel extends BaseForecastModel {
  readonly name: IntermittentMethod;
  private state: PassState = startPass();
  private alpha = 0;
  private beta = 0;

  constructor(method: IntermittentMethod) {
    super();
    this.name = method;
  }

  protected fitHistory(series: ServiceSeries): void {
    const values = series.values;
    const search = gridSearch(this.name, values);
    let best = Number.POSITIVE_INFINITY;
    search.grid.forEach(({ alpha, beta }, k) => {
      const sse = search.states[k].sse;
      if (sse < best) [best, this.alpha, this.beta, this.state] = [sse, alpha, beta, { ...search.states[k] }];
    });
  }

  /** Same alpha, beta: the recursions continue over the days added since the last fit/update (the history only grows at the end). */
  protected override updateHistory(series: ServiceSeries): void {
    if (series.values.length < this.state.processed) throw new Error(`${this.name}: update with a shorter history than fitted`);
    advance(this.name, { values: series.values, alpha: this.alpha, beta: this.beta, state: this.state });
  }

  protected predictDays(horizon: Horizon): Float64Array {
    return new Float64Array(horizon.days.length).fill(levelOf(this.name, this.alpha, this.state));
  }

  insampleResiduals(): Float64Array {
    const residuals = new Float64Array(this.history.values.length);
    advance(this.name, { values: this.history.values, alpha: this.alpha, beta: this.beta, state: startPass(), residuals });
    return residuals;
  }
}

/** A pass of the method over values[0, processed): its smoothed size, interval, demand probability and squared one-step error. */
interface PassState {
  processed: number;
  /** False until the first day with demand (the pass starts there). */
  started: boolean;
  size: number;
  interval: number;
  probability: number;
  sinceLast: number;
  sse: number;
}

function startPass(): PassState {
  return { processed: 0, started: false, size: 0, interval: 0, probability: 0, sinceLast: 1, sse: 0 };
}

/** The per-day forecast the state gives (0 before any demand). */
function levelOf(method: IntermittentMethod, alpha: number, state: PassState): number {
  if (!state.started) return 0;
  if (method === 'tsb') return state.probability * state.size;
  return ((method === 'sba' ? 1 - alpha / 2 : 1) * state.size) / state.interval;
}

/** Runs the method in place on `state` over the values after those it has seen (residuals filled if given). */
function advance(method: IntermittentMethod, pass: { values: Float64Array; alpha: number; beta: number; state: PassState; residuals?: Float64Array }): void {
  const { values, alpha, beta, state, residuals } = pass;
  const tsb = method === 'tsb';
  const bias = method === 'sba' ? 1 - alpha / 2 : 1;
  let { size, interval, probability, sinceLast, sse } = state;
  let i = state.processed;
  if (!state.started) {
    while (i < values.length && !(values[i] > 0)) i++;
    if (i < values.length) {
      state.started = true;
      size = values[i];
      interval = i + 1;
      probability = 1 / (i + 1);
      sinceLast = 1;
      i++;
    }
  }
  for (; i < values.length; i++) {
    const error = values[i] - (tsb ? probability * size : (bias * size) / interval);
    sse += error * error;
    if (residuals) residuals[i] = error;
    const demand = values[i] > 0;
    if (tsb) {
      probability += beta * ((demand ? 1 : 0) - probability);
      if (demand) size += alpha * (values[i] - size);
    } else if (demand) {
      size += alpha * (values[i] - size);
      interval += alpha * (sinceLast - interval);
    }
    sinceLast = demand ? 1 : sinceLast + 1;
  }
  Object.assign(state, { processed: values.length, size, interval, probability, sinceLast, sse });
}

interface GridPoint {
  readonly alpha: number;
  readonly beta: number;
}

const GRIDS: Readonly<Record<IntermittentMethod, readonly GridPoint[]>> = {
  croston: SMOOTHING.map((alpha) => ({ alpha, beta: alpha })),
  sba: SMOOTHING.map((alpha) => ({ alpha, beta: alpha })),
  tsb: SMOOTHING.flatMap((alpha) => SMOOTHING.map((beta) => ({ alpha, beta }))),
};

interface GridSearch {
  readonly grid: readonly GridPoint[];
  readonly states: PassState[];
}

/**
 * Every grid point's pass over a history that starts at a buffer's first value, kept per buffer
 * and method: a backtest refits on growing prefixes of one series, and a longer prefix continues
 * where the shorter one stopped (the same arithmetic as a pass from day 0).
 */
const searches = new WeakMap<ArrayBufferLike, Partial<Record<IntermittentMethod, GridSearch>>>();

function gridSearch(method: IntermittentMethod, values: Float64Array): GridSearch {
  const grid = GRIDS[method];
  const prefix = values.byteOffset === 0;
  let byMethod = prefix ? searches.get(values.buffer) : undefined;
  if (prefix && !byMethod) searches.set(values.buffer, (byMethod = {}));
  let search = byMethod?.[method];
  if (!search || search.states[0].processed > values.length) {
    search = { grid, states: grid.map(() => startPass()) };
    if (byMethod) byMethod[method] = search;
  }
  search.states.forEach((state, k) => advance(method, { values, alpha: grid[k].alpha, beta: grid[k].beta, state }));
  return search;
}
