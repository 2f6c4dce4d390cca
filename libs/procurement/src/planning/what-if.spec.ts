import { around, fixtureCatalogue, WEEK_START } from '../testing/planning-fixture';
import type { DemandForecast } from './planning-types';
import { applyScenario, compareSummaries, validateScenario } from './what-if';
import { planWeek } from './week-planner';

const NOW = { date: '2026-11-16', time: '09:00' };

function demand(): DemandForecast[] {
  return [1, 2].flatMap((canteenId) => [
    { canteenId, serviceDate: WEEK_START, meal: 'lunch' as const, dishId: 0, distribution: around(canteenId === 1 ? 300 : 100) },
    { canteenId, serviceDate: WEEK_START, meal: 'lunch' as const, dishId: 10, distribution: around(canteenId === 1 ? 100 : 40) },
    { canteenId, serviceDate: WEEK_START, meal: 'lunch' as const, dishId: 20, distribution: around(canteenId === 1 ? 200 : 60) },
  ]);
}

describe('what-if', () => {
  it('scales demand with the headcount and shows covers, waste and cost change', () => {
    const catalogue = fixtureCatalogue();
    const base = planWeek({ catalogue, demand: demand(), policy: {}, now: NOW });
    const holiday = planWeek({ catalogue, demand: applyScenario(demand(), { headcountFactor: 0.5 }), policy: {}, now: NOW });
    const comparison = compareSummaries(base.summary, holiday.summary);
    expect(comparison.change.covers).toBe(-200);
    expect(comparison.change.purchaseCostFen).toBeLessThan(0);
    expect(comparison.change.expectedLeftoverKg).toBeLessThan(0);
    expect(holiday.summary.costPerMealFen).toBeCloseTo(base.summary.costPerMealFen, -1);
  });

  it('swaps a dish: the new dish takes the old one\'s demand in its slot', () => {
    const swapped = applyScenario(demand(), { swaps: [{ fromDishId: 20, toDishId: 10, meal: 'lunch' }] });
    expect(swapped.filter((slot) => slot.dishId === 20)).toEqual([]);
    expect(swapped.filter((slot) => slot.dishId === 10)).toHaveLength(4);
  });

  it('closes a canteen and sends a share of its diners to another', () => {
    const closed = applyScenario(demand(), { closeCanteens: [2], redirect: { toCanteenIds: [1], share: 0.6 } });
    expect(closed.every((slot) => slot.canteenId === 1)).toBe(true);
    // Canteen 1 had 300 covers and receives 60 % of canteen 2's 100.
    expect(closed.find((slot) => slot.dishId === 0)!.distribution.values[1]).toBeCloseTo(360, 9);
    expect(validateScenario({ headcountFactor: -1, serviceLevel: 1 })).toHaveLength(2);
  });
});
