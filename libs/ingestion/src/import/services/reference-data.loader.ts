import { EntityManager } from 'typeorm';
import { query } from '@larder/database';
import type { MealPeriod } from '@larder/domain';
import { indexByCodeAndName, MealWindow, minutesOf, ReferenceData } from '../validation/reference-data';
import { CanteenRow, CodedRow, IngredientRow, MASTERS_SQL, MealPeriodRow, SupplierItemRow } from './reference-data.queries';

/** Reads the masters rows are checked against; small tables, read once per batch inside its transaction. */
export async function loadReferenceData(manager: EntityManager): Promise<ReferenceData> {
  const canteens = await query<CanteenRow>(manager, MASTERS_SQL.canteens);
  const sites = await query<CodedRow>(manager, MASTERS_SQL.sites);
  const dishes = await query<CodedRow>(manager, MASTERS_SQL.dishes);
  const ingredients = await query<IngredientRow>(manager, MASTERS_SQL.ingredients);
  const suppliers = await query<CodedRow>(manager, MASTERS_SQL.suppliers);
  const items = await query<SupplierItemRow>(manager, MASTERS_SQL.items);
  const periods = await query<MealPeriodRow>(manager, MASTERS_SQL.periods);

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
    ingredientCategories: new Map(ingredients.map((row) => [row.code, row.category])),
    suppliers: byCode(suppliers),
    supplierItems: new Map(items.map((row) => [`${row.supplier_id}|${row.sku}`, row.id])),
    supplierItemsBySku: indexByCodeAndName(items.map((row) => ({ code: `\u0000${row.id}`, name: row.sku, value: row.id }))),
    mealPeriods,
  };
}
