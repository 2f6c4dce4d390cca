import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { getPGliteInstance } from 'typeorm-pglite';
import { CopyValue, encodeCopyRow } from './copy-encoding';

export interface CopyTarget<Row> {
  table: string;
  columns: readonly string[];
  values: (row: Row) => readonly CopyValue[];
}

/**
 * Bytes per COPY statement. Rows are encoded straight into one reused buffer: holding 50,000 row
 * strings until a flush made them survive into the old generation, and garbage collection then
 * cost as much as the load itself.
 */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** A UTF-16 code unit never takes more than 3 bytes in UTF-8. */
const MAX_BYTES_PER_CHAR = 3;

export function isEmbedded(dataSource: DataSource): boolean {
  return 'driver' in dataSource.options && dataSource.options.driver !== undefined;
}

function copyStatement(target: CopyTarget<never>, source: string): string {
  return `COPY "${target.table}" (${target.columns.map((column) => `"${column}"`).join(', ')}) FROM ${source}`;
}

/**
 * Buffers rows for one table and writes them with COPY, chunk by chunk, on the query runner's
 * connection so that they take part in the runner's transaction.
 */
export class TableCopier<Row> {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private pendingRows = 0;
  private written = 0;

  private constructor(
    private readonly target: CopyTarget<Row>,
    private readonly client: PoolClient | null,
  ) {}

  static async open<Row>(queryRunner: QueryRunner, target: CopyTarget<Row>): Promise<TableCopier<Row>> {
    const client = isEmbedded(queryRunner.connection) ? null : ((await queryRunner.connect()) as PoolClient);
    return new TableCopier(target, client);
  }

  async add(row: Row): Promise<void> {
    await this.addAll([row]);
  }

  /** Awaits only when a chunk is full: an await per row would cost more than encoding the row. */
  async addAll(rows: Iterable<Row>): Promise<void> {
    for (const row of rows) {
      const line = encodeCopyRow(this.target.values(row));
      const worstCase = line.length * MAX_BYTES_PER_CHAR;
      if (this.used + worstCase > this.chunk.length) {
        await this.flush();
        if (worstCase > this.chunk.length) this.chunk = Buffer.allocUnsafe(worstCase);
      }
      this.used += this.chunk.write(line, this.used);
      this.pendingRows++;
    }
  }

  /** Writes what is buffered; returns the number of rows written so far. */
  async flush(): Promise<number> {
    if (this.pendingRows === 0) return this.written;
    const data = this.chunk.subarray(0, this.used);
    if (this.client) {
      await pipeline(Readable.from([data]), this.client.query(copyFrom(copyStatement(this.target as CopyTarget<never>, 'STDIN'))));
    } else {
      const pglite = await getPGliteInstance();
      await pglite.query(copyStatement(this.target as CopyTarget<never>, "'/dev/blob'"), [], { blob: new Blob([data]) });
    }
    this.written += this.pendingRows;
    this.pendingRows = 0;
    this.used = 0;
    return this.written;
  }
}

/** Streams all rows into one table; returns the number written. */
export async function copyRows<Row>(queryRunner: QueryRunner, target: CopyTarget<Row>, rows: Iterable<Row> | AsyncIterable<Row>): Promise<number> {
  const copier = await TableCopier.open(queryRunner, target);
  for await (const row of rows) await copier.add(row);
  return copier.flush();
}

/**
 * Runs a bulk load with the tables' secondary indexes dropped and rebuilt afterwards (building an
 * index once is several times cheaper than maintaining it row by row), then refreshes the planner's
 * statistics so that queries over the new rows get sensible plans. Meant for loads into empty or
 * nearly empty tables inside a transaction: the definitions are read from the catalogue and
 * restored exactly, and a rollback restores them too.
 */
export async function withDeferredIndexes<T>(queryRunner: QueryRunner, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const indexes: { indexname: string; indexdef: string }[] = await queryRunner.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const index of indexes) await queryRunner.query(`DROP INDEX "${index.indexname}"`);
  const result = await load();
  for (const index of indexes) await queryRunner.query(index.indexdef);
  await queryRunner.query(`ANALYZE ${tables.map((table) => `"${table}"`).join(', ')}`);
  return result;
}
