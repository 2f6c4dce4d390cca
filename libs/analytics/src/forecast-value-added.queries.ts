import { latestForecastBeforeDaySql } from '@larder/demand';

/**
 * The kitchen's number for a service is what it prepared (production_log): the quantity diners met,
 * whoever decided it. Where nothing was logged, a manager's override in the approved plan stands in:
 * an approved line without an override is Larder's own number, not the kitchen's, and is left out.
 * Services of days without sales in the rollups (closed, not yet imported) are not scored, as in accuracy.
 */
export const DAYS_SQL = `
WITH latest AS (${latestForecastBeforeDaySql(
  'f.p50, f.p10, f.p90, f.quantiles, r.as_of::text AS as_of',
  'f.service_date BETWEEN $1::date AND $2::date AND f.canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR f.meal = $4) AND f.dish_id <> 0 AND ($5::int IS NULL OR f.dish_id = $5)',
)}
), overridden AS (
  SELECT DISTINCT ON (l.canteen_id, l.service_date, l.meal, l.dish_id) l.canteen_id, l.service_date, l.meal, l.dish_id, l.planned_portions
  FROM plan_line l JOIN production_plan p ON p.id = l.plan_id AND p.status = 'approved'
  WHERE l.service_date BETWEEN $1::date AND $2::date AND l.canteen_id = ANY($3::int[])
    AND EXISTS (SELECT 1 FROM plan_override o WHERE o.plan_id = l.plan_id AND o.service_date = l.service_date AND o.meal = l.meal AND o.dish_id = l.dish_id)
  ORDER BY l.canteen_id, l.service_date, l.meal, l.dish_id, p.version DESC
)
SELECT l.canteen_id, l.service_date::text AS service_date, l.meal, l.dish_id, l.as_of, l.p10, l.p50, l.p90, l.quantiles,
       COALESCE(d.quantity, 0) AS actual, COALESCE(pl.portions_prepared, o.planned_portions) AS kitchen
FROM latest l
JOIN daily_meal_rollup m ON m.canteen_id = l.canteen_id AND m.service_date = l.service_date AND m.meal = l.meal
LEFT JOIN daily_dish_rollup d ON d.canteen_id = l.canteen_id AND d.service_date = l.service_date AND d.meal = l.meal AND d.dish_id = l.dish_id
LEFT JOIN production_log pl ON pl.canteen_id = l.canteen_id AND pl.service_date = l.service_date AND pl.meal = l.meal AND pl.dish_id = l.dish_id
LEFT JOIN overridden o ON o.canteen_id = l.canteen_id AND o.service_date = l.service_date AND o.meal = l.meal AND o.dish_id = l.dish_id
ORDER BY 1, 2, 3, 4`;

export const SERVED_SQL = `
SELECT canteen_id, service_date::text AS service_date, meal, dish_id, quantity
FROM daily_dish_rollup
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4) AND dish_id <> 0 AND ($5::int IS NULL OR dish_id = $5)`;

export interface ValueAddedDayRow {
  canteen_id: number;
  service_date: string;
  meal: string;
  dish_id: number;
  as_of: string;
  p10: number;
  p50: number;
  p90: number;
  quantiles: Record<string, number> | string | null;
  actual: number;
  kitchen: number | null;
}

export interface ServedRow {
  canteen_id: number;
  service_date: string;
  meal: string;
  dish_id: number;
  quantity: number;
}
