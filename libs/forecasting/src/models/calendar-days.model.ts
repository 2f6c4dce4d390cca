import { dayKind, isNextToHoliday, ServiceCalendar } from '../core/service-calendar';
import { calibrateQuantiles, mergeLevels } from '../core/quantiles';
import { Horizon, ServiceSeries } from '../core/service-series';
import { OrdinaryDays } from './ordinary-days';
import { RecurringHolidays } from './recurring-holidays';
import { Forecast, ForecastModel, PredictRequest } from './forecast-model';

/**
 * A day whose demand the calendar explains and a weekday pattern does not: a holiday served, a
 * make-up working day (a Saturday or Sunday worked in exchange for a longer holiday), and the
 * working days right before and after a holiday (people leave early, come back late).
 */
export function isCalendarDay(calendar: ServiceCalendar, day: number): boolean {
  const kind = dayKind(calendar, day);
  return kind === 'holiday' || kind === 'makeup_workday' || isNextToHoliday(calendar, day, 1) || isNextToHoliday(calendar, day, -1);
}

/**
 * A weekday model (seasonal naive, window means, ETS) for ordinary days and the calendar regression
 * for calendar days. The weekday models forecast a make-up Sunday as a Sunday and the eve of the
 * National Day as a Wednesday; the regression has the holiday, make-up, before- and after-holiday
 * columns and learns what those days do from the earlier ones. When the regression cannot be fitted
 * the weekday model answers every day. The weekday model also LEARNS from ordinary days only: a New
 * Year's week or a Golden Week served at a third of the usual covers is not evidence of the level
 * of the weeks after it (the regression, which knows the day kinds, learns from every day).
 */
export class CalendarDaysModel implements ForecastModel {
  private regressionFitted = false;
  private readonly ordinary: OrdinaryDays;
  private recurring: RecurringHolidays | undefined;

  constructor(private readonly options: { readonly base: ForecastModel; readonly regression: ForecastModel; readonly calendar: ServiceCalendar }) {
    this.ordinary = new OrdinaryDays((day) => isCalendarDay(options.calendar, day));
  }

  get name(): string {
    return this.options.base.name;
  }

  fit(series: ServiceSeries): this {
    this.options.base.fit(this.ordinary.reset(series));
    this.recurring = this.recurringOf(series);
    this.regressionFitted = this.tryRegression(() => this.options.regression.fit(series));
    return this;
  }

  update(series: ServiceSeries): this {
    this.options.base.update(this.ordinary.extend(series));
    this.recurring = this.recurringOf(series);
    this.regressionFitted = this.tryRegression(() => (this.regressionFitted ? this.options.regression.update(series) : this.options.regression.fit(series)));
    return this;
  }

  predictPoint(horizon: Horizon): Float64Array {
    const point = this.options.base.predictPoint(horizon);
    const special: number[] = [];
    horizon.days.forEach((day, i) => {
      if (!isCalendarDay(this.options.calendar, day)) return;
      // The same holiday in earlier years, relative to the ordinary days around it, scales the weekday forecast.
      const factor = this.recurring?.factor(day);
      if (factor === undefined) special.push(i);
      else point[i] *= factor;
    });
    if (!this.regressionFitted || special.length === 0) return point;
    try {
      const calendarPoint = this.options.regression.predictPoint(horizon);
      for (const i of special) point[i] = calendarPoint[i];
    } catch {
      // A driver missing for the horizon: the weekday model's forecast stands.
    }
    return point;
  }

  predict(request: PredictRequest): Forecast {
    const point = this.predictPoint(request.horizon);
    const quantiles = calibrateQuantiles({ point, residuals: this.insampleResiduals(), levels: mergeLevels(request.levels) });
    return { days: request.horizon.days, point, quantiles };
  }

  insampleResiduals(): Float64Array {
    return this.options.base.insampleResiduals();
  }

  private recurringOf(series: ServiceSeries): RecurringHolidays {
    return new RecurringHolidays(this.options.calendar, series, (day) => !isCalendarDay(this.options.calendar, day));
  }

  private tryRegression(fit: () => unknown): boolean {
    try {
      fit();
      return true;
    } catch {
      return false;
    }
  }
}
