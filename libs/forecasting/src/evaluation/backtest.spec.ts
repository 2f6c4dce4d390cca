import { isoWeekday } from '../core/iso-date';
import { createServiceSeries, Horizon, ServiceSeries } from '../core/service-series';
import { BaseForecastModel } from '../models/forecast-model';
import { createModel } from '../models/model-factory';
import { randomSource, serviceDays } from '../testing/synthetic';
import { backtestModel, crossValidation, planBacktest } from './backtest';

/** Records, for every forecast it makes, the newest history day it had seen. */
class SpyModel extends BaseForecastModel {
  readonly name = 'spy';
  readonly forecasts: { day: number; newestSeen: number }[] = [];

  protected fitHistory(): void {}

  protected predictDays(horizon: Horizon): Float64Array {
    const newestSeen = this.history.days[this.history.days.length - 1];
    horizon.days.forEach((day) => this.forecasts.push({ day, newestSeen }));
    return new Float64Array(horizon.days.length).fill(1);
  }

  insampleResiduals(): Float64Array {
    return new Float64Array(0);
  }
}

function noisySeries(seed: string): ServiceSeries {
  const random = randomSource(seed);
  const days = serviceDays({ from: '2025-01-06', count: 260, weekdays: [0, 1, 2, 3, 4, 5], closed: ['2025-05-01', '2025-10-01', '2025-10-02'] });
  const staff = days.map(() => 900 + 200 * random.uniform());
  const values = days.map((day, i) => 0.5 * staff[i] + 20 * isoWeekday(day) + 15 * random.normal());
  return createServiceSeries({ dates: days, values, drivers: { staff } });
}

describe('rolling-origin backtest', () => {
  it.each([1, 3, 7, 14])('never lets a forecast see data closer than the lead (L = %i)', (leadDays) => {
    const series = noisySeries('lead');
    const blocks = planBacktest({ days: series.days, testStart: 100, leadDays, refitEvery: 7 });
    const spy = new SpyModel();
    backtestModel({ series, blocks, model: spy });
    expect(spy.forecasts.length).toBe(series.days.length - 100);
    const gaps = spy.forecasts.map(({ day, newestSeen }) => day - newestSeen);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(leadDays);
    // …and the data is used as soon as it is allowed (updates between refits), not weeks late.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(leadDays + 3);
  });

  it('a test-day forecast is unchanged when data inside the lead window is altered (no leakage)', () => {
    const series = noisySeries('leak');
    const leadDays = 7;
    const target = 200;
    const blocks = planBacktest({ days: series.days, testStart: 150, leadDays, refitEvery: 7 });
    const forecastOf = (input: ServiceSeries, model: string) => backtestModel({ series: input, blocks, model: createModel(model) })[target - 150];
    const tampered = createServiceSeries({
      dates: Array.from(series.days),
      values: series.values.map((value, i) => (series.days[target] - series.days[i] < leadDays ? value * 3 + 500 : value)),
      drivers: { staff: series.drivers.staff.map((value, i) => (i === target ? value : series.days[target] - series.days[i] < leadDays ? 0 : value)) },
    });
    for (const model of ['seasonalNaive', 'median4', 'ets', 'regression']) {
      expect(forecastOf(tampered, model)).toBe(forecastOf(series, model));
    }
    // Control: altering data just older than the lead does change the forecast, so the check can fail.
    const older = createServiceSeries({
      dates: Array.from(series.days),
      values: series.values.map((value, i) => (series.days[target] - series.days[i] >= leadDays && series.days[target] - series.days[i] < 21 ? value + 300 : value)),
      drivers: series.drivers,
    });
    expect(forecastOf(older, 'median4')).not.toBe(forecastOf(series, 'median4'));
  });

  it('crossValidation returns aligned actuals, origins and one forecast column per model', () => {
    const series = noisySeries('cv');
    const result = crossValidation({ series, models: ['seasonalNaive', 'regression'], testDays: 30, leadDays: 7 });
    expect(result.days.length).toBe(30);
    expect(result.actual).toEqual(series.values.slice(-30));
    expect(Object.keys(result.forecasts)).toEqual(['seasonalNaive', 'regression']);
    result.days.forEach((day, i) => expect(day - result.origins[i]).toBe(7));
    for (const forecast of Object.values(result.forecasts)) expect(forecast.every(Number.isFinite)).toBe(true);
  });

  it('rejects a lead below one day', () => {
    expect(() => planBacktest({ days: new Int32Array([1, 2, 3]), testStart: 1, leadDays: 0, refitEvery: 7 })).toThrow(/leadDays/);
  });
});
