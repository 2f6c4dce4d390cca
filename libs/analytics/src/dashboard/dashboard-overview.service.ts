import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, isoWeek, isoWeekday } from '@larder/domain';
import type { ForecastPair } from '../accuracy.calculator';
import { FinanceFigures } from '../finance.calculator';
import { FinanceService } from '../finance.service';
import { publishRatings, RatingGroupCounts } from '../satisfaction.calculator';
import type { CanteenWaste } from '../waste.service';
import type { DashboardAlert, Kpi, OverviewPanel } from './dashboard.contract';
import { fallingRatingAlerts, forecastDriftAlerts, DRIFT_RECENT_DAYS, RatingWindows, unusualWasteAlerts, WASTE_TRAILING_DAYS } from './dashboard-alerts.calculator';
import { BucketSums, DashboardDailyService } from './dashboard-daily.service';
import { bucketsOf, kpiTrend, ratio, trendGrain } from './dashboard.calculator';
import type { DashboardScope } from './dashboard-scope.service';

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Days at the end of the range checked for unusual waste. */
const WASTE_CHECK_DAYS = 7;

interface RangeFigures {
  finance: FinanceFigures;
  waste: { kg: number; share: number | null };
  satisfaction: number | null;
}

function wasteTotals(canteens: CanteenWaste[]): { kg: number; share: number | null } {
  const kg = canteens.reduce((sum, row) => sum + row.overproductionKg + row.plateKg + row.spoilageKg, 0);
  const prepared = canteens.reduce((sum, row) => sum + row.preparedPortions, 0);
  const wasted = canteens.reduce((sum, row) => sum + row.overproductionPortions, 0);
  return { kg: Math.round(kg * 1000) / 1000, share: ratio(wasted, prepared) };
}

/** The overview page: KPIs against the previous range, covers against forecast, and alerts. */
@Injectable()
export class DashboardOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly finance: FinanceService,
    private readonly daily: DashboardDailyService,
  ) {}

  async overview(scope: DashboardScope): Promise<OverviewPanel> {
    const grain = trendGrain(scope);
    // Independent reads: on a server each takes a pooled connection of its own.
    const forecasts = this.daily.forecastsAndPairs({ from: scope.from, to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, dishId: 0 });
    const [current, previous, sums, { series: coversVsForecast }, today, alerts] = await Promise.all([
      this.rangeFigures(scope, scope),
      this.rangeFigures(scope, scope.previous),
      this.daily.sums({ from: scope.from, to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, grain, allSites: scope.allSites }),
      forecasts,
      this.today(scope),
      this.alerts(scope, forecasts),
    ]);
    const buckets = bucketsOf(scope, grain);
    const kpi = (value: number | null, before: number | null, sum: (rows: BucketSums[]) => number | null): Kpi => ({
      value, previous: before, trend: kpiTrend({ rows: sums, buckets, sum }),
    });
    const total = (rows: BucketSums[], field: keyof Omit<BucketSums, 'bucket' | 'ratings'>) => rows.reduce((sum, row) => sum + row[field], 0);
    return {
      filters: scope.filters,
      ...today,
      kpis: {
        covers: kpi(current.finance.covers, previous.finance.covers, (rows) => total(rows, 'covers')),
        participationRate: kpi(current.finance.participation, previous.finance.participation, (rows) => ratio(total(rows, 'dinerDays'), total(rows, 'staffOnDutyDays'))),
        revenueFen: kpi(current.finance.revenueFen, previous.finance.revenueFen, (rows) => total(rows, 'paidFen') + total(rows, 'subsidyFen')),
        subsidyFen: kpi(current.finance.subsidyFen, previous.finance.subsidyFen, (rows) => total(rows, 'subsidyFen')),
        foodCostPct: kpi(current.finance.foodCostRatio, previous.finance.foodCostRatio, (rows) => ratio(total(rows, 'ingredientCostFen'), total(rows, 'paidFen') + total(rows, 'subsidyFen'))),
        wasteKg: kpi(current.waste.kg, previous.waste.kg, (rows) => Math.round(total(rows, 'wasteKg') * 1000) / 1000),
        wastePct: kpi(current.waste.share, previous.waste.share, (rows) => ratio(total(rows, 'overproductionPortions'), total(rows, 'preparedPortions'))),
        satisfaction: kpi(current.satisfaction, previous.satisfaction, (rows) => publishRatings(sumRatings(rows.map((row) => row.ratings)), { suppress: false }).averageRating),
      },
      coversVsForecast: coversVsForecast.filter((point) => point.date >= scope.from && point.date <= scope.to),
      alerts,
    };
  }

  private async rangeFigures(scope: DashboardScope, range: { from: string; to: string }): Promise<RangeFigures> {
    const figureScope = { from: range.from, to: range.to, canteenIds: scope.canteenIds, allSites: scope.allSites, meal: scope.meal };
    const finance = await this.finance.figures(figureScope);
    const [ratings] = (await this.dataSource.query(
      `SELECT count(*)::int AS responses, (count(DISTINCT diner_pseudonym) + count(*) FILTER (WHERE diner_pseudonym IS NULL))::int AS respondents,
              COALESCE(sum(rating), 0)::int AS rating_sum
       FROM feedback WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)`,
      [range.from, range.to, scope.canteenIds, scope.meal],
    )) as Record<string, unknown>[];
    const counts = { responses: num(ratings.responses), respondents: num(ratings.respondents), ratingSum: num(ratings.rating_sum), satisfied: 0, dissatisfied: 0 };
    // As the satisfaction report publishes its total: suppressed only when fewer than five diners answered.
    return { finance: finance.total, waste: wasteTotals(finance.waste), satisfaction: publishRatings(counts, { suppress: false }).averageRating };
  }

  /** Today is the last day with data; the week runs from its Monday to that day, forecast for the same days. */
  private async today(scope: DashboardScope): Promise<Pick<OverviewPanel, 'coversToday' | 'coversWeek'>> {
    const asOf = scope.filters.asOf;
    const monday = addDays(asOf, 1 - isoWeekday(asOf));
    const series = await this.daily.actualAgainstForecast({ from: monday, to: asOf, canteenIds: scope.canteenIds, meal: scope.meal, dishId: 0 });
    const day = series.find((point) => point.date === asOf);
    const forecasts = series.filter((point) => point.p50 !== null);
    return {
      coversToday: { date: asOf, actual: day?.actual ?? null, forecast: day?.p50 ?? null },
      coversWeek: {
        week: isoWeek(asOf),
        actual: series.reduce((sum, point) => sum + (point.actual ?? 0), 0),
        forecast: forecasts.length > 0 ? forecasts.reduce((sum, point) => sum + point.p50!, 0) : null,
      },
    };
  }

  /** The drift alert scores the same forecast pairs the chart draws, read once for both. */
  private async alerts(scope: DashboardScope, forecasts: Promise<{ pairs: ForecastPair[] }>): Promise<DashboardAlert[]> {
    const { pairs } = await forecasts;
    const drift = forecastDriftAlerts({ pairs, recentFrom: addDays(scope.to, 1 - DRIFT_RECENT_DAYS) });
    const checkFrom = addDays(scope.to, 1 - WASTE_CHECK_DAYS);
    const wasteRows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT canteen_id, service_date::text AS d, sum(wasted_portions)::bigint AS wasted, sum(prepared)::bigint AS prepared
       FROM daily_dish_rollup WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
       GROUP BY 1, 2 HAVING sum(prepared) > 0`,
      [addDays(checkFrom, -WASTE_TRAILING_DAYS), scope.to, scope.canteenIds, scope.meal],
    );
    const waste = unusualWasteAlerts({ days: wasteRows.map((row) => ({ canteenId: num(row.canteen_id), date: String(row.d), share: num(row.wasted) / num(row.prepared) })), checkFrom });
    const ratings = await this.ratingCounts({ from: addDays(scope.to, -55), to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, splitAt: addDays(scope.to, -27) });
    return [...drift, ...waste, ...fallingRatingAlerts(ratings)];
  }

  /**
   * Rating counts per canteen and per canteen and dish (dishId null for the canteen), in two windows
   * split at a date: `recent` from the split on, `previous` before it.
   */
  private async ratingCounts(input: { from: string; to: string; canteenIds: number[]; meal: string | null; splitAt: string }): Promise<RatingWindows[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT canteen_id, dish_id, recent, count(*)::int AS responses,
              (count(DISTINCT diner_pseudonym) + count(*) FILTER (WHERE diner_pseudonym IS NULL))::int AS respondents,
              sum(rating)::int AS rating_sum, count(*) FILTER (WHERE rating >= 4)::int AS satisfied, count(*) FILTER (WHERE rating <= 2)::int AS dissatisfied
       FROM (SELECT canteen_id, dish_id, diner_pseudonym, rating, service_date >= $5::date AS recent FROM feedback
             WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)) f
       GROUP BY GROUPING SETS ((canteen_id, recent), (canteen_id, dish_id, recent))
       HAVING GROUPING(dish_id) = 1 OR dish_id IS NOT NULL`,
      [input.from, input.to, input.canteenIds, input.meal, input.splitAt],
    );
    const empty = (): RatingGroupCounts => ({ responses: 0, respondents: 0, ratingSum: 0, satisfied: 0, dissatisfied: 0 });
    const groups = new Map<string, RatingWindows>();
    for (const row of rows) {
      const dishId = row.dish_id === null || row.dish_id === undefined ? null : num(row.dish_id);
      const key = `${num(row.canteen_id)}:${dishId}`;
      const group = groups.get(key) ?? { canteenId: num(row.canteen_id), dishId, recent: empty(), previous: empty() };
      groups.set(key, group);
      const counts = { responses: num(row.responses), respondents: num(row.respondents), ratingSum: num(row.rating_sum), satisfied: num(row.satisfied), dissatisfied: num(row.dissatisfied) };
      if (row.recent === true || row.recent === 't') group.recent = counts;
      else group.previous = counts;
    }
    return [...groups.values()];
  }
}

/** Respondents add up across canteens (a diner is pseudonymised per canteen), not across days. */
function sumRatings(groups: RatingGroupCounts[]): RatingGroupCounts {
  return groups.reduce(
    (sum, group) => ({
      responses: sum.responses + group.responses, respondents: sum.respondents + group.respondents, ratingSum: sum.ratingSum + group.ratingSum,
      satisfied: sum.satisfied + group.satisfied, dissatisfied: sum.dissatisfied + group.dissatisfied,
    }),
    { responses: 0, respondents: 0, ratingSum: 0, satisfied: 0, dissatisfied: 0 },
  );
}
