export const LOCK_BATCH_SQL = 'SELECT kind, status, file_name FROM import_batch WHERE id = $1 FOR UPDATE';

export const MARK_ROLLED_BACK_SQL = `UPDATE import_batch SET status = 'rolled_back', error = $2 WHERE id = $1`;

/** The meals (`canteen|day|meal`) the batch's payments fall on: only their rollups need rebuilding. */
export const BATCH_MEALS_SQL = `SELECT DISTINCT canteen_id || '|' || service_date::text || '|' || meal AS meal FROM sale_transaction WHERE batch_id = $1`;

export const DELETE_BATCH_LINES_SQL = `WITH d AS (DELETE FROM sale_line l USING sale_transaction t WHERE t.batch_id = $1 AND l.canteen_id = t.canteen_id AND l.transaction_id = t.id RETURNING 1) SELECT count(*)::int AS n FROM d`;

export const DELETE_BATCH_TRANSACTIONS_SQL = `WITH d AS (DELETE FROM sale_transaction WHERE batch_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM d`;

/** Per canteen, the first and last day of a fact table's rows of the batch. */
export const batchDaysSql = (target: { table: string; day: string }) =>
  `SELECT canteen_id, min(${target.day})::text AS first, max(${target.day})::text AS last FROM ${target.table} WHERE batch_id = $1 GROUP BY 1`;

export const deleteBatchFactsSql = (table: string) => `WITH d AS (DELETE FROM ${table} WHERE batch_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM d`;

export interface BatchRow {
  kind: string;
  status: string;
  file_name: string;
}

export interface BatchMealRow {
  meal: string;
}

export interface CountRow {
  n: number;
}

export interface BatchDaysRow {
  canteen_id: number;
  first: string;
  last: string;
}
