import { forecastAtEachLeadSql, latestForecastBeforeDaySql } from '@larder/demand';

/**
 * A day counts once, with the most recent forecast that could not see it. Days without sales in the
 * rollups (closed, or not yet imported) are left out rather than scored against zero.
 */
export const PAIRS_SQL = `
WITH latest AS (${latestForecastBeforeDaySql(
  'f.p50, f.p10, f.p90',
  'f.service_date BETWEEN $1::date AND $2::date AND f.canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR f.meal = $4) AND ($5::int IS NULL OR f.dish_id = $5)',
)}
)
SELECT l.canteen_id, l.service_date::text AS service_date, l.meal, l.dish_id, l.p50, l.p10, l.p90,
       CASE WHEN l.dish_id = 0 THEN m.covers ELSE COALESCE(d.quantity, 0) END AS actual
FROM latest l
JOIN daily_meal_rollup m ON m.canteen_id = l.canteen_id AND m.service_date = l.service_date AND m.meal = l.meal
LEFT JOIN daily_dish_rollup d ON d.canteen_id = l.canteen_id AND d.service_date = l.service_date AND d.meal = l.meal AND d.dish_id = l.dish_id
ORDER BY 1, 2, 3, 4`;

/**
 * Every forecast made of each day (one per run `as_of`, superseded ones too) with how many days ahead
 * it was made, paired with the actuals as PAIRS_SQL pairs them: of the scope's one dish, else of the
 * covers (a dish's forecasts at every lead of every day would be the bulk of the table).
 */
export const LEAD_PAIRS_SQL = `
WITH made AS (${forecastAtEachLeadSql(
  'f.p50, f.p10, f.p90',
  'f.service_date BETWEEN $1::date AND $2::date AND f.canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR f.meal = $4) AND f.dish_id = COALESCE($5::int, 0)',
)}
)
SELECT l.canteen_id, l.service_date::text AS service_date, l.meal, l.dish_id, l.lead, l.p50, l.p10, l.p90,
       CASE WHEN l.dish_id = 0 THEN m.covers ELSE COALESCE(d.quantity, 0) END AS actual
FROM made l
JOIN daily_meal_rollup m ON m.canteen_id = l.canteen_id AND m.service_date = l.service_date AND m.meal = l.meal
LEFT JOIN daily_dish_rollup d ON d.canteen_id = l.canteen_id AND d.service_date = l.service_date AND d.meal = l.meal AND d.dish_id = l.dish_id
ORDER BY 1, 2, 3, 4, 5`;

export const STORED_FORECASTS_SQL = `SELECT count(*)::int AS n FROM forecast WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4) AND ($5::int IS NULL OR dish_id = $5)`;

export interface CountRow {
  n: number;
}

export interface PairRow {
  canteen_id: number;
  service_date: string;
  meal: string;
  dish_id: number;
  p50: number;
  p10: number;
  p90: number;
  actual: number;
}

export interface LeadPairRow extends PairRow {
  lead: number;
}
