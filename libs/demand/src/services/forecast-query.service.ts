import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mean as meanOf } from 'simple-statistics';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import type { CanteenScope } from '@larder/domain';
import { query } from '@larder/database';
import { ForecastListing, ForecastQuery, ForecastView } from '../dtos/forecast-query.dto';
import { ForecastRunInfo } from '../dtos/forecast-run.dto';
import { currentForecastRuns } from '../current-forecast.queries';
import { ForecastRow, forecastRowsSql, IdRow, idByCodeSql, LATEST_RUNS_SQL, RUN_COUNTS_SQL, RUN_SQL, RUN_WAPES_SQL, RunCountsRow, RunRow, RunWapesRow } from './forecast-query.queries';

const toIso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/** Reads stored forecasts and runs; never computes anything and never reads sales. */
@Injectable()
export class ForecastQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Forecast rows matching the filters. Without `run`, each canteen's rows come from the latest
   * finished run that forecast that canteen (a run limited to one canteen does not hide the others).
   */
  async forecasts(request: ForecastQuery, visible: CanteenScope = 'all'): Promise<ForecastListing> {
    const canteenId = request.canteen === undefined ? undefined : await this.resolve('canteen', request.canteen);
    if (canteenId !== undefined && visible !== 'all' && !visible.includes(canteenId)) throw new LarderError('FORBIDDEN', `canteen ${request.canteen} is not one of yours`);
    const dishId = request.dish === undefined ? undefined : await this.resolve('dish', request.dish);
    const runs = (request.run ? [await this.runPair(request.run)] : await this.latestRuns(canteenId)).filter((run) => request.run || visible === 'all' || visible.includes(run.canteenId));
    if (runs.length === 0) throw new LarderError('NOT_FOUND', 'no finished forecast run yet: run `npm run larder -- forecast` or POST /api/forecasts/runs');

    // Each canteen paired with its own run (with `run`, every canteen of that run).
    const params: unknown[] = request.run ? [request.run] : [runs.map((run) => run.canteenId), runs.map((run) => run.id)];
    const where = [request.run ? 'f.run_id = $1::uuid' : '(f.canteen_id, f.run_id) IN (SELECT * FROM unnest($1::int[], $2::uuid[]))'];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (canteenId !== undefined) add('f.canteen_id = ?', canteenId);
    if (visible !== 'all') add('f.canteen_id = ANY(?::int[])', visible);
    if (request.from) add('f.service_date >= ?::date', request.from);
    if (request.to) add('f.service_date <= ?::date', request.to);
    if (request.meal) add('f.meal = ?', request.meal);
    if (dishId !== undefined) add('f.dish_id = ?', dishId);
    const rows = await query<ForecastRow>(this.dataSource, forecastRowsSql(where.join(' AND ')), params);
    const forecasts: ForecastView[] = rows.map((row) => ({
      runId: row.run_id,
      canteenId: row.canteen_id,
      canteenCode: row.canteen_code,
      serviceDate: row.service_date,
      meal: row.meal,
      dishId: row.dish_id,
      dishCode: row.dish_code ?? null,
      dishName: row.dish_name ?? null,
      p10: row.p10,
      p50: row.p50,
      p90: row.p90,
      quantiles: typeof row.quantiles === 'string' ? (JSON.parse(row.quantiles) as Record<string, number>) : row.quantiles,
      model: row.model,
      backtestWape: row.backtest_wape,
    }));
    const usedRuns = [...new Map(runs.map((run) => [run.id, { id: run.id, asOf: run.asOf, createdAt: run.createdAt }])).values()];
    return { runs: usedRuns, forecasts, meanBacktestWape: seriesMeans(forecasts) };
  }

  /** The latest runs, newest first, with their counts, mean backtest WAPE and failed series. */
  async runs(limit: number): Promise<ForecastRunInfo[]> {
    const runs = await query<RunRow>(this.dataSource, LATEST_RUNS_SQL, [limit]);
    if (runs.length === 0) return [];
    const ids = runs.map((run) => run.id);
    const counts = await query<RunCountsRow>(this.dataSource, RUN_COUNTS_SQL, [ids]);
    const wapes = await query<RunWapesRow>(this.dataSource, RUN_WAPES_SQL, [ids]);
    return runs.map((run) => {
      const count = counts.find((row) => row.run_id === run.id);
      const wape = wapes.find((row) => row.run_id === run.id);
      const failed = run.failed_series ?? [];
      return {
        id: run.id,
        createdAt: toIso(run.created_at),
        asOf: run.as_of,
        horizonDays: run.horizon_days,
        status: run.status,
        counts: { series: count?.series ?? 0, covers: count?.covers ?? 0, dishes: count?.dishes ?? 0, failed: failed.length },
        meanBacktestWape: { covers: round4(wape?.covers ?? null), dishes: round4(wape?.dishes ?? null) },
        failed,
      };
    });
  }

  /** A code or a numeric id to the id; an unknown one is a 400 naming the parameter. */
  private async resolve(name: 'canteen' | 'dish', value: string): Promise<number> {
    if (name === 'dish' && (value === '0' || value === 'covers')) return 0;
    const [row] = await query<IdRow>(this.dataSource, idByCodeSql(name), [value]);
    if (!row) throw new LarderError('VALIDATION_FAILED', `query parameter "${name}": no ${name} with code or id ${JSON.stringify(value)}`, { parameter: name });
    return row.id;
  }

  private async runPair(id: string): Promise<{ id: string; canteenId: number; asOf: string; createdAt: string }> {
    const [run] = await query<RunRow>(this.dataSource, RUN_SQL, [id]);
    if (!run) throw new LarderError('NOT_FOUND', `no forecast run ${id}`);
    if (run.status !== 'done') throw new LarderError('CONFLICT', `forecast run ${id} is ${run.status}, not done`);
    return { id: run.id, canteenId: 0, asOf: run.as_of, createdAt: toIso(run.created_at) };
  }

  /** Each canteen's current run (currentForecastRuns). */
  private async latestRuns(canteenId?: number): Promise<{ id: string; canteenId: number; asOf: string; createdAt: string }[]> {
    const runs = await currentForecastRuns(this.dataSource, canteenId === undefined ? {} : { canteenIds: [canteenId] });
    return runs.map((run) => ({ id: run.runId, canteenId: run.canteenId, asOf: run.asOf, createdAt: run.createdAt.toISOString() }));
  }
}

function round4(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e4) / 1e4;
}

/** Unweighted mean over canteen × meal series of the stored backtest WAPEs. */
function seriesMeans(rows: readonly ForecastView[]): { covers: number | null; dishes: number | null } {
  const perSeries = new Map<string, { covers: number | null; dishes: number | null }>();
  for (const row of rows) {
    const key = `${row.runId}|${row.canteenId}|${row.meal}`;
    const entry = perSeries.get(key) ?? { covers: null, dishes: null };
    if (row.dishId === 0) entry.covers = row.backtestWape;
    else entry.dishes = row.backtestWape;
    perSeries.set(key, entry);
  }
  const average = (values: (number | null)[]) => {
    const finite = values.filter((value): value is number => value !== null);
    return finite.length > 0 ? round4(meanOf(finite)) : null;
  };
  const entries = [...perSeries.values()];
  return { covers: average(entries.map((entry) => entry.covers)), dishes: average(entries.map((entry) => entry.dishes)) };
}
