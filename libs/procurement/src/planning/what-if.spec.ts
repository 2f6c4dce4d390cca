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

  it("swaps a dish: the new dish takes the old one's demand in its slot", () => {
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

  it('raises one day\'s covers: "+10 % on Monday" leaves the other days as they were', () => {
    const tuesday = demand().map((slot) => ({ ...slot, serviceDate: '2026-11-24' }));
    const changed = applyScenario([...demand(), ...tuesday], { dayFactors: [{ serviceDate: WEEK_START, factor: 1.1 }], headcountFactor: 2 });
    const covers = (date: string) => changed.filter((slot) => slot.serviceDate === date && slot.canteenId === 1 && slot.dishId === 0)[0]!.distribution.values[1];
    expect(covers(WEEK_START)).toBeCloseTo(660, 6);
    expect(covers('2026-11-24')).toBeCloseTo(600, 6);
  });

  it('prices an ingredient up: its packs and the portions made with it cost more, the others as before', () => {
    const catalogue = fixtureCatalogue();
    const pork = catalogue.repriced(new Map([[3, 1.15]]));
    expect(pork.packPriceOn(103, '2026-11-20')).toBe(18400);
    expect(pork.packPriceOn(101, '2026-11-20')).toBe(6000);
    // 0.15 kg gross pork a portion at 32 yuan/kg: 4.80 yuan, 15 % of it is 0.72 yuan.
    expect(pork.costPerPortionOn(20, '2026-11-20')).toBeCloseTo(530 + 72, 6);
    expect(pork.costPerPortionOn(10, '2026-11-20')).toBe(170);
    const base = planWeek({ catalogue, demand: demand(), policy: {}, now: NOW });
    const dearer = planWeek({ catalogue: pork, demand: demand(), policy: {}, now: NOW });
    const comparison = compareSummaries(base.summary, dearer.summary);
    expect(comparison.change.covers).toBe(0);
    expect(comparison.change.purchaseCostFen).toBeGreaterThan(0);
    expect(comparison.change.costPerMealFen).toBeGreaterThan(0);
    expect(catalogue.repriced(new Map())).toBe(catalogue);
  });

  it('refuses day and price factors out of range or given twice', () => {
    expect(validateScenario({ dayFactors: [{ serviceDate: WEEK_START, factor: 6 }] })).toEqual(['dayFactors: the factor of 2026-11-23 must be between 0 and 5']);
    expect(
      validateScenario({
        dayFactors: [
          { serviceDate: WEEK_START, factor: 1 },
          { serviceDate: WEEK_START, factor: 2 },
        ],
      }),
    ).toEqual(['dayFactors: one factor a day']);
    expect(validateScenario({ priceFactors: [{ ingredientId: 3, factor: 0 }] })).toEqual(['priceFactors: the factor of ingredient 3 must be above 0 and at most 5']);
    expect(
      validateScenario({
        priceFactors: [
          { ingredientId: 3, factor: 1.1 },
          { ingredientId: 3, factor: 1.2 },
        ],
      }),
    ).toEqual(['priceFactors: one factor an ingredient']);
  });
});
