import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isoWeek } from '@larder/domain';
import { sqlNumber } from '@larder/database';
import { accuracyBy } from '../accuracy.calculator';
import { ForecastValueAddedService } from '../forecast-value-added.service';
import type { DemandPanel } from './dashboard.contract';
import { DashboardDailyService } from './dashboard-daily.service';
import type { DashboardScope } from './dashboard-scope.service';

/**
 * Average sales per ISO weekday and hour over the days of that weekday on which the chosen canteens
 * sold anything, from the hourly rollup.
 */
const HEATMAP_SQL = `
WITH hours AS (
  SELECT service_date, hour, sum(transactions) AS transactions FROM hourly_load_rollup
  WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
  GROUP BY 1, 2
), days AS (
  SELECT extract(isodow FROM service_date)::int AS weekday, count(DISTINCT service_date) AS days FROM hours GROUP BY 1
)
SELECT extract(isodow FROM h.service_date)::int AS weekday, h.hour, sum(h.transactions)::float8 / max(d.days) AS transactions
FROM hours h JOIN days d ON d.weekday = extract(isodow FROM h.service_date)::int
GROUP BY 1, 2 ORDER BY 1, 2`;

/** The demand page: actuals against stored forecasts, weekly accuracy, and the load by weekday and hour. */
@Injectable()
export class DashboardDemandService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly daily: DashboardDailyService,
    private readonly valueAdded: ForecastValueAddedService,
  ) {}

  async panel(scope: DashboardScope, dishId: number | null): Promise<DemandPanel> {
    const target = dishId ?? 0;
    const [{ series, pairs }, heatmap, valueAdded] = await Promise.all([
      this.daily.forecastsAndPairs({ from: scope.from, to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, dishId: target }),
      this.dataSource.query(HEATMAP_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal]) as Promise<Record<string, unknown>[]>,
      this.valueAdded.figures({ from: scope.from, to: scope.to, canteenIds: scope.canteenIds, meal: scope.meal, dishId }),
    ]);
    const accuracy = accuracyBy(pairs, (pair) => isoWeek(pair.serviceDate)).map((group) => ({
      week: group.key, wape: group.figures.wape, bias: group.figures.bias, coverage80: group.figures.intervalHitRate,
    }));
    return {
      filters: scope.filters,
      series,
      accuracy,
      heatmap: heatmap.map((row) => ({ weekday: sqlNumber(row.weekday), hour: sqlNumber(row.hour), transactions: sqlNumber(row.transactions) })),
      valueAdded,
    };
  }
}
