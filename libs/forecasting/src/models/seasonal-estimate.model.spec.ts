import { formatIsoDate, isoWeekday, parseIsoDate } from '../core/iso-date';
import type { QuantileDistribution } from '../waste/waste-forecast';
import { CoversHistory, DishSalesHistory, seasonalEstimate } from './seasonal-estimate.model';

/** The estimates' levels include 0.5 and 0.9. */
const quantileAt = (distribution: QuantileDistribution, level: number) => {
  const index = distribution.levels.indexOf(level);
  if (index < 0) throw new Error(`no level ${level}`);
  return distribution.values[index];
};

describe('seasonal estimate (the fallback without stored forecasts)', () => {
  const covers: CoversHistory[] = [];
  const dishes: DishSalesHistory[] = [];
  for (let day = 0; day < 84; day++) {
    const date = formatIsoDate(parseIsoDate('2026-08-31') + day);
    const weekday = isoWeekday(parseIsoDate(date)) + 1;
    if (weekday > 5) continue;
    const base = weekday === 5 ? 200 : 400;
    const wobble = 1 + 0.05 * Math.sin(day);
    covers.push({ serviceDate: date, meal: 'lunch', covers: Math.round(base * wobble) });
    dishes.push({ serviceDate: date, meal: 'lunch', dishId: 7, sold: Math.round(base * wobble * 0.3), prepared: 1000 });
  }

  it('takes covers from the same weekday and dishes from their recent portions per cover', () => {
    const demand = seasonalEstimate({
      canteenId: 1,
      covers,
      dishes,
      asOf: '2026-11-22',
      slots: [
        { serviceDate: '2026-11-23', meal: 'lunch', dishId: 7 },
        { serviceDate: '2026-11-27', meal: 'lunch', dishId: 7 },
        { serviceDate: '2026-11-27', meal: 'lunch', dishId: 99 },
      ],
    });
    const monday = demand.find((slot) => slot.dishId === 0 && slot.serviceDate === '2026-11-23')!;
    const friday = demand.find((slot) => slot.dishId === 0 && slot.serviceDate === '2026-11-27')!;
    expect(quantileAt(monday.distribution, 0.5)).toBeGreaterThan(370);
    expect(quantileAt(friday.distribution, 0.5)).toBeLessThan(215);
    const dish = demand.find((slot) => slot.dishId === 7 && slot.serviceDate === '2026-11-23')!;
    expect(quantileAt(dish.distribution, 0.5) / quantileAt(monday.distribution, 0.5)).toBeCloseTo(0.3, 1);
    expect(quantileAt(dish.distribution, 0.9)).toBeGreaterThan(quantileAt(dish.distribution, 0.5));
    // A dish never served here takes the meal's average ratio.
    expect(quantileAt(demand.find((slot) => slot.dishId === 99)!.distribution, 0.5)).toBeGreaterThan(0);
  });

  it('never looks past its as-of day', () => {
    const spiked = covers.map((row) => (row.serviceDate > '2026-11-10' ? { ...row, covers: 5000 } : row));
    const demand = seasonalEstimate({ canteenId: 1, covers: spiked, dishes, asOf: '2026-11-10', slots: [{ serviceDate: '2026-11-23', meal: 'lunch', dishId: 7 }] });
    expect(quantileAt(demand[0].distribution, 0.5)).toBeLessThan(500);
  });
});
