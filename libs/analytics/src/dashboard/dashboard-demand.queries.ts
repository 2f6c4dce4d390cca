/**
 * Average sales per ISO weekday and hour over the days of that weekday on which the chosen canteens
 * sold anything, from the hourly rollup.
 */
export const HEATMAP_SQL = `
WITH hours AS (
  SELECT service_date, hour, sum(transactions) AS transactions FROM hourly_load_rollup
  WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
  GROUP BY 1, 2
), days AS (
  SELECT extract(isodow FROM service_date)::int AS weekday, count(DISTINCT service_date) AS days FROM hours GROUP BY 1
)
SELECT extract(isodow FROM h.service_date)::int AS weekday, h.hour, sum(h.transactions)::float8 / max(d.days) AS transactions
FROM hours h JOIN days d ON d.weekday = extract(isodow FROM h.service_date)::int
GROUP BY 1, 2 ORDER BY 1, 2`;

export interface HeatmapRow {
  weekday: number;
  hour: number;
  transactions: number;
}

/**
 * The first and last service day with a stored forecast of the canteens ($1) at the meal ($2, null
 * for all), any run and any target: per canteen, so each reads the ends of its (canteen, day) index.
 */
export const FORECAST_DAYS_SQL = `
SELECT min(ends.first)::text AS first, max(ends.last)::text AS last
FROM unnest($1::int[]) AS c(id)
CROSS JOIN LATERAL (
  SELECT min(f.service_date) AS first, max(f.service_date) AS last FROM forecast f WHERE f.canteen_id = c.id AND ($2::text IS NULL OR f.meal = $2)
) ends`;

export interface ForecastDaysRow {
  first: string | null;
  last: string | null;
}
