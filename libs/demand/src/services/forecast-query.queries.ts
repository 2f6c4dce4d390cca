import type { MealPeriod } from '@larder/domain';
import type { FailedSeries } from '../dtos/forecast-run.dto';

/** Stored forecast rows with their canteen's and dish's codes, filtered by `where` (conditions on `f`). */
export const forecastRowsSql = (where: string) => `SELECT f.run_id, f.canteen_id, c.code AS canteen_code, f.service_date::text AS service_date, f.meal, f.dish_id,
       d.code AS dish_code, d.name_en AS dish_name, f.p10, f.p50, f.p90, f.quantiles, f.model, f.backtest_wape
FROM forecast f JOIN canteen c ON c.id = f.canteen_id LEFT JOIN dish d ON d.id = f.dish_id AND f.dish_id <> 0
WHERE ${where}
ORDER BY f.service_date, f.canteen_id, f.meal, f.dish_id`;

const RUN_COLUMNS = 'id, created_at, as_of::text AS as_of, horizon_days, status, failed_series';

export const LATEST_RUNS_SQL = `SELECT ${RUN_COLUMNS} FROM forecast_run ORDER BY created_at DESC, id LIMIT $1`;

export const RUN_SQL = `SELECT ${RUN_COLUMNS} FROM forecast_run WHERE id = $1`;

/** Per run ($1: ids), its series and its covers and dish rows. */
export const RUN_COUNTS_SQL = `SELECT run_id, count(DISTINCT (canteen_id, meal))::int AS series,
       count(*) FILTER (WHERE dish_id = 0)::int AS covers, count(*) FILTER (WHERE dish_id <> 0)::int AS dishes
FROM forecast WHERE run_id = ANY($1::uuid[]) GROUP BY run_id`;

/** Per run ($1: ids), the mean over its series of their backtest WAPE, for covers and for dishes. */
export const RUN_WAPES_SQL = `SELECT run_id, avg(covers_wape)::float8 AS covers, avg(dishes_wape)::float8 AS dishes FROM (
  SELECT run_id, canteen_id, meal, max(backtest_wape) FILTER (WHERE dish_id = 0) AS covers_wape,
         max(backtest_wape) FILTER (WHERE dish_id <> 0) AS dishes_wape
  FROM forecast WHERE run_id = ANY($1::uuid[]) GROUP BY run_id, canteen_id, meal) s
GROUP BY run_id`;

/** A canteen's or a dish's id from its code or its id as text. */
export const idByCodeSql = (table: 'canteen' | 'dish') => `SELECT id FROM ${table} WHERE code = $1 OR id::text = $1 ORDER BY id LIMIT 1`;

export interface ForecastRow {
  run_id: string;
  canteen_id: number;
  canteen_code: string;
  service_date: string;
  meal: MealPeriod;
  dish_id: number;
  dish_code: string | null;
  dish_name: string | null;
  p10: number;
  p50: number;
  p90: number;
  /** jsonb, parsed by pg. */
  quantiles: Record<string, number> | string;
  model: string;
  backtest_wape: number | null;
}

export interface RunRow {
  id: string;
  created_at: Date | string;
  as_of: string;
  horizon_days: number;
  status: 'running' | 'done' | 'failed';
  failed_series: FailedSeries[] | null;
}

export interface RunCountsRow {
  run_id: string;
  series: number;
  covers: number;
  dishes: number;
}

export interface RunWapesRow {
  run_id: string;
  covers: number | null;
  dishes: number | null;
}

export interface IdRow {
  id: number;
}
