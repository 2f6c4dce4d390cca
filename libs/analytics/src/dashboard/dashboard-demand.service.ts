import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isoWeek } from '@larder/domain';
import { query } from '@larder/database';
import { accuracyBy } from '../accuracy.calculator';
import { ForecastValueAddedService } from '../forecast-value-added.service';
import type { DemandPanel } from './dashboard.contract';
import { DashboardDailyService } from './dashboard-daily.service';
import { DashboardServiceDaysService } from './dashboard-service-days.service';
import type { DashboardScope } from './dashboard-scope.service';
import { FORECAST_DAYS_SQL, ForecastDaysRow, HEATMAP_SQL, HeatmapRow } from './dashboard-demand.queries';

/** The demand page: actuals against stored forecasts with the days the canteens were closed, weekly accuracy, and the load by weekday and hour. */
@Injectable()
export class DashboardDemandService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly daily: DashboardDailyService,
    private readonly valueAdded: ForecastValueAddedService,
    private readonly days: DashboardServiceDaysService,
  ) {}

  async panel(scope: DashboardScope, dishId: number | null): Promise<DemandPanel> {
    const target = dishId ?? 0;
    const [{ series, pairs }, heatmap, valueAdded, [stored], closedDays] = await Promise.all([
      this.daily.forecastsAndPairs({ from: scope.from, to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, dishId: target }),
      query<HeatmapRow>(this.dataSource, HEATMAP_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal]),
      this.valueAdded.figures({ from: scope.from, to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, dishId }),
      query<ForecastDaysRow>(this.dataSource, FORECAST_DAYS_SQL, [scope.canteenIds, scope.meal]),
      this.days.closedDays(scope),
    ]);
    const accuracy = accuracyBy(pairs, (pair) => isoWeek(pair.serviceDate)).map((group) => ({
      week: group.key,
      wape: group.figures.wape,
      bias: group.figures.bias,
      coverage80: group.figures.intervalHitRate,
    }));
    return {
      filters: scope.filters,
      series,
      accuracy,
      heatmap: heatmap.map((row) => ({ weekday: row.weekday, hour: row.hour, transactions: row.transactions })),
      valueAdded,
      forecastDays: stored.first !== null && stored.last !== null ? { first: stored.first, last: stored.last } : null,
      closedDays,
    };
  }
}
