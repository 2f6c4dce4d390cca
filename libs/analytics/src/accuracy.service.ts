import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { latestForecastBeforeDaySql } from '@larder/demand';
import { sqlNumber } from '@larder/database';
import { ForecastPair } from './accuracy.calculator';

export interface AccuracyScope {
  from: string;
  to: string;
  canteenIds: number[];
  /** One meal period only; absent or null for all. */
  meal?: string | null;
  /** One target only (0 = covers); absent or null for covers and every dish. */
  dishId?: number | null;
}

export interface StoredForecasts {
  /** Forecast rows stored for the period at all, whatever their run. */
  stored: number;
  /** The latest forecast made before each day (run as-of earlier than the day), paired with the actuals. */
  pairs: ForecastPair[];
}

/**
 * A day counts once, with the most recent forecast that could not see it. Days without sales in the
 * rollups (closed, or not yet imported) are left out rather than scored against zero.
 */
const PAIRS_SQL = `
WITH latest AS (${latestForecastBeforeDaySql(
  'f.p50, f.p10, f.p90',
  'f.service_date BETWEEN $1::date AND $2::date AND f.canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR f.meal = $4) AND ($5::int IS NULL OR f.dish_id = $5)',
)}
)
SELECT l.canteen_id, l.service_date::text AS service_date, l.meal, l.dish_id, l.p50, l.p10, l.p90,
       CASE WHEN l.dish_id = 0 THEN m.covers ELSE COALESCE(d.quantity, 0) END AS actual
FROM latest l
JOIN daily_meal_rollup m ON m.canteen_id = l.canteen_id AND m.service_date = l.service_date AND m.meal = l.meal
LEFT JOIN daily_dish_rollup d ON d.canteen_id = l.canteen_id AND d.service_date = l.service_date AND d.meal = l.meal AND d.dish_id = l.dish_id
ORDER BY 1, 2, 3, 4`;

@Injectable()
export class AccuracyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The pairs with how many forecast rows were stored at all, which the accuracy report states; counting them reads every run's rows. */
  async forecastPairs(scope: AccuracyScope): Promise<StoredForecasts> {
    const [count] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM forecast WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4) AND ($5::int IS NULL OR dish_id = $5)`,
      this.parameters(scope),
    )) as { n: number }[];
    if (sqlNumber(count.n) === 0) return { stored: 0, pairs: [] };
    return { stored: sqlNumber(count.n), pairs: await this.pairs(scope) };
  }

  private async pairs(scope: AccuracyScope): Promise<ForecastPair[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(PAIRS_SQL, this.parameters(scope));
    return rows.map((row) => ({
      canteenId: sqlNumber(row.canteen_id), serviceDate: String(row.service_date), meal: String(row.meal), dishId: sqlNumber(row.dish_id),
      p50: sqlNumber(row.p50), p10: sqlNumber(row.p10), p90: sqlNumber(row.p90), actual: sqlNumber(row.actual),
    }));
  }

  private parameters(scope: AccuracyScope): unknown[] {
    return [scope.from, scope.to, scope.canteenIds, scope.meal ?? null, scope.dishId ?? null];
  }
}
