import type { IngredientCategory, MealPeriod } from '@larder/domain';

export interface CanteenRef {
  id: number;
  siteId: number;
  timezone: string;
}

export interface MealWindow {
  /** Minutes after local midnight. */
  starts: number;
  ends: number;
}

/** What rows are checked against: the masters already in the database when the batch starts. */
export interface ReferenceData {
  /** By code, and by name where a name is unambiguous (card exports name the canteen, 一食堂). */
  canteens: Map<string, CanteenRef>;
  sites: Map<string, number>;
  dishes: Map<string, number>;
  dishesByName: Map<string, number>;
  ingredients: Map<string, number>;
  ingredientUnits: Map<number, string>;
  /** Each ingredient's category by code, kept when a file has no category column. */
  ingredientCategories: Map<string, IngredientCategory>;
  suppliers: Map<string, number>;
  /** Key: `${supplierId}|${sku}`. */
  supplierItems: Map<string, number>;
  /** SKUs that only one supplier uses, for price lists that name no supplier. */
  supplierItemsBySku: Map<string, number>;
  mealPeriods: Map<number, Partial<Record<MealPeriod, MealWindow>>>;
}

export function emptyReferenceData(): ReferenceData {
  return {
    canteens: new Map(),
    sites: new Map(),
    dishes: new Map(),
    dishesByName: new Map(),
    ingredients: new Map(),
    ingredientUnits: new Map(),
    ingredientCategories: new Map(),
    suppliers: new Map(),
    supplierItems: new Map(),
    supplierItemsBySku: new Map(),
    mealPeriods: new Map(),
  };
}

/** Adds names as keys too, skipping names that two rows share or that equal another row's code. */
export function indexByCodeAndName<T>(rows: { code: string; name: string; value: T }[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) map.set(row.code, row.value);
  const nameCounts = new Map<string, number>();
  for (const row of rows) nameCounts.set(row.name, (nameCounts.get(row.name) ?? 0) + 1);
  for (const row of rows) if (nameCounts.get(row.name) === 1 && !map.has(row.name)) map.set(row.name, row.value);
  return map;
}

export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** The meal whose window holds the minute, if any; windows may run past midnight (夜宵 22:00-01:00). */
export function mealAt(windows: Partial<Record<MealPeriod, MealWindow>> | undefined, minute: number): MealPeriod | null {
  if (!windows) return null;
  for (const [meal, window] of Object.entries(windows) as [MealPeriod, MealWindow][]) {
    if (isWithin(window, minute)) return meal;
  }
  return null;
}

export function isWithin(window: MealWindow, minute: number): boolean {
  return window.starts <= window.ends ? minute >= window.starts && minute <= window.ends : minute >= window.starts || minute <= window.ends;
}
