import { EpochDay } from '../core/iso-date';
import { countUpTo } from '../core/service-series';
import { ServiceCalendar } from '../core/service-calendar';
import { fitGbm, GbmModel, GbmOptions } from '../learners/histogram-gbm';
import { featureSpace, FeatureSpace, PreparedTimeline, prepareTimeline, Timeline, writeFeatures } from './panel-features';

/**
 * One demand model learned across every series of a kind (all canteens' covers, all dishes): a
 * gradient-boosted tree model on calendar, lag and level features expressed relative to each
 * series' recent level, trained with the absolute loss weighted by that level, so one model serves
 * series of any size and minimises the pooled absolute error (the WAPE numerator).
 */
export interface GlobalModelOptions {
  readonly calendar?: ServiceCalendar;
  readonly gbm?: GbmOptions;
  /** Training rows above this are sampled (deterministically) to bound the fitting time. */
  readonly maxTrainingRows?: number;
  /** Older target days weigh less: weight × 2^(−age / halfLife). */
  readonly halfLifeDays?: number;
}

export const GLOBAL_GBM: GbmOptions = { loss: 'l1', iterations: 150, learningRate: 0.08, maxLeaves: 31, minLeafRows: 50, rowSubsample: 0.7 };
/** Big panels (past FULL_BUDGET_DAYS, fitted on fewer rows each) take a third of the trees with 2.5 times the step. */
const BIG_PANEL_GBM: GbmOptions = { iterations: 50, learningRate: 0.2 };
const DEFAULT_MAX_ROWS = 120_000;
/** Panels up to this many service days are sampled up to the full row limit (every real dataset so far). */
const FULL_BUDGET_DAYS = 500_000;
const MIN_BUDGET_ROWS = 30_000;

/**
 * Rows a fit samples from a panel of `poolDays` service days. Past FULL_BUDGET_DAYS the budget
 * falls with the square root of the panel's size (to MIN_BUDGET_ROWS): with thousands of series
 * each contributes fewer rows. The fitting time grows with the rows, while the splits of trees of
 * 31 leaves of at least 50 rows are already settled by tens of thousands of rows.
 */
export function rowBudget(poolDays: number, limit = DEFAULT_MAX_ROWS): number {
  if (poolDays <= FULL_BUDGET_DAYS) return limit;
  return Math.min(limit, Math.max(MIN_BUDGET_ROWS, Math.round(limit * Math.sqrt(FULL_BUDGET_DAYS / poolDays))));
}

/** Every (series, day) featurised at one lead: the training pool and the rows to predict. */
export interface PanelMatrix {
  readonly space: FeatureSpace;
  readonly x: Float64Array;
  readonly series: Int32Array;
  readonly index: Int32Array;
  readonly day: Int32Array;
  readonly scale: Float64Array;
  /** The actual relative to the scale (NaN for planned days). */
  readonly target: Float64Array;
  /** Service days in the panel the matrix was drawn from (its size sets the fits' row budget). */
  readonly poolDays: number;
}

export function driverNamesOf(timelines: readonly Timeline[]): string[] {
  return [...new Set(timelines.flatMap((timeline) => Object.keys(timeline.drivers)))].sort();
}

/** Featurises every service day of every timeline from day ≥ `fromDay` as seen `lead` days before it. */
export function panelMatrix(params: { timelines: readonly Timeline[]; lead: number; trainFrom?: EpochDay; scoreFrom?: EpochDay; calendar?: ServiceCalendar; maxTrainingRows?: number }): PanelMatrix {
  const { lead, trainFrom, scoreFrom } = params;
  const keep = trainingShare(params.timelines, params.maxTrainingRows ?? DEFAULT_MAX_ROWS);
  return originMatrix({
    ...params,
    // Only the kept training days and the scored ones are asked about: a big panel has millions of days.
    indices:
      scoreFrom === undefined
        ? undefined
        : (s) => {
            const { days } = params.timelines[s];
            // The first day on or after scoreFrom.
            let scored = countUpTo(days, scoreFrom);
            while (scored > 0 && days[scored - 1] >= scoreFrom) scored--;
            const training = keptIndices(s, scored, keep);
            const list = new Int32Array(training.length + days.length - scored);
            list.set(training);
            for (let i = scored; i < days.length; i++) list[training.length + i - scored] = i;
            return list;
          },
    originOf: (s, day, index) => {
      if (trainFrom !== undefined && day < trainFrom) return Number.NaN;
      // Days before the scored ones only train: a share of them is enough, and keeps the matrix small.
      if (scoreFrom !== undefined && day < scoreFrom && !kept(s, index, keep)) return Number.NaN;
      return day - lead;
    },
  });
}

/** Share of rows to featurise so that a fit has about twice its row budget to sample from (a big panel 1.25 times). */
export function trainingShare(timelines: readonly Timeline[], limit: number): number {
  const rows = poolDaysOf(timelines);
  // A big panel's share is drawn closer to its budget: most of a second draw would only be featurised to be left out.
  const spare = rows > FULL_BUDGET_DAYS ? 1.25 : 2;
  return Math.min(1, (spare * rowBudget(rows, limit)) / Math.max(1, rows));
}

function poolDaysOf(timelines: readonly Timeline[]): number {
  let rows = 0;
  for (const timeline of timelines) rows += timeline.days.length;
  return rows;
}

/** A deterministic pseudo-random choice of (series, index) rows with probability `share`. */
export function kept(series: number, index: number, share: number): boolean {
  if (share >= 1) return true;
  const hash = Math.imul(series + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b);
  return ((hash >>> 0) % 1_000_003) / 1_000_003 < share;
}

/** The indices below `end` that `kept(series, index, share)` chooses, ascending. */
export function keptIndices(series: number, end: number, share: number): Int32Array {
  const list: number[] = [];
  for (let i = 0; i < end; i++) if (kept(series, i, share)) list.push(i);
  return Int32Array.from(list);
}

/** The indices from, from + 1 … to − 1. */
export function indexRange(from: number, to: number): Int32Array {
  return Int32Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

/**
 * Featurises the service days for which `originOf(series, day)` gives the date of the data the
 * forecast may use (NaN: not wanted).
 */
export function originMatrix(params: {
  timelines: readonly Timeline[];
  calendar?: ServiceCalendar;
  originOf: (series: number, day: EpochDay, index: number) => number;
  /** The indices of each timeline worth asking `originOf` about, ascending (the others are not wanted); every day when absent. */
  indices?: (series: number) => ArrayLike<number>;
  /** The features to write (a model's, when the timelines are a part of the panel it was fitted on); the timelines' own when absent. */
  space?: FeatureSpace;
}): PanelMatrix {
  const { timelines, calendar } = params;
  const space = params.space ?? featureSpace(calendar, driverNamesOf(timelines));
  const width = space.names.length;
  // The wanted rows first: a panel has millions of days, of which a fit samples a few percent.
  let capacity = 0;
  const lists = timelines.map((timeline, s) => params.indices?.(s) ?? indexRange(0, timeline.days.length));
  // One array for every timeline's origins (at starts[s] …): thousands of small ones would all outlive the young generation.
  const starts = new Int32Array(timelines.length + 1);
  lists.forEach((list, s) => (starts[s + 1] = starts[s] + list.length));
  const wanted = new Float64Array(starts[timelines.length]);
  timelines.forEach((timeline, s) => {
    const { days } = timeline;
    const list = lists[s];
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      wanted[starts[s] + k] = params.originOf(s, days[i], i);
      if (Number.isFinite(wanted[starts[s] + k])) capacity++;
    }
  });
  const x = new Float64Array(capacity * width);
  const series = new Int32Array(capacity);
  const index = new Int32Array(capacity);
  const day = new Int32Array(capacity);
  const scale = new Float64Array(capacity);
  const target = new Float64Array(capacity);
  let rows = 0;
  timelines.forEach((timeline, s) => {
    let prepared: PreparedTimeline | null = null;
    const list = lists[s];
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      const origin = wanted[starts[s] + k];
      if (!Number.isFinite(origin)) continue;
      prepared ??= prepareTimeline(timeline);
      const level = writeFeatures({ prepared, index: i, origin, space, calendar, out: x, offset: rows * width });
      if (!(level > 0)) continue;
      series[rows] = s;
      index[rows] = i;
      day[rows] = timeline.days[i];
      scale[rows] = level;
      target[rows] = timeline.values[i] / level;
      rows++;
    }
  });
  return {
    space,
    x: x.subarray(0, rows * width),
    series: series.subarray(0, rows),
    index: index.subarray(0, rows),
    day: day.subarray(0, rows),
    scale: scale.subarray(0, rows),
    target: target.subarray(0, rows),
    poolDays: poolDaysOf(timelines),
  };
}

/** Fits the model on the matrix rows whose day is ≤ `until` (their actuals were known then). */
export function fitGlobalModel(matrix: PanelMatrix, until: EpochDay, options: GlobalModelOptions = {}): GbmModel | null {
  const width = matrix.space.names.length;
  const candidates: number[] = [];
  for (let r = 0; r < matrix.day.length; r++) if (matrix.day[r] <= until && Number.isFinite(matrix.target[r])) candidates.push(r);
  const limit = rowBudget(matrix.poolDays, options.maxTrainingRows ?? DEFAULT_MAX_ROWS);
  const picked = candidates.length > limit ? sampleEvenly(candidates, limit) : candidates;
  if (picked.length < 200) return null;
  const x = new Float64Array(picked.length * width);
  const y = new Float64Array(picked.length);
  const weight = new Float64Array(picked.length);
  const halfLife = options.halfLifeDays ?? 0;
  picked.forEach((r, k) => {
    x.set(matrix.x.subarray(r * width, (r + 1) * width), k * width);
    y[k] = matrix.target[r];
    weight[k] = matrix.scale[r] * (halfLife > 0 ? 2 ** (-(until - matrix.day[r]) / halfLife) : 1);
  });
  const big = matrix.poolDays > FULL_BUDGET_DAYS;
  return fitGbm({ x, features: width, y, weight }, { ...GLOBAL_GBM, ...(big ? BIG_PANEL_GBM : {}), ...options.gbm });
}

/** Forecast in the series' own units for matrix row r. */
export function predictRow(model: GbmModel, matrix: PanelMatrix, r: number): number {
  const width = matrix.space.names.length;
  return Math.max(0, model.predictRow(matrix.x, r * width) * matrix.scale[r]);
}

/** Every k-th candidate, so the sample keeps the spread of days and series. */
function sampleEvenly(rows: number[], limit: number): number[] {
  const step = rows.length / limit;
  return Array.from({ length: limit }, (_, k) => rows[Math.floor(k * step)]);
}

/**
 * Rolling-origin backtest of the global model at one lead: refitted every `refitEvery` days, each
 * day t predicted by the latest model fitted on actuals dated ≤ t − lead, from features that see
 * only data dated ≤ t − lead. Returns, per timeline, forecasts aligned with its days (NaN where none).
 */
export function backtestGlobal(params: { timelines: readonly Timeline[]; lead: number; fromDay: EpochDay; refitEvery: number; options?: GlobalModelOptions }): Float64Array[] {
  const { timelines, lead, fromDay, refitEvery } = params;
  const matrix = panelMatrix({ timelines, lead, scoreFrom: fromDay, calendar: params.options?.calendar, maxTrainingRows: params.options?.maxTrainingRows });
  const forecasts = timelines.map((timeline) => new Float64Array(timeline.days.length).fill(Number.NaN));
  let lastDay = fromDay;
  for (let r = 0; r < matrix.day.length; r++) lastDay = Math.max(lastDay, matrix.day[r]);
  for (let blockStart = fromDay; blockStart <= lastDay; blockStart += refitEvery) {
    const model = fitGlobalModel(matrix, blockStart - lead, params.options);
    if (!model) continue;
    for (let r = 0; r < matrix.day.length; r++) {
      if (matrix.day[r] < blockStart || matrix.day[r] >= blockStart + refitEvery) continue;
      forecasts[matrix.series[r]][matrix.index[r]] = predictRow(model, matrix, r);
    }
  }
  return forecasts;
}
