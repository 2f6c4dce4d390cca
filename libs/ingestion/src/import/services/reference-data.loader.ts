import { EntityManager } from 'typeorm';
import type { IngredientCategory, MealPeriod } from '@larder/domain';
import { indexByCodeAndName, MealWindow, minutesOf, ReferenceData } from '../validation/reference-data';

/** Reads the masters rows are checked against; small tables, read once per batch inside its transaction. */
export async function loadReferenceData(manager: EntityManager): Promise<ReferenceData> {
  const canteens: { id: number; code: string; name: string; site_id: number; timezone: string }[] = await manager.query('SELECT id, code, name, site_id, timezone FROM canteen');
  const sites: { id: number; code: string; name: string }[] = await manager.query('SELECT id, code, name FROM site');
  const dishes: { id: number; code: string; name: string }[] = await manager.query('SELECT id, code, name FROM dish');
  const ingredients: { id: number; code: string; name: string; unit: string; category: IngredientCategory }[] = await manager.query('SELECT id, code, name, unit, category FROM ingredient');
  const suppliers: { id: number; code: string; name: string }[] = await manager.query('SELECT id, code, name FROM supplier');
  const items: { id: number; supplier_id: number; sku: string }[] = await manager.query('SELECT id, supplier_id, sku FROM supplier_item');
  const periods: { canteen_id: number; meal: MealPeriod; starts_at: string; ends_at: string }[] = await manager.query('SELECT canteen_id, meal, starts_at, ends_at FROM meal_period');

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
