import { EpochDay } from '../core/iso-date';
import { dayKind, ServiceCalendar } from '../core/service-calendar';
import { mean, median } from '../core/same-weekday';
import { countUpTo, ServiceSeries } from '../core/service-series';

/** How many years back a holiday looks for the same date. */
const YEARS_BACK = 3;
/** The ordinary level around a day: the ordinary days of its weekday up to this many weeks either side. */
const NEIGHBOUR_WEEKS = 4;
const MIN_NEIGHBOURS = 2;
/** Fewer earlier holidays with a level around them, and the average holiday is unknown. */
const MIN_HOLIDAYS = 5;
/** The noise of one ordinary day against its level is read over the last year. */
const NOISE_DAYS = 365;
/** A date's difference from the average holiday loses this many standard errors of an ordinary day's noise. */
const NOISE_THRESHOLD = 2;

interface HolidayStatistics {
  /** Mean ratio of the earlier holidays to the ordinary days around them (the average holiday). */
  readonly mean: number;
  /** Robust variance of ordinary days' ratios: the noise of one day's ratio. */
  readonly noise: number;
}

/**
 * Each holiday's demand relative to the ordinary demand around it, and the same holiday (same date,
 * also a holiday) in earlier years. The calendar regression gives every holiday one additive effect,
 * learned mostly from busy single holidays, so a canteen's New Year or National Day week, nearly empty
 * every year, is forecast like the others; and a level shift (a wing opening) distorts an additive
 * effect. Here each earlier holiday is measured as its ratio to the same weekday's ordinary days in the
 * four weeks either side (all of them before the origin a year later), free of the level. When the same
 * date one to three years back was a served holiday and its ratio differs from the mean ratio of all
 * earlier holidays by more than twice the standard error of an ordinary day's ratio, the holiday is
 * forecast as the ordinary forecast times its ratio, less that threshold (soft thresholding: what noise
 * could explain is not believed); a date within the noise of the average holiday keeps the regression.
 */
export class RecurringHolidays {
  private stats: HolidayStatistics | null | undefined;

  constructor(
    private readonly calendar: ServiceCalendar,
    private readonly series: ServiceSeries,
    private readonly isOrdinary: (day: EpochDay) => boolean,
  ) {}

  /**
   * The factor on the ordinary (weekday) forecast of this holiday; undefined when no earlier year has
   * the date as a served holiday or when it does not differ from the average holiday beyond noise.
   */
  factor(day: EpochDay): number | undefined {
    if (dayKind(this.calendar, day) !== 'holiday') return undefined;
    const earlier: number[] = [];
    for (let years = 1; years <= YEARS_BACK; years++) {
      const before = sameDateYearsBefore(day, years);
      if (before === undefined || dayKind(this.calendar, before) !== 'holiday') continue;
      const ratio = this.ratioAt(indexOf(this.series.days, before));
      if (ratio !== undefined) earlier.push(ratio);
    }
    if (earlier.length === 0) return undefined;
    const stats = this.statistics();
    if (!stats) return undefined;
    const difference = mean(earlier) - stats.mean;
    const threshold = NOISE_THRESHOLD * Math.sqrt(stats.noise / earlier.length);
    if (Math.abs(difference) <= threshold) return undefined;
    return Math.max(0, stats.mean + Math.sign(difference) * (Math.abs(difference) - threshold));
  }

  /** Computed once, when a horizon first needs it: most forecasts have no recurring holiday. */
  private statistics(): HolidayStatistics | null {
    if (this.stats !== undefined) return this.stats;
    const { days } = this.series;
    const holidays: number[] = [];
    const ordinary: number[] = [];
    const lastDay = days.length > 0 ? days[days.length - 1] : 0;
    for (let i = 0; i < days.length; i++) {
      const holiday = dayKind(this.calendar, days[i]) === 'holiday';
      if (!holiday && (days[i] <= lastDay - NOISE_DAYS || !this.isOrdinary(days[i]))) continue;
      const ratio = this.ratioAt(i);
      if (ratio !== undefined) (holiday ? holidays : ordinary).push(ratio);
    }
    const average = mean(holidays);
    if (holidays.length < MIN_HOLIDAYS || ordinary.length < MIN_HOLIDAYS || !(average > 0)) return (this.stats = null);
    // Robust: a level shift inside an ordinary day's four weeks (a wing opening) is not day-to-day noise.
    return (this.stats = { mean: average, noise: robustVariance(ordinary) });
  }

  /** The day's value over the median of the same weekday's ordinary service days around it (excluding itself). */
  private ratioAt(index: number): number | undefined {
    if (index < 0) return undefined;
    const { days, values } = this.series;
    const neighbours: number[] = [];
    for (let week = -NEIGHBOUR_WEEKS; week <= NEIGHBOUR_WEEKS; week++) {
      if (week === 0) continue;
      const neighbour = indexOf(days, days[index] + 7 * week);
      if (neighbour >= 0 && this.isOrdinary(days[neighbour])) neighbours.push(values[neighbour]);
    }
    if (neighbours.length < MIN_NEIGHBOURS) return undefined;
    const level = median(Float64Array.from(neighbours));
    return level > 0 ? values[index] / level : undefined;
  }
}

/** The same month and day `years` earlier (undefined for 29 February in a year without it). */
function sameDateYearsBefore(day: EpochDay, years: number): EpochDay | undefined {
  const date = new Date(day * 86_400_000);
  const month = date.getUTCMonth();
  const earlier = new Date(Date.UTC(date.getUTCFullYear() - years, month, date.getUTCDate()));
  return earlier.getUTCMonth() === month ? earlier.getTime() / 86_400_000 : undefined;
}

/** Position of a day in the sorted service days, or −1. */
function indexOf(days: Int32Array, day: EpochDay): number {
  const at = countUpTo(days, day) - 1;
  return at >= 0 && days[at] === day ? at : -1;
}

/** The variance of normal noise with the same median absolute deviation. */
function robustVariance(values: readonly number[]): number {
  const centre = median(Float64Array.from(values));
  return (1.4826 * median(Float64Array.from(values, (value) => Math.abs(value - centre)))) ** 2;
}
