import { NumberTextProblem, readNumberText } from '@larder/domain';
import { formatIsoDate, parseDateCell } from '../core/iso-date';
import { createServiceSeries, ServiceSeries } from '../core/service-series';
import { readCsvTable } from './csv-table';

/** Item value meaning "covers" (diners) rather than a dish. */
export const COVERS_ITEM = '*';
export const REQUIRED_COLUMNS = ['date', 'canteen', 'meal', 'item', 'quantity'] as const;
export const PLANNED_COLUMN = 'planned';

export interface SeriesKey {
  readonly canteen: string;
  readonly meal: string;
  /** `*` for covers. */
  readonly item: string;
}

export interface ParsedSeries {
  readonly key: SeriesKey;
  readonly series: ServiceSeries;
  /** Planned production per service day; NaN where the row had no plan. */
  readonly planned: Float64Array;
}

export interface ParsedLarderCsv {
  readonly series: readonly ParsedSeries[];
  readonly driverNames: readonly string[];
  readonly hasPlanned: boolean;
}

interface RawRow {
  readonly line: number;
  readonly day: number;
  readonly quantity: number;
  readonly planned: number;
  readonly drivers: Float64Array;
}

/**
 * Reads `date,canteen,meal,item,quantity[,planned][,<driver>...]`. Every other column is a
 * numeric driver (e.g. staff_on_duty, staff_on_leave, overtime, price_fen); a blank driver
 * cell repeats the series' previous value. Rows are service days: absent dates are closed.
 */
export function parseLarderCsv(text: string): ParsedLarderCsv {
  const { header, records } = readCsvTable(text, 'CSV');
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`bad CSV: missing column(s) ${missing.join(', ')} (header: ${header.join(',')})`);
  // A planned column blank throughout (an export's empty field) is no plan: nothing to compare with.
  const hasPlanned = header.includes(PLANNED_COLUMN) && records.some(({ record }) => (record[PLANNED_COLUMN] ?? '') !== '');
  const driverNames = header.filter((column) => !(REQUIRED_COLUMNS as readonly string[]).includes(column) && column !== PLANNED_COLUMN);
  if (records.length === 0) throw new Error('bad CSV: no data rows');

  const groups = new Map<string, { key: SeriesKey; rows: RawRow[] }>();
  for (const { line, record } of records) {
    const key: SeriesKey = {
      canteen: required(record, 'canteen', line),
      meal: required(record, 'meal', line),
      item: record.item === '' ? COVERS_ITEM : record.item,
    };
    const date = required(record, 'date', line);
    let day: number;
    try {
      day = parseDateCell(date);
    } catch (error) {
      throw new Error(`bad CSV line ${line}: column date: ${(error as Error).message}`);
    }
    const row: RawRow = {
      line,
      day,
      quantity: numberCell({ record, column: 'quantity', line, blank: 'error' }),
      planned: hasPlanned ? numberCell({ record, column: PLANNED_COLUMN, line, blank: 'nan' }) : Number.NaN,
      drivers: Float64Array.from(driverNames, (column) => numberCell({ record, column, line, blank: 'nan', allowNegative: true })),
    };
    const id = JSON.stringify([key.canteen, key.meal, key.item]);
    const group = groups.get(id) ?? { key, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  const series = [...groups.values()].map((group) => toSeries({ ...group, driverNames }));
  return { series, driverNames, hasPlanned };
}

function required(record: Record<string, string>, column: string, line: number): string {
  const value = record[column];
  if (!value) throw new Error(`bad CSV line ${line}: column ${column} is empty`);
  return value;
}

interface NumberCell {
  readonly record: Record<string, string>;
  readonly column: string;
  readonly line: number;
  readonly blank: 'error' | 'nan';
  readonly allowNegative?: boolean;
}

function numberCell(cell: NumberCell): number {
  const text = cell.record[cell.column] ?? '';
  if (text === '') {
    if (cell.blank === 'error') throw new Error(`bad CSV line ${cell.line}: column ${cell.column} is empty`);
    return Number.NaN;
  }
  // The number rule of every file Larder reads (@larder/domain): decimal notation, commas only as thousands.
  const value = readNumberText(text);
  if (typeof value === 'string') throw new Error(`bad CSV line ${cell.line}: column ${cell.column} is not a number: "${text}"${notNumberHint(value, cell)}`);
  if (value < 0 && !cell.allowNegative) throw new Error(`bad CSV line ${cell.line}: column ${cell.column} is negative: ${value}`);
  return value;
}

/** What to do about a cell that is not a number: a comma that is no thousands separator, or words in a column that is no driver. */
function notNumberHint(problem: NumberTextProblem, cell: NumberCell): string {
  if (problem === 'decimal-comma') return ' (write decimals with a point: 12.5)';
  if (problem === 'misplaced-comma') return ' (a comma may only separate thousands, in groups of three: 1,234.5)';
  if (cell.allowNegative) return ` (every column besides ${[...REQUIRED_COLUMNS, PLANNED_COLUMN].join(', ')} is a numeric driver: remove column ${cell.column} or give it numbers)`;
  return '';
}

function toSeries(group: { key: SeriesKey; rows: RawRow[]; driverNames: readonly string[] }): ParsedSeries {
  const rows = group.rows.sort((a, b) => a.day - b.day);
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].day === rows[i - 1].day) {
      const { canteen, meal, item } = group.key;
      throw new Error(`bad CSV line ${rows[i].line}: duplicate row for ${canteen}/${meal}/${item} on ${formatIsoDate(rows[i].day)} (also line ${rows[i - 1].line})`);
    }
  }
  const drivers: Record<string, Float64Array> = {};
  group.driverNames.forEach((name, column) => {
    const values = Float64Array.from(rows, (row) => row.drivers[column]);
    fillGaps(values);
    drivers[name] = values;
  });
  return {
    key: group.key,
    series: createServiceSeries({ dates: rows.map((row) => row.day), values: rows.map((row) => row.quantity), drivers }),
    planned: Float64Array.from(rows, (row) => row.planned),
  };
}

/** Blank driver cells repeat the previous value (or the next one at the start; 0 if the column is blank throughout). */
function fillGaps(values: Float64Array): void {
  const first = values.findIndex(Number.isFinite);
  if (first < 0) return void values.fill(0);
  for (let i = 0; i < first; i++) values[i] = values[first];
  for (let i = first + 1; i < values.length; i++) if (!Number.isFinite(values[i])) values[i] = values[i - 1];
}
