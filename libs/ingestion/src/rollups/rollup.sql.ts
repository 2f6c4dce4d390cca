/**
 * The rollups are rebuilt for a set of canteen-days or canteen-day-meals: delete, then aggregate the
 * facts of exactly those again. Recomputing whole days or meals (rather than adding deltas) keeps them
 * right after re-imports, refunds and rollbacks. One builder per rollup takes the scope, so a day range
 * and a list of meals aggregate with the same SQL.
 */

/** Which rows a statement reads or deletes: a predicate on the canteen, date and meal columns of `alias`. */
export type RollupWhere = (alias: string) => string;

/** $1 canteen ids (int[]), $2 first date, $3 last date: every canteen-day of the range. */
export const DAYS: RollupWhere = (alias) => `${alias}canteen_id = ANY($1::int[]) AND ${alias}service_date BETWEEN $2::date AND $3::date`;

/** $1 canteen ids (int[]), $2 dates (date[]), $3 meals (text[]), parallel arrays: exactly these meals, the grain of a payment. */
export const MEALS: RollupWhere = (alias) => `(${alias}canteen_id, ${alias}service_date, ${alias}meal) IN (SELECT * FROM unnest($1::int[], $2::date[], $3::text[]))`;

export type RollupTable = 'daily_dish_rollup' | 'daily_meal_rollup' | 'hourly_load_rollup' | 'daily_feedback_rollup';

export const deleteRollup = (table: RollupTable, where: RollupWhere): string => `DELETE FROM ${table} WHERE ${where('')}`;

/** Sales, production and waste per dish; distinct diners are counted over sales only, as everywhere. Waste without a meal has no dish row. */
export const insertDishRollup = (where: RollupWhere): string => `
INSERT INTO daily_dish_rollup (canteen_id, service_date, meal, dish_id, quantity, revenue_fen, subsidy_fen, diners, prepared, wasted_portions, wasted_kg)
SELECT canteen_id, service_date, meal, dish_id,
       COALESCE(sum(quantity), 0), COALESCE(sum(revenue_fen), 0), COALESCE(sum(subsidy_fen), 0), COALESCE(sum(diners), 0),
       COALESCE(sum(prepared), 0), COALESCE(sum(wasted_portions), 0), COALESCE(sum(wasted_kg), 0)
FROM (
  SELECT t.canteen_id, t.service_date, t.meal, l.dish_id,
         sum(l.quantity)::int AS quantity, sum(l.amount_fen) AS revenue_fen, sum(l.subsidy_fen) AS subsidy_fen,
         count(DISTINCT t.diner_pseudonym) FILTER (WHERE t.kind = 'sale')::int AS diners,
         0 AS prepared, 0 AS wasted_portions, 0::numeric AS wasted_kg
  FROM sale_transaction t
  JOIN sale_line l ON l.canteen_id = t.canteen_id AND l.transaction_id = t.id
  WHERE ${where('t.')}
  GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT canteen_id, service_date, meal, dish_id, 0, 0, 0, 0, portions_prepared, 0, 0
  FROM production_log WHERE ${where('')}
  UNION ALL
  SELECT canteen_id, service_date, meal, dish_id, 0, 0, 0, 0, 0, COALESCE(sum(portions), 0)::int, sum(kg)
  FROM waste_log WHERE ${where('')} AND dish_id IS NOT NULL AND meal IS NOT NULL
  GROUP BY 1, 2, 3, 4
) facts
GROUP BY 1, 2, 3, 4`;

/** Covers, payments and refunds per meal, and the payments by channel. */
export const insertMealRollup = (where: RollupWhere): string => `
WITH meals AS (
  SELECT canteen_id, service_date, meal,
         count(DISTINCT diner_pseudonym) FILTER (WHERE kind = 'sale')::int AS covers,
         count(*) FILTER (WHERE kind = 'sale')::int AS transactions,
         count(*) FILTER (WHERE kind = 'refund')::int AS refunds,
         sum(amount_paid_fen) AS paid_fen, sum(subsidy_fen) AS subsidy_fen
  FROM sale_transaction WHERE ${where('')}
  GROUP BY 1, 2, 3
), channels AS (
  SELECT canteen_id, service_date, meal, jsonb_object_agg(channel, paid_fen) AS paid_by_channel
  FROM (
    SELECT canteen_id, service_date, meal, channel, sum(amount_paid_fen) AS paid_fen
    FROM sale_transaction WHERE ${where('')}
    GROUP BY 1, 2, 3, 4
  ) by_channel
  GROUP BY 1, 2, 3
)
INSERT INTO daily_meal_rollup (canteen_id, service_date, meal, covers, transactions, refunds, paid_fen, subsidy_fen, paid_by_channel)
SELECT m.canteen_id, m.service_date, m.meal, m.covers, m.transactions, m.refunds, m.paid_fen, m.subsidy_fen, c.paid_by_channel
FROM meals m JOIN channels c USING (canteen_id, service_date, meal)`;

/**
 * Sales per hour of the canteen's own clock, for the staffing heat map; the payments are read through
 * their (canteen, date) index whichever the scope.
 */
export const insertHourlyRollup = (where: RollupWhere): string => `
INSERT INTO hourly_load_rollup (canteen_id, service_date, meal, hour, transactions, covers)
SELECT t.canteen_id, t.service_date, t.meal, extract(hour FROM t.occurred_at AT TIME ZONE c.timezone)::smallint,
       count(*)::int, count(DISTINCT t.diner_pseudonym)::int
FROM sale_transaction t JOIN canteen c ON c.id = t.canteen_id
WHERE t.kind = 'sale' AND ${where('t.')}
GROUP BY 1, 2, 3, 4`;

/** Feedback is rebuilt by day range only: answers without a meal are kept apart under ''. */
export const INSERT_FEEDBACK_ROLLUP = `
INSERT INTO daily_feedback_rollup (canteen_id, service_date, meal, responses, anonymous, diners, rating_sum, satisfied, dissatisfied)
SELECT canteen_id, service_date, COALESCE(meal, ''), count(*), count(*) FILTER (WHERE diner_pseudonym IS NULL), count(DISTINCT diner_pseudonym COLLATE "C"),
       sum(rating), count(*) FILTER (WHERE rating >= 4), count(*) FILTER (WHERE rating <= 2)
FROM feedback WHERE ${DAYS('')}
GROUP BY 1, 2, 3`;

/** Which of the meals ($1–$3 as MEALS) already have a meal rollup, i.e. had payments before this batch. */
export const MEALS_WITH_ROLLUP = `
SELECT u.c AS canteen_id, u.d::text AS service_date, u.m AS meal FROM unnest($1::int[], $2::date[], $3::text[]) AS u(c, d, m)
WHERE EXISTS (SELECT 1 FROM daily_meal_rollup r WHERE r.canteen_id = u.c AND r.service_date = u.d AND r.meal = u.m)`;
