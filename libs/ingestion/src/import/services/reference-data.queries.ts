import type { MealPeriod } from '@larder/domain';

/** The masters an import checks its rows against: small tables, read whole. */
export const CANTEENS_SQL = 'SELECT id, code, name, site_id, timezone FROM canteen';
export const SITES_SQL = 'SELECT id, code, name FROM site';
export const DISHES_SQL = 'SELECT id, code, name FROM dish';
export const INGREDIENTS_SQL = 'SELECT id, code, name, unit FROM ingredient';
export const SUPPLIERS_SQL = 'SELECT id, code, name FROM supplier';
export const SUPPLIER_ITEMS_SQL = 'SELECT id, supplier_id, sku FROM supplier_item';
export const MEAL_PERIODS_SQL = 'SELECT canteen_id, meal, starts_at, ends_at FROM meal_period';

export type CanteenRow = { id: number; code: string; name: string; site_id: number; timezone: string };
export type SiteRow = { id: number; code: string; name: string };
export type DishRow = { id: number; code: string; name: string };
export type IngredientRow = { id: number; code: string; name: string; unit: string };
export type SupplierRow = { id: number; code: string; name: string };
export type SupplierItemRow = { id: number; supplier_id: number; sku: string };
export type MealPeriodRow = { canteen_id: number; meal: MealPeriod; starts_at: string; ends_at: string };
