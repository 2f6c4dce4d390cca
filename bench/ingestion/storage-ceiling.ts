/**
 * How fast could an import go if checking, pseudonymising and rolling up cost nothing? Two ceilings,
 * measured in the same run as the import they bound:
 *
 * - storing: the rows the import just stored, read back as COPY text, then COPYed by the product's own
 *   TableCopier, in the columns its importer writes (PAYMENT_COPY_COLUMNS), into empty tables with the same columns and indexes (`LIKE … INCLUDING ALL`), in one
 *   transaction, with nothing else running in this process;
 * - parsing: csv-parse alone over the same file on this thread, records counted and dropped (arrays,
 *   no column names, no `info`: cheaper than the product's parse).
 *
 * An import also parses, so it cannot beat either figure; on two cores the two share the machine.
 */
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource, QueryRunner } from 'typeorm';
import { EncodedChunk, TableCopier } from '@larder/database';
import { PAYMENT_COPY_COLUMNS } from '@larder/ingestion';

/** The product's payment tables, each with the column a payment's rows are found by. */
const TABLES = [
  { table: 'sale_transaction', key: 'id' },
  { table: 'sale_line', key: 'transaction_id' },
] as const;

/** Payments per exported slice: about the 50,000 lines of one import chunk. */
const SLICE_PAYMENTS = 38_000;

export interface StorageCeiling {
  rows: Record<string, number>;
  copySeconds: Record<string, number>;
  /** source lines per second if storing were all an import did */
  storeLinesPerSecond: number;
  parseSeconds: number;
  /** source lines per second if parsing the CSV were all an import did */
  parseLinesPerSecond: number;
}

const seconds = (since: number): number => Math.round((performance.now() - since) / 10) / 100;

async function exportSlice(queryRunner: QueryRunner, statement: string): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  const client = (await queryRunner.connect()) as PoolClient;
  await pipeline(
    client.query(copyTo(`COPY (${statement}) TO STDOUT`)),
    new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        parts.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(parts);
}

const countLines = (data: Uint8Array): number => data.reduce((count, byte) => count + (byte === 10 ? 1 : 0), 0);

async function storeCeiling(dataSource: DataSource, lines: number): Promise<Pick<StorageCeiling, 'rows' | 'copySeconds' | 'storeLinesPerSecond'>> {
  const queryRunner = dataSource.createQueryRunner();
  const rows: Record<string, number> = {};
  const copySeconds: Record<string, number> = {};
  try {
    const [{ low, high }] = (await queryRunner.query('SELECT min(id)::bigint AS low, max(id)::bigint AS high FROM sale_transaction')) as { low: string; high: string }[];
    for (const { table, key } of TABLES) {
      const columns = PAYMENT_COPY_COLUMNS[table];
      const list = columns.map((column) => `"${column}"`).join(', ');
      const chunks: EncodedChunk[] = [];
      for (let from = Number(low); from <= Number(high); from += SLICE_PAYMENTS) {
        // the bounds are numbers this function computed; COPY takes no parameters
        const data = await exportSlice(queryRunner, `SELECT ${list} FROM "${table}" WHERE "${key}" >= ${from} AND "${key}" < ${from + SLICE_PAYMENTS}`);
        if (data.length > 0) chunks.push({ data, rows: countLines(data) });
      }
      const copy = `ceiling_${table}`;
      await queryRunner.query(`DROP TABLE IF EXISTS "${copy}"`);
      await queryRunner.query(`CREATE TABLE "${copy}" (LIKE "${table}" INCLUDING ALL)`);
      const started = performance.now();
      await queryRunner.startTransaction();
      const copier = await TableCopier.open(queryRunner, { table: copy, columns, values: () => [] });
      for (const chunk of chunks) await copier.writeChunk(chunk);
      await queryRunner.commitTransaction();
      copySeconds[table] = seconds(started);
      rows[table] = await copier.flush();
      await queryRunner.query(`DROP TABLE "${copy}"`);
    }
  } finally {
    await queryRunner.release();
  }
  const total = Object.values(copySeconds).reduce((sum, value) => sum + value, 0);
  return { rows, copySeconds, storeLinesPerSecond: Math.round(lines / total) };
}

async function parseCeiling(file: string, lines: number): Promise<Pick<StorageCeiling, 'parseSeconds' | 'parseLinesPerSecond'>> {
  const started = performance.now();
  let records = 0;
  await pipeline(
    createReadStream(file),
    parse(),
    new Writable({
      objectMode: true,
      write: (_record, _encoding, done) => {
        records++;
        done();
      },
    }),
  );
  const parseSeconds = seconds(started);
  if (records !== lines + 1) throw new Error(`csv-parse read ${records} records, expected ${lines} lines and a header`);
  return { parseSeconds, parseLinesPerSecond: Math.round(lines / parseSeconds) };
}

export async function measureStorageCeiling(options: { dataSource: DataSource; file: string; lines: number }): Promise<StorageCeiling> {
  const store = await storeCeiling(options.dataSource, options.lines);
  return { ...store, ...(await parseCeiling(options.file, options.lines)) };
}
