/** The first and last service day with data of the canteens, as text (no time zone involved). */
export const SPAN_SQL = `SELECT min(service_date)::text AS first, max(service_date)::text AS last FROM daily_meal_rollup WHERE canteen_id = ANY($1::int[])`;

export const PAID_SQL = `
SELECT to_char(service_date, 'IYYY-"W"IW') AS week, sum(paid_fen)::bigint AS paid, sum(covers)::bigint AS covers
FROM daily_meal_rollup WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4) GROUP BY 1`;

export interface SpanRow {
  first: string | null;
  last: string | null;
}

export interface PaidWeekRow {
  week: string;
  paid: number;
  covers: number;
}
