import { formatIsoDate, isoWeekday, parseIsoDate } from '../core/iso-date';
import { createCalendar, DayKind } from '../core/service-calendar';
import { createHorizon, createServiceSeries } from '../core/service-series';
import { randomSource } from '../testing/synthetic';
import { isCalendarDay } from './calendar-days.model';
import { createModel } from './model-factory';
import { RecurringHolidays } from './recurring-holidays';
import { RegressionModel } from './regression.model';

/** A plant canteen open every day; weekends quieter. */
const WEEKDAY = [1, 1.05, 1.1, 1.05, 0.95, 0.7, 0.6];

function days(from: string, to: string): number[] {
  const list: number[] = [];
  for (let day = parseIsoDate(from); day <= parseIsoDate(to); day++) list.push(day);
  return list;
}

/** National Day week (1–7 October) and single holidays (1 January, 1 May) of each year. */
function holidayDates(years: readonly number[]): { week: string[]; single: string[] } {
  const week = years.flatMap((year) => [1, 2, 3, 4, 5, 6, 7].map((day) => `${year}-10-0${day}`));
  const single = years.flatMap((year) => [`${year}-01-01`, `${year}-05-01`]);
  return { week, single };
}

/**
 * Covers of a canteen at 600 a day (300 until a second wing opens on 2025-03-01 when `wing`); on
 * National Day week it serves 15 % of an ordinary day, on a single holiday 110 %; `noise` is each
 * day's relative noise.
 */
function canteen(options: { to: string; noise: number; seed: string; wing?: boolean }) {
  const { week, single } = holidayDates([2024, 2025, 2026]);
  const calendar = createCalendar({ days: Object.fromEntries([...week, ...single].map((date) => [date, 'holiday' as DayKind])) });
  const random = randomSource(options.seed);
  const wingOpens = parseIsoDate('2025-03-01');
  const weekDays = new Set(week.map(parseIsoDate));
  const dates = days('2024-01-01', options.to);
  const values = dates.map((day) => {
    const level = (options.wing && day < wingOpens ? 300 : 600) * WEEKDAY[isoWeekday(day)];
    const holiday = weekDays.has(day) ? 0.15 : single.map(parseIsoDate).includes(day) ? 1.1 : 1;
    return Math.max(0, level * holiday * (1 + options.noise * random.normal()));
  });
  return { calendar, series: createServiceSeries({ dates, values }) };
}

const ordinary = (calendar: ReturnType<typeof createCalendar>) => (day: number) => !isCalendarDay(calendar, day);

describe('recurring holidays', () => {
  it('forecasts a holiday week that empties the canteen every year by its ratio to the ordinary days, across a level shift', () => {
    const { calendar, series } = canteen({ to: '2026-09-20', noise: 0.03, seed: 'national-day', wing: true });
    const horizon = createHorizon(days('2026-10-01', '2026-10-07'));
    const recurring = new RecurringHolidays(calendar, series, ordinary(calendar));
    // 15 % of an ordinary day, moved towards the average holiday (about 44 %) by twice the noise's standard error.
    for (const day of horizon.days) {
      expect(recurring.factor(day)).toBeGreaterThan(0.15);
      expect(recurring.factor(day)).toBeLessThan(0.22);
    }
    // The calendar regression alone: an average holiday, learned additively across the level shift.
    const regression = new RegressionModel({ calendar }).fit(series).predictPoint(horizon);
    for (const name of ['median4', 'ets']) {
      const point = createModel(name, { calendar }).fit(series).predictPoint(horizon);
      // The wing doubled the level: about 15 % of 600 covers (plus the threshold), not of 300, and not an average holiday.
      horizon.days.forEach((day, i) => {
        const expected = 0.15 * 600 * WEEKDAY[isoWeekday(day)];
        expect(point[i]).toBeGreaterThan(0.9 * expected);
        expect(point[i]).toBeLessThan(1.5 * expected);
      });
      // On a working day of the week the regression's average holiday is about twice too busy.
      expect(point[0]).toBeLessThan(0.6 * regression[0]);
    }
    // A single holiday (1 May, 110 %) lies far above the average holiday: it keeps its own effect, not the week's.
    expect(recurring.factor(parseIsoDate('2026-05-01'))).toBeGreaterThan(1);
  });

  it('measures a holiday against the ordinary days around it, so a level shift does not change its effect', () => {
    const steady = canteen({ to: '2026-09-20', noise: 0.03, seed: 'level' });
    const shifted = canteen({ to: '2026-09-20', noise: 0.03, seed: 'level', wing: true });
    const day = parseIsoDate('2026-10-01');
    const factor = (input: typeof steady) => new RecurringHolidays(input.calendar, input.series, ordinary(input.calendar)).factor(day)!;
    expect(factor(steady)).toBeLessThan(0.22);
    expect(Math.abs(factor(shifted) - factor(steady))).toBeLessThan(0.02);
  });

  it('answers only for holidays whose date was a served holiday in an earlier year', () => {
    const { series } = canteen({ to: '2026-09-20', noise: 0.03, seed: 'moved' });
    const { week, single } = holidayDates([2024, 2025, 2026]);
    // A holiday that moves (a lunar-calendar festival): this year's date was an ordinary day before.
    const calendar = createCalendar({ days: Object.fromEntries([...week, ...single, '2026-02-17'].map((date) => [date, 'holiday' as DayKind])) });
    const recurring = new RecurringHolidays(calendar, series, ordinary(calendar));
    expect(recurring.factor(parseIsoDate('2026-02-17'))).toBeUndefined();
    expect(recurring.factor(parseIsoDate('2026-10-12'))).toBeUndefined(); // not a holiday
    expect(recurring.factor(parseIsoDate('2026-10-01'))).toBeDefined();
  });

  it('moves a date seen once towards the average holiday by the noise of an ordinary day', () => {
    // Every holiday is an ordinary day (ratio 1) up to noise, except the 1 May, served at half, seen once.
    const dates = days('2024-01-01', '2025-04-20');
    const holidays = ['2026-01-01', '2024-01-01', '2024-02-12', '2024-04-04', '2024-05-01', '2024-06-10', '2024-09-17', '2024-10-01', '2025-01-01', '2025-05-01'];
    const calendar = createCalendar({ days: Object.fromEntries(holidays.map((date) => [date, 'holiday' as DayKind])) });
    const random = randomSource('thin');
    const values = dates.map((day) => 400 * WEEKDAY[isoWeekday(day)] * (formatIsoDate(day) === '2024-05-01' ? 0.5 : 1 + 0.1 * random.normal()));
    const recurring = new RecurringHolidays(calendar, createServiceSeries({ dates, values }), ordinary(calendar));
    // Half an ordinary day, plus twice the noise of one ordinary day's ratio (about 0.1).
    const factor = recurring.factor(parseIsoDate('2025-05-01'))!;
    expect(factor).toBeGreaterThan(0.6);
    expect(factor).toBeLessThan(0.85);
    // A date within the noise of the average holiday (1 January, served like an ordinary day) keeps the regression.
    expect(recurring.factor(parseIsoDate('2026-01-01'))).toBeUndefined();
  });
});
