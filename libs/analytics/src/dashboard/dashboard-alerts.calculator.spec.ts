import { addDays } from '@larder/domain';
import { accuracyOf, ForecastPair } from '../accuracy.calculator';
import { fallingRatingAlerts, forecastDriftAlerts, unusualWasteAlerts } from './dashboard-alerts.calculator';

function pairs(canteenId: number, from: string, days: number, error: number): ForecastPair[] {
  return Array.from({ length: days }, (_, index) => ({
    canteenId,
    serviceDate: addDays(from, index),
    meal: 'lunch',
    dishId: 0,
    p50: 100 * (1 + error),
    p10: 80,
    p90: 120,
    actual: 100,
  }));
}

/** Each canteen's windows scored from its pairs, as the database sums them. */
function windows(list: ForecastPair[], recentFrom: string) {
  return [...new Set(list.map((pair) => pair.canteenId))].map((canteenId) => {
    const recent = list.filter((pair) => pair.canteenId === canteenId && pair.serviceDate >= recentFrom);
    const earlier = list.filter((pair) => pair.canteenId === canteenId && pair.serviceDate < recentFrom);
    return { canteenId, recent: accuracyOf(recent), earlier: accuracyOf(earlier), recentDays: new Set(recent.map((pair) => pair.serviceDate)).size };
  });
}

describe('forecast drift', () => {
  it('warns when the last two weeks are much worse than before, and says how much', () => {
    const list = [...pairs(1, '2026-10-01', 20, 0.05), ...pairs(1, '2026-10-21', 14, 0.15), ...pairs(2, '2026-10-01', 34, 0.05)];
    const alerts = forecastDriftAlerts(windows(list, '2026-10-21'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'forecast_drift', severity: 'critical', canteenId: 1 });
    expect(alerts[0].figures.recentWape).toBeCloseTo(0.15);
    expect(alerts[0].figures.earlierWape).toBeCloseTo(0.05);
    expect(alerts[0].figures.recentBias).toBeCloseTo(0.15);
    expect(alerts[0].figures.recentDays).toBe(14);
  });

  it('stays quiet on small changes and on too few days', () => {
    expect(forecastDriftAlerts(windows([...pairs(1, '2026-10-01', 20, 0.1), ...pairs(1, '2026-10-21', 14, 0.13)], '2026-10-21'))).toEqual([]);
    expect(forecastDriftAlerts(windows([...pairs(1, '2026-10-01', 20, 0.05), ...pairs(1, '2026-10-21', 3, 0.5)], '2026-10-21'))).toEqual([]);
  });
});

describe('unusual waste', () => {
  const history = (canteenId: number, shares: number[]) => shares.map((share, index) => ({ canteenId, date: addDays('2026-10-01', index), share }));

  it("flags a day far above the canteen's own median", () => {
    const shares = [0.05, 0.06, 0.05, 0.07, 0.06, 0.05, 0.06, 0.05, 0.06, 0.07, 0.05, 0.06, 0.25];
    const alerts = unusualWasteAlerts({ days: history(1, shares), checkFrom: '2026-10-10' });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'unusual_waste', canteenId: 1, date: '2026-10-13' });
    expect(alerts[0].figures.medianShare).toBeCloseTo(0.06);
    expect(alerts[0].figures.score).toBeGreaterThan(3.5);
  });

  it('accepts a canteen that always wastes a lot, and ignores days before the check window', () => {
    expect(
      unusualWasteAlerts({
        days: history(
          1,
          Array.from({ length: 20 }, (_, i) => 0.2 + (i % 3) * 0.01),
        ),
        checkFrom: '2026-10-10',
      }),
    ).toEqual([]);
    const shares = [0.05, 0.06, 0.05, 0.07, 0.06, 0.05, 0.06, 0.05, 0.06, 0.07, 0.05, 0.3, 0.06];
    expect(unusualWasteAlerts({ days: history(1, shares), checkFrom: '2026-10-13' })).toEqual([]);
  });
});

describe('falling ratings', () => {
  const counts = (responses: number, average: number, respondents = responses) => ({ responses, respondents, ratingSum: responses * average, satisfied: 0, dissatisfied: 0 });

  it('warns on a drop of 0.3 stars or more and is critical from 0.6', () => {
    const alerts = fallingRatingAlerts([
      { canteenId: 1, dishId: null, recent: counts(40, 3.5), previous: counts(40, 4.2) },
      { canteenId: 2, dishId: null, recent: counts(40, 3.9), previous: counts(40, 4.2) },
      { canteenId: 3, dishId: null, recent: counts(40, 4.1), previous: counts(40, 4.2) },
    ]);
    expect(alerts.map((alert) => [alert.canteenId, alert.severity])).toEqual([
      [1, 'critical'],
      [2, 'warning'],
    ]);
    expect(alerts[0].figures.drop).toBeCloseTo(0.7);
  });

  it('never alerts on a group too small to publish', () => {
    expect(fallingRatingAlerts([{ canteenId: 1, dishId: 4, recent: counts(6, 1, 4), previous: counts(40, 4.5) }])).toEqual([]);
  });
});
