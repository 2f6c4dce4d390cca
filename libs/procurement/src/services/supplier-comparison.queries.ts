import type { MealPeriod } from '@larder/domain';

export const LAST_COOKED_DAY_SQL = 'SELECT max(service_date)::text AS last FROM daily_dish_rollup';

export const SUPPLIER_NAMES_SQL = 'SELECT id, code, name, name_en AS "nameEn" FROM supplier ORDER BY id';

export const INGREDIENT_NAMES_SQL = 'SELECT id, code, name, name_en AS "nameEn", unit FROM ingredient ORDER BY id';

/** $1 canteen ids, $2–$3: the portions cooked (or sold, where more) per canteen, day, meal and dish. */
export const COOKED_SQL = `
SELECT canteen_id, service_date::text AS service_date, meal, dish_id, GREATEST(prepared, quantity) AS portions FROM daily_dish_rollup
WHERE canteen_id = ANY($1::int[]) AND service_date BETWEEN $2::date AND $3::date AND dish_id <> 0`;

export interface LastDayRow {
  last: string | null;
}

export interface CookedRow {
  canteen_id: number;
  service_date: string;
  meal: MealPeriod;
  dish_id: number;
  portions: number;
}
