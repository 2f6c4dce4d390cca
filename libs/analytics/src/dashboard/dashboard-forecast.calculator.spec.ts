import { forecastPairs, forecastSeries, LatestForecast, MealActual } from './dashboard-forecast.calculator';

const forecast = (canteenId: number, serviceDate: string, meal: string, p50: number): LatestForecast => ({ canteenId, serviceDate, meal, p10: p50 - 10, p50, p90: p50 + 10 });
const sold = (canteenId: number, serviceDate: string, meal: string, covers: number | null, quantity: number | null = null): MealActual => ({ canteenId, serviceDate, meal, covers, quantity });

describe('forecast series and pairs from one read of the latest forecasts', () => {
  const latest = [forecast(2, '2026-11-02', 'lunch', 100.1), forecast(1, '2026-11-02', 'lunch', 200.2), forecast(1, '2026-11-03', 'lunch', 50), forecast(1, '2026-11-04', 'dinner', 70)];
  const actuals = [sold(1, '2026-11-02', 'lunch', 190, 12), sold(2, '2026-11-02', 'lunch', 110, null), sold(1, '2026-11-01', 'lunch', 80, 5), sold(1, '2026-11-03', 'lunch', null, 4)];

  it('sums covers and forecasts per day, keeping days that have only one of them, forecasts to the cent', () => {
    expect(forecastSeries({ latest, actuals, dishId: 0 })).toEqual([
      { date: '2026-11-01', actual: 80, p10: null, p50: null, p90: null },
      { date: '2026-11-02', actual: 300, p10: 280.3, p50: 300.3, p90: 320.3 },
      { date: '2026-11-03', actual: null, p10: 40, p50: 50, p90: 60 },
      { date: '2026-11-04', actual: null, p10: 60, p50: 70, p90: 80 },
    ]);
  });

  it("for a dish, sums the dish's quantity wherever the dish rollup has it, payments or not", () => {
    expect(forecastSeries({ latest: [], actuals, dishId: 7 }).map((point) => [point.date, point.actual])).toEqual([
      ['2026-11-01', 5],
      ['2026-11-02', 12],
      ['2026-11-03', 4],
    ]);
  });

  it('for a dish, keeps every day with payments: empty without the dish, zero where it was forecast and not sold', () => {
    const served = [sold(1, '2026-11-05', 'lunch', 150, 9), sold(1, '2026-11-06', 'lunch', 140, null), sold(1, '2026-11-07', 'lunch', 160, null), sold(1, '2026-11-08', 'lunch', 155, 11)];
    expect(forecastSeries({ latest: [forecast(1, '2026-11-07', 'lunch', 8)], actuals: served, dishId: 7 }).map((point) => [point.date, point.actual, point.p50])).toEqual([
      ['2026-11-05', 9, null],
      ['2026-11-06', null, null],
      ['2026-11-07', 0, 8],
      ['2026-11-08', 11, null],
    ]);
  });

  it('pairs only meals that had payments, a dish they did not sell counting zero, ordered by canteen, day and meal', () => {
    expect(forecastPairs({ latest, actuals, dishId: 0 }).map((pair) => [pair.canteenId, pair.serviceDate, pair.p50, pair.actual])).toEqual([
      [1, '2026-11-02', 200.2, 190],
      [2, '2026-11-02', 100.1, 110],
    ]);
    expect(forecastPairs({ latest, actuals, dishId: 7 }).map((pair) => [pair.canteenId, pair.dishId, pair.actual])).toEqual([
      [1, 7, 12],
      [2, 7, 0],
    ]);
  });
});
