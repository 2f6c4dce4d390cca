import { ServiceSeries } from '../core/service-series';

/** Below this many ordinary days a weekday model learns from every day rather than from too few. */
const MIN_ORDINARY_DAYS = 28;

/** The ordinary days of a whole series buffer, and how many of them lie among its first n days. */
interface Filtered {
  readonly source: ServiceSeries;
  readonly keptBefore: Int32Array;
  readonly days: Int32Array;
  readonly values: Float64Array;
  readonly drivers: Readonly<Record<string, Float64Array>>;
}

/**
 * A series without its special days (holidays, make-up days, the days around holidays). A backtest
 * fits and updates a model on prefixes (views) of one series, day after day: the whole series behind
 * the views is filtered once and each prefix is handed out as a view of the result, which never
 * changes afterwards (weekday caches key on buffers). When no day is special the series itself is
 * returned.
 */
export class OrdinaryDays {
  private filtered: Filtered | undefined;
  /** Decided at each fit and kept until the next, so an updated model never sees its history shrink. */
  private filtering = false;

  constructor(private readonly isSpecial: (day: number) => boolean) {}

  reset(series: ServiceSeries): ServiceSeries {
    this.filtering = true;
    const ordinary = this.extend(series);
    this.filtering = ordinary.days.length >= MIN_ORDINARY_DAYS;
    return this.filtering ? ordinary : series;
  }

  extend(series: ServiceSeries): ServiceSeries {
    if (!this.filtering) return series;
    const whole = wholeOf(series);
    if (!this.filtered || !sameBuffers(this.filtered.source, whole)) this.filtered = filter(whole, this.isSpecial);
    const { keptBefore, days, values, drivers } = this.filtered;
    const kept = keptBefore[series.days.length];
    if (kept === series.days.length) return series;
    const views: Record<string, Float64Array> = {};
    for (const name of Object.keys(series.drivers)) views[name] = drivers[name].subarray(0, kept);
    return { days: days.subarray(0, kept), values: values.subarray(0, kept), drivers: views };
  }
}

/** The series over its whole buffers when it is a prefix view of them; else itself. */
function wholeOf(series: ServiceSeries): ServiceSeries {
  const columns = [series.days, series.values, ...Object.values(series.drivers)];
  if (columns.some((column) => column.byteOffset !== 0)) return series;
  const length = Math.min(series.days.buffer.byteLength >> 2, ...[series.values, ...Object.values(series.drivers)].map((column) => column.buffer.byteLength >> 3));
  const drivers: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.drivers)) drivers[name] = new Float64Array(column.buffer, 0, length);
  return { days: new Int32Array(series.days.buffer, 0, length), values: new Float64Array(series.values.buffer, 0, length), drivers };
}

function sameBuffers(a: ServiceSeries, b: ServiceSeries): boolean {
  if (a.days.buffer !== b.days.buffer || a.values.buffer !== b.values.buffer || a.days.length !== b.days.length) return false;
  const names = Object.keys(b.drivers);
  return names.length === Object.keys(a.drivers).length && names.every((name) => a.drivers[name]?.buffer === b.drivers[name].buffer);
}

function filter(source: ServiceSeries, isSpecial: (day: number) => boolean): Filtered {
  const n = source.days.length;
  const keptBefore = new Int32Array(n + 1);
  const indices: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!isSpecial(source.days[i])) indices.push(i);
    keptBefore[i + 1] = indices.length;
  }
  const drivers: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(source.drivers)) drivers[name] = Float64Array.from(indices, (i) => column[i]);
  return { source, keptBefore, days: Int32Array.from(indices, (i) => source.days[i]), values: Float64Array.from(indices, (i) => source.values[i]), drivers };
}
