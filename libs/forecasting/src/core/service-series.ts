import { EpochDay, toEpochDay } from './iso-date';

/** Optional numeric columns aligned with a series' days (staff on duty, price, subsidy, …). */
export type DriverColumns = Readonly<Record<string, Float64Array>>;

/**
 * A series holds SERVICE days only: days on which the canteen/meal/dish was served.
 * Closed days are simply absent, so no model can ever mistake them for zero demand.
 */
export interface ServiceSeries {
  /** Epoch days, strictly increasing. */
  readonly days: Int32Array;
  readonly values: Float64Array;
  readonly drivers: DriverColumns;
}

/** The future service days to forecast (chosen by the caller), with known future driver values. */
export interface Horizon {
  readonly days: Int32Array;
  readonly drivers?: DriverColumns;
}

export interface SeriesInput {
  readonly dates: readonly (string | EpochDay)[];
  readonly values: ArrayLike<number>;
  readonly drivers?: Readonly<Record<string, ArrayLike<number>>>;
}

export function createServiceSeries(input: SeriesInput): ServiceSeries {
  const count = input.dates.length;
  if (input.values.length !== count) throw new Error(`series has ${count} dates but ${input.values.length} values`);
  const days = Int32Array.from(input.dates, toEpochDay);
  const values = Float64Array.from(input.values);
  for (let i = 0; i < count; i++) {
    if (i > 0 && days[i] <= days[i - 1]) throw new Error(`series dates must be strictly increasing (index ${i})`);
    if (!Number.isFinite(values[i]) || values[i] < 0) throw new Error(`series value at index ${i} must be a finite non-negative number`);
  }
  return { days, values, drivers: copyDrivers(input.drivers ?? {}, count) };
}

export function createHorizon(dates: readonly (string | EpochDay)[], drivers?: Readonly<Record<string, ArrayLike<number>>>): Horizon {
  const days = Int32Array.from(dates, toEpochDay);
  return drivers ? { days, drivers: copyDrivers(drivers, days.length) } : { days };
}

function copyDrivers(drivers: Readonly<Record<string, ArrayLike<number>>>, count: number): DriverColumns {
  const copy: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(drivers)) {
    if (column.length !== count) throw new Error(`driver "${name}" has ${column.length} values, expected ${count}`);
    copy[name] = Float64Array.from(column);
  }
  return copy;
}

/** Service days [from, to) as zero-copy views (backtests cut many training windows). */
export function sliceSeries(series: ServiceSeries, from: number, to: number): ServiceSeries {
  const drivers: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.drivers)) drivers[name] = column.subarray(from, to);
  return { days: series.days.subarray(from, to), values: series.values.subarray(from, to), drivers };
}

/** The days [from, to) of a series as a horizon, drivers included (drivers are known on the day). */
export function horizonOf(series: ServiceSeries, from: number, to: number): Horizon {
  const { days, drivers } = sliceSeries(series, from, to);
  return { days, drivers };
}

/** Number of days in a sorted array that are <= day (i.e. the exclusive end index of that prefix). */
export function countUpTo(days: ArrayLike<number>, day: EpochDay): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (days[mid] <= day) low = mid + 1;
    else high = mid;
  }
  return low;
}
