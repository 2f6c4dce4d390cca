/** Diners (each service day's busiest meal) and staff of each canteen's own site. */
export const BY_CANTEEN_SQL = `WITH daily AS (
  SELECT canteen_id, service_date, max(covers) AS busiest FROM daily_meal_rollup
  WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4) GROUP BY 1, 2
)
SELECT d.canteen_id, sum(d.busiest)::bigint AS diner_days, COALESCE(sum(h.on_duty), 0)::bigint AS staff_days, count(*)::int AS days
FROM daily d JOIN canteen c ON c.id = d.canteen_id
LEFT JOIN headcount h ON h.site_id = c.site_id AND h.day = d.service_date
GROUP BY 1`;

/** The canteens chosen together; $4 counts every site's staff. */
export const TOTAL_SQL = `WITH daily AS (
  SELECT service_date, canteen_id, max(covers) AS busiest FROM daily_meal_rollup
  WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($5::text IS NULL OR meal = $5) GROUP BY 1, 2
), days AS (SELECT DISTINCT service_date FROM daily)
SELECT (SELECT COALESCE(sum(busiest), 0) FROM daily)::bigint AS diner_days,
       (SELECT COALESCE(sum(h.on_duty), 0) FROM headcount h JOIN days ON days.service_date = h.day
        WHERE $4::boolean OR h.site_id IN (SELECT site_id FROM canteen WHERE id = ANY($3::int[])))::bigint AS staff_days,
       (SELECT count(*) FROM days)::int AS days`;

/** Per ISO week, per canteen and in total; canteen-days below $6 diners are left out whole. */
export const WEEKLY_SQL = `WITH daily AS (
  SELECT canteen_id, service_date, max(covers) AS busiest FROM daily_meal_rollup
  WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($5::text IS NULL OR meal = $5) GROUP BY 1, 2
  HAVING max(covers) >= $6
), per_canteen AS (
  SELECT to_char(d.service_date, 'IYYY-"W"IW') AS week, d.canteen_id, sum(d.busiest) AS diner_days,
         COALESCE(sum(h.on_duty), 0) AS staff_days, count(*) AS days
  FROM daily d JOIN canteen c ON c.id = d.canteen_id LEFT JOIN headcount h ON h.site_id = c.site_id AND h.day = d.service_date
  GROUP BY 1, 2
), days AS (
  SELECT service_date, sum(busiest) AS diner_days FROM daily GROUP BY 1
), staff AS (
  SELECT h.day, sum(h.on_duty) AS staff_days FROM headcount h JOIN days ON days.service_date = h.day
  WHERE $4::boolean OR h.site_id IN (SELECT site_id FROM canteen WHERE id = ANY($3::int[]))
  GROUP BY 1
), total AS (
  SELECT to_char(days.service_date, 'IYYY-"W"IW') AS week, days.diner_days, COALESCE(staff.staff_days, 0) AS staff_days
  FROM days LEFT JOIN staff ON staff.day = days.service_date
)
SELECT week, canteen_id, diner_days::bigint, staff_days::bigint, days::int FROM per_canteen
UNION ALL
SELECT week, NULL, sum(diner_days)::bigint, sum(staff_days)::bigint, count(*)::int FROM total GROUP BY week
ORDER BY 1, 2 NULLS LAST`;

export interface ParticipationRow {
  diner_days: number;
  staff_days: number;
  days: number;
}

export interface CanteenParticipationRow extends ParticipationRow {
  canteen_id: number;
}

export interface WeeklyParticipationRow extends ParticipationRow {
  week: string;
  canteen_id: number | null;
}
