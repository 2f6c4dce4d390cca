/** The feedback of whole weeks, one diner per pseudonym and each anonymous answer a diner of its own. */
const FEEDBACK_CTE = `f AS (
  SELECT canteen_id, meal, to_char(service_date, 'IYYY-"W"IW') AS week, COALESCE(dish_id, 0) AS dish,
         COALESCE(diner_pseudonym, 'anonymous:' || canteen_id || ':' || id) COLLATE "C" AS diner, rating, tags
  FROM feedback WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4))`;

const COUNTS = `count(*)::int AS responses, count(DISTINCT diner)::int AS respondents, COALESCE(sum(rating), 0)::int AS rating_sum,
  count(*) FILTER (WHERE rating >= 4)::int AS satisfied, count(*) FILTER (WHERE rating <= 2)::int AS dissatisfied`;

/** Cells (canteen, meal, week) and their children (a dish, or 0 for no dish). */
export const CELLS_SQL = `WITH ${FEEDBACK_CTE}
SELECT canteen_id, meal, week, dish, GROUPING(dish)::int AS parent, ${COUNTS}
FROM f GROUP BY GROUPING SETS ((canteen_id, meal, week), (canteen_id, meal, week, dish))`;

/** Per cell, the distinct diners of its children under the threshold ($5), taken together. */
export const SMALL_CHILDREN_SQL = `WITH ${FEEDBACK_CTE},
children AS (SELECT canteen_id, meal, week, dish FROM f GROUP BY 1, 2, 3, 4 HAVING count(DISTINCT diner) < $5)
SELECT f.canteen_id, f.meal, f.week, count(DISTINCT f.diner)::int AS diners
FROM f JOIN children USING (canteen_id, meal, week, dish) GROUP BY 1, 2, 3`;

/** Per cell and tag: the tag's group and the diners of the rest of the cell. */
export const TAGS_SQL = `WITH ${FEEDBACK_CTE},
pairs AS (SELECT DISTINCT canteen_id, meal, week, tag FROM f CROSS JOIN LATERAL unnest(tags) AS tag)
SELECT p.canteen_id, p.meal, p.week, p.tag,
       count(*) FILTER (WHERE f.tags @> ARRAY[p.tag])::int AS responses,
       count(DISTINCT f.diner) FILTER (WHERE f.tags @> ARRAY[p.tag])::int AS respondents,
       COALESCE(sum(f.rating) FILTER (WHERE f.tags @> ARRAY[p.tag]), 0)::int AS rating_sum,
       count(*) FILTER (WHERE f.tags @> ARRAY[p.tag] AND f.rating >= 4)::int AS satisfied,
       count(*) FILTER (WHERE f.tags @> ARRAY[p.tag] AND f.rating <= 2)::int AS dissatisfied,
       count(DISTINCT f.diner) FILTER (WHERE NOT f.tags @> ARRAY[p.tag])::int AS others
FROM pairs p JOIN f USING (canteen_id, meal, week) GROUP BY 1, 2, 3, 4`;

/** A cell, or a child of one, as CELLS_SQL and TAGS_SQL select it. */
export interface CellRow {
  canteen_id: number;
  meal: string;
  week: string;
  responses: number;
  respondents: number;
  rating_sum: number;
  satisfied: number;
  dissatisfied: number;
}

export interface CellOrChildRow extends CellRow {
  dish: number | null;
  parent: number;
}

export interface SmallChildrenRow {
  canteen_id: number;
  meal: string;
  week: string;
  diners: number;
}

export interface CellTagRow extends CellRow {
  tag: string;
  others: number;
}
