import { parse } from 'csv-parse/sync';
import { detectDelimiter } from '@larder/domain';

export interface CsvRecord {
  /** The line a person finds the row on (its last line, for a quoted cell over several lines). */
  readonly line: number;
  readonly record: Record<string, string>;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

/**
 * A CSV the way spreadsheets and canteen systems save it: the separator its header line uses
 * (comma, semicolon, tab or bar), a BOM and CRLF line ends; header names trimmed and lower-cased,
 * cells trimmed; blank lines and rows whose cells are all empty (a sheet's formatted tail) skipped.
 * Rows may leave trailing cells out. `what` names the file in errors.
 */
export function readCsvTable(text: string, what: string): CsvTable {
  let header: string[] = [];
  let records: { info: { lines: number }; record: Record<string, string> }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]),
      columns: (names: string[]) => (header = names.map((name) => name.trim().toLowerCase())),
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      relax_column_count_less: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new Error(`bad ${what}: ${(error as Error).message}`);
  }
  return { header, records: records.map(({ info, record }) => ({ line: info.lines, record })) };
}
