import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { stringify, Stringifier } from 'csv-stringify';

export type CsvValue = string | number | null;

/** One CSV file written through csv-stringify into a file stream, counting its data rows. */
export class CsvFile {
  rows = 0;
  private readonly stringifier: Stringifier;
  private readonly done: Promise<void>;

  constructor(params: { dir: string; name: string; columns: readonly string[] }) {
    this.stringifier = stringify({ header: true, columns: [...params.columns], eof: true });
    const file = createWriteStream(join(params.dir, params.name), { encoding: 'utf8' });
    this.stringifier.pipe(file);
    this.done = finished(file);
  }

  write(record: CsvValue[]): void {
    this.stringifier.write(record);
    this.rows++;
  }

  /** Called between days, so at most one day's rows wait in memory. */
  async drain(): Promise<void> {
    if (this.stringifier.writableNeedDrain) await once(this.stringifier, 'drain');
  }

  async close(): Promise<void> {
    this.stringifier.end();
    await this.done;
  }
}

/** Card systems export money in yuan with two decimals; integer arithmetic keeps it exact. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${sign}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Local wall-clock time with its offset, as a vendor in Shanghai writes it: 2025-03-14T11:52:07+08:00. */
export function shanghaiTime(instant: Date): string {
  return `${new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
