import type { IngredientCategory, MealPeriod } from '@larder/domain';

/** The masters an import checks its rows against: small tables, read whole, one statement each. */
export const MASTERS_SQL = {
  canteens: 'SELECT id, code, name, site_id, timezone FROM canteen',
  sites: 'SELECT id, code, name FROM site',
  dishes: 'SELECT id, code, name FROM dish',
  ingredients: 'SELECT id, code, name, unit, category FROM ingredient',
  suppliers: 'SELECT id, code, name FROM supplier',
  items: 'SELECT id, supplier_id, sku FROM supplier_item',
  periods: 'SELECT canteen_id, meal, starts_at, ends_at FROM meal_period',
} as const;

/** A master known by code and name (sites, dishes, suppliers). */
export interface CodedRow {
  id: number;
  code: string;
  name: string;
}

export interface CanteenRow extends CodedRow {
  site_id: number;
  timezone: string;
}

export interface IngredientRow extends CodedRow {
  unit: string;
  category: IngredientCategory;
}

export interface SupplierItemRow {
  id: number;
  supplier_id: number;
  sku: string;
}

export interface MealPeriodRow {
  canteen_id: number;
  meal: MealPeriod;
  starts_at: string;
  ends_at: string;
}
