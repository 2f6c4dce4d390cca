import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Anything that runs SQL: the data source, a transaction's manager, or a query runner. */
export type SqlRunner = DataSource | EntityManager | QueryRunner;

/**
 * The rows of a raw query, typed as the caller's row interface. The pool's parsers (ROW_TYPES) make
 * int8 and numeric numbers, so a row interface states what the SQL returns: `number | null` for a
 * sum that may be empty, unless the SQL COALESCEs it.
 */
export async function query<Row>(runner: SqlRunner, sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
  const rows: Row[] = await runner.query(sql, [...parameters]);
  return rows;
}
