import { latestForecastBeforeDaySql } from '@larder/demand';
import { RATING_COUNTS_SQL, RatingCountsRow } from '../rating-counts.sql';

/** A date-typed bucket sorts far faster than its text under the database's linguistic collation. */
const BUCKET_DATE = (column: string) => `(CASE $5::text WHEN 'week' THEN date_trunc('week', ${column})::date WHEN 'month' THEN date_trunc('month', ${column})::date ELSE ${column} END)`;
const BUCKET = (column: string) => `${BUCKET_DATE(column)}::text`;
const MEAL = (column: string) => `($4::text IS NULL OR ${column} = $4)`;

/** Days before this date (parameter `$n`) belong to the previous range: the overview reads both ranges in one pass. */
const CURRENT = (column: string, parameter: string) => `${column} >= ${parameter}::date`;

const MEAL_ROWS = `FROM daily_meal_rollup WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')}`;

/**
 * Covers, money and staff on duty per bucket; diner-days add up each canteen-day's busiest meal. The
 * sums are taken per day and the busiest meal apart: summing money per canteen-day kept a numeric
 * state for each of thousands of groups (the quarter view at 40 canteens: 20 -> 14 ms).
 */
export const MEALS_SQL = `
WITH busiest AS (
  SELECT service_date, sum(busiest) AS busiest FROM (SELECT service_date, max(covers) AS busiest ${MEAL_ROWS} GROUP BY service_date, canteen_id) b GROUP BY 1
), daily AS (
  SELECT service_date, sum(covers) AS covers, sum(paid_fen) AS paid, sum(subsidy_fen) AS subsidy ${MEAL_ROWS} GROUP BY 1
), staff AS (
  SELECT h.day AS service_date, sum(h.on_duty) AS staff FROM headcount h JOIN daily ON daily.service_date = h.day
  WHERE $6::boolean OR h.site_id IN (SELECT site_id FROM canteen WHERE id = ANY($3::int[]))
  GROUP BY 1
)
SELECT ${CURRENT('service_date', '$7')} AS is_current, ${BUCKET('service_date')} AS bucket, sum(d.covers)::bigint AS covers, sum(d.paid)::bigint AS paid,
       sum(d.subsidy)::bigint AS subsidy, sum(b.busiest)::bigint AS busiest, COALESCE(sum(s.staff), 0)::bigint AS staff
FROM daily d JOIN busiest b USING (service_date) LEFT JOIN staff s USING (service_date)
GROUP BY 1, 2`;

/**
 * Same costs as FinanceService and WasteService (the cost rollup), per bucket, and per canteen so a
 * range's totals are rounded per canteen exactly as those services round them. Totals that are the
 * sum of two of these are added up by the caller: a sum of the rollup's long numerics costs more
 * than the scan (the quarter view at 40 canteens: 22 -> 16 ms with two fewer).
 */
export const COSTS_SQL = `
SELECT is_current, bucket::text AS bucket, canteen_id, GROUPING(canteen_id)::int AS by_bucket,
       sum(ingredient_cost_fen) AS ingredient_fen, sum(spoilage_cost_fen) AS spoilage_fen,
       sum(prepared_portions)::bigint AS prepared, sum(overproduction_portions)::bigint AS wasted_portions,
       sum(overproduction_kg) AS overproduction_kg, sum(plate_kg + spoilage_kg) AS other_kg
FROM (SELECT ${CURRENT('service_date', '$6')} AS is_current, ${BUCKET_DATE('service_date')} AS bucket, * FROM daily_cost_rollup
      WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')}) c
GROUP BY GROUPING SETS ((is_current, bucket), (is_current, canteen_id))`;

/**
 * Ratings per bucket from the feedback rollup. Its rows' diners do not add up (one diner may answer
 * at several meals): the busiest row bounds a bucket's respondents from below, their sum from above.
 */
export const RATINGS_SQL = `
SELECT is_current, bucket::text AS bucket, sum(responses)::int AS responses, sum(anonymous)::int AS anonymous, sum(rating_sum)::int AS rating_sum, sum(satisfied)::int AS satisfied,
       sum(dissatisfied)::int AS dissatisfied, max(anonymous + diners)::int AS least_respondents, sum(anonymous + diners)::int AS most_respondents
FROM (SELECT ${CURRENT('service_date', '$6')} AS is_current, ${BUCKET_DATE('service_date')} AS bucket, * FROM daily_feedback_rollup
      WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')}) r
GROUP BY 1, 2`;

/**
 * Distinct pseudonymous diners of the buckets ($7) whose bounds leave the five-diner threshold open:
 * few answers a day, as in one canteen's meal. A hashed SELECT DISTINCT, which does not sort.
 */
export const BUCKET_DINERS_SQL = `
SELECT is_current, bucket::text AS bucket, count(*)::int AS diners
FROM (SELECT DISTINCT ${CURRENT('service_date', '$6')} AS is_current, ${BUCKET_DATE('service_date')} AS bucket, diner_pseudonym FROM feedback
      WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')} AND diner_pseudonym IS NOT NULL
        AND ${BUCKET_DATE('service_date')} = ANY($7::date[])) d
GROUP BY 1, 2`;

/** Distinct respondents per range, for a range whose buckets leave it open: few answers spread over many days. */
export const RANGE_RESPONDENTS_SQL = `
SELECT ${CURRENT('service_date', '$5')} AS is_current, ${RATING_COUNTS_SQL}
FROM feedback WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')}
GROUP BY 1`;

/** The latest forecast made before each canteen-day-meal of one target (`dish`: 0 for covers, else a dish). */
const latestForecasts = (dish: string) =>
  latestForecastBeforeDaySql('f.p10, f.p50, f.p90', `f.service_date BETWEEN $1::date AND $2::date AND f.canteen_id = ANY($3::int[]) AND ${MEAL('f.meal')} AND f.dish_id = ${dish}`);

export const LATEST_FORECASTS_SQL = `SELECT canteen_id, service_date::text AS d, meal, p10, p50, p90 FROM (${latestForecasts('$5')}) l`;

/**
 * The overview's covers against forecast without sending each canteen-day-meal back: per day, the
 * covers and the summed latest forecasts of covers; per canteen and
 * window ($5: the first recent day), the sums its WAPE and bias are scored from (drift is judged on
 * WAPE; band coverage is counted from pairs, by bandShare), over the meals with payments as
 * forecastPairs pairs them. The quarter view at 40 canteens sent 18,000 rows for this before.
 */
export const COVERS_AND_DRIFT_SQL = `
WITH latest AS MATERIALIZED (${latestForecasts('0')}
), meals AS MATERIALIZED (
  SELECT canteen_id, service_date, meal, covers ${MEAL_ROWS}
)
SELECT 'day' AS kind, service_date::text AS d, NULL::int AS canteen_id, NULL::boolean AS recent, sum(actual) AS actual,
       sum(p10) AS p10, sum(p50) AS p50, sum(p90) AS p90, NULL::bigint AS pairs, NULL::numeric AS absolute_error, NULL::bigint AS days
FROM (SELECT service_date, covers AS actual, NULL::numeric AS p10, NULL::numeric AS p50, NULL::numeric AS p90 FROM meals
      UNION ALL SELECT service_date, NULL, p10, p50, p90 FROM latest) x
GROUP BY service_date
UNION ALL
SELECT 'drift', NULL, l.canteen_id, l.service_date >= $5::date, sum(m.covers), NULL, sum(l.p50), NULL, count(*), sum(abs(l.p50 - m.covers)),
       count(DISTINCT l.service_date)
FROM latest l JOIN meals m USING (canteen_id, service_date, meal)
GROUP BY 3, 4`;

/** Covers per canteen-day-meal with payments, and the dish's quantity per canteen-day-meal in the dish rollup ($5 <> 0). */
export const MEAL_ACTUALS_SQL = `
WITH m AS (
  SELECT canteen_id, service_date, meal, covers FROM daily_meal_rollup
  WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')}
), d AS (
  SELECT canteen_id, service_date, meal, quantity FROM daily_dish_rollup
  WHERE $5 <> 0 AND dish_id = $5 AND service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')}
)
SELECT canteen_id, service_date::text AS d, meal, m.covers, d.quantity FROM m FULL JOIN d USING (canteen_id, service_date, meal)`;

/** Rows of the current range ($7 or $6 on: the first current day) and of the previous one. */
export interface RangeRow {
  is_current: boolean;
}

export interface MealsRow extends RangeRow {
  bucket: string;
  covers: number;
  paid: number;
  subsidy: number;
  busiest: number;
  staff: number;
}

/** Per bucket (by_bucket 1, canteen_id null) or per canteen (by_bucket 0, bucket null). */
export interface CostsRow extends RangeRow {
  bucket: string | null;
  canteen_id: number | null;
  by_bucket: number;
  ingredient_fen: number;
  spoilage_fen: number;
  prepared: number;
  wasted_portions: number;
  overproduction_kg: number;
  other_kg: number;
}

export interface RatingsRow extends RangeRow {
  bucket: string;
  responses: number;
  anonymous: number;
  rating_sum: number;
  satisfied: number;
  dissatisfied: number;
  least_respondents: number;
  most_respondents: number;
}

export interface BucketDinersRow extends RangeRow {
  bucket: string;
  diners: number;
}

export interface RangeRespondentsRow extends RangeRow, RatingCountsRow {}

/** A day's covers and summed forecasts (kind 'day'), or a canteen's accuracy sums in one window (kind 'drift'). */
export interface CoversAndDriftRow {
  kind: 'day' | 'drift';
  d: string | null;
  canteen_id: number | null;
  recent: boolean | null;
  actual: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  pairs: number | null;
  absolute_error: number | null;
  days: number | null;
}

export interface LatestForecastRow {
  canteen_id: number;
  d: string;
  meal: string;
  p10: number;
  p50: number;
  p90: number;
}

export interface MealActualRow {
  canteen_id: number;
  d: string;
  meal: string;
  covers: number | null;
  quantity: number | null;
}
