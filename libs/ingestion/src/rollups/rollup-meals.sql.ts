import { insertHourlyRollup } from './rollup.sql';

/**
 * Rollup maintenance at the grain of canteen-day-meals, the grain of a payment. Parameters: a list
 * of meals as three parallel arrays ($1 canteen ids int[], $2 dates date[], $3 meals text[]).
 */
const MEALS = `IN (SELECT * FROM unnest($1::int[], $2::date[], $3::text[]))`;

/** Which of the meals already have a meal rollup, i.e. had payments before this batch. */
export const MEALS_WITH_ROLLUP = `
SELECT u.c AS canteen_id, u.d::text AS service_date, u.m AS meal FROM unnest($1::int[], $2::date[], $3::text[]) AS u(c, d, m)
WHERE EXISTS (SELECT 1 FROM daily_meal_rollup r WHERE r.canteen_id = u.c AND r.service_date = u.d AND r.meal = u.m)`;

export const DELETE_DISH_ROLLUP_MEALS = `DELETE FROM daily_dish_rollup WHERE (canteen_id, service_date, meal) ${MEALS}`;
export const DELETE_MEAL_ROLLUP_MEALS = `DELETE FROM daily_meal_rollup WHERE (canteen_id, service_date, meal) ${MEALS}`;

/** Sales of the chosen payments per dish; distinct diners are counted over sales only, as everywhere. */
function dishSales(where: string): string {
  return `
  SELECT t.canteen_id, t.service_date, t.meal, l.dish_id,
         sum(l.quantity)::int AS quantity, sum(l.amount_fen) AS revenue_fen, sum(l.subsidy_fen) AS subsidy_fen,
         count(DISTINCT t.diner_pseudonym) FILTER (WHERE t.kind = 'sale')::int AS diners
  FROM sale_transaction t
  JOIN sale_line l ON l.canteen_id = t.canteen_id AND l.transaction_id = t.id
  WHERE ${where}
  GROUP BY 1, 2, 3, 4`;
}

function mealRollup(where: string): string {
  return `
WITH chosen AS (
  SELECT canteen_id, service_date, meal, diner_pseudonym, kind, channel, amount_paid_fen, subsidy_fen FROM sale_transaction t WHERE ${where}
), meals AS (
  SELECT canteen_id, service_date, meal,
         count(DISTINCT diner_pseudonym) FILTER (WHERE kind = 'sale')::int AS covers,
         count(*) FILTER (WHERE kind = 'sale')::int AS transactions,
         count(*) FILTER (WHERE kind = 'refund')::int AS refunds,
         sum(amount_paid_fen) AS paid_fen, sum(subsidy_fen) AS subsidy_fen
  FROM chosen GROUP BY 1, 2, 3
), channels AS (
  SELECT canteen_id, service_date, meal, jsonb_object_agg(channel, paid_fen) AS paid_by_channel
  FROM (SELECT canteen_id, service_date, meal, channel, sum(amount_paid_fen) AS paid_fen FROM chosen GROUP BY 1, 2, 3, 4) by_channel
  GROUP BY 1, 2, 3
)
INSERT INTO daily_meal_rollup (canteen_id, service_date, meal, covers, transactions, refunds, paid_fen, subsidy_fen, paid_by_channel)
SELECT m.canteen_id, m.service_date, m.meal, m.covers, m.transactions, m.refunds, m.paid_fen, m.subsidy_fen, c.paid_by_channel
FROM meals m JOIN channels c USING (canteen_id, service_date, meal)`;
}

/** Rebuilds the meals from all their facts: sales, production and waste. */
export const INSERT_DISH_ROLLUP_MEALS = `
INSERT INTO daily_dish_rollup (canteen_id, service_date, meal, dish_id, quantity, revenue_fen, subsidy_fen, diners, prepared, wasted_portions, wasted_kg)
SELECT canteen_id, service_date, meal, dish_id,
       COALESCE(sum(quantity), 0), COALESCE(sum(revenue_fen), 0), COALESCE(sum(subsidy_fen), 0), COALESCE(sum(diners), 0),
       COALESCE(sum(prepared), 0), COALESCE(sum(wasted_portions), 0), COALESCE(sum(wasted_kg), 0)
FROM (
  SELECT *, 0 AS prepared, 0 AS wasted_portions, 0::numeric AS wasted_kg FROM (${dishSales(`(t.canteen_id, t.service_date, t.meal) ${MEALS}`)}) sales
  UNION ALL
  SELECT canteen_id, service_date, meal, dish_id, 0, 0, 0, 0, portions_prepared, 0, 0
  FROM production_log WHERE (canteen_id, service_date, meal) ${MEALS}
  UNION ALL
  SELECT canteen_id, service_date, meal, dish_id, 0, 0, 0, 0, 0, COALESCE(sum(portions), 0)::int, sum(kg)
  FROM waste_log WHERE (canteen_id, service_date, meal) ${MEALS} AND dish_id IS NOT NULL
  GROUP BY 1, 2, 3, 4
) facts
GROUP BY 1, 2, 3, 4`;

export const INSERT_MEAL_ROLLUP_MEALS = mealRollup(`(t.canteen_id, t.service_date, t.meal) ${MEALS}`);

export const DELETE_HOURLY_ROLLUP_MEALS = `DELETE FROM hourly_load_rollup WHERE (canteen_id, service_date, meal) ${MEALS}`;
export const INSERT_HOURLY_ROLLUP_MEALS = insertHourlyRollup(`(t.canteen_id, t.service_date, t.meal) ${MEALS}`);
