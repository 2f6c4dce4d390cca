import { addDays, IsoDate } from '@larder/domain';
import type { QuantileDistribution } from '@larder/forecasting';
import { CatalogueInput, PlanningCatalogue } from '../planning/planning-catalogue';
import { PortionCost, PortionCosts } from '../planning/portion-costs';
import type { IngredientInfo, SupplierItemInfo } from '../planning/planning-types';

/** Week 2026-W48 runs Monday 2026-11-23 .. Sunday 2026-11-29; plans are made the Thursday before. */
export const WEEK_START = '2026-11-23';
export const NOW = { date: '2026-11-19', time: '10:00' } as const;

export const TOMATO: IngredientInfo = { id: 1, unit: 'kg', shelfLifeDays: 3, storage: 'chilled' };
export const RICE: IngredientInfo = { id: 2, unit: 'kg', shelfLifeDays: 365, storage: 'ambient' };
export const PORK: IngredientInfo = { id: 3, unit: 'kg', shelfLifeDays: 5, storage: 'chilled' };

export function item(overrides: Partial<SupplierItemInfo> & Pick<SupplierItemInfo, 'id' | 'ingredientId'>): SupplierItemInfo {
  return { supplierId: 1, packSize: 10, minOrderPacks: 1, leadTimeDays: 1, deliveryWeekdays: [1, 2, 3, 4, 5, 6, 7], orderCutoff: '16:00', ...overrides };
}

/** Two dishes (tomato-egg rice, braised pork with rice), three ingredients, one or two sources each. */
export function fixtureInput(overrides: Partial<CatalogueInput> = {}): CatalogueInput {
  return {
    dishes: [
      { id: 10, category: 'vegetable', listPriceFen: 800, portionKg: 0.4 },
      { id: 20, category: 'meat', listPriceFen: 1600, portionKg: 0.4 },
    ],
    ingredients: [TOMATO, RICE, PORK],
    recipeLines: [
      { dishId: 10, ingredientId: 1, quantityPerPortion: 0.15, yieldLoss: 0.25 },
      { dishId: 10, ingredientId: 2, quantityPerPortion: 0.1, yieldLoss: 0 },
      { dishId: 20, ingredientId: 3, quantityPerPortion: 0.12, yieldLoss: 0.2 },
      { dishId: 20, ingredientId: 2, quantityPerPortion: 0.1, yieldLoss: 0 },
    ],
    supplierItems: [
      item({ id: 101, supplierId: 1, ingredientId: 1, packSize: 10 }),
      item({ id: 102, supplierId: 2, ingredientId: 2, packSize: 25, minOrderPacks: 2, leadTimeDays: 2, deliveryWeekdays: [2, 4] }),
      item({ id: 103, supplierId: 3, ingredientId: 3, packSize: 5, leadTimeDays: 1, deliveryWeekdays: [1, 2, 3, 4, 5, 6] }),
    ],
    prices: [
      { supplierItemId: 101, validFrom: '2026-01-01', packPriceFen: 6000 },
      { supplierItemId: 102, validFrom: '2026-01-01', packPriceFen: 12500 },
      { supplierItemId: 103, validFrom: '2026-01-01', packPriceFen: 15000 },
      { supplierItemId: 103, validFrom: '2026-11-01', packPriceFen: 16000 },
    ],
    portionCosts: fixturePortionCosts(),
    ...overrides,
  };
}

/**
 * The portion costs the database's costing gives the fixture's recipes and prices, October to
 * December: dish 10 is 0.15 / 0.75 kg tomato × 6 + 0.1 kg rice × 5 yuan = 1.70 yuan; dish 20 is
 * 0.12 / 0.8 kg pork × 30 (32 from 1 November) + 0.1 kg rice × 5 yuan = 5.00 (5.30) yuan.
 */
export function fixturePortionCosts(): PortionCosts {
  const rows: PortionCost[] = [];
  for (let date: IsoDate = '2026-10-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
    rows.push({ dishId: 10, date, fenPerPortion: 170 }, { dishId: 20, date, fenPerPortion: date < '2026-11-01' ? 500 : 530 });
  }
  return new PortionCosts('2026-10-01', '2026-12-31', rows);
}

export function fixtureCatalogue(overrides: Partial<CatalogueInput> = {}): PlanningCatalogue {
  return new PlanningCatalogue(fixtureInput(overrides));
}

/** p10/p50/p90 around a median, ±20 %. */
export function around(median: number): QuantileDistribution {
  return { levels: [0.1, 0.5, 0.9], values: [median * 0.8, median, median * 1.2] };
}
