import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { latestForecastBeforeDaySql } from '@larder/demand';
import { compareCodes } from '@larder/domain';
import { sqlNumber } from '@larder/database';
import { accuracyFromSums, ForecastPair } from '../accuracy.calculator';
import type { DriftWindows } from './dashboard-alerts.calculator';
import { RATING_COUNTS_SQL, ratingCountsOf } from '../rating-counts.sql';
import { emptyRatingCounts, RatingGroupCounts } from '../satisfaction.calculator';
import { ForecastPoint, forecastPairs, forecastSeries } from './dashboard-forecast.calculator';
import { rangeRatings, RespondentBounds, settledRespondents } from './dashboard-kpi.calculator';
import type { TrendGrain } from './dashboard.calculator';

/** The range, canteens and meal a daily series covers, bucketed by day or ISO week (the Monday). */
export interface SeriesScope {
  from: string;
  to: string;
  canteenIds: number[];
  meal: string | null;
  /** A month bucket is its first day. */
  grain: TrendGrain | 'month';
  allSites: boolean;
  /** The sums to read, all by default: a panel that draws no ratings need not count distinct respondents. */
  parts?: readonly SumsPart[];
}

/** Covers and money (meal rollup), costs and waste (cost rollup), ratings (feedback). */
export type SumsPart = 'meals' | 'costs' | 'ratings';

/** One forecast target (dishId 0 = covers) over a range. */
export interface ForecastScope {
  from: string;
  to: string;
  canteenIds: number[];
  meal: string | null;
  dishId: number;
}

/** The sums behind the overview's KPIs for one bucket; each ratio is formed from these, as the reports do. */
export interface BucketSums {
  bucket: string;
  covers: number;
  paidFen: number;
  subsidyFen: number;
  dinerDays: number;
  staffOnDutyDays: number;
  ingredientCostFen: number;
  preparedPortions: number;
  overproductionPortions: number;
  wasteKg: number;
  /** Respondents as settled from respondentBounds (see settledRespondents). */
  ratings: RatingGroupCounts;
  respondentBounds: RespondentBounds;
}

/**
 * One canteen's costs and waste over a range, unrounded, so a range's totals can be rounded per
 * canteen as FinanceService and WasteService round them.
 */
export interface CanteenCostSums {
  canteenId: number;
  ingredientCostFen: number;
  spoilageCostFen: number;
  overproductionKg: number;
  /** Plate waste and spoiled stock. */
  otherWasteKg: number;
}

/** A range's buckets, its canteens' costs and its rating counts. */
export interface RangeSums {
  buckets: BucketSums[];
  canteens: CanteenCostSums[];
  /**
   * Respondents settle the five-diner threshold as the exact count would, which is all publishing
   * the range's total needs: exact where they had to be counted, else a bound on the same side of
   * the threshold (see rangeRatings).
   */
  ratings: RatingGroupCounts;
}

const isCurrent = (row: Record<string, unknown>) => row.is_current === true;
/** A date-typed bucket sorts far faster than its text under the database's linguistic collation. */
const BUCKET_DATE = (column: string) =>
  `(CASE $5::text WHEN 'week' THEN date_trunc('week', ${column})::date WHEN 'month' THEN date_trunc('month', ${column})::date ELSE ${column} END)`;
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
const MEALS_SQL = `
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
const COSTS_SQL = `
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
const RATINGS_SQL = `
SELECT is_current, bucket::text AS bucket, sum(responses)::int AS responses, sum(anonymous)::int AS anonymous, sum(rating_sum)::int AS rating_sum, sum(satisfied)::int AS satisfied,
       sum(dissatisfied)::int AS dissatisfied, max(anonymous + diners)::int AS least_respondents, sum(anonymous + diners)::int AS most_respondents
FROM (SELECT ${CURRENT('service_date', '$6')} AS is_current, ${BUCKET_DATE('service_date')} AS bucket, * FROM daily_feedback_rollup
      WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')}) r
GROUP BY 1, 2`;

/**
 * Distinct pseudonymous diners of the buckets ($7) whose bounds leave the five-diner threshold open:
 * few answers a day, as in one canteen's meal. A hashed SELECT DISTINCT, which does not sort.
 */
const BUCKET_DINERS_SQL = `
SELECT is_current, bucket::text AS bucket, count(*)::int AS diners
FROM (SELECT DISTINCT ${CURRENT('service_date', '$6')} AS is_current, ${BUCKET_DATE('service_date')} AS bucket, diner_pseudonym FROM feedback
      WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')} AND diner_pseudonym IS NOT NULL
        AND ${BUCKET_DATE('service_date')} = ANY($7::date[])) d
GROUP BY 1, 2`;

/** Distinct respondents per range, for a range whose buckets leave it open: few answers spread over many days. */
const RANGE_RESPONDENTS_SQL = `
SELECT ${CURRENT('service_date', '$5')} AS is_current, ${RATING_COUNTS_SQL}
FROM feedback WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')}
GROUP BY 1`;

/** The latest forecast made before each canteen-day-meal of one target (`dish`: 0 for covers, else a dish). */
const latestForecasts = (dish: string) =>
  latestForecastBeforeDaySql('f.p10, f.p50, f.p90', `f.service_date BETWEEN $1::date AND $2::date AND f.canteen_id = ANY($3::int[]) AND ${MEAL('f.meal')} AND f.dish_id = ${dish}`);

const LATEST_FORECASTS_SQL = `SELECT canteen_id, service_date::text AS d, meal, p10, p50, p90 FROM (${latestForecasts('$5')}) l`;

/**
 * The overview's covers against forecast without sending each canteen-day-meal back: per day, the
 * covers and the summed latest forecasts of covers; per canteen and
 * window ($5: the first recent day), the sums accuracy is scored from, over the meals with payments
 * as forecastPairs pairs them. The quarter view at 40 canteens sent 18,000 rows for this before.
 */
const COVERS_AND_DRIFT_SQL = `
WITH latest AS MATERIALIZED (${latestForecasts('0')}
), meals AS MATERIALIZED (
  SELECT canteen_id, service_date, meal, covers ${MEAL_ROWS}
)
SELECT 'day' AS kind, service_date::text AS d, NULL::int AS canteen_id, NULL::boolean AS recent, sum(actual) AS actual,
       sum(p10) AS p10, sum(p50) AS p50, sum(p90) AS p90, NULL::bigint AS pairs, NULL::numeric AS absolute_error, NULL::bigint AS hits, NULL::bigint AS days
FROM (SELECT service_date, covers AS actual, NULL::numeric AS p10, NULL::numeric AS p50, NULL::numeric AS p90 FROM meals
      UNION ALL SELECT service_date, NULL, p10, p50, p90 FROM latest) x
GROUP BY service_date
UNION ALL
SELECT 'drift', NULL, l.canteen_id, l.service_date >= $5::date, sum(m.covers), NULL, sum(l.p50), NULL, count(*), sum(abs(l.p50 - m.covers)),
       count(*) FILTER (WHERE m.covers BETWEEN l.p10 AND l.p90), count(DISTINCT l.service_date)
FROM latest l JOIN meals m USING (canteen_id, service_date, meal)
GROUP BY 3, 4`;

/** Covers per canteen-day-meal with payments, and the dish's quantity per canteen-day-meal in the dish rollup ($5 <> 0). */
const MEAL_ACTUALS_SQL = `
WITH m AS (
  SELECT canteen_id, service_date, meal, covers FROM daily_meal_rollup
  WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')}
), d AS (
  SELECT canteen_id, service_date, meal, quantity FROM daily_dish_rollup
  WHERE $5 <> 0 AND dish_id = $5 AND service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ${MEAL('meal')}
)
SELECT canteen_id, service_date::text AS d, meal, m.covers, d.quantity FROM m FULL JOIN d USING (canteen_id, service_date, meal)`;

/** A bucket whose respondents must be counted; anonymous answers are each a diner, and their number is known. */
interface OpenBucket {
  bucket: BucketSums;
  isCurrent: boolean;
  anonymous: number;
}

/** Bucketed sums from the rollups, feedback and logged waste, for sparklines. */
@Injectable()
export class DashboardDailyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sums(scope: SeriesScope): Promise<BucketSums[]> {
    return (await this.rangeSums({ ...scope, currentFrom: scope.from })).current.buckets;
  }

  /**
   * Two adjacent ranges in one pass over each rollup: the days from `currentFrom` on are the current
   * range, bucketed; the days before it the previous range, which is only ever totalled.
   */
  async rangeSums(scope: SeriesScope & { currentFrom: string }): Promise<{ current: RangeSums; previous: RangeSums }> {
    const parameters = [scope.from, scope.to, scope.canteenIds, scope.meal, scope.grain, scope.allSites, scope.currentFrom];
    const parts = new Set(scope.parts ?? ['meals', 'costs', 'ratings']);
    const read = (part: SumsPart, sql: string, values: unknown[]): Promise<Record<string, unknown>[]> => (parts.has(part) ? this.dataSource.query(sql, values) : Promise.resolve([]));
    const [meals, costs, ratings] = await Promise.all([
      read('meals', MEALS_SQL, parameters),
      read('costs', COSTS_SQL, [...parameters.slice(0, 5), scope.currentFrom]),
      read('ratings', RATINGS_SQL, [...parameters.slice(0, 5), scope.currentFrom]),
    ]);
    const ranges = { current: new RangeSumsBuilder(), previous: new RangeSumsBuilder() };
    const rangeOf = (row: Record<string, unknown>) => (isCurrent(row) ? ranges.current : ranges.previous);
    for (const row of meals) {
      Object.assign(rangeOf(row).bucket(row.bucket), { covers: sqlNumber(row.covers), paidFen: sqlNumber(row.paid), subsidyFen: sqlNumber(row.subsidy), dinerDays: sqlNumber(row.busiest), staffOnDutyDays: sqlNumber(row.staff) });
    }
    for (const row of costs) {
      const range = rangeOf(row);
      if (sqlNumber(row.by_bucket) === 1) {
        Object.assign(range.bucket(row.bucket), {
          ingredientCostFen: sqlNumber(row.ingredient_fen) + sqlNumber(row.spoilage_fen), preparedPortions: sqlNumber(row.prepared), overproductionPortions: sqlNumber(row.wasted_portions),
          wasteKg: sqlNumber(row.overproduction_kg) + sqlNumber(row.other_kg),
        });
      } else {
        range.canteens.push({
          canteenId: sqlNumber(row.canteen_id), ingredientCostFen: sqlNumber(row.ingredient_fen), spoilageCostFen: sqlNumber(row.spoilage_fen),
          overproductionKg: sqlNumber(row.overproduction_kg), otherWasteKg: sqlNumber(row.other_kg),
        });
      }
    }
    const open: OpenBucket[] = [];
    for (const row of ratings) {
      const bucket = rangeOf(row).bucket(row.bucket);
      bucket.ratings = { responses: sqlNumber(row.responses), respondents: 0, ratingSum: sqlNumber(row.rating_sum), satisfied: sqlNumber(row.satisfied), dissatisfied: sqlNumber(row.dissatisfied) };
      bucket.respondentBounds = { least: sqlNumber(row.least_respondents), most: sqlNumber(row.most_respondents) };
      if (settledRespondents(bucket.respondentBounds) === null) open.push({ bucket, isCurrent: isCurrent(row), anonymous: sqlNumber(row.anonymous) });
    }
    if (open.length > 0) await this.countRespondents(scope, open);
    const built = { current: ranges.current.build(), previous: ranges.previous.build() };
    const [current, previous] = [built.current.sums, built.previous.sums];
    if (!built.current.decided || !built.previous.decided) {
      const rows: Record<string, unknown>[] = await this.dataSource.query(RANGE_RESPONDENTS_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal, scope.currentFrom]);
      for (const row of rows) {
        const range = isCurrent(row) ? built.current : built.previous;
        if (!range.decided) range.sums.ratings = ratingCountsOf(row);
      }
    }
    return { current, previous };
  }

  /** Counts the diners of the buckets whose bounds left the threshold open: their bounds become the count. */
  private async countRespondents(scope: SeriesScope & { currentFrom: string }, open: OpenBucket[]): Promise<void> {
    const buckets = [...new Set(open.map(({ bucket }) => bucket.bucket))].sort();
    const from = buckets[0] > scope.from ? buckets[0] : scope.from;
    const rows: Record<string, unknown>[] = await this.dataSource.query(BUCKET_DINERS_SQL, [from, scope.to, scope.canteenIds, scope.meal, scope.grain, scope.currentFrom, buckets]);
    const diners = new Map(rows.map((row) => [`${isCurrent(row)}|${String(row.bucket)}`, sqlNumber(row.diners)]));
    for (const { bucket, isCurrent: current, anonymous } of open) {
      const respondents = anonymous + (diners.get(`${current}|${bucket.bucket}`) ?? 0);
      bucket.respondentBounds = { least: respondents, most: respondents };
    }
  }

  /** Daily covers against the forecasts, and each canteen's forecast accuracy before and from `recentFrom`. */
  async coversAndDrift(scope: Omit<ForecastScope, 'dishId'> & { recentFrom: string }): Promise<{ series: ForecastPoint[]; drift: DriftWindows[] }> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(COVERS_AND_DRIFT_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal, scope.recentFrom]);
    const optional = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    const series: ForecastPoint[] = [];
    const drift = new Map<number, DriftWindows>();
    const none = () => accuracyFromSums({ pairs: 0, actual: 0, forecast: 0, absoluteError: 0, hits: 0 });
    for (const row of rows) {
      if (row.kind === 'day') {
        series.push({ date: String(row.d), actual: optional(row.actual), p10: optional(row.p10), p50: optional(row.p50), p90: optional(row.p90) });
        continue;
      }
      const canteenId = sqlNumber(row.canteen_id);
      const windows = drift.get(canteenId) ?? { canteenId, recent: none(), earlier: none(), recentDays: 0 };
      drift.set(canteenId, windows);
      const figures = accuracyFromSums({ pairs: sqlNumber(row.pairs), actual: sqlNumber(row.actual), forecast: sqlNumber(row.p50), absoluteError: sqlNumber(row.absolute_error), hits: sqlNumber(row.hits) });
      if (row.recent === true) Object.assign(windows, { recent: figures, recentDays: sqlNumber(row.days) });
      else windows.earlier = figures;
    }
    return { series: series.sort((a, b) => compareCodes(a.date, b.date)), drift: [...drift.values()] };
  }

  /** Daily covers (or one dish's quantity) against the stored forecasts, summed over canteens and meals. */
  async actualAgainstForecast(scope: ForecastScope): Promise<ForecastPoint[]> {
    return (await this.forecastsAndPairs(scope)).series;
  }

  /**
   * The chart's daily series and the accuracy pairs from one read of the latest forecast made before
   * each canteen-day-meal (the accuracy report's PAIRS_SQL ranks them the same way) and one of the sales.
   */
  async forecastsAndPairs(scope: ForecastScope): Promise<{ series: ForecastPoint[]; pairs: ForecastPair[] }> {
    const parameters = [scope.from, scope.to, scope.canteenIds, scope.meal, scope.dishId];
    const [latestRows, actualRows] = (await Promise.all([
      this.dataSource.query(LATEST_FORECASTS_SQL, parameters),
      this.dataSource.query(MEAL_ACTUALS_SQL, parameters),
    ])) as Record<string, unknown>[][];
    const optional = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    const latest = latestRows.map((row) => ({
      canteenId: sqlNumber(row.canteen_id), serviceDate: String(row.d), meal: String(row.meal), p10: sqlNumber(row.p10), p50: sqlNumber(row.p50), p90: sqlNumber(row.p90),
    }));
    const actuals = actualRows.map((row) => ({
      canteenId: sqlNumber(row.canteen_id), serviceDate: String(row.d), meal: String(row.meal), covers: optional(row.covers), quantity: optional(row.quantity),
    }));
    const input = { latest, actuals, dishId: scope.dishId };
    return { series: forecastSeries(input), pairs: forecastPairs(input) };
  }
}

class RangeSumsBuilder {
  readonly canteens: CanteenCostSums[] = [];
  private readonly buckets = new Map<string, BucketSums>();

  bucket(bucket: unknown): BucketSums {
    const key = String(bucket);
    let sums = this.buckets.get(key);
    if (!sums) {
      sums = {
        bucket: key, covers: 0, paidFen: 0, subsidyFen: 0, dinerDays: 0, staffOnDutyDays: 0, ingredientCostFen: 0, preparedPortions: 0, overproductionPortions: 0, wasteKg: 0,
        ratings: emptyRatingCounts(), respondentBounds: { least: 0, most: 0 },
      };
      this.buckets.set(key, sums);
    }
    return sums;
  }

  /** The range's sums, and whether its buckets settle its respondents (else they must be counted). */
  build(): { sums: RangeSums; decided: boolean } {
    const buckets = [...this.buckets.values()].sort((a, b) => compareCodes(a.bucket, b.bucket));
    for (const bucket of buckets) bucket.ratings.respondents = settledRespondents(bucket.respondentBounds) ?? bucket.respondentBounds.most;
    const { counts, decided } = rangeRatings(buckets);
    return { sums: { buckets, canteens: [...this.canteens].sort((a, b) => a.canteenId - b.canteenId), ratings: counts }, decided };
  }
}
