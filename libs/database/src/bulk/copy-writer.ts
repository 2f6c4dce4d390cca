import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from 'pg';
import { QueryRunner } from 'typeorm';
import { CopyValue, encodeCopyRow } from './copy-encoding';
import { query } from '../query/typed-query';

export interface CopyTarget<Row> {
  table: string;
  columns: readonly string[];
  values: (row: Row) => readonly CopyValue[];
}

/**
 * Bytes per COPY statement. Rows are encoded straight into one buffer: holding 50,000 row strings
 * until a flush made them survive into the old generation, and garbage collection then cost as
 * much as the load itself.
 */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** A UTF-16 code unit never takes more than 3 bytes in UTF-8. */
const MAX_BYTES_PER_CHAR = 3;

export interface EncodedChunk {
  data: Uint8Array;
  rows: number;
}

/** Fills COPY text into a byte buffer and hands it out when full; usable in a worker thread. */
export class CopyChunkEncoder {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private rows = 0;

  /** Appends one row; returns the chunk filled so far when the row did not fit into it. */
  append(values: readonly CopyValue[]): EncodedChunk | null {
    const line = encodeCopyRow(values);
    const worstCase = line.length * MAX_BYTES_PER_CHAR;
    let full: EncodedChunk | null = null;
    if (this.used + worstCase > this.chunk.length) {
      full = this.take();
      if (worstCase > this.chunk.length) this.chunk = Buffer.allocUnsafe(worstCase);
    }
    this.used += this.chunk.write(line, this.used);
    this.rows++;
    return full;
  }

  /** The rows encoded so far, in a buffer of their own (it may be transferred to another thread). */
  take(): EncodedChunk | null {
    if (this.rows === 0) return null;
    // A plain Uint8Array owns its memory; a small Buffer could share Node's pool and must not be transferred.
    const data = new Uint8Array(this.used);
    data.set(this.chunk.subarray(0, this.used));
    const taken = { data, rows: this.rows };
    this.used = 0;
    this.rows = 0;
    return taken;
  }
}

function copyStatement(target: CopyTarget<never>): string {
  return `COPY "${target.table}" (${target.columns.map((column) => `"${column}"`).join(', ')}) FROM STDIN`;
}

/**
 * Writes rows of one table with COPY, chunk by chunk, on the query runner's connection so that
 * they take part in the runner's transaction. Rows can be added as objects or as chunks that were
 * already encoded elsewhere (a worker thread).
 */
export class TableCopier<Row> {
  private readonly encoder = new CopyChunkEncoder();
  private written = 0;

  private constructor(
    private readonly target: CopyTarget<Row>,
    private readonly client: PoolClient,
  ) {}

  static async open<Row>(queryRunner: QueryRunner, target: CopyTarget<Row>): Promise<TableCopier<Row>> {
    return new TableCopier(target, (await queryRunner.connect()) as PoolClient);
  }

  async add(row: Row): Promise<void> {
    await this.addAll([row]);
  }

  /** Awaits only when a chunk is full: an await per row would cost more than encoding the row. */
  async addAll(rows: Iterable<Row>): Promise<void> {
    for (const row of rows) {
      const full = this.encoder.append(this.target.values(row));
      if (full) await this.writeChunk(full);
    }
  }

  /** Writes what is buffered; returns the number of rows written so far. */
  async flush(): Promise<number> {
    const rest = this.encoder.take();
    if (rest) await this.writeChunk(rest);
    return this.written;
  }

  /** Writes a chunk encoded for this table's columns, in their order. */
  async writeChunk(chunk: EncodedChunk): Promise<void> {
    await pipeline(Readable.from([chunk.data]), this.client.query(copyFrom(copyStatement(this.target as CopyTarget<never>))));
    this.written += chunk.rows;
  }
}

/** Streams all rows into one table; returns the number written. */
export async function copyRows<Row>(queryRunner: QueryRunner, target: CopyTarget<Row>, rows: Iterable<Row> | AsyncIterable<Row>): Promise<number> {
  const copier = await TableCopier.open(queryRunner, target);
  for await (const row of rows) await copier.add(row);
  return copier.flush();
}

/**
 * Runs a bulk load with the tables' indexes dropped and rebuilt afterwards (building an index once is
 * several times cheaper than maintaining it row by row), then refreshes the planner's statistics so
 * that queries over the new rows get sensible plans. The primary keys and unique constraints go too
 * unless a foreign key leans on them: keeping the two sales keys up to date during the full demo's
 * COPY took 12 s of its 25 on the server, adding them afterwards 4 s. Meant for loads into empty or
 * nearly empty tables inside a transaction: the definitions are read from the catalogue and restored
 * exactly (a duplicate key then fails the restore, so the transaction), and a rollback restores them too.
 */
export async function withDeferredIndexes<T>(queryRunner: QueryRunner, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const indexes = await query<{ indexname: string; indexdef: string }>(
    queryRunner,
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  const keys = await query<{ table: string; name: string; definition: string }>(
    queryRunner,
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1::text[]) AND c.contype IN ('p', 'u')
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)
     ORDER BY c.contype, c.conname`,
    [tables],
  );
  for (const index of indexes) await queryRunner.query(`DROP INDEX "${index.indexname}"`);
  for (const key of keys) await queryRunner.query(`ALTER TABLE ${key.table} DROP CONSTRAINT "${key.name}"`);
  const result = await load();
  for (const key of keys) await queryRunner.query(`ALTER TABLE ${key.table} ADD CONSTRAINT "${key.name}" ${key.definition}`);
  for (const index of indexes) await queryRunner.query(index.indexdef);
  await queryRunner.query(`ANALYZE ${tables.map((table) => `"${table}"`).join(', ')}`);
  return result;
}
