import { createCalendar, ServiceCalendar } from '../core/service-calendar';
import { RidgeFit, solveRidge } from '../core/ridge';
import { Horizon, ServiceSeries, sliceSeries } from '../core/service-series';
import { FeatureLayout, featureLayout } from './calendar-features';
import { BaseForecastModel } from './forecast-model';
import { prefixMoments } from './regression-moments';
import { SeriesDesign } from './series-design';

export interface RegressionModelOptions {
  readonly calendar?: ServiceCalendar;
  /** Older days count less: weight halves every halfLifeDays (demand habits drift). */
  readonly halfLifeDays?: number;
  /** Ridge penalty relative to total weight; keeps rare dummies (makeup days) from exploding. */
  readonly penalty?: number;
  /**
   * Adds the mean error of the latest N service days to the forecast, so a level shift the
   * drivers do not explain is followed before the next refit (0 disables).
   */
  readonly recentErrorDays?: number;
}

/**
 * One empty calendar for every regression given none: the designs and calendar columns are cached
 * per calendar, so a calendar of its own per model would miss them on every series.
 */
const NO_CALENDAR: ServiceCalendar = createCalendar();

/**
 * Linear regression of the day's quantity on calendar features and exogenous drivers
 * (staff on duty / on leave / travelling / overtime / remote, price, subsidy …).
 * Drivers must be supplied for the forecast days: they are treated as known in advance.
 */
export class RegressionModel extends BaseForecastModel {
  readonly name = 'regression';
  private readonly calendar: ServiceCalendar;
  private readonly halfLifeDays: number;
  private readonly penalty: number;
  private readonly recentErrorDays: number;
  private correction = 0;
  private layout: FeatureLayout | undefined;
  private model: RidgeFit | undefined;
  private readonly designs = new SeriesDesign();

  constructor(options: RegressionModelOptions = {}) {
    super();
    this.calendar = options.calendar ?? NO_CALENDAR;
    this.halfLifeDays = options.halfLifeDays ?? 180;
    this.penalty = options.penalty ?? 1e-3;
    this.recentErrorDays = options.recentErrorDays ?? 5;
  }

  /** Fitted coefficients by feature name (e.g. `driver:staff_on_duty`, `fri`), for inspection and tests. */
  coefficients(): Record<string, number> {
    if (!this.layout || !this.model) throw new Error('regression: not fitted');
    const named: Record<string, number> = { intercept: this.model.intercept };
    this.layout.names.forEach((name, i) => (named[name] = this.model!.coefficients[i]));
    return named;
  }

  protected fitHistory(series: ServiceSeries): void {
    const layout = featureLayout(this.calendar, series.drivers);
    const rows = series.days.length;
    const columns = layout.names.length;
    if (rows < Math.max(14, 2 * columns)) throw new Error(`regression: ${rows} service days are too few for ${columns} features`);
    const design = this.designs.rows({ layout, calendar: this.calendar, days: series.days, drivers: series.drivers });
    this.layout = layout;
    const moments = prefixMoments({ design, columns, days: series.days, values: series.values, halfLifeDays: this.halfLifeDays });
    this.model = solveRidge(moments, this.penalty);
    this.correction = this.recentError(series);
  }

  /** Coefficients stay; only the recent-error correction follows the new days. */
  protected override updateHistory(series: ServiceSeries): void {
    this.correction = this.recentError(series);
  }

  /** Errors of the regression part (without the correction) on the given rows of the series. */
  private errors(series: ServiceSeries, from: number): Float64Array {
    const tail = sliceSeries(series, from, series.days.length);
    const design = this.designs.rows({ layout: this.layout!, calendar: this.calendar, days: tail.days, drivers: tail.drivers });
    const fitted = this.apply(design, tail.days.length);
    return tail.values.map((value, i) => value - fitted[i]);
  }

  /** The mean error of the latest days, summed as they come (`errors` without its arrays: this runs on every update). */
  private recentError(series: ServiceSeries): number {
    const count = Math.min(this.recentErrorDays, series.days.length);
    if (count === 0) return 0;
    const tail = sliceSeries(series, series.days.length - count, series.days.length);
    const design = this.designs.rows({ layout: this.layout!, calendar: this.calendar, days: tail.days, drivers: tail.drivers });
    const { intercept, coefficients } = this.model!;
    const columns = coefficients.length;
    let total = 0;
    for (let r = 0; r < count; r++) {
      let fitted = intercept;
      for (let c = 0; c < columns; c++) fitted += coefficients[c] * design[r * columns + c];
      total += tail.values[r] - fitted;
    }
    return total / count;
  }

  protected predictDays(horizon: Horizon): Float64Array {
    if (!this.layout) throw new Error('regression: not fitted');
    const design = this.designs.rows({ layout: this.layout, calendar: this.calendar, days: horizon.days, drivers: horizon.drivers });
    const point = this.apply(design, horizon.days.length);
    for (let i = 0; i < point.length; i++) point[i] += this.correction;
    return point;
  }

  private apply(design: Float64Array, rows: number): Float64Array {
    const { intercept, coefficients } = this.model!;
    const columns = coefficients.length;
    const result = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let sum = intercept;
      for (let c = 0; c < columns; c++) sum += coefficients[c] * design[r * columns + c];
      result[r] = sum;
    }
    return result;
  }

  insampleResiduals(): Float64Array {
    return this.errors(this.history, 0);
  }
}
