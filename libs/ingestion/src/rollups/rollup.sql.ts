/**
 * The rollups are rebuilt for a set of canteen-days: delete, then aggregate the facts of exactly
 * those days again. Recomputing whole days (rather than adding deltas) keeps them right after
 * re-imports, refunds and rollbacks. Parameters: $1 canteen ids (int[]), $2 first date, $3 last date.
 */
const DAYS = `canteen_id = ANY($1::int[]) AND service_date BETWEEN $2::date AND $3::date`;

export const DELETE_DISH_ROLLUP = `DELETE FROM daily_dish_rollup WHERE ${DAYS}`;
export const DELETE_MEAL_ROLLUP = `DELETE FROM daily_meal_rollup WHERE ${DAYS}`;

export const INSERT_DISH_ROLLUP = `
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
  WHERE t.${DAYS}
  GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT canteen_id, service_date, meal, dish_id, 0, 0, 0, 0, portions_prepared, 0, 0
  FROM production_log WHERE ${DAYS}
  UNION ALL
  SELECT canteen_id, service_date, meal, dish_id, 0, 0, 0, 0, 0, COALESCE(sum(portions), 0)::int, sum(kg)
  FROM waste_log WHERE ${DAYS} AND dish_id IS NOT NULL AND meal IS NOT NULL
  GROUP BY 1, 2, 3, 4
) facts
GROUP BY 1, 2, 3, 4`;

export const INSERT_MEAL_ROLLUP = `
WITH meals AS (
  SELECT canteen_id, service_date, meal,
         count(DISTINCT diner_pseudonym) FILTER (WHERE kind = 'sale')::int AS covers,
         count(*) FILTER (WHERE kind = 'sale')::int AS transactions,
         count(*) FILTER (WHERE kind = 'refund')::int AS refunds,
         sum(amount_paid_fen) AS paid_fen, sum(subsidy_fen) AS subsidy_fen
  FROM sale_transaction WHERE ${DAYS}
  GROUP BY 1, 2, 3
), channels AS (
  SELECT canteen_id, service_date, meal, jsonb_object_agg(channel, paid_fen) AS paid_by_channel
  FROM (
    SELECT canteen_id, service_date, meal, channel, sum(amount_paid_fen) AS paid_fen
    FROM sale_transaction WHERE ${DAYS}
    GROUP BY 1, 2, 3, 4
  ) by_channel
  GROUP BY 1, 2, 3
)
INSERT INTO daily_meal_rollup (canteen_id, service_date, meal, covers, transactions, refunds, paid_fen, subsidy_fen, paid_by_channel)
SELECT m.canteen_id, m.service_date, m.meal, m.covers, m.transactions, m.refunds, m.paid_fen, m.subsidy_fen, c.paid_by_channel
FROM meals m JOIN channels c USING (canteen_id, service_date, meal)`;

/**
 * Sales per hour of the canteen's own clock, for the staffing heat map. `where` picks the payments
 * (alias t) by canteen-day or canteen-day-meal, so the facts are read through their (canteen, date) index.
 */
export function insertHourlyRollup(where: string): string {
  return `
INSERT INTO hourly_load_rollup (canteen_id, service_date, meal, hour, transactions, covers)
SELECT t.canteen_id, t.service_date, t.meal, extract(hour FROM t.occurred_at AT TIME ZONE c.timezone)::smallint,
       count(*)::int, count(DISTINCT t.diner_pseudonym)::int
FROM sale_transaction t JOIN canteen c ON c.id = t.canteen_id
WHERE t.kind = 'sale' AND ${where}
GROUP BY 1, 2, 3, 4`;
}

export const DELETE_HOURLY_ROLLUP = `DELETE FROM hourly_load_rollup WHERE ${DAYS}`;
export const INSERT_HOURLY_ROLLUP = insertHourlyRollup(`t.canteen_id = ANY($1::int[]) AND t.service_date BETWEEN $2::date AND $3::date`);

export const DELETE_FEEDBACK_ROLLUP = `DELETE FROM daily_feedback_rollup WHERE ${DAYS}`;
export const INSERT_FEEDBACK_ROLLUP = `
INSERT INTO daily_feedback_rollup (canteen_id, service_date, meal, responses, anonymous, diners, rating_sum, satisfied, dissatisfied)
SELECT canteen_id, service_date, COALESCE(meal, ''), count(*), count(*) FILTER (WHERE diner_pseudonym IS NULL), count(DISTINCT diner_pseudonym COLLATE "C"),
       sum(rating), count(*) FILTER (WHERE rating >= 4), count(*) FILTER (WHERE rating <= 2)
FROM feedback WHERE ${DAYS}
GROUP BY 1, 2, 3`;
