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

/** Rows per COPY statement: large enough to amortise the statement, small enough to keep memory flat. */
const CHUNK_ROWS = 50_000;

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
  private buffer: string[] = [];
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
    this.buffer.push(encodeCopyRow(this.target.values(row)));
    if (this.buffer.length >= CHUNK_ROWS) await this.flush();
  }

  async addAll(rows: Iterable<Row>): Promise<void> {
    for (const row of rows) await this.add(row);
  }

  /** Writes what is buffered; returns the number of rows written so far. */
  async flush(): Promise<number> {
    if (this.buffer.length === 0) return this.written;
    const text = this.buffer.join('');
    const count = this.buffer.length;
    this.buffer = [];
    if (this.client) {
      await pipeline(Readable.from([text]), this.client.query(copyFrom(copyStatement(this.target as CopyTarget<never>, 'STDIN'))));
    } else {
      const pglite = await getPGliteInstance();
      await pglite.query(copyStatement(this.target as CopyTarget<never>, "'/dev/blob'"), [], { blob: new Blob([text]) });
    }
    this.written += count;
    return this.written;
  }
}

/** Streams all rows into one table; returns the number written. */
export async function copyRows<Row>(queryRunner: QueryRunner, target: CopyTarget<Row>, rows: Iterable<Row> | AsyncIterable<Row>): Promise<number> {
  const copier = await TableCopier.open(queryRunner, target);
  for await (const row of rows) await copier.add(row);
  return copier.flush();
}
