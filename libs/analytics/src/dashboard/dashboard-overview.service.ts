import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, combinedDayService, DayService, isoWeek, isoWeekday } from '@larder/domain';
import { query } from '@larder/database';
import { RATING_BOUND_SQL, RATING_COUNTS_SQL, ratingCountsOf } from '../rating-counts.sql';
import { emptyRatingCounts, publishRatings } from '../satisfaction.calculator';
import type { DashboardAlert, Kpi, OverviewPanel } from './dashboard.contract';
import { DriftWindows, fallingRatingAlerts, forecastDriftAlerts, DRIFT_RECENT_DAYS, RatingWindows, unusualWasteAlerts, WASTE_TRAILING_DAYS } from './dashboard-alerts.calculator';
import { BucketSums, DashboardDailyService } from './dashboard-daily.service';
import type { ForecastPoint } from './dashboard-forecast.calculator';
import { RangeKpis, rangeKpis } from './dashboard-kpi.calculator';
import { bucketsOf, kpiTrend, ratio, trendGrain } from './dashboard.calculator';
import type { DashboardScope } from './dashboard-scope.service';
import { todayStatus, weekSoFar } from './dashboard-today.calculator';
import { ratingWindowsSql, RatingWindowRow, WASTE_DAYS_SQL, WasteDayRow } from './dashboard-overview.queries';
import { DashboardServiceDaysService } from './dashboard-service-days.service';

/** Days at the end of the range checked for unusual waste. */
const WASTE_CHECK_DAYS = 7;

const within = (range: { from: string; to: string }) => (point: ForecastPoint) => point.date >= range.from && point.date <= range.to;

/** The overview page: KPIs against the previous range, covers against forecast, and alerts. */
@Injectable()
export class DashboardOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly daily: DashboardDailyService,
    private readonly days: DashboardServiceDaysService,
  ) {}

  async overview(scope: DashboardScope): Promise<OverviewPanel> {
    const grain = trendGrain(scope);
    const week = this.week(scope);
    // The chart, the drift alert and this week's covers share one read of the forecasts when the week lies in the range.
    const weekInRange = week.from >= scope.from && week.to <= scope.to;
    const forecasts = this.daily.coversAndDrift({ from: scope.from, to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, recentFrom: addDays(scope.to, 1 - DRIFT_RECENT_DAYS) });
    const weekSeries = weekInRange
      ? forecasts.then(({ series }) => series.filter(within(week)))
      : this.daily.actualAgainstForecast({ ...week, canteenIds: scope.canteenIds, meal: scope.meal, dishId: 0 });
    // Independent reads: on a server each takes a pooled connection of its own.
    const [sums, { series: coversVsForecast }, weekPoints, alerts, service, closedDays] = await Promise.all([
      this.daily.rangeSums({ from: scope.previous.from, to: scope.to, currentFrom: scope.from, canteenIds: scope.canteenIds, meal: scope.meal, grain, allSites: scope.allSites }),
      forecasts,
      weekSeries,
      this.alerts(scope, forecasts),
      this.serviceToday(scope),
      this.days.closedDays(scope),
    ]);
    const current = rangeKpis(sums.current);
    const previous = rangeKpis(sums.previous);
    const buckets = bucketsOf(scope, grain);
    const rows = sums.current.buckets;
    const kpi = (field: keyof RangeKpis, sum: (rows: BucketSums[]) => number | null): Kpi => ({
      value: current[field],
      previous: previous[field],
      trend: kpiTrend({ rows, buckets, sum }),
    });
    const total = (rows: BucketSums[], field: keyof Omit<BucketSums, 'bucket' | 'ratings' | 'respondentBounds'>) => rows.reduce((sum, row) => sum + row[field], 0);
    return {
      filters: scope.filters,
      ...this.today(scope.today, weekPoints, service),
      kpis: {
        covers: kpi('covers', (rows) => total(rows, 'covers')),
        participationRate: kpi('participation', (rows) => ratio(total(rows, 'dinerDays'), total(rows, 'staffOnDutyDays'))),
        revenueFen: kpi('revenueFen', (rows) => total(rows, 'paidFen') + total(rows, 'subsidyFen')),
        subsidyFen: kpi('subsidyFen', (rows) => total(rows, 'subsidyFen')),
        foodCostPct: kpi('foodCostRatio', (rows) => ratio(total(rows, 'ingredientCostFen'), total(rows, 'paidFen') + total(rows, 'subsidyFen'))),
        wasteKg: kpi('wasteKg', (rows) => Math.round(total(rows, 'wasteKg') * 1000) / 1000),
        wastePct: kpi('wasteShare', (rows) => ratio(total(rows, 'overproductionPortions'), total(rows, 'preparedPortions'))),
        // A bucket comes as one row: its respondents are distinct within it and could not be added up anyway.
        satisfaction: kpi('satisfaction', ([row]) => publishRatings(row.ratings, { suppress: false }).averageRating),
      },
      coversVsForecast: coversVsForecast.filter(within(scope)),
      closedDays,
      alerts,
    };
  }

  /** The overview's alerts alone, for pushing them to subscribers: the same reads and rules as the page. */
  async alertsOnly(scope: DashboardScope): Promise<DashboardAlert[]> {
    const forecasts = this.daily.coversAndDrift({ from: scope.from, to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, recentFrom: addDays(scope.to, 1 - DRIFT_RECENT_DAYS) });
    return this.alerts(scope, forecasts);
  }

  /** Today in the canteens' time zone; the week runs from its Monday to today. */
  private week(scope: DashboardScope): { from: string; to: string } {
    return { from: addDays(scope.today, 1 - isoWeekday(scope.today)), to: scope.today };
  }

  /** Today's and this week's covers against the forecasts for the same days, and whether the canteens serve today. */
  private today(today: string, series: ForecastPoint[], service: DayService): Pick<OverviewPanel, 'coversToday' | 'coversWeek'> {
    const day = series.find((point) => point.date === today);
    const actual = day?.actual ?? null;
    const forecast = day?.p50 ?? null;
    return {
      coversToday: { date: today, actual, forecast, ...todayStatus({ actual, forecast, service }) },
      coversWeek: { week: isoWeek(today), ...weekSoFar(series) },
    };
  }

  /** The canteens' service today, as one (`dayService` for each, `combinedDayService` over them). */
  private async serviceToday(scope: DashboardScope): Promise<DayService> {
    const days = await this.days.serviceDays({ canteenIds: scope.canteenIds, from: scope.today, to: scope.today, menus: { meal: scope.meal } });
    return combinedDayService(days.get(scope.today) ?? []);
  }

  /** The drift alert scores the same forecasts the chart draws, read once for both; the other alerts' reads run beside it. */
  private async alerts(scope: DashboardScope, forecasts: Promise<{ drift: DriftWindows[] }>): Promise<DashboardAlert[]> {
    const [{ drift }, waste, ratings] = await Promise.all([forecasts, this.wasteAlerts(scope), this.fallingRatings(scope)]);
    return [...forecastDriftAlerts(drift), ...waste, ...ratings];
  }

  /** Each canteen-day's share of its prepared portions wasted, from the cost rollup: a row per meal, where the dish rollup has one per dish. */
  private async wasteAlerts(scope: DashboardScope): Promise<DashboardAlert[]> {
    const checkFrom = addDays(scope.to, 1 - WASTE_CHECK_DAYS);
    const rows = await query<WasteDayRow>(this.dataSource, WASTE_DAYS_SQL, [addDays(checkFrom, -WASTE_TRAILING_DAYS), scope.to, scope.canteenIds, scope.meal]);
    return unusualWasteAlerts({ days: rows.map((row) => ({ canteenId: row.canteen_id, date: row.d, share: row.wasted / row.prepared })), checkFrom });
  }

  /**
   * Falling ratings, with distinct diners counted only for the groups that could raise an alert: an
   * alert needs five diners in both windows, and with each response taken for a diner (an upper
   * bound) the averages alone pick out every group that may. Counting all 290 groups of the
   * quarter view at 40 canteens took 22-28 ms; the sums alone 10.
   */
  private async fallingRatings(scope: DashboardScope): Promise<DashboardAlert[]> {
    const windows = { from: addDays(scope.to, -55), to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, splitAt: addDays(scope.to, -27) };
    const possible = fallingRatingAlerts(await this.ratingCounts({ ...windows, respondents: RATING_BOUND_SQL }));
    if (possible.length === 0) return [];
    const only = {
      canteenIds: possible.flatMap(({ canteenId, dishId }) => (canteenId !== null && dishId === null ? [canteenId] : [])),
      dishes: possible.flatMap(({ canteenId, dishId }) => (canteenId !== null && dishId !== null ? [{ canteenId, dishId }] : [])),
    };
    return fallingRatingAlerts(await this.ratingCounts({ ...windows, respondents: RATING_COUNTS_SQL, only }));
  }

  /**
   * Rating counts per canteen and per canteen and dish (dishId null for the canteen), in two windows
   * split at a date: `recent` from the split on, `previous` before it. `only` limits them to whole
   * canteens and single dishes of a canteen.
   */
  private async ratingCounts(input: {
    from: string;
    to: string;
    canteenIds: number[];
    meal: string | null;
    splitAt: string;
    respondents: string;
    only?: { canteenIds: number[]; dishes: { canteenId: number; dishId: number }[] };
  }): Promise<RatingWindows[]> {
    const { only } = input;
    const rows = await query<RatingWindowRow>(this.dataSource, ratingWindowsSql(input.respondents, only !== undefined), [
      input.from,
      input.to,
      input.canteenIds,
      input.meal,
      input.splitAt,
      ...(only ? [only.canteenIds, only.dishes.map((dish) => dish.canteenId), only.dishes.map((dish) => dish.dishId)] : []),
    ]);
    const groups = new Map<string, RatingWindows>();
    for (const row of rows) {
      const dishId = row.dish_id;
      // A canteen's own counts are whole only where `only` took all its answers.
      if (only && dishId === null && !only.canteenIds.includes(row.canteen_id)) continue;
      const key = `${row.canteen_id}:${dishId}`;
      const group = groups.get(key) ?? { canteenId: row.canteen_id, dishId, recent: emptyRatingCounts(), previous: emptyRatingCounts() };
      groups.set(key, group);
      const counts = ratingCountsOf(row);
      if (row.recent === true) group.recent = counts;
      else group.previous = counts;
    }
    return [...groups.values()];
  }
}
