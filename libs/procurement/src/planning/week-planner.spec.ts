import { addDays } from '@larder/domain';
import { around, fixtureCatalogue, RICE, WEEK_START } from '../testing/planning-fixture';
import type { DemandForecast } from './planning-types';
import { slotKey } from './planning-types';
import { openingLots } from './stock-netting';
import { planWeek } from './week-planner';

const NOW = { date: '2026-11-16', time: '09:00' };

function weekDemand(): DemandForecast[] {
  const demand: DemandForecast[] = [];
  for (let day = 0; day < 5; day++) {
    const serviceDate = addDays(WEEK_START, day);
    demand.push({ canteenId: 1, serviceDate, meal: 'lunch', dishId: 0, distribution: around(300) });
    demand.push({ canteenId: 1, serviceDate, meal: 'lunch', dishId: 10, distribution: around(100) });
    demand.push({ canteenId: 1, serviceDate, meal: 'lunch', dishId: 20, distribution: around(200) });
  }
  return demand;
}

describe('planning a week', () => {
  it('goes from forecasts to portions, needs and purchase orders that arrive in time', () => {
    const plan = planWeek({ catalogue: fixtureCatalogue(), demand: weekDemand(), policy: {}, now: NOW });
    expect(plan.production).toHaveLength(10);
    const pork = plan.production.find((line) => line.dishId === 20)!;
    // Pork: shortage 16 yuan vs food cost 0.15 kg × 32 yuan/kg + 0.1 kg rice × 5 yuan/kg = 5.3 yuan.
    expect(pork.costPerPortionFen).toBeCloseTo(0.15 * 3200 + 0.1 * 500, 6);
    expect(pork.serviceLevel).toBeCloseTo(1600 / (1600 + 530), 6);
    expect(pork.plannedPortions).toBeGreaterThan(200);
    expect(plan.summary.covers).toBe(1500);
    for (const batch of plan.batches) {
      expect(batch.late).toBe(false);
      expect(batch.deliveryDate <= batch.coversFrom).toBe(true);
    }
    const bought = new Map<number, number>();
    for (const batch of plan.batches) bought.set(batch.ingredientId, (bought.get(batch.ingredientId) ?? 0) + batch.packs * batch.packSize);
    for (const ingredientId of [1, 2, 3]) {
      const needed = plan.needs.filter((need) => need.ingredientId === ingredientId).reduce((sum, need) => sum + need.quantity, 0);
      expect(bought.get(ingredientId)!).toBeGreaterThanOrEqual(needed - 1e-6);
    }
    expect(plan.summary.purchaseCostFen).toBe(plan.orders.reduce((sum, order) => sum + order.totalFen, 0));
    expect(plan.summary.costPerMealFen).toBeCloseTo(plan.summary.foodCostFen / 1500, 1);
  });

  it('buys less when stock is on hand', () => {
    const catalogue = fixtureCatalogue();
    const without = planWeek({ catalogue, demand: weekDemand(), policy: {}, now: NOW });
    const rice = openingLots({ count: { countedOn: '2026-11-13', quantity: 200 }, usedSinceCount: 0, deliveries: [], shelfLifeDays: RICE.shelfLifeDays });
    const withStock = planWeek({ catalogue, demand: weekDemand(), policy: {}, now: NOW, stock: new Map([[`1|${RICE.id}`, rice]]) });
    expect(without.batches.some((batch) => batch.ingredientId === RICE.id)).toBe(true);
    expect(withStock.batches.some((batch) => batch.ingredientId === RICE.id)).toBe(false);
    expect(withStock.summary.purchaseCostFen).toBeLessThan(without.summary.purchaseCostFen);
  });

  it("applies overrides and a manager's service level", () => {
    const demand = weekDemand();
    const slot = demand[1];
    const plan = planWeek({ catalogue: fixtureCatalogue(), demand, policy: { serviceLevel: 0.5 }, now: NOW, overrides: new Map([[slotKey(slot), 150]]) });
    const line = plan.production.find((entry) => entry.serviceDate === slot.serviceDate && entry.dishId === slot.dishId)!;
    expect(line).toMatchObject({ plannedPortions: 150, suggestedPortions: 100, overridden: true, serviceLevel: 0.5 });
    expect(line.expectedLeftover).toBeGreaterThan(45);
  });
});
