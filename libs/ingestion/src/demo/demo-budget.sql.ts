/**
 * The demo's budget: for every canteen and month of the history (and the month after), each line
 * is the canteen's first-quarter (or shorter history's) run rate per calendar day × the month's days, plus 3 %, rounded
 * to ¥1,000 — how a finance team without a budget system might have set it. The subsidy rise
 * later in the history is therefore over budget, as it would be. $1, $2: the history's first and last day.
 */
export const DEMO_BUDGET_SQL = `
WITH first_day AS (
  -- a history shorter than a quarter gives its own length
  SELECT canteen_id, min(service_date) AS d0, LEAST(91, $2::date - min(service_date) + 1) AS days FROM daily_meal_rollup GROUP BY canteen_id
), run_rate AS (
  SELECT f.canteen_id, 'subsidy' AS line, sum(m.subsidy_fen)::numeric / min(f.days) AS per_day
  FROM first_day f JOIN daily_meal_rollup m ON m.canteen_id = f.canteen_id AND m.service_date < f.d0 + f.days GROUP BY 1
  UNION ALL
  SELECT f.canteen_id, 'ingredients', sum(c.ingredient_cost_fen) / min(f.days)
  FROM first_day f JOIN daily_cost_rollup c ON c.canteen_id = f.canteen_id AND c.service_date < f.d0 + f.days GROUP BY 1
), months AS (
  SELECT month::date FROM generate_series(date_trunc('month', $1::date), date_trunc('month', $2::date) + interval '1 month', interval '1 month') AS month
)
INSERT INTO budget_line (canteen_id, month, line, amount_fen, updated_by)
SELECT r.canteen_id, m.month, r.line,
       round(r.per_day * extract(day FROM m.month + interval '1 month' - interval '1 day') * 1.03 / 100000) * 100000, 'demo'
FROM run_rate r CROSS JOIN months m`;
