import { COST_CTES } from '@larder/database';

export const DISHES_SQL = 'SELECT id, name, name_en, category, portion_kg, list_price_fen, introduced_on::text AS introduced_on, retired_on::text AS retired_on FROM dish ORDER BY id';

/** $1 canteen, $2–$3 the history: per dish and meal, the days served, portions prepared, left over and sold. */
export const SALES_SQL = `
SELECT dish_id, meal, count(*)::int AS servings, sum(prepared)::int AS prepared, sum(GREATEST(prepared - quantity, 0))::int AS leftover, sum(quantity)::int AS quantity
FROM daily_dish_rollup WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date GROUP BY 1, 2`;

/** $1 canteen, $2–$3 the history: each dish's mean rating and how many. */
export const RATINGS_SQL = `
SELECT dish_id, avg(rating)::float8 AS rating, count(*)::int AS ratings FROM feedback
WHERE canteen_id = $1 AND dish_id IS NOT NULL AND service_date BETWEEN $2::date AND $3::date GROUP BY 1`;

/** Which meals each dish has ever been on a menu for, at any canteen. */
export const DISH_MEALS_SQL = "SELECT DISTINCT meal, dish_id, '' AS service_date FROM menu_item";

/** $1–$2: the days a dish cannot be costed because an ingredient of its recipe has no price. */
export const UNPRICED_DAYS_SQL = `
WITH ${COST_CTES}
SELECT days.d::text AS day, rl.dish_id FROM days CROSS JOIN recipe_line rl
LEFT JOIN unit_cost uc ON uc.d = days.d AND uc.ingredient_id = rl.ingredient_id
WHERE uc.ingredient_id IS NULL GROUP BY 1, 2`;

/** $1 run, $2 canteen, $3–$4: the run's covers forecast (dish 0). */
export const FORECAST_COVERS_SQL = `
SELECT service_date::text AS service_date, meal, p50::float8 AS covers FROM forecast
WHERE run_id = $1 AND canteen_id = $2 AND dish_id = 0 AND service_date BETWEEN $3::date AND $4::date`;

/** $1 canteen, $2–$3: each dish's sales per day and meal beside the meal's covers, for the share model. */
export const DAY_DISHES_SQL = `
SELECT d.service_date::text AS service_date, d.meal, d.dish_id, d.quantity, d.diners, m.covers
FROM daily_dish_rollup d JOIN daily_meal_rollup m ON m.canteen_id = d.canteen_id AND m.service_date = d.service_date AND m.meal = d.meal
WHERE d.canteen_id = $1 AND d.service_date BETWEEN $2::date AND $3::date ORDER BY 1, 2, 3`;

/** $1 dish ids: their names and categories, for a proposal's view. */
export const DISH_NAMES_SQL = 'SELECT id, name, name_en, category FROM dish WHERE id = ANY($1::int[])';

export const DISH_EXISTS_SQL = 'SELECT 1 AS found FROM dish WHERE id = $1';

/** $1 canteen, $2 date, $3 meal: whether a menu is written for it. */
export const MENU_WRITTEN_SQL = 'SELECT 1 AS found FROM menu_item WHERE canteen_id = $1 AND service_date = $2::date AND meal = $3 LIMIT 1';

export type DishNameRow = Pick<DishRow, 'id' | 'name' | 'name_en' | 'category'>;

export interface ExistsRow {
  found: number;
}

export interface DishRow {
  id: number;
  name: string;
  name_en: string;
  category: string;
  portion_kg: number;
  list_price_fen: number;
  introduced_on: string | null;
  retired_on: string | null;
}
export interface SalesRow {
  dish_id: number;
  meal: string;
  servings: number;
  prepared: number;
  leftover: number;
  quantity: number;
}
export interface RatingRow {
  dish_id: number;
  rating: number;
  ratings: number;
}
export interface MenuRow {
  service_date: string;
  meal: string;
  dish_id: number;
}
export interface DayDishRow {
  service_date: string;
  meal: string;
  dish_id: number;
  quantity: number;
  diners: number;
  covers: number;
}
export interface CoversRow {
  service_date: string;
  meal: string;
  covers: number;
}
export interface MissingRow {
  day: string;
  dish_id: number;
}
