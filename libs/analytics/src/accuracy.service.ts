import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import { ForecastPair, LeadPair } from './accuracy.calculator';
import { CountRow, LEAD_PAIRS_SQL, LeadPairRow, PAIRS_SQL, PairRow, STORED_FORECASTS_SQL } from './accuracy.queries';

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

@Injectable()
export class AccuracyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The pairs with how many forecast rows were stored at all, which the accuracy report states; counting them reads every run's rows. */
  async forecastPairs(scope: AccuracyScope): Promise<StoredForecasts> {
    const [count] = await query<CountRow>(this.dataSource, STORED_FORECASTS_SQL, this.parameters(scope));
    if (count.n === 0) return { stored: 0, pairs: [] };
    return { stored: count.n, pairs: await this.pairs(scope) };
  }

  /**
   * Every stored forecast of each day of the scope's one dish (else of the covers), one per run as-of,
   * with how many days ahead it was made: how the forecasts hold up further ahead.
   */
  async leadPairs(scope: AccuracyScope): Promise<LeadPair[]> {
    const rows = await query<LeadPairRow>(this.dataSource, LEAD_PAIRS_SQL, this.parameters(scope));
    return rows.map((row) => ({ ...pairOf(row), lead: row.lead }));
  }

  private async pairs(scope: AccuracyScope): Promise<ForecastPair[]> {
    const rows = await query<PairRow>(this.dataSource, PAIRS_SQL, this.parameters(scope));
    return rows.map(pairOf);
  }

  private parameters(scope: AccuracyScope): unknown[] {
    return [scope.from, scope.to, scope.canteenIds, scope.meal ?? null, scope.dishId ?? null];
  }
}

function pairOf(row: PairRow): ForecastPair {
  return {
    canteenId: row.canteen_id,
    serviceDate: row.service_date,
    meal: row.meal,
    dishId: row.dish_id,
    p50: row.p50,
    p10: row.p10,
    p90: row.p90,
    actual: row.actual,
  };
}
