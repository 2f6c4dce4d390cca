import { RATING_COUNTS_SQL, RatingCountsRow } from '../rating-counts.sql';

const MEAL = (column: string) => `($4::text IS NULL OR ${column} = $4)`;
const RANGE = (alias: string) => `${alias}.service_date BETWEEN $1::date AND $2::date AND ${alias}.canteen_id = ANY($3::int[]) AND ${MEAL(`${alias}.meal`)}`;

/**
 * Per dish: sold, revenue (paid + subsidy, as the lines carry it), wasted, and the recipe cost of the
 * portions sold at the day's prices (the same costing as the finance report). $5: one dish or null.
 */
export const DISH_SQL = `
SELECT r.dish_id, sum(r.quantity)::bigint AS quantity, sum(r.revenue_fen)::bigint AS revenue_fen, sum(r.wasted_portions)::bigint AS wasted_portions,
       sum(GREATEST(r.quantity, 0) * r.fen_per_portion) AS cost_fen, COALESCE(sum(GREATEST(r.quantity, 0)) FILTER (WHERE r.fen_per_portion IS NOT NULL), 0)::bigint AS costed
FROM daily_dish_rollup r
WHERE ${RANGE('r')} AND ($5::int IS NULL OR r.dish_id = $5)
GROUP BY 1`;

export const COVERS_SQL = `SELECT COALESCE(sum(covers), 0)::bigint AS covers FROM daily_meal_rollup m WHERE ${RANGE('m')}`;

/** Weekly quantities of the dishes in $5. */
export const TREND_SQL = `SELECT to_char(r.service_date, 'IYYY-"W"IW') AS week, r.dish_id, sum(r.quantity)::bigint AS quantity
FROM daily_dish_rollup r WHERE ${RANGE('r')} AND r.dish_id = ANY($5::int[]) GROUP BY 1, 2 ORDER BY 1, 2`;

export const DISH_COUNT_SQL = 'SELECT count(*)::int AS n FROM dish WHERE id = $1';

/** One dish's ($5) days. */
export const DISH_DAILY_SQL = `SELECT r.service_date::text AS date, sum(r.quantity)::bigint AS quantity, sum(r.prepared)::bigint AS prepared, sum(r.wasted_portions)::bigint AS wasted_portions,
       COALESCE(sum(r.wasted_kg), 0) AS wasted_kg, sum(r.revenue_fen)::bigint AS revenue_fen
FROM daily_dish_rollup r WHERE ${RANGE('r')} AND r.dish_id = $5 GROUP BY 1 ORDER BY 1`;

/** One dish's ($5) ratings per ISO week. */
export const DISH_WEEKS_SQL = `SELECT to_char(service_date, 'IYYY-"W"IW') AS week, ${RATING_COUNTS_SQL}
FROM feedback f WHERE ${RANGE('f')} AND f.dish_id = $5 GROUP BY 1 ORDER BY 1`;

export const DISH_RATINGS_SQL = `SELECT dish_id, ${RATING_COUNTS_SQL} FROM feedback f WHERE ${RANGE('f')} AND f.dish_id IS NOT NULL GROUP BY 1`;

export interface DishSumsRow {
  dish_id: number;
  quantity: number;
  revenue_fen: number;
  wasted_portions: number;
  cost_fen: number | null;
  costed: number;
}

export interface CoversRow {
  covers: number;
}

export interface DishWeekRow {
  week: string;
  dish_id: number;
  quantity: number;
}

export interface CountRow {
  n: number;
}

export interface DishDayRow {
  date: string;
  quantity: number;
  prepared: number;
  wasted_portions: number;
  wasted_kg: number;
  revenue_fen: number;
}

export interface WeekRatingsRow extends RatingCountsRow {
  week: string;
}

export interface DishRatingsRow extends RatingCountsRow {
  dish_id: number;
}
