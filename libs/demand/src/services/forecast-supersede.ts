import { EntityManager } from 'typeorm';

/**
 * A day is judged by the latest forecast made before it: among the done runs with as_of before the
 * day, the greatest (as_of, created_at). Every older forecast of the same series and day is marked
 * superseded when a run is stored, so the readers' DISTINCT ON sorts only the current rows (about one
 * in `horizon` of them) through a partial index instead of every run's rows.
 */
const SERIES = `f.canteen_id = n.canteen_id AND f.service_date = n.service_date AND f.meal = n.meal AND f.dish_id = n.dish_id`;

/** The rows of older runs that this run's rows replace (this run made before the day). */
const SUPERSEDE_OLDER = `
UPDATE forecast f SET superseded = true
FROM forecast n, forecast_run x, forecast_run r
WHERE n.run_id = $1 AND x.id = $1 AND x.status = 'done' AND x.as_of < n.service_date
  AND ${SERIES} AND f.run_id <> $1 AND NOT f.superseded
  AND r.id = f.run_id AND (r.as_of, r.created_at) < (x.as_of, x.created_at)`;

/** This run's rows that a newer stored run (made before the day) replaces already. */
const SUPERSEDED_BY_NEWER = `
UPDATE forecast n SET superseded = true
FROM forecast_run x
WHERE n.run_id = $1 AND x.id = $1 AND EXISTS (
  SELECT 1 FROM forecast f JOIN forecast_run r ON r.id = f.run_id
  WHERE ${SERIES} AND f.run_id <> $1 AND r.status = 'done' AND r.as_of < f.service_date AND (r.as_of, r.created_at) > (x.as_of, x.created_at))`;

/** Call in the transaction that stores a run's forecasts and marks it done. */
export async function supersedeForecasts(manager: EntityManager, runId: string): Promise<void> {
  await manager.query(SUPERSEDE_OLDER, [runId]);
  await manager.query(SUPERSEDED_BY_NEWER, [runId]);
}
