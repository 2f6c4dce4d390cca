import { createCalendar, formatIsoDate, parseIsoDate } from '@larder/forecasting';
import { ownDishForecasts } from './dish-bottom-up';
import { DishDay } from './dish-split';

describe('ownDishForecasts', () => {
  // 120 days of two dishes, every day; a public holiday inside the backtest window and one on the horizon.
  const start = parseIsoDate('2026-06-01');
  const days = Array.from({ length: 120 }, (_, i) => start + i);
  const dishDays: DishDay[] = days.map((day) => ({
    day,
    covers: 100,
    dishes: [
      { dish: 'A', quantity: 60 + (day % 7) },
      { dish: 'B', quantity: 40 },
    ],
  }));
  const last = days[days.length - 1];
  const pastHoliday = last - 20;
  const horizon = [1, 2, 3].map((ahead) => ({ day: last + ahead, menu: ['A', 'B'] }));
  const calendar = createCalendar({ days: { [formatIsoDate(pastHoliday)]: 'holiday', [formatIsoDate(last + 2)]: 'holiday' } });
  const [own] = ownDishForecasts([{ dishDays, horizon }], { calendar, levels: [0.8], leadDays: 14, testDays: 56, refitEvery: 7 });

  it('forecasts every dish served on the ordinary horizon days, with its backtest', () => {
    for (const dish of ['A', 'B']) {
      const forecast = own.get(dish)!;
      expect(forecast.quantiles.get(last + 1)!.get(0.5)).toBeGreaterThan(0);
      expect(forecast.quantiles.get(last + 3)!.get(0.8)).toBeGreaterThan(0);
      expect(forecast.backtest.get(last - 1)).toBeGreaterThan(0);
    }
  });

  it('leaves holidays to the share split, on the horizon and in the backtest', () => {
    for (const dish of ['A', 'B']) {
      expect(own.get(dish)!.quantiles.has(last + 2)).toBe(false);
      expect(own.get(dish)!.backtest.has(pastHoliday)).toBe(false);
    }
  });
});
