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
    cached = Uint8Array.from(whole, isoWeekday);
    weekdayCache.set(days.buffer, cached);
  }
  const start = days.byteOffset >> 2;
  return cached.subarray(start, start + days.length);
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
  let missing = 7;
  const weekdays = weekdaysOf(days);
  for (let i = end - 1; i >= 0 && missing > 0; i--) {
    const weekday = weekdays[i];
    if (latest[weekday] === -1) {
      latest[weekday] = i;
      missing--;
    }
  }
  // Weekdays never served stay −1; the scan above is O(n) only in that case.
  return latest;
}

export function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}
