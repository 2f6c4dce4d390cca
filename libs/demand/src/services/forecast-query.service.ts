import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mean as meanOf } from 'simple-statistics';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import type { CanteenScope, MealPeriod } from '@larder/domain';
import { ForecastListing, ForecastQuery, ForecastView } from '../dtos/forecast-query.dto';
import { FailedSeries, ForecastRunInfo } from '../dtos/forecast-run.dto';
import { currentForecastRuns } from '../current-forecast.queries';

interface RunRow {
  id: string;
  created_at: Date | string;
  as_of: string;
  horizon_days: number;
  status: 'running' | 'done' | 'failed';
  failed_series: FailedSeries[] | null;
}

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const toIso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/** Reads stored forecasts and runs; never computes anything and never reads sales. */
@Injectable()
export class ForecastQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Forecast rows matching the filters. Without `run`, each canteen's rows come from the latest
   * finished run that forecast that canteen (a run limited to one canteen does not hide the others).
   */
  async forecasts(query: ForecastQuery, visible: CanteenScope = 'all'): Promise<ForecastListing> {
    const canteenId = query.canteen === undefined ? undefined : await this.resolve('canteen', query.canteen);
    if (canteenId !== undefined && visible !== 'all' && !visible.includes(canteenId)) throw new LarderError('FORBIDDEN', `canteen ${query.canteen} is not one of yours`);
    const dishId = query.dish === undefined ? undefined : await this.resolve('dish', query.dish);
    const runs = (query.run ? [await this.runPair(query.run)] : await this.latestRuns(canteenId)).filter((run) => query.run || visible === 'all' || visible.includes(run.canteenId));
    if (runs.length === 0) throw new LarderError('NOT_FOUND', 'no finished forecast run yet: run `npm run larder -- forecast` or POST /api/forecasts/runs');

    // Each canteen paired with its own run (with `run`, every canteen of that run).
    const params: unknown[] = query.run ? [query.run] : [runs.map((run) => run.canteenId), runs.map((run) => run.id)];
    const where = [query.run ? 'f.run_id = $1::uuid' : '(f.canteen_id, f.run_id) IN (SELECT * FROM unnest($1::int[], $2::uuid[]))'];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (canteenId !== undefined) add('f.canteen_id = ?', canteenId);
    if (visible !== 'all') add('f.canteen_id = ANY(?::int[])', visible);
    if (query.from) add('f.service_date >= ?::date', query.from);
    if (query.to) add('f.service_date <= ?::date', query.to);
    if (query.meal) add('f.meal = ?', query.meal);
    if (dishId !== undefined) add('f.dish_id = ?', dishId);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT f.run_id, f.canteen_id, c.code AS canteen_code, f.service_date::text AS service_date, f.meal, f.dish_id,
              d.code AS dish_code, d.name_en AS dish_name, f.p10, f.p50, f.p90, f.quantiles, f.model, f.backtest_wape
       FROM forecast f JOIN canteen c ON c.id = f.canteen_id LEFT JOIN dish d ON d.id = f.dish_id AND f.dish_id <> 0
       WHERE ${where.join(' AND ')}
       ORDER BY f.service_date, f.canteen_id, f.meal, f.dish_id`,
      params,
    );
    const forecasts: ForecastView[] = rows.map((row) => ({
      runId: String(row.run_id),
      canteenId: Number(row.canteen_id),
      canteenCode: String(row.canteen_code),
      serviceDate: String(row.service_date),
      meal: row.meal as MealPeriod,
      dishId: Number(row.dish_id),
      dishCode: (row.dish_code as string | null) ?? null,
      dishName: (row.dish_name as string | null) ?? null,
      p10: Number(row.p10),
      p50: Number(row.p50),
      p90: Number(row.p90),
      quantiles: typeof row.quantiles === 'string' ? JSON.parse(row.quantiles) : (row.quantiles as Record<string, number>),
      model: String(row.model),
      backtestWape: toNumber(row.backtest_wape),
    }));
    const usedRuns = [...new Map(runs.map((run) => [run.id, { id: run.id, asOf: run.asOf, createdAt: run.createdAt }])).values()];
    return { runs: usedRuns, forecasts, meanBacktestWape: seriesMeans(forecasts) };
  }

  /** The latest runs, newest first, with their counts, mean backtest WAPE and failed series. */
  async runs(limit: number): Promise<ForecastRunInfo[]> {
    const runs: RunRow[] = await this.dataSource.query(
      `SELECT id, created_at, as_of::text AS as_of, horizon_days, status, failed_series FROM forecast_run ORDER BY created_at DESC, id LIMIT $1`,
      [limit],
    );
    if (runs.length === 0) return [];
    const ids = runs.map((run) => run.id);
    const counts: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT run_id, count(DISTINCT (canteen_id, meal))::int AS series,
              count(*) FILTER (WHERE dish_id = 0)::int AS covers, count(*) FILTER (WHERE dish_id <> 0)::int AS dishes
       FROM forecast WHERE run_id = ANY($1::uuid[]) GROUP BY run_id`,
      [ids],
    );
    const wapes: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT run_id, avg(covers_wape)::float8 AS covers, avg(dishes_wape)::float8 AS dishes FROM (
         SELECT run_id, canteen_id, meal, max(backtest_wape) FILTER (WHERE dish_id = 0) AS covers_wape,
                max(backtest_wape) FILTER (WHERE dish_id <> 0) AS dishes_wape
         FROM forecast WHERE run_id = ANY($1::uuid[]) GROUP BY run_id, canteen_id, meal) s
       GROUP BY run_id`,
      [ids],
    );
    return runs.map((run) => {
      const count = counts.find((row) => row.run_id === run.id);
      const wape = wapes.find((row) => row.run_id === run.id);
      const failed = run.failed_series ?? [];
      return {
        id: run.id,
        createdAt: toIso(run.created_at),
        asOf: run.as_of,
        horizonDays: Number(run.horizon_days),
        status: run.status,
        counts: { series: Number(count?.series ?? 0), covers: Number(count?.covers ?? 0), dishes: Number(count?.dishes ?? 0), failed: failed.length },
        meanBacktestWape: { covers: round4(toNumber(wape?.covers)), dishes: round4(toNumber(wape?.dishes)) },
        failed,
      };
    });
  }

  /** A code or a numeric id to the id; an unknown one is a 400 naming the parameter. */
  private async resolve(name: 'canteen' | 'dish', value: string): Promise<number> {
    if (name === 'dish' && (value === '0' || value === 'covers')) return 0;
    const [row] = await this.dataSource.query(`SELECT id FROM ${name} WHERE code = $1 OR id::text = $1 ORDER BY id LIMIT 1`, [value]);
    if (!row) throw new LarderError('VALIDATION_FAILED', `query parameter "${name}": no ${name} with code or id ${JSON.stringify(value)}`, { parameter: name });
    return Number(row.id);
  }

  private async runPair(id: string): Promise<{ id: string; canteenId: number; asOf: string; createdAt: string }> {
    const [run]: RunRow[] = await this.dataSource.query(`SELECT id, created_at, as_of::text AS as_of, horizon_days, status, failed_series FROM forecast_run WHERE id = $1`, [id]);
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
