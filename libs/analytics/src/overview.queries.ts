export const DATA_SUMMARY_SQL = `
SELECT (SELECT count(*) FROM canteen)::int AS canteens,
       (SELECT count(*) FROM dish)::int AS dishes,
       COALESCE(sum(transactions + refunds), 0)::bigint AS transactions,
       min(service_date)::text AS first, max(service_date)::text AS last
FROM daily_meal_rollup`;

/** Covers and money per day and canteen in $1–$2, of the canteens $3 (null for all). */
export const DAILY_COVERS_SQL = `
SELECT service_date::text AS service_date, canteen_id, sum(covers)::int AS covers, sum(transactions)::int AS transactions,
       sum(paid_fen)::bigint AS paid_fen, sum(subsidy_fen)::bigint AS subsidy_fen
FROM daily_meal_rollup WHERE service_date BETWEEN $1::date AND $2::date AND ($3::int[] IS NULL OR canteen_id = ANY($3::int[]))
GROUP BY 1, 2 ORDER BY 1, 2`;

export interface DataSummaryRow {
  canteens: number;
  dishes: number;
  transactions: number;
  first: string | null;
  last: string | null;
}

export interface DailyCoversRow {
  service_date: string;
  canteen_id: number;
  covers: number;
  transactions: number;
  paid_fen: number;
  subsidy_fen: number;
}
