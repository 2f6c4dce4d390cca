import { RATING_COUNTS_SQL, RatingCountsRow } from './rating-counts.sql';

const SCOPE = `service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)`;

/** The whole scope, each canteen, and each canteen's dishes. */
export const GROUPS_SQL = `SELECT canteen_id, dish_id, GROUPING(canteen_id)::int AS all_canteens, GROUPING(dish_id)::int AS all_dishes, ${RATING_COUNTS_SQL}
FROM feedback WHERE ${SCOPE} GROUP BY GROUPING SETS ((), (canteen_id), (canteen_id, dish_id))`;

/** Each tag over all canteens, then per canteen. */
export const TAGS_SQL = `SELECT canteen_id, GROUPING(canteen_id)::int AS all_canteens, tag, ${RATING_COUNTS_SQL}
FROM feedback CROSS JOIN LATERAL unnest(tags) AS tag WHERE ${SCOPE}
GROUP BY GROUPING SETS ((tag), (canteen_id, tag)) ORDER BY all_canteens DESC, canteen_id, responses DESC, tag`;

export const WEEKS_SQL = `SELECT to_char(service_date, 'IYYY-"W"IW') AS week, canteen_id, ${RATING_COUNTS_SQL}
FROM feedback WHERE ${SCOPE} GROUP BY 1, 2 ORDER BY 1, 2`;

export interface RatingGroupRow extends RatingCountsRow {
  /** Null in the row of all canteens. */
  canteen_id: number | null;
  dish_id: number | null;
  all_canteens: number;
  all_dishes: number;
}

export interface TagRow extends RatingCountsRow {
  canteen_id: number | null;
  all_canteens: number;
  tag: string;
}

export interface WeekRow extends RatingCountsRow {
  week: string;
  canteen_id: number;
}
