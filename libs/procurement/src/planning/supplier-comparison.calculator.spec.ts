import { item } from '../testing/planning-fixture';
import { PlanningCatalogue } from './planning-catalogue';
import type { IngredientInfo } from './planning-types';
import { compareSuppliers, MonthSpan } from './supplier-comparison.calculator';

const FLOUR: IngredientInfo = { id: 7, unit: 'kg', shelfLifeDays: 180, storage: 'ambient' };
const SALT: IngredientInfo = { id: 8, unit: 'kg', shelfLifeDays: 720, storage: 'ambient' };
const OCTOBER: MonthSpan = { label: '2026-10', from: '2026-10-01', to: '2026-10-31' };
const NOVEMBER: MonthSpan = { label: '2026-11', from: '2026-11-01', to: '2026-11-30' };

/** Flour from a grocer (10 kg packs, any number) or a wholesaler (25 kg packs, at least two); salt from the grocer only. */
function catalogue(): PlanningCatalogue {
  return new PlanningCatalogue({
    dishes: [],
    recipeLines: [],
    ingredients: [FLOUR, SALT],
    supplierItems: [
      item({ id: 71, supplierId: 1, ingredientId: 7, packSize: 10 }),
      item({ id: 72, supplierId: 2, ingredientId: 7, packSize: 25, minOrderPacks: 2, leadTimeDays: 2 }),
      item({ id: 81, supplierId: 1, ingredientId: 8, packSize: 5 }),
    ],
    prices: [
      { supplierItemId: 71, validFrom: '2026-10-01', packPriceFen: 1000 },
      { supplierItemId: 71, validFrom: '2026-11-01', packPriceFen: 1200 },
      { supplierItemId: 72, validFrom: '2026-10-01', packPriceFen: 2600 },
      { supplierItemId: 81, validFrom: '2026-10-01', packPriceFen: 500 },
    ],
  });
}

const need = (ingredientId: number, neededBy: string, quantity: number) => ({ canteenId: 1, ingredientId, neededBy, quantity });

describe('compareSuppliers', () => {
  // October: 30 kg of flour cost 3 packs × ¥10 = ¥30 at the grocer, 2 packs × ¥26 = ¥52 at the wholesaler: the grocer is last month's supplier.
  // November: the grocer's pack rises to ¥12. Two deliveries of 50 kg two weeks apart:
  //   grocer alone 2 × 5 packs × ¥12 = ¥120; wholesaler 2 × 2 packs × ¥26 = ¥104. Switching saves ¥16 = 1600 fen.
  const result = compareSuppliers({
    catalogue: catalogue(),
    month: NOVEMBER,
    previousMonth: OCTOBER,
    priceMonths: [OCTOBER, NOVEMBER],
    previousNeeds: [need(7, '2026-10-12', 30)],
    needs: [need(7, '2026-11-09', 50), need(7, '2026-11-23', 50), need(8, '2026-11-10', 4)],
  });
  const flour = result.ingredients.find((row) => row.ingredientId === 7)!;

  it('prices the month from each supplier alone, per usable unit, and picks the cheaper one', () => {
    expect(flour.neededQuantity).toBe(100);
    expect(flour.offers.map((offer) => [offer.supplierItemId, offer.monthCostFen, offer.costPerUsableUnitFen])).toEqual([
      [71, 12000, 120],
      [72, 10400, 104],
    ]);
    expect(flour).toMatchObject({ chosenSupplierItemId: 72, reason: 'lowest-cost', lastMonthSupplierItemId: 71 });
  });

  it("computes the saving against always buying from last month's supplier (hand-computed: 1600 fen)", () => {
    expect(flour).toMatchObject({ chosenCostFen: 10400, lastMonthCostFen: 12000, savingFen: 1600 });
    // Salt has one supplier, the same both months: no saving.
    expect(result.ingredients.find((row) => row.ingredientId === 8)).toMatchObject({ reason: 'only-supplier', chosenCostFen: 500, savingFen: 0, lastMonthSupplierItemId: null, lastMonthCostFen: 500 });
    expect(result).toMatchObject({ month: '2026-11', chosenCostFen: 10900, lastMonthCostFen: 12500, savingFen: 1600 });
  });

  it('shows closing prices side by side and flags the rise', () => {
    expect(result.priceMonths).toEqual(['2026-10', '2026-11']);
    expect(flour.offers.map((offer) => offer.packPrices)).toEqual([
      [1000, 1200],
      [2600, 2600],
    ]);
    expect(flour.offers[0].priceRise).toBeCloseTo(0.2, 10);
    expect(flour.offers[1].priceRise).toBeNull();
    expect(result.priceRises).toBe(1);
  });

  it('keeps the cheaper supplier out when it cannot deliver in time, and says so', () => {
    const input = catalogue();
    // The wholesaler now takes 20 days: too late for anything planned 14 days ahead.
    const slow = new PlanningCatalogue({
      dishes: [],
      recipeLines: [],
      ingredients: [FLOUR],
      supplierItems: [...input.itemsFor(7)].map((offer) => (offer.id === 72 ? { ...offer, leadTimeDays: 20 } : offer)),
      prices: [
        { supplierItemId: 71, validFrom: '2026-10-01', packPriceFen: 1200 },
        { supplierItemId: 72, validFrom: '2026-10-01', packPriceFen: 2600 },
      ],
    });
    const late = compareSuppliers({ catalogue: slow, month: NOVEMBER, previousMonth: OCTOBER, priceMonths: [NOVEMBER], previousNeeds: [], needs: [need(7, '2026-11-03', 50)] });
    expect(late.ingredients[0]).toMatchObject({ chosenSupplierItemId: 71, reason: 'others-late', savingFen: 0 });
    expect(late.ingredients[0].offers[1].late).toBe(true);
  });

  it('lists an ingredient the month does not use, without a choice', () => {
    const idle = compareSuppliers({ catalogue: catalogue(), month: NOVEMBER, previousMonth: OCTOBER, priceMonths: [NOVEMBER], previousNeeds: [], needs: [] });
    expect(idle.ingredients.map((row) => [row.ingredientId, row.reason, row.offers.length])).toEqual([
      [7, 'no-need', 2],
      [8, 'no-need', 1],
    ]);
  });
});
