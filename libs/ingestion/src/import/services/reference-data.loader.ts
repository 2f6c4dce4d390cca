import { EntityManager } from 'typeorm';
import { query } from '@larder/database';
import type { MealPeriod } from '@larder/domain';
import { indexByCodeAndName, MealWindow, minutesOf, ReferenceData } from '../validation/reference-data';
import {
  CANTEENS_SQL,
  CanteenRow,
  DISHES_SQL,
  DishRow,
  INGREDIENTS_SQL,
  IngredientRow,
  MEAL_PERIODS_SQL,
  MealPeriodRow,
  SITES_SQL,
  SUPPLIERS_SQL,
  SUPPLIER_ITEMS_SQL,
  SiteRow,
  SupplierItemRow,
  SupplierRow,
} from './reference-data.queries';

/** Reads the masters rows are checked against; small tables, read once per batch inside its transaction. */
export async function loadReferenceData(manager: EntityManager): Promise<ReferenceData> {
  const canteens = await query<CanteenRow>(manager, CANTEENS_SQL);
  const sites = await query<SiteRow>(manager, SITES_SQL);
  const dishes = await query<DishRow>(manager, DISHES_SQL);
  const ingredients = await query<IngredientRow>(manager, INGREDIENTS_SQL);
  const suppliers = await query<SupplierRow>(manager, SUPPLIERS_SQL);
  const items = await query<SupplierItemRow>(manager, SUPPLIER_ITEMS_SQL);
  const periods = await query<MealPeriodRow>(manager, MEAL_PERIODS_SQL);

  const byCode = (rows: { id: number; code: string }[]) => new Map(rows.map((row) => [row.code, row.id]));
  const mealPeriods = new Map<number, Partial<Record<MealPeriod, MealWindow>>>();
  for (const period of periods) {
    const windows = mealPeriods.get(period.canteen_id) ?? {};
    windows[period.meal] = { starts: minutesOf(period.starts_at), ends: minutesOf(period.ends_at) };
    mealPeriods.set(period.canteen_id, windows);
  }
  return {
    canteens: indexByCodeAndName(canteens.map((row) => ({ code: row.code, name: row.name, value: { id: row.id, siteId: row.site_id, timezone: row.timezone } }))),
    sites: indexByCodeAndName(sites.map((row) => ({ code: row.code, name: row.name, value: row.id }))),
    dishes: byCode(dishes),
    dishesByName: indexByCodeAndName(dishes.map((row) => ({ code: `\u0000${row.code}`, name: row.name, value: row.id }))),
    ingredients: byCode(ingredients),
    ingredientUnits: new Map(ingredients.map((row) => [row.id, row.unit])),
    suppliers: byCode(suppliers),
    supplierItems: new Map(items.map((row) => [`${row.supplier_id}|${row.sku}`, row.id])),
    supplierItemsBySku: indexByCodeAndName(items.map((row) => ({ code: `\u0000${row.id}`, name: row.sku, value: row.id }))),
    mealPeriods,
  };
}
