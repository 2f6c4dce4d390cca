import { ServiceSeries } from '../core/service-series';

/** Below this many ordinary days a weekday model learns from every day rather than from too few. */
const MIN_ORDINARY_DAYS = 28;

/**
 * A series without its special days (holidays, make-up days, the days around holidays), kept
 * incrementally: a backtest updates a model day after day with a history that only grows at the
 * end, so the kept indices are extended instead of recomputed. When no day is special the series
 * itself is returned (no copy).
 */
export class OrdinaryDays {
  private kept: number[] = [];
  private seen = 0;
  private source: ServiceSeries | undefined;
  /** Decided at each fit and kept until the next, so an updated model never sees its history shrink. */
  private filtering = false;

  constructor(private readonly isSpecial: (day: number) => boolean) {}

  reset(series: ServiceSeries): ServiceSeries {
    this.kept = [];
    this.seen = 0;
    this.source = undefined;
    this.filtering = true;
    this.extend(series);
    this.filtering = this.kept.length >= MIN_ORDINARY_DAYS;
    return this.extend(series);
  }

  extend(series: ServiceSeries): ServiceSeries {
    if (series.days.length < this.seen || (this.source && this.seen > 0 && series.days[this.seen - 1] !== this.source.days[this.seen - 1])) {
      throw new Error('ordinary days: a model can only be updated with a history that grows at the end');
    }
    for (let i = this.seen; i < series.days.length; i++) if (!this.isSpecial(series.days[i])) this.kept.push(i);
    this.seen = series.days.length;
    this.source = series;
    if (!this.filtering || this.kept.length === series.days.length) return series;
    return pick(series, this.kept);
  }
}

function pick(series: ServiceSeries, indices: readonly number[]): ServiceSeries {
  const drivers: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(series.drivers)) drivers[name] = Float64Array.from(indices, (i) => column[i]);
  return { days: Int32Array.from(indices, (i) => series.days[i]), values: Float64Array.from(indices, (i) => series.values[i]), drivers };
}
