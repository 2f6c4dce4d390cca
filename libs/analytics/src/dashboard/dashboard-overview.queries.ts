import type { DayKind } from '@larder/domain';
import type { RatingCountsRow } from '../rating-counts.sql';

/**
 * What each canteen ($1) is known to do on each day from $2 to $3: the calendar's kind of the day
 * (null without a row), whether it opens weekends, the closure over the day (its reason) and, with
 * `menus`, whether it has a menu (at meal $4) — the facts of `dayService`. Without `menus` no menu
 * is read (has_menu false, $4 unused): a range's closed days do not depend on them, and reading a
 * year's menus of 40 canteens took 70-95 ms where the rest takes a few.
 */
export const serviceDaysSql = (menus: boolean) => `WITH days AS (SELECT $2::date + i AS day FROM generate_series(0, $3::date - $2::date) AS i)${
  menus
    ? `,
     menus AS (SELECT DISTINCT canteen_id, service_date FROM menu_item
               WHERE canteen_id = ANY($1::int[]) AND service_date BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR meal = $4))`
    : ''
}
SELECT c.id AS canteen_id, d.day::text AS day, c.opens_weekends, cd.kind, cd.holiday_name, cd.holiday_name_zh,
       (SELECT cc.reason FROM canteen_closure cc WHERE cc.canteen_id = c.id AND d.day BETWEEN cc.from_date AND cc.to_date ORDER BY cc.from_date LIMIT 1) AS closure,
       ${menus ? 'm.canteen_id IS NOT NULL' : 'false'} AS has_menu
FROM canteen c CROSS JOIN days d
LEFT JOIN calendar_day cd ON cd.day = d.day
${menus ? 'LEFT JOIN menus m ON m.canteen_id = c.id AND m.service_date = d.day' : ''}
WHERE c.id = ANY($1::int[])
ORDER BY 2, 1`;

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

export interface ServiceDayRow {
  canteen_id: number;
  day: string;
  opens_weekends: boolean;
  kind: DayKind | null;
  holiday_name: string | null;
  holiday_name_zh: string | null;
  closure: string | null;
  has_menu: boolean;
}

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
