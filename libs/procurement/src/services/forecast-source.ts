import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { currentForecastRuns } from '@larder/demand';
import { query } from '@larder/database';
import type { IsoDate } from '@larder/domain';
import type { DemandForecast } from '../planning/planning-types';
import { distributionFromStored } from '../planning/quantile-interpolation';
import { FORECASTS_SQL, ForecastRow, RUN_SQL, RunRow } from './forecast-source.queries';

export interface ForecastRequest {
  readonly canteenId: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** A plan re-computed after an override reads the run it was made from. */
  readonly runId?: string | null;
}

/** Forecast quantiles for a canteen's days: dishes and covers (dishId 0). */
export interface StoredForecasts {
  readonly runId: string;
  /** Last day of history the run could see. */
  readonly asOf: IsoDate;
  readonly demand: DemandForecast[];
}

/**
 * Where planning reads forecast quantiles from. The default reads the `forecast` table (the canteen's
 * current run, by @larder/demand's rule, among those that cover the canteen's days); another
 * implementation can be bound to FORECAST_QUANTILE_SOURCE.
 * null means "nothing stored": the planner then falls back to its seasonal estimate and says so.
 */
export interface ForecastQuantileSource {
  load(request: ForecastRequest): Promise<StoredForecasts | null>;
}

export const FORECAST_QUANTILE_SOURCE = Symbol('FORECAST_QUANTILE_SOURCE');

/** The quantiles of the current stored forecasts, read from the database. */
@Injectable()
export class StoredForecastSource implements ForecastQuantileSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async storedRun(id: string): Promise<RunRef | null> {
    const [row] = await query<RunRow>(this.dataSource, RUN_SQL, [id]);
    return row ? { id: row.id, asOf: row.as_of } : null;
  }

  /** The canteen's current run (@larder/demand's rule) among those that forecast a day of the request. */
  private async currentRun(request: ForecastRequest): Promise<RunRef | null> {
    const [run] = await currentForecastRuns(this.dataSource, { canteenIds: [request.canteenId], from: request.from, to: request.to });
    return run ? { id: run.runId, asOf: run.asOf } : null;
  }

  async load(request: ForecastRequest): Promise<StoredForecasts | null> {
    const run = request.runId ? await this.storedRun(request.runId) : await this.currentRun(request);
    if (!run) return null;
    const runId = run.id;
    const rows = await query<ForecastRow>(this.dataSource, FORECASTS_SQL, [runId, request.canteenId, request.from, request.to]);
    return {
      runId,
      asOf: run.asOf,
      demand: rows.map((row) => ({
        canteenId: request.canteenId,
        serviceDate: row.service_date,
        meal: row.meal,
        dishId: row.dish_id,
        distribution: distributionFromStored(row),
      })),
    };
  }
}

/** A run and the last day of history it saw. */
interface RunRef {
  readonly id: string;
  readonly asOf: IsoDate;
}
