import { query, SqlRunner } from '@larder/database';
import type { IsoDate } from '@larder/domain';

/**
 * Which stored forecast counts. One rule, read by every caller (the forecast API, planning, the
 * dashboard, the accuracy report); see "Which forecast is current" in the library README.
 *
 * Of two finished runs, the one that saw more history wins: the later `as_of`, then the newer
 * `created_at`, then the run id (only to make the order total). A run made today for an older
 * `as_of` (a backfill) therefore never replaces the current forecast of the days ahead.
 * `forecast_run` must be aliased `r`.
 */
export const RUN_PRECEDENCE = 'r.as_of DESC, r.created_at DESC, r.id';

/** A canteen's current forecast run. */
export interface CurrentRun {
  readonly canteenId: number;
  readonly runId: string;
  /** Last day of history the run could see. */
  readonly asOf: IsoDate;
  readonly createdAt: Date;
}

export interface CurrentRunScope {
  /** Only these canteens; absent for every canteen. */
  readonly canteenIds?: readonly number[];
  /** Only runs that stored forecasts of the canteen for a day in this range (a plan's week). */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

interface CurrentRunRow {
  canteen_id: number;
  id: string;
  as_of: string;
  created_at: Date | string;
}

const CURRENT_RUNS_SQL = `
SELECT c.id AS canteen_id, r.id, r.as_of::text AS as_of, r.created_at
FROM canteen c CROSS JOIN LATERAL (
  SELECT r.id, r.as_of, r.created_at FROM forecast_run r
  WHERE r.status = 'done' AND EXISTS (
    SELECT 1 FROM forecast f WHERE f.canteen_id = c.id AND f.run_id = r.id
      AND ($2::date IS NULL OR f.service_date >= $2::date) AND ($3::date IS NULL OR f.service_date <= $3::date))
  ORDER BY ${RUN_PRECEDENCE} LIMIT 1) r
WHERE $1::int[] IS NULL OR c.id = ANY($1::int[])
ORDER BY c.id`;

/**
 * Each canteen's current forecast run: of the finished runs that forecast the canteen (for a day
 * of the range, when given), the first by RUN_PRECEDENCE. A run limited to some canteens does not
 * hide the others' runs. Canteens without such a run are absent.
 */
export async function currentForecastRuns(db: SqlRunner, scope: CurrentRunScope = {}): Promise<CurrentRun[]> {
  const rows = await query<CurrentRunRow>(db, CURRENT_RUNS_SQL, [scope.canteenIds ?? null, scope.from ?? null, scope.to ?? null]);
  return rows.map((row) => ({
    canteenId: Number(row.canteen_id),
    runId: row.id,
    asOf: row.as_of,
    createdAt: row.created_at instanceof Date ? row.created_at : new Date(row.created_at),
  }));
}

/**
 * SQL of the latest forecast made before each day: per canteen, day, meal and dish, the row of the
 * first run by RUN_PRECEDENCE among the finished runs whose `as_of` is before the day. `columns` are
 * further `f.` columns to select, `filter` narrows the `forecast f` rows (placeholders are the
 * caller's). Rows a later run replaces are marked `superseded` when a run is stored
 * (supersedeForecasts), so this sorts only the current ones.
 */
export function latestForecastBeforeDaySql(columns: string, filter: string): string {
  return `
SELECT DISTINCT ON (f.canteen_id, f.service_date, f.meal, f.dish_id) f.canteen_id, f.service_date, f.meal, f.dish_id, ${columns}
FROM forecast f JOIN forecast_run r ON r.id = f.run_id
WHERE ${filter}
  AND r.as_of < f.service_date AND r.status = 'done' AND NOT f.superseded
ORDER BY f.canteen_id, f.service_date, f.meal, f.dish_id, ${RUN_PRECEDENCE}`;
}

/**
 * SQL of every forecast made of each day, one per `as_of`: per canteen, day, meal, dish and the
 * `as_of` of the runs, the row of the first run by RUN_PRECEDENCE among the finished runs whose
 * `as_of` is before the day, superseded or not — a day forecast every night for four weeks has up
 * to 28 of them — with `lead`, the days between the `as_of` and the day. `columns` and `filter` as
 * latestForecastBeforeDaySql's.
 */
export function forecastAtEachLeadSql(columns: string, filter: string): string {
  return `
SELECT DISTINCT ON (f.canteen_id, f.service_date, f.meal, f.dish_id, r.as_of) f.canteen_id, f.service_date, f.meal, f.dish_id,
       (f.service_date - r.as_of) AS lead, ${columns}
FROM forecast f JOIN forecast_run r ON r.id = f.run_id
WHERE ${filter}
  AND r.as_of < f.service_date AND r.status = 'done'
ORDER BY f.canteen_id, f.service_date, f.meal, f.dish_id, r.as_of, ${RUN_PRECEDENCE}`;
}
