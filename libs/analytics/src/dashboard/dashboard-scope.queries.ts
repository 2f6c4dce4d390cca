/**
 * The last $2 service dates with data up to $3 over the canteens $1, newest first. Each of those dates
 * is among its own canteen's last $2, so each canteen's are read from the end of its index.
 */
export const LAST_SERVICE_DAYS_SQL = `
SELECT DISTINCT days.d::text AS d
FROM unnest($1::int[]) AS c(id)
CROSS JOIN LATERAL (SELECT DISTINCT service_date AS d FROM daily_meal_rollup WHERE canteen_id = c.id AND service_date <= $3::date ORDER BY 1 DESC LIMIT $2) days
ORDER BY 1 DESC LIMIT $2`;

export interface ServiceDayRow {
  d: string;
}
