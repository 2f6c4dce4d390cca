import type { MealPeriod, WasteKind } from '@larder/domain';

const SCOPE = `canteen_id = ANY($1::int[]) AND service_date BETWEEN $2::date AND $3::date`;

export const WASTE_SQL = `SELECT canteen_id, service_date::text AS service_date, meal, kind, dish_id, ingredient_id, kg, portions FROM waste_log WHERE ${SCOPE}`;

export const PRODUCTION_SQL = `SELECT canteen_id, service_date::text AS service_date, dish_id, sum(portions_prepared)::int AS portions FROM production_log WHERE ${SCOPE} GROUP BY 1, 2, 3`;

export const COVERS_SQL = `SELECT canteen_id, service_date::text AS service_date, sum(covers)::int AS covers FROM daily_meal_rollup WHERE ${SCOPE} GROUP BY 1, 2`;

/** What approved plans expected to be left over, per canteen, day and dish. */
export const EXPECTED_LEFTOVER_SQL = `SELECT l.canteen_id, l.service_date::text AS service_date, l.dish_id, sum(l.expected_leftover) AS expected
FROM plan_line l JOIN production_plan p ON p.id = l.plan_id
WHERE p.status = 'approved' AND l.dish_id <> 0 AND l.canteen_id = ANY($1::int[]) AND l.service_date BETWEEN $2::date AND $3::date GROUP BY 1, 2, 3`;

export interface WasteLogRow {
  canteen_id: number;
  service_date: string;
  meal: MealPeriod | null;
  kind: WasteKind;
  dish_id: number | null;
  ingredient_id: number | null;
  kg: number;
  portions: number | null;
}

export interface ProductionRow {
  canteen_id: number;
  service_date: string;
  dish_id: number;
  portions: number;
}

export interface DayCoversRow {
  canteen_id: number;
  service_date: string;
  covers: number;
}

export interface ExpectedLeftoverRow {
  canteen_id: number;
  service_date: string;
  dish_id: number;
  expected: number | null;
}
