/**
 * What a real-data loader hands the benchmark: Larder backtest rows per series set, the dataset's
 * calendar (as a `larder backtest --calendar FILE` file would carry it) and its test protocol.
 *
 * The loaders read the read-only dataset folders (../shared/datasets/<name>) and keep everything
 * in memory or write it outside the project: third-party data never enters the repository.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CalendarFileRow } from '@larder/forecasting';

/** One service day of one series, in the `larder backtest` CSV layout. */
export interface LarderRow {
  readonly date: string;
  readonly canteen: string;
  readonly meal: string;
  /** `*` for covers (diners, visitors, orders); otherwise the item or article. */
  readonly item: string;
  readonly quantity: number;
  /** What was planned or prepared, where the data has it. */
  readonly planned?: number;
  /** Numeric drivers known ahead for that day, in the set's `driverNames` order. */
  readonly drivers?: readonly number[];
}

/** A row of the dataset's calendar file (`date,kind[,name]`), as `larder backtest --calendar FILE` reads it. */
export type CalendarRow = CalendarFileRow;

/** Baseline figures of the dataset's SOURCE.md (its baselines.py), for the protocol-parity check. */
export interface ReferenceFigures {
  readonly lead: number;
  /** Scored (series, day) pairs. */
  readonly scored: number;
  readonly seasonalNaiveWape: number;
  readonly median4Wape: number;
  /** MAE, where SOURCE.md reports MAE rather than WAPE (LH). */
  readonly seasonalNaiveMae?: number;
  readonly median4Mae?: number;
}

export interface SeriesSet {
  /** File name stem, e.g. `groups` → groups.csv. */
  readonly id: string;
  readonly title: string;
  /** Units per item (dish, article, product group): scored per dish too (sMAPE, last-served). */
  readonly perItem: boolean;
  readonly driverNames: readonly string[];
  readonly hasPlanned: boolean;
  readonly rows: readonly LarderRow[];
  readonly reference: readonly ReferenceFigures[];
  /** Why this set's scoring differs from SOURCE.md, when it does. */
  readonly notes?: readonly string[];
}

export interface Protocol {
  /** First scored date (inclusive); scoring runs to the end of the data. */
  readonly testFrom: string;
  readonly testTo: string;
  readonly leads: readonly number[];
  readonly scored: string;
  readonly notes: readonly string[];
}

export interface RealDataset {
  /** Short id used by the runner's --datasets flag. */
  readonly id: string;
  /** Folder name under shared/datasets and under the CSV output folder. */
  readonly folder: string;
  readonly title: string;
  /** Kept out of all tuning: the runner skips it unless --include-holdout. */
  readonly holdout: boolean;
  readonly calendar: readonly CalendarRow[];
  readonly protocol: Protocol;
  readonly sets: readonly SeriesSet[];
}

export const LEADS = [7, 14] as const;

/** Larder backtest CSV text of a series set (header `date,canteen,meal,item,quantity[,planned][,driver…]`). */
export function larderCsv(set: SeriesSet): string {
  const header = ['date', 'canteen', 'meal', 'item', 'quantity', ...(set.hasPlanned ? ['planned'] : []), ...set.driverNames];
  const records = set.rows.map((row) => [
    row.date,
    row.canteen,
    row.meal,
    row.item,
    formatNumber(row.quantity),
    ...(set.hasPlanned ? [row.planned === undefined ? '' : formatNumber(row.planned)] : []),
    ...(row.drivers ?? []).map(formatNumber),
  ]);
  if (records.some((record) => record.length !== header.length)) throw new Error(`${set.id}: a row has ${set.driverNames.length} drivers missing`);
  return stringify([header, ...records]);
}

/** Whole numbers as integers, others with enough digits to round-trip. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

export function calendarCsv(rows: readonly CalendarRow[]): string {
  return stringify([['date', 'kind', 'name'], ...[...rows].sort(byDate).map((row) => [row.date, row.kind, row.name ?? ''])]);
}

const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every date from `from` to `to` inclusive. */
export function dateRange(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records of a dataset CSV file keyed by header; `header: false` for files without one. */
export function readRecords(path: string, options: { delimiter?: string; header?: readonly string[] } = {}): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), {
    bom: true,
    columns: options.header ? [...options.header] : true,
    delimiter: options.delimiter ?? ',',
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
}

/** A numeric cell, or an error naming the file, record and column. */
export function numberOf(record: Record<string, string>, column: string, where: string): number {
  const value = Number(record[column]);
  if (record[column] === undefined || record[column] === '' || !Number.isFinite(value)) {
    throw new Error(`${where}: column ${column} is not a number: ${JSON.stringify(record[column])}`);
  }
  return value;
}
