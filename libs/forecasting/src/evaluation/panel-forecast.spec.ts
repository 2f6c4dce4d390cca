import { inSeriesUnits, medianAtPoint, wholeNumbersAsOf } from '../core/quantiles';
import { isoWeekday } from '../core/iso-date';
import { createServiceSeries } from '../core/service-series';
import { randomSource, serviceDays } from '../testing/synthetic';
import { forecastPanel } from './panel-forecast';

describe('a quantile in its series units', () => {
  it('is never below zero, and rounded to a whole number for a series of counts', () => {
    expect(inSeriesUnits(-0.4, false)).toBe(0);
    expect(inSeriesUnits(2.6, true)).toBe(3);
    expect(inSeriesUnits(2.6, false)).toBe(2.6);
  });

  it('treats a series as counts from its first known value until its first fraction', () => {
    const wholeAsOf = wholeNumbersAsOf(Int32Array.from([10, 11, 12, 13]), [Number.NaN, 3, 4, 2.5]);
    expect([9, 10, 11, 12, 13, 14].map(wholeAsOf)).toEqual([false, false, true, true, false, false]);
  });
});

describe('the median of the bands', () => {
  it('is the point forecast in its series units, the other levels moved only as far as keeps them in order', () => {
    const bands = new Map([
      [0.1, Float64Array.from([80, 95, 10])],
      [0.5, Float64Array.from([100, 110, 20])],
      [0.9, Float64Array.from([120, 130, 30])],
    ]);
    const centred = medianAtPoint(bands, Float64Array.from([104.4, 90, Number.NaN]), (value) => inSeriesUnits(value, true));
    expect([...centred.get(0.5)!]).toEqual([104, 90, 20]);
    expect([...centred.get(0.1)!]).toEqual([80, 90, 10]);
    expect([...centred.get(0.9)!]).toEqual([120, 130, 30]);
    // The bands passed in are left as they were.
    expect([...bands.get(0.5)!]).toEqual([100, 110, 20]);
  });
});

describe('the production forecast of a panel (forecastPanel)', () => {
  it('gives whole-number quantiles for a series of diners and keeps the fractions of one in kilograms', () => {
    const random = randomSource('panel-units');
    const days = serviceDays({ from: '2025-01-06', count: 200 });
    const diners = days.map((day) => Math.round(300 + 40 * (day % 5) + 20 * random.normal()));
    const kilograms = diners.map((count) => count * 0.137);
    const horizonDays = serviceDays({ from: '2025-10-13', count: 10 });
    const series = [diners, kilograms].map((values) => createServiceSeries({ dates: days, values }));
    const results = forecastPanel({ entries: series.map((entry) => ({ series: entry, horizon: { days: Int32Array.from(horizonDays), drivers: {} } })), levels: [0.8] });
    const all = (s: number) => [...results[s].quantiles.values()].flatMap((values) => [...values]);
    expect(all(0).length).toBeGreaterThan(0);
    expect(all(0).every(Number.isInteger)).toBe(true);
    expect(all(1).some((value) => !Number.isInteger(value))).toBe(true);
    // The p50 stored and planned from is the point forecast, rounded for the counts.
    expect([...results[0].quantiles.get(0.5)!]).toEqual([...results[0].point].map((value) => inSeriesUnits(value, true)));
    expect([...results[1].quantiles.get(0.5)!]).toEqual([...results[1].point].map((value) => inSeriesUnits(value, false)));
  });

  it('does not mix in a global model that its backtest could not fit', () => {
    // Two series of 150 days: at the start of a 112-day backtest the panel had too few rows for the
    // global model, while the horizon's model, fitted on every day, had enough.
    const days = serviceDays({ from: '2026-01-05', count: 150 });
    const fridays = (friday: number, other: number) => createServiceSeries({ dates: days, values: days.map((day) => (isoWeekday(day) === 4 ? friday : other)) });
    const last = days[days.length - 1];
    const horizon = { days: Int32Array.from([3, 4, 5, 6, 7], (ahead) => last + ahead), drivers: {} };
    const results = forecastPanel({ entries: [fridays(120, 60), fridays(80, 140)].map((series) => ({ series, horizon })), levels: [0.8], testDays: 112 });
    expect(results.map((result) => result.globalWeight)).toEqual([0, 0]);
    expect([...results[0].point].map(Math.round)).toEqual([60, 60, 60, 60, 120]);
  });
});
