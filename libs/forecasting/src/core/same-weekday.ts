import { isoWeekday } from './iso-date';

const weekdayCache = new WeakMap<ArrayBufferLike, Uint8Array>();

/**
 * Weekdays of `days`, cached per underlying buffer: backtests look at many prefixes (views)
 * of one series, so each series' weekdays are computed once.
 */
export function weekdaysOf(days: Int32Array): Uint8Array {
  let cached = weekdayCache.get(days.buffer);
  if (!cached) {
    const whole = new Int32Array(days.buffer, 0, days.buffer.byteLength >> 2);
    // A plain loop: Uint8Array.from with a mapping function costs tens of times more per day.
    cached = new Uint8Array(whole.length);
    for (let i = 0; i < whole.length; i++) cached[i] = isoWeekday(whole[i]);
    weekdayCache.set(days.buffer, cached);
  }
  const start = days.byteOffset >> 2;
  return cached.subarray(start, start + days.length);
}

const firstIndexCache = new WeakMap<ArrayBufferLike, Int32Array>();

/**
 * How many weekdays occur in `days`. A view from the start of its buffer (a backtest's training
 * prefix) is answered from the buffer's first index of each weekday, cached; others are scanned.
 */
export function weekdaysPresent(days: Int32Array): number {
  if (days.byteOffset !== 0) {
    const seen = new Uint8Array(7);
    for (const weekday of weekdaysOf(days)) seen[weekday] = 1;
    return seen.reduce((sum, flag) => sum + flag, 0);
  }
  let first = firstIndexCache.get(days.buffer);
  if (!first) {
    const whole = weekdaysOf(new Int32Array(days.buffer, 0, days.buffer.byteLength >> 2));
    first = new Int32Array(7).fill(whole.length);
    for (let i = whole.length - 1; i >= 0; i--) first[whole[i]] = i;
    firstIndexCache.set(days.buffer, first);
  }
  let present = 0;
  for (let weekday = 0; weekday < 7; weekday++) if (first[weekday] < days.length) present++;
  return present;
}

/** For each service day, the index of the latest earlier service day with the same weekday (−1 if none). */
export function previousSameWeekday(days: Int32Array): Int32Array {
  const latest = new Int32Array(7).fill(-1);
  const previous = new Int32Array(days.length);
  const weekdays = weekdaysOf(days);
  for (let i = 0; i < days.length; i++) {
    const weekday = weekdays[i];
    previous[i] = latest[weekday];
    latest[weekday] = i;
  }
  return previous;
}

/** Index of the last service day for each weekday among the first `end` days (−1 if that weekday never occurs). */
export function latestIndexByWeekday(days: Int32Array, end: number = days.length): Int32Array {
  const latest = new Int32Array(7).fill(-1);
  // Weekdays that never occur before `end` are not waited for.
  let missing = weekdaysPresent(days.subarray(0, end));
  const weekdays = weekdaysOf(days);
  for (let i = end - 1; i >= 0 && missing > 0; i--) {
    const weekday = weekdays[i];
    if (latest[weekday] === -1) {
      latest[weekday] = i;
      missing--;
    }
  }
  // Weekdays never served stay −1.
  return latest;
}

const FEW = 16;
const fewScratch = new Float64Array(FEW);

export function median(values: Float64Array): number {
  const sorted = values.length <= FEW ? sortFew(values) : Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** The values sorted by insertion into a shared scratch (no allocation: window models take medians of a few values per fit). */
function sortFew(values: Float64Array): Float64Array {
  const sorted = fewScratch.subarray(0, values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // NaN sorts last, as a typed array's sort puts it.
    let j = i;
    while (j > 0 && (sorted[j - 1] > value || (Number.isNaN(sorted[j - 1]) && !Number.isNaN(value)))) {
      sorted[j] = sorted[j - 1];
      j--;
    }
    sorted[j] = value;
  }
  return sorted;
}
