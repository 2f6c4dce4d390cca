import { EpochDay, isoWeekday } from '../core/iso-date';
import { previousSameWeekday } from '../core/same-weekday';
import { dayKind, isInPeriod, isNextToHoliday, periodNames, ServiceCalendar } from '../core/service-calendar';
import { countUpTo, DriverColumns } from '../core/service-series';

/**
 * One series as the global model sees it: every known service day, past and planned. Values after
 * the forecast origin are never read by a feature (NaN for planned days).
 */
export interface Timeline {
  readonly days: Int32Array;
  readonly values: Float64Array;
  readonly drivers: DriverColumns;
}

/** Service days a level is averaged over, and fewer visible days than this give no row. */
export const LEVEL_DAYS = 28;
export const MIN_VISIBLE_DAYS = 14;
/** A gap of at least this many calendar days between two service days is a break (a weekend is 3). */
export const BREAK_GAP = 5;
const BREAK_LOOK = 42;

export interface FeatureSpace {
  readonly names: readonly string[];
  readonly periods: readonly string[];
  readonly drivers: readonly string[];
}

export function featureSpace(calendar: ServiceCalendar | undefined, drivers: readonly string[]): FeatureSpace {
  const periods = calendar ? periodNames(calendar) : [];
  const names = [
    'weekday',
    'day_of_year',
    'lead',
    'same_1',
    'same_2',
    'same_3',
    'same_4',
    'same_median',
    'same_mean_8',
    'weekday_profile',
    'recent_7',
    'last',
    'level_trend',
    'log_level',
    'zero_share',
    'last_year',
    'gap_before',
    'gap_after',
    'since_break',
    'until_break',
    'holiday',
    'makeup_workday',
    'before_holiday',
    'after_holiday',
    ...periods.map((name) => `period:${name}`),
    ...drivers.flatMap((name) => [`driver:${name}`, `driver_per_level:${name}`]),
  ];
  return { names, periods, drivers };
}

export interface PreparedTimeline {
  readonly timeline: Timeline;
  readonly prefix: Float64Array;
  readonly zeroPrefix: Int32Array;
  readonly previous: Int32Array;
}

/** Prepared once per timeline object: a panel's backtest and its final fit featurise the same history. */
const preparedCache = new WeakMap<Timeline, PreparedTimeline>();

export function prepareTimeline(timeline: Timeline): PreparedTimeline {
  const cached = preparedCache.get(timeline);
  if (cached) return cached;
  const prepared = prepareFresh(timeline);
  preparedCache.set(timeline, prepared);
  return prepared;
}

function prepareFresh(timeline: Timeline): PreparedTimeline {
  const n = timeline.days.length;
  const prefix = new Float64Array(n + 1);
  const zeroPrefix = new Int32Array(n + 1);
  accumulate(timeline.values, 0, prefix, zeroPrefix);
  return { timeline, prefix, zeroPrefix, previous: previousSameWeekday(timeline.days) };
}

/** Prefix sums (NaN counted as 0) and zero counts of values[from …], continuing the entries at `from`. */
function accumulate(values: Float64Array, from: number, prefix: Float64Array, zeroPrefix: Int32Array): void {
  for (let i = from; i < values.length; i++) {
    const v = values[i];
    prefix[i + 1] = prefix[i] + (v === v ? v : 0);
    zeroPrefix[i + 1] = zeroPrefix[i] + (v === 0 ? 1 : 0);
  }
}

/**
 * A history followed by its planned days (values NaN, drivers from the horizon where given), as a
 * timeline the global model forecasts from. Its preparation continues the history's (cached by the
 * backtest that featurised it): the history's entries are the same, so only the planned days are computed.
 */
export function extendTimeline(history: Timeline, horizon: { readonly days: Int32Array; readonly drivers?: DriverColumns }): Timeline {
  const known = history.days.length;
  const days = new Int32Array(known + horizon.days.length);
  days.set(history.days);
  days.set(horizon.days, known);
  const values = new Float64Array(days.length).fill(Number.NaN);
  values.set(history.values);
  const drivers: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(history.drivers)) {
    const joined = new Float64Array(days.length).fill(Number.NaN);
    joined.set(column);
    const future = horizon.drivers?.[name];
    if (future) joined.set(future, known);
    drivers[name] = joined;
  }
  const extended: Timeline = { days, values, drivers };
  const base = prepareTimeline(history);
  const prefix = new Float64Array(days.length + 1);
  const zeroPrefix = new Int32Array(days.length + 1);
  prefix.set(base.prefix);
  zeroPrefix.set(base.zeroPrefix);
  accumulate(values, known, prefix, zeroPrefix);
  const previous = new Int32Array(days.length);
  previous.set(base.previous);
  // Each weekday's latest history day, then the planned days link on as previousSameWeekday would.
  const latest = new Int32Array(7).fill(-1);
  for (let i = known - 1, found = 0; i >= 0 && found < 7; i--) {
    const weekday = isoWeekday(days[i]);
    if (latest[weekday] === -1) {
      latest[weekday] = i;
      found++;
    }
  }
  for (let i = known; i < days.length; i++) {
    const weekday = isoWeekday(days[i]);
    previous[i] = latest[weekday];
    latest[weekday] = i;
  }
  preparedCache.set(extended, { timeline: extended, prefix, zeroPrefix, previous });
  return extended;
}

/** Mean of values[from, to) from the prefix sums. */
function windowMean(prepared: PreparedTimeline, from: number, to: number): number {
  const start = Math.max(0, from);
  return to > start ? (prepared.prefix[to] - prepared.prefix[start]) / (to - start) : Number.NaN;
}

const levelScratch = new Float64Array(LEVEL_DAYS);
/** Share of the level window's days dropped at each end: a holiday week or one outlier must not rescale every row. */
const LEVEL_TRIM = 0.2;

/**
 * The level a day's features and target are scaled by: the trimmed mean of the window's service
 * days, so that a few days of a break inside the window (New Year, a closure week) do not depress
 * it; the plain mean where trimming leaves nothing above zero (mostly-zero items).
 */
function robustLevel(prepared: PreparedTimeline, from: number, to: number): number {
  const start = Math.max(0, from);
  const n = to - start;
  if (n <= 0) return Number.NaN;
  // Sorted by insertion (at most LEVEL_DAYS values, once per row): ascending, NaN last, as a typed array's sort.
  const values = prepared.timeline.values;
  const window = levelScratch;
  for (let i = 0; i < n; i++) {
    const value = values[start + i];
    let j = i;
    for (; j > 0 && (window[j - 1] > value || (window[j - 1] !== window[j - 1] && value === value)); j--) window[j] = window[j - 1];
    window[j] = value;
  }
  const cut = Math.floor(n * LEVEL_TRIM);
  let sum = 0;
  for (let k = cut; k < n - cut; k++) sum += window[k];
  const trimmed = sum / (n - 2 * cut);
  return trimmed > 0 ? trimmed : windowMean(prepared, from, to);
}

/**
 * Writes the features of service day `index` forecast from data dated ≤ `origin` into `out` and
 * returns the scale (the level of the last LEVEL_DAYS visible service days) that the target and
 * the prediction are expressed in, or NaN when the day cannot be featurised (too little history,
 * or a level of zero).
 */
export function writeFeatures(params: {
  prepared: PreparedTimeline;
  index: number;
  origin: EpochDay;
  space: FeatureSpace;
  calendar: ServiceCalendar | undefined;
  out: Float64Array;
  offset: number;
}): number {
  const { prepared, index, origin, space, calendar, out, offset } = params;
  const { days, values, drivers } = prepared.timeline;
  const day = days[index];
  const visible = countUpTo(days, origin);
  if (visible < MIN_VISIBLE_DAYS) return Number.NaN;
  const seen = originState(prepared, visible, space);
  const level = seen.level;
  if (!(level > 0)) return Number.NaN;
  let c = offset;
  out[c++] = isoWeekday(day);
  out[c++] = dayOfYear(day);
  out[c++] = day - origin;

  let sameCount = 0;
  for (let j = prepared.previous[index]; j >= 0 && sameCount < 8; j = prepared.previous[j]) {
    if (j < visible) sameScratch[sameCount++] = values[j] / level;
  }
  for (let k = 0; k < 4; k++) out[c++] = k < sameCount ? sameScratch[k] : Number.NaN;
  out[c++] = sameCount > 0 ? medianOfFirst(Math.min(4, sameCount)) : Number.NaN;
  let sameSum = 0;
  for (let k = 0; k < sameCount; k++) sameSum += sameScratch[k];
  out[c++] = sameCount > 0 ? sameSum / sameCount : Number.NaN;
  const weekday = isoWeekday(day);
  if (seen.profileKnown[weekday] === 0) {
    seen.profile[weekday] = weekdayProfile(prepared, index, visible);
    seen.profileKnown[weekday] = 1;
  }
  out[c++] = seen.profile[weekday];
  out[c++] = seen.recent;
  out[c++] = seen.last;
  out[c++] = seen.trend;
  out[c++] = seen.logLevel;
  out[c++] = seen.zeroShare;
  out[c++] = lastYear(prepared, day, visible);
  out[c++] = index > 0 ? Math.min(days[index] - days[index - 1], BREAK_LOOK) : Number.NaN;
  out[c++] = index + 1 < days.length ? Math.min(days[index + 1] - days[index], BREAK_LOOK) : Number.NaN;
  out[c++] = sinceBreak(days, index);
  out[c++] = untilBreak(days, index);

  if (calendar) {
    const kind = dayKind(calendar, day);
    out[c++] = kind === 'holiday' ? 1 : 0;
    out[c++] = kind === 'makeup_workday' ? 1 : 0;
    out[c++] = isNextToHoliday(calendar, day, 1) ? 1 : 0;
    out[c++] = isNextToHoliday(calendar, day, -1) ? 1 : 0;
    for (const name of space.periods) out[c++] = isInPeriod(calendar, day, name) ? 1 : 0;
  } else {
    for (let k = 0; k < 4; k++) out[c++] = Number.NaN;
  }
  for (let d = 0; d < space.drivers.length; d++) {
    const column = drivers[space.drivers[d]];
    if (!column) {
      out[c++] = Number.NaN;
      out[c++] = Number.NaN;
      continue;
    }
    const typical = seen.typical[d];
    out[c++] = typical !== 0 ? column[index] / typical : column[index] === 0 ? 1 : Number.NaN;
    // In the series' own units (a planned quantity, staff on duty) relative to its level.
    out[c++] = column[index] / level;
  }
  return level;
}

/**
 * What a row's features read at its origin alone (the level, the recent days, the drivers' typical
 * values), kept for the next rows: every planned day of a series is forecast from one origin.
 */
interface OriginState {
  prepared: PreparedTimeline | null;
  visible: number;
  space: FeatureSpace | null;
  level: number;
  recent: number;
  last: number;
  trend: number;
  logLevel: number;
  zeroShare: number;
  typical: Float64Array;
  /** The weekday profile by weekday, filled as rows ask for it. */
  readonly profile: Float64Array;
  readonly profileKnown: Uint8Array;
}

const atOrigin: OriginState = {
  prepared: null,
  visible: -1,
  space: null,
  level: Number.NaN,
  recent: Number.NaN,
  last: Number.NaN,
  trend: Number.NaN,
  logLevel: Number.NaN,
  zeroShare: Number.NaN,
  typical: new Float64Array(0),
  profile: new Float64Array(7),
  profileKnown: new Uint8Array(7),
};

function originState(prepared: PreparedTimeline, visible: number, space: FeatureSpace): OriginState {
  const state = atOrigin;
  if (state.prepared === prepared && state.visible === visible && state.space === space) return state;
  const { values, drivers } = prepared.timeline;
  state.prepared = prepared;
  state.visible = visible;
  state.space = space;
  state.profileKnown.fill(0);
  const level = robustLevel(prepared, visible - LEVEL_DAYS, visible);
  state.level = level;
  state.recent = windowMean(prepared, visible - 7, visible) / level;
  state.last = values[visible - 1] / level;
  state.trend = level / windowMean(prepared, visible - 91, visible);
  state.logLevel = Math.log1p(level);
  const from = Math.max(0, visible - LEVEL_DAYS);
  state.zeroShare = (prepared.zeroPrefix[visible] - prepared.zeroPrefix[from]) / (visible - from);
  if (state.typical.length < space.drivers.length) state.typical = new Float64Array(space.drivers.length);
  space.drivers.forEach((name, d) => {
    const column = drivers[name];
    if (!column) return;
    let sum = 0;
    let count = 0;
    for (let j = from; j < visible; j++) {
      if (column[j] === column[j]) {
        sum += column[j];
        count++;
      }
    }
    state.typical[d] = count > 0 ? sum / count : Number.NaN;
  });
  return state;
}

/** The weekday's mean over the last 12 weeks of visible days relative to all days' mean then. */
function weekdayProfile(prepared: PreparedTimeline, index: number, visible: number): number {
  const { days, values } = prepared.timeline;
  const weekday = isoWeekday(days[index]);
  const since = days[visible - 1] - 84;
  let sum = 0;
  let count = 0;
  let all = 0;
  let allCount = 0;
  for (let j = visible - 1; j >= 0 && days[j] > since; j--) {
    all += values[j];
    allCount++;
    if (isoWeekday(days[j]) === weekday) {
      sum += values[j];
      count++;
    }
  }
  return count > 0 && all > 0 ? sum / count / (all / allCount) : Number.NaN;
}

/** Day of year by day, remembered: a panel's thousands of series share a few hundred days. */
const dayOfYearMemo = new Map<EpochDay, number>();

function dayOfYear(day: EpochDay): number {
  let known = dayOfYearMemo.get(day);
  if (known === undefined) {
    if (dayOfYearMemo.size >= 100_000) dayOfYearMemo.clear();
    known = computeDayOfYear(day);
    dayOfYearMemo.set(day, known);
  }
  return known;
}

function computeDayOfYear(day: EpochDay): number {
  const date = new Date(day * 86_400_000);
  return (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000 + 1;
}

/** The same weekday's latest visible values relative to the level (up to 8), written per row without allocating. */
const sameScratch = new Float64Array(8);
const medianScratch = new Float64Array(4);

/** Median of the first `count` (≤ 4) same-weekday values, sorted by insertion in a scratch array. */
function medianOfFirst(count: number): number {
  for (let i = 0; i < count; i++) {
    const value = sameScratch[i];
    let j = i;
    for (; j > 0 && medianScratch[j - 1] > value; j--) medianScratch[j] = medianScratch[j - 1];
    medianScratch[j] = value;
  }
  const middle = count >> 1;
  return count % 2 === 1 ? medianScratch[middle] : (medianScratch[middle - 1] + medianScratch[middle]) / 2;
}

/** The same weekday 52 weeks earlier (or a week either side), relative to the level around it then. */
function lastYear(prepared: PreparedTimeline, day: EpochDay, visible: number): number {
  const { days, values } = prepared.timeline;
  for (const back of [364, 357, 371]) {
    const end = countUpTo(days, day - back);
    if (end === 0 || end > visible || days[end - 1] !== day - back) continue;
    const around = windowMean(prepared, end - 1 - LEVEL_DAYS / 2, Math.min(visible, end - 1 + LEVEL_DAYS / 2));
    return around > 0 ? values[end - 1] / around : Number.NaN;
  }
  return Number.NaN;
}

/** Calendar days since the first service day after the latest break (capped). */
function sinceBreak(days: Int32Array, index: number): number {
  for (let j = index; j > 0 && days[index] - days[j] < BREAK_LOOK; j--) {
    if (days[j] - days[j - 1] >= BREAK_GAP) return days[index] - days[j];
  }
  return BREAK_LOOK;
}

/** Calendar days until the last service day before the next break (capped; the timeline's end counts as unknown). */
function untilBreak(days: Int32Array, index: number): number {
  for (let j = index; j + 1 < days.length && days[j] - days[index] < BREAK_LOOK; j++) {
    if (days[j + 1] - days[j] >= BREAK_GAP) return days[j] - days[index];
  }
  return BREAK_LOOK;
}
