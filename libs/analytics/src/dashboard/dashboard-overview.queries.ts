import type { RatingCountsRow } from '../rating-counts.sql';

/** Each canteen-day's wasted and prepared portions, from the cost rollup. */
export const WASTE_DAYS_SQL = `SELECT canteen_id, service_date::text AS d, sum(overproduction_portions)::bigint AS wasted, sum(prepared_portions)::bigint AS prepared
FROM daily_cost_rollup WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
GROUP BY 1, 2 HAVING sum(prepared_portions) > 0`;

/**
 * Rating counts per canteen and per canteen and dish, from $5 on (recent) and before; `respondents`
 * is RATING_COUNTS_SQL or RATING_BOUND_SQL (rating-counts.sql.ts), and `limited` keeps canteens $6 and canteen-dishes ($7, $8).
 */
export const ratingWindowsSql = (respondents: string, limited: boolean) => `SELECT canteen_id, dish_id, recent, ${respondents}
FROM (SELECT canteen_id, dish_id, diner_pseudonym, rating, service_date >= $5::date AS recent FROM feedback
      WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
        ${limited ? 'AND (canteen_id = ANY($6::int[]) OR (canteen_id, dish_id) IN (SELECT * FROM unnest($7::int[], $8::int[])))' : ''}) f
GROUP BY GROUPING SETS ((canteen_id, recent), (canteen_id, dish_id, recent))
HAVING GROUPING(dish_id) = 1 OR dish_id IS NOT NULL`;

export interface WasteDayRow {
  canteen_id: number;
  d: string;
  wasted: number;
  prepared: number;
}

export interface RatingWindowRow extends RatingCountsRow {
  canteen_id: number;
  /** Null for the canteen's own counts. */
  dish_id: number | null;
  recent: boolean;
}
