import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { compareCodes } from '@larder/domain';
import { query } from '@larder/database';
import { accuracyFromSums, ForecastPair } from '../accuracy.calculator';
import type { DriftWindows } from './dashboard-alerts.calculator';
import { ratingCountsOf } from '../rating-counts.sql';
import { emptyRatingCounts, RatingGroupCounts } from '../satisfaction.calculator';
import { ForecastPoint, forecastPairs, forecastSeries } from './dashboard-forecast.calculator';
import { rangeRatings, RespondentBounds, settledRespondents } from './dashboard-kpi.calculator';
import type { TrendGrain } from './dashboard.calculator';
import {
  BUCKET_DINERS_SQL,
  BucketDinersRow,
  COSTS_SQL,
  CostsRow,
  COVERS_AND_DRIFT_SQL,
  CoversAndDriftRow,
  LATEST_FORECASTS_SQL,
  LatestForecastRow,
  MEAL_ACTUALS_SQL,
  MealActualRow,
  MEALS_SQL,
  MealsRow,
  RANGE_RESPONDENTS_SQL,
  RangeRespondentsRow,
  RangeRow,
  RATINGS_SQL,
  RatingsRow,
} from './dashboard-daily.queries';

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

const isCurrent = (row: RangeRow) => row.is_current === true;
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
    const read = <Row>(part: SumsPart, sql: string, values: unknown[]): Promise<Row[]> => (parts.has(part) ? query<Row>(this.dataSource, sql, values) : Promise.resolve([]));
    const [meals, costs, ratings] = await Promise.all([
      read<MealsRow>('meals', MEALS_SQL, parameters),
      read<CostsRow>('costs', COSTS_SQL, [...parameters.slice(0, 5), scope.currentFrom]),
      read<RatingsRow>('ratings', RATINGS_SQL, [...parameters.slice(0, 5), scope.currentFrom]),
    ]);
    const ranges = { current: new RangeSumsBuilder(), previous: new RangeSumsBuilder() };
    const rangeOf = (row: RangeRow) => (isCurrent(row) ? ranges.current : ranges.previous);
    for (const row of meals) {
      Object.assign(rangeOf(row).bucket(row.bucket), { covers: row.covers, paidFen: row.paid, subsidyFen: row.subsidy, dinerDays: row.busiest, staffOnDutyDays: row.staff });
    }
    for (const row of costs) {
      const range = rangeOf(row);
      if (row.by_bucket === 1) {
        Object.assign(range.bucket(String(row.bucket)), {
          ingredientCostFen: row.ingredient_fen + row.spoilage_fen,
          preparedPortions: row.prepared,
          overproductionPortions: row.wasted_portions,
          wasteKg: row.overproduction_kg + row.other_kg,
        });
      } else {
        range.canteens.push({
          canteenId: row.canteen_id ?? 0,
          ingredientCostFen: row.ingredient_fen,
          spoilageCostFen: row.spoilage_fen,
          overproductionKg: row.overproduction_kg,
          otherWasteKg: row.other_kg,
        });
      }
    }
    const open: OpenBucket[] = [];
    for (const row of ratings) {
      const bucket = rangeOf(row).bucket(row.bucket);
      bucket.ratings = { responses: row.responses, respondents: 0, ratingSum: row.rating_sum, satisfied: row.satisfied, dissatisfied: row.dissatisfied };
      bucket.respondentBounds = { least: row.least_respondents, most: row.most_respondents };
      if (settledRespondents(bucket.respondentBounds) === null) open.push({ bucket, isCurrent: isCurrent(row), anonymous: row.anonymous });
    }
    if (open.length > 0) await this.countRespondents(scope, open);
    const built = { current: ranges.current.build(), previous: ranges.previous.build() };
    const [current, previous] = [built.current.sums, built.previous.sums];
    if (!built.current.decided || !built.previous.decided) {
      const rows = await query<RangeRespondentsRow>(this.dataSource, RANGE_RESPONDENTS_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal, scope.currentFrom]);
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
    const rows = await query<BucketDinersRow>(this.dataSource, BUCKET_DINERS_SQL, [from, scope.to, scope.canteenIds, scope.meal, scope.grain, scope.currentFrom, buckets]);
    const diners = new Map(rows.map((row) => [`${isCurrent(row)}|${row.bucket}`, row.diners]));
    for (const { bucket, isCurrent: current, anonymous } of open) {
      const respondents = anonymous + (diners.get(`${current}|${bucket.bucket}`) ?? 0);
      bucket.respondentBounds = { least: respondents, most: respondents };
    }
  }

  /** Daily covers against the forecasts, and each canteen's forecast accuracy before and from `recentFrom`. */
  async coversAndDrift(scope: Omit<ForecastScope, 'dishId'> & { recentFrom: string }): Promise<{ series: ForecastPoint[]; drift: DriftWindows[] }> {
    const rows = await query<CoversAndDriftRow>(this.dataSource, COVERS_AND_DRIFT_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal, scope.recentFrom]);
    const series: ForecastPoint[] = [];
    const drift = new Map<number, DriftWindows>();
    const none = () => accuracyFromSums({ pairs: 0, actual: 0, forecast: 0, absoluteError: 0 });
    for (const row of rows) {
      if (row.kind === 'day') {
        series.push({ date: String(row.d), actual: row.actual, p10: row.p10, p50: row.p50, p90: row.p90 });
        continue;
      }
      const canteenId = row.canteen_id ?? 0;
      const windows = drift.get(canteenId) ?? { canteenId, recent: none(), earlier: none(), recentDays: 0 };
      drift.set(canteenId, windows);
      const figures = accuracyFromSums({ pairs: row.pairs ?? 0, actual: row.actual ?? 0, forecast: row.p50 ?? 0, absoluteError: row.absolute_error ?? 0 });
      if (row.recent === true) Object.assign(windows, { recent: figures, recentDays: row.days ?? 0 });
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
    const [latestRows, actualRows] = await Promise.all([
      query<LatestForecastRow>(this.dataSource, LATEST_FORECASTS_SQL, parameters),
      query<MealActualRow>(this.dataSource, MEAL_ACTUALS_SQL, parameters),
    ]);
    const latest = latestRows.map((row) => ({ canteenId: row.canteen_id, serviceDate: row.d, meal: row.meal, p10: row.p10, p50: row.p50, p90: row.p90 }));
    const actuals = actualRows.map((row) => ({ canteenId: row.canteen_id, serviceDate: row.d, meal: row.meal, covers: row.covers, quantity: row.quantity }));
    const input = { latest, actuals, dishId: scope.dishId };
    return { series: forecastSeries(input), pairs: forecastPairs(input) };
  }
}

class RangeSumsBuilder {
  readonly canteens: CanteenCostSums[] = [];
  private readonly buckets = new Map<string, BucketSums>();

  bucket(key: string): BucketSums {
    let sums = this.buckets.get(key);
    if (!sums) {
      sums = {
        bucket: key,
        covers: 0,
        paidFen: 0,
        subsidyFen: 0,
        dinerDays: 0,
        staffOnDutyDays: 0,
        ingredientCostFen: 0,
        preparedPortions: 0,
        overproductionPortions: 0,
        wasteKg: 0,
        ratings: emptyRatingCounts(),
        respondentBounds: { least: 0, most: 0 },
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
