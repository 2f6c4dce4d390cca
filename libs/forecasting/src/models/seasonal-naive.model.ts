import { isoWeekday } from '../core/iso-date';
import { latestIndexByWeekday, previousSameWeekday } from '../core/same-weekday';
import { Horizon, ServiceSeries } from '../core/service-series';
import { BaseForecastModel } from './forecast-model';

/**
 * Weekly seasonal naive on service days: a day's forecast is the value of the latest
 * earlier service day with the same weekday; a weekday never served falls back to the last value.
 */
export class SeasonalNaiveModel extends BaseForecastModel {
  readonly name = 'seasonalNaive';
  private latest: Int32Array = new Int32Array(7);

  protected fitHistory(series: ServiceSeries): void {
    this.latest = latestIndexByWeekday(series.days);
  }

  protected predictDays(horizon: Horizon): Float64Array {
    const { values } = this.history;
    return Float64Array.from(horizon.days, (day) => {
      const index = this.latest[isoWeekday(day)];
      return index >= 0 ? values[index] : values[values.length - 1];
    });
  }

  insampleResiduals(): Float64Array {
    const { days, values } = this.history;
    const previous = previousSameWeekday(days);
    const residuals: number[] = [];
    for (let i = 0; i < days.length; i++) if (previous[i] >= 0) residuals.push(values[i] - values[previous[i]]);
    return Float64Array.from(residuals);
  }
}
