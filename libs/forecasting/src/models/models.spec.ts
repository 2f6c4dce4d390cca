import { formatIsoDate, isoWeekday, parseIsoDate } from '../core/iso-date';
import { createCalendar } from '../core/service-calendar';
import { createHorizon, createServiceSeries } from '../core/service-series';
import { randomSource, serviceDays } from '../testing/synthetic';
import { EtsModel } from './ets.model';
import { FallbackModel } from './fallback.model';
import { IntermittentModel } from './intermittent.model';
import { isCalendarDay } from './calendar-days.model';
import { createModel } from './model-factory';
import { RegressionModel } from './regression.model';
import { SeasonalNaiveModel } from './seasonal-naive.model';
import { WindowModel } from './window.model';

const WEEKLY = [100, 120, 130, 110, 80]; // Mon..Fri

function weeklySeries(count: number, options: { closed?: string[]; noise?: number; seed?: string } = {}) {
  const days = serviceDays({ from: '2025-01-06', count, closed: options.closed });
  const random = randomSource(options.seed ?? 'weekly');
  const values = days.map((day) => Math.max(0, WEEKLY[isoWeekday(day)] + (options.noise ?? 0) * random.normal()));
  return { days, series: createServiceSeries({ dates: days, values }) };
}

/** The next `count` Mon–Fri days after the series. */
function nextWeekdays(lastDay: number, count: number): number[] {
  return serviceDays({ from: formatIsoDate(lastDay + 1), count });
}

describe('models on series with known answers', () => {
  const names = ['seasonalNaive', 'median4', 'mean4', 'ets', 'regression', 'ensemble'];

  it.each(names)('%s forecasts a constant series as that constant', (name) => {
    const days = serviceDays({ from: '2025-01-06', count: 120 });
    const series = createServiceSeries({ dates: days, values: days.map(() => 250) });
    const point = createModel(name)
      .fit(series)
      .predictPoint(createHorizon(nextWeekdays(days[days.length - 1], 10)));
    for (const value of point) expect(value).toBeCloseTo(250, 6);
  });

  it.each(names)('%s reproduces a pure weekly pattern', (name) => {
    const { days, series } = weeklySeries(200);
    const future = nextWeekdays(days[days.length - 1], 10);
    const point = createModel(name).fit(series).predictPoint(createHorizon(future));
    future.forEach((day, i) => expect(point[i]).toBeCloseTo(WEEKLY[isoWeekday(day)], 1)); // ridge shrinks a hair
  });

  it('ets tracks a level shift that the weekly window would lag', () => {
    const days = serviceDays({ from: '2025-01-06', count: 200 });
    const values = days.map((day, i) => WEEKLY[isoWeekday(day)] + (i >= 190 ? 60 : 0));
    const series = createServiceSeries({ dates: days, values });
    const future = nextWeekdays(days[days.length - 1], 5);
    const ets = new EtsModel().fit(series).predictPoint(createHorizon(future));
    const median = new WindowModel({ statistic: 'median' }).fit(series).predictPoint(createHorizon(future));
    future.forEach((day, i) => {
      const truth = WEEKLY[isoWeekday(day)] + 60;
      expect(Math.abs(ets[i] - truth)).toBeLessThan(Math.abs(median[i] - truth));
    });
  });

  it('regression recovers a linear driver relationship and uses the known future driver', () => {
    const random = randomSource('driver');
    const days = serviceDays({ from: '2024-01-01', count: 400 });
    const staff = days.map(() => 2000 + 600 * random.uniform());
    const values = days.map((day, i) => 40 + 0.35 * staff[i] + (isoWeekday(day) === 4 ? -90 : 0) + 5 * random.normal());
    const model = new RegressionModel().fit(createServiceSeries({ dates: days, values, drivers: { staff_on_duty: staff } }));
    const coefficients = model.coefficients();
    expect(coefficients['driver:staff_on_duty']).toBeCloseTo(0.35, 2);
    expect(coefficients.fri).toBeCloseTo(-90, 0);
    const future = nextWeekdays(days[days.length - 1], 2); // a Monday and a Tuesday
    const point = model.predictPoint(createHorizon(future, { staff_on_duty: [1000, 3000] }));
    expect(point[0]).toBeCloseTo(40 + 350, -1);
    expect(point[1]).toBeCloseTo(40 + 1050, -1);
  });

  it('regression learns the drop on the day before a holiday from the calendar', () => {
    // No Monday holidays, so "the next day is a holiday" and "the next off-days contain a holiday" agree.
    const holidays = ['2024-02-09', '2024-04-05', '2024-05-01', '2024-06-12', '2024-09-17', '2024-10-01', '2024-12-25', '2025-01-01', '2025-04-04', '2025-05-01'];
    const calendar = createCalendar({ days: Object.fromEntries(holidays.map((date) => [date, 'holiday' as const])) });
    const days = serviceDays({ from: '2024-01-02', count: 330, closed: holidays });
    const holidaySet = new Set(holidays.map(parseIsoDate));
    const values = days.map((day) => (holidaySet.has(day + 1) ? 300 : 500));
    const model = new RegressionModel({ calendar }).fit(createServiceSeries({ dates: days, values }));
    const point = model.predictPoint(createHorizon(['2025-05-30', '2025-06-02']));
    expect(point[0]).toBeCloseTo(500, -1);
    // Same history, a calendar that declares 2025-06-03 a holiday: its eve is forecast low.
    const model2 = new RegressionModel({ calendar: createCalendar({ days: { ...Object.fromEntries(holidays.map((d) => [d, 'holiday' as const])), '2025-06-03': 'holiday' } }) });
    model2.fit(createServiceSeries({ dates: days, values }));
    expect(model2.predictPoint(createHorizon(['2025-06-02']))[0]).toBeCloseTo(300, -1);
  });

  it('a weekday model hands make-up working days and holiday eves to the calendar regression', () => {
    // Closed at weekends except make-up Saturdays, which are full working days; the eve of a holiday is half.
    const holidays = ['2024-04-04', '2024-05-01', '2024-06-10', '2024-09-16', '2024-10-01', '2025-01-01', '2025-04-04', '2025-05-01'];
    const makeup = ['2024-04-27', '2024-09-14', '2024-10-12', '2025-04-27'];
    const eves = new Set(holidays.map((date) => parseIsoDate(date) - 1));
    const days = [...serviceDays({ from: '2024-01-02', count: 360, closed: holidays }), ...makeup.map(parseIsoDate)].sort((a, b) => a - b);
    const values = days.map((day) => (eves.has(day) ? 250 : 500));
    const series = createServiceSeries({ dates: days, values });
    // 2025-05-30 is an ordinary Friday; 2025-06-02 (Mon) the eve of the holiday 2025-06-03; 2025-06-07 a make-up Saturday.
    const future = createCalendar({
      days: {
        ...Object.fromEntries(holidays.map((d) => [d, 'holiday' as const])),
        ...Object.fromEntries(makeup.map((d) => [d, 'makeup_workday' as const])),
        '2025-06-03': 'holiday',
        '2025-06-07': 'makeup_workday',
      },
    });
    const horizon = createHorizon(['2025-05-30', '2025-06-02', '2025-06-07']);
    const plain = createModel('median4').fit(series).predictPoint(horizon);
    expect(plain[1]).toBeCloseTo(500, -1);
    const aware = createModel('median4', { calendar: future }).fit(series).predictPoint(horizon);
    expect(aware[0]).toBeCloseTo(500, -1);
    // The regression's ridge penalty keeps it a little above 250; the weekday model alone says 500.
    expect(aware[1]).toBeGreaterThan(230);
    expect(aware[1]).toBeLessThan(300);
    // A make-up Saturday is a working day: forecast near the working-day level, not the closed weekend's nothing.
    expect(aware[2]).toBeGreaterThan(400);
    expect(aware[2]).toBeLessThan(600);
    expect(isCalendarDay(future, parseIsoDate('2025-06-02'))).toBe(true);
    expect(isCalendarDay(future, parseIsoDate('2025-06-07'))).toBe(true);
    expect(isCalendarDay(future, parseIsoDate('2025-05-30'))).toBe(false);
  });

  it('a holiday week served at a third does not drag the weekday models on the ordinary days after it', () => {
    const { days } = weeklySeries(130);
    const holidayWeek = days.slice(120, 125);
    const values = days.map((day, i) => (holidayWeek.includes(day) ? WEEKLY[isoWeekday(day)] / 3 : WEEKLY[isoWeekday(day)]) + (i % 3) - 1);
    const calendar = createCalendar({ days: Object.fromEntries(holidayWeek.map((day) => [formatIsoDate(day), 'holiday' as const])) });
    const horizon = createHorizon(nextWeekdays(days[days.length - 1], 5));
    for (const name of ['ets', 'median4', 'ensemble']) {
      // Fitted before the holiday week and updated day by day across it, as a backtest does.
      const model = createModel(name, { calendar }).fit(createServiceSeries({ dates: days.slice(0, 118), values: values.slice(0, 118) }));
      for (let end = 119; end <= days.length; end++) model.update(createServiceSeries({ dates: days.slice(0, end), values: values.slice(0, end) }));
      const aware = model.predictPoint(horizon);
      aware.forEach((point, i) => expect(Math.abs(point - WEEKLY[i])).toBeLessThan(0.02 * WEEKLY[i]));
    }
    // Without the calendar ETS reads the week as a fall in level.
    const plain = createModel('ets')
      .fit(createServiceSeries({ dates: days, values }))
      .predictPoint(horizon);
    expect(plain[0]).toBeLessThan(0.99 * WEEKLY[0]);
  });

  it('croston, sba and tsb forecast the mean rate of a regular intermittent dish', () => {
    const days = serviceDays({ from: '2025-01-06', count: 200 });
    const values = days.map((_, i) => (i % 4 === 3 ? 12 : 0)); // 12 portions every 4th service day
    const series = createServiceSeries({ dates: days, values });
    const horizon = createHorizon(nextWeekdays(days[days.length - 1], 3));
    const croston = new IntermittentModel('croston').fit(series).predictPoint(horizon);
    const sba = new IntermittentModel('sba').fit(series).predictPoint(horizon);
    const tsb = new IntermittentModel('tsb').fit(series).predictPoint(horizon);
    expect(croston[0]).toBeCloseTo(3, 6);
    expect(sba[0]).toBeLessThan(3); // SBA's debiasing factor (1 − α/2)
    expect(sba[0]).toBeGreaterThan(2.5);
    expect(tsb[0]).toBeGreaterThan(1.5);
    expect(tsb[0]).toBeLessThan(4.5);
    expect(new Set(croston).size).toBe(1); // flat over the horizon
  });

  it('predict returns p10 <= p50 <= p90, never negative, plus requested levels', () => {
    const { days, series } = weeklySeries(150, { noise: 30, seed: 'q' });
    const forecast = createModel('ets')
      .fit(series)
      .predict({ horizon: createHorizon(nextWeekdays(days[days.length - 1], 5)), levels: [0.8] });
    expect([...forecast.quantiles.keys()]).toEqual([0.1, 0.5, 0.8, 0.9]);
    for (let i = 0; i < 5; i++) {
      expect(forecast.quantiles.get(0.1)![i]).toBeGreaterThanOrEqual(0);
      expect(forecast.quantiles.get(0.1)![i]).toBeLessThan(forecast.quantiles.get(0.5)![i]);
      expect(forecast.quantiles.get(0.9)![i]).toBeGreaterThan(forecast.quantiles.get(0.8)![i]);
    }
  });
});

describe('fallback', () => {
  it('falls back to median4 when history is too short or the future driver is missing', () => {
    const { days, series } = weeklySeries(10);
    const short = createModel('regression') as FallbackModel;
    short.fit(series);
    expect(short.activeName).toBe('median4');
    const future = createHorizon(nextWeekdays(days[days.length - 1], 1));
    expect(short.predictPoint(future)[0]).toBeCloseTo(WEEKLY[isoWeekday(future.days[0])], 6);

    const long = weeklySeries(200);
    const staff = long.days.map((_, i) => 1000 + (i % 7));
    const withDriver = createServiceSeries({ dates: long.days, values: long.series.values, drivers: { staff } });
    const model = createModel('regression').fit(withDriver);
    const horizon = createHorizon(nextWeekdays(long.days[long.days.length - 1], 1)); // no driver values given
    expect(model.predictPoint(horizon)[0]).toBeCloseTo(WEEKLY[isoWeekday(horizon.days[0])], 6);
  });

  it('refuses an unknown model name', () => {
    expect(() => createModel('prophet')).toThrow(/unknown model "prophet"/);
  });
});

describe('closed days are never demand', () => {
  it('seasonal naive reads the latest earlier service Wednesday, skipping a closed Wednesday', () => {
    // 2025-01-01 (Wed) is closed: the Wednesday before it is 2024-12-25 … also closed; 2024-12-18 is the last.
    const days = serviceDays({ from: '2024-12-02', count: 15, closed: ['2024-12-25', '2025-01-01'] });
    const values = days.map((day) => day - days[0] + 1); // unique per day
    const series = createServiceSeries({ dates: days, values });
    const wednesday = parseIsoDate('2025-01-08');
    const point = new SeasonalNaiveModel().fit(sliceTo(series, parseIsoDate('2025-01-07'))).predictPoint(createHorizon([wednesday]));
    expect(point[0]).toBe(parseIsoDate('2024-12-18') - days[0] + 1);
  });

  it.each(['median4', 'mean4', 'ets', 'regression', 'seasonalNaive'])('%s is unaffected by closed days (no zeros read)', (name) => {
    const closed = ['2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07', '2025-03-12', '2025-04-18'];
    const days = serviceDays({ from: '2025-01-06', count: 150, closed });
    const series = createServiceSeries({ dates: days, values: days.map(() => 400) });
    const future = nextWeekdays(days[days.length - 1], 5);
    const point = createModel(name).fit(series).predictPoint(createHorizon(future));
    expect(point.length).toBe(5); // exactly the service days asked for, nothing for weekends
    for (const value of point) expect(value).toBeCloseTo(400, 6);
  });

  it('forecasts only the dates the caller passes', () => {
    const { series } = weeklySeries(60);
    const forecast = createModel('median4')
      .fit(series)
      .predict({ horizon: createHorizon(['2026-12-01', '2026-12-04']) });
    expect(Array.from(forecast.days, formatIsoDate)).toEqual(['2026-12-01', '2026-12-04']);
    expect(forecast.point.length).toBe(2);
  });
});

function sliceTo(series: ReturnType<typeof createServiceSeries>, lastDay: number) {
  const end = series.days.findIndex((day) => day > lastDay);
  return createServiceSeries({ dates: Array.from(series.days.subarray(0, end)), values: series.values.subarray(0, end) });
}
