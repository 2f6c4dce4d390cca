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
 * Rows may leave trailing cells out; columns without a name (a separator at the end of each line)
 * are left out. A name given twice is refused: which of the two columns is meant cannot be known.
 * `what` names the file in errors.
 */
export function readCsvTable(text: string, what: string): CsvTable {
  let header: string[] = [];
  let records: { info: { lines: number }; record: Record<string, string> }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]),
      columns: (names: string[]) => {
        header = names.map((name) => name.trim().toLowerCase());
        return header.map((name) => (name === '' ? false : name));
      },
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      relax_column_count_less: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new Error(`bad ${what}: ${(error as Error).message}`);
  }
  const twice = header.find((name, index) => name !== '' && header.indexOf(name) !== index);
  if (twice !== undefined) throw new Error(`bad ${what}: column ${twice} appears twice in the header (header: ${header.join(',')})`);
  return { header: header.filter((name) => name !== ''), records: records.map(({ info, record }) => ({ line: info.lines, record })) };
}
