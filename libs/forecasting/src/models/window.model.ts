import { isoWeekday } from '../core/iso-date';
import { mean, median, previousSameWeekday, weekdaysOf, weekdaysPresent } from '../core/same-weekday';
import { Horizon, ServiceSeries } from '../core/service-series';
import { BaseForecastModel } from './forecast-model';

export type WindowStatistic = 'median' | 'mean';

export interface WindowModelOptions {
  readonly statistic: WindowStatistic;
  /** How many of the latest same-weekday service days to pool (k). */
  readonly window?: number;
}

/** Median or mean of the last k same-weekday service days ("median4" is the canteen manager's rule of thumb). */
export class WindowModel extends BaseForecastModel {
  readonly name: string;
  private readonly statistic: WindowStatistic;
  private readonly window: number;
  private readonly byWeekday = new Float64Array(7);
  private readonly pools: Float64Array;
  private readonly sizes = new Int32Array(7);
  private overall = 0;

  constructor(options: WindowModelOptions) {
    super();
    this.statistic = options.statistic;
    this.window = options.window ?? 4;
    if (!Number.isInteger(this.window) || this.window < 1) throw new Error(`window must be a positive integer, got ${this.window}`);
    this.name = `${this.statistic}${this.window}`;
    this.pools = new Float64Array(7 * this.window);
  }

  private summarise(values: Float64Array): number {
    return this.statistic === 'median' ? median(values) : mean(values);
  }

  protected fitHistory(series: ServiceSeries): void {
    const { days, values } = series;
    const k = this.window;
    // Refilled on every fit (a backtest refits at each test day): only the entries written below are read.
    const pools = this.pools;
    const sizes = this.sizes.fill(0);
    const weekdays = weekdaysOf(days);
    // Stops once every weekday served has k values (or scans everything when one has fewer).
    const served = weekdaysPresent(days);
    let full = 0;
    for (let i = days.length - 1; i >= 0 && full < served; i--) {
      const weekday = weekdays[i];
      if (sizes[weekday] < k) {
        pools[weekday * k + sizes[weekday]++] = values[i];
        if (sizes[weekday] === k) full++;
      }
    }
    // A weekday never served before (new service pattern) borrows the last k days of any weekday.
    this.overall = this.summarise(values.subarray(Math.max(0, values.length - k)));
    for (let weekday = 0; weekday < 7; weekday++) {
      this.byWeekday[weekday] = sizes[weekday] > 0 ? this.summarise(pools.subarray(weekday * k, weekday * k + sizes[weekday])) : Number.NaN;
    }
  }

  protected predictDays(horizon: Horizon): Float64Array {
    return Float64Array.from(horizon.days, (day) => {
      const value = this.byWeekday[isoWeekday(day)];
      return Number.isNaN(value) ? this.overall : value;
    });
  }

  insampleResiduals(): Float64Array {
    const { days, values } = this.history;
    const previous = previousSameWeekday(days);
    const residuals: number[] = [];
    const pool = new Float64Array(this.window);
    for (let i = 0; i < days.length; i++) {
      let size = 0;
      for (let j = previous[i]; j >= 0 && size < this.window; j = previous[j]) pool[size++] = values[j];
      if (size > 0) residuals.push(values[i] - this.summarise(pool.subarray(0, size)));
    }
    return Float64Array.from(residuals);
  }
}
