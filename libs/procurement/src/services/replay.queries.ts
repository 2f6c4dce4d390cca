import type { MealPeriod } from '@larder/domain';

/** For each sell-out (prepared and all sold): the share of the meal's sales made by the time the dish's last portion sold. */
export const SOLD_OUT_SHARES_SQL = `WITH censored AS (
  SELECT service_date, meal, dish_id FROM daily_dish_rollup
  WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date AND prepared > 0 AND quantity >= prepared
), sales AS (
  SELECT t.id, t.service_date, t.meal,
         row_number() OVER (PARTITION BY t.service_date, t.meal ORDER BY t.occurred_at, t.id) AS n,
         count(*) OVER (PARTITION BY t.service_date, t.meal) AS total
  FROM sale_transaction t
  WHERE t.canteen_id = $1 AND t.service_date BETWEEN $2::date AND $3::date AND t.kind = 'sale'
    AND EXISTS (SELECT 1 FROM censored c WHERE c.service_date = t.service_date AND c.meal = t.meal)
)
SELECT c.service_date::text AS service_date, c.meal, c.dish_id, max(s.n)::float8 / max(s.total) AS share
FROM censored c
JOIN sales s ON s.service_date = c.service_date AND s.meal = c.meal
JOIN sale_line l ON l.canteen_id = $1 AND l.transaction_id = s.id AND l.dish_id = c.dish_id
GROUP BY 1, 2, 3`;

export interface SoldOutShareRow {
  service_date: string;
  meal: MealPeriod;
  dish_id: number;
  share: number;
}
