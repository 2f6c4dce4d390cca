import { stringify } from 'csv-stringify/sync';
import { defuseFormula } from '@larder/domain';

export interface QuarantinedRow {
  line: number;
  reason: string;
  /** The row's mapped columns as the file had them (personal ones pseudonymised, unmapped ones dropped). */
  raw: Record<string, unknown>;
}

/** The columns put before the file's own: where the row was and why it was refused. */
export const QUARANTINE_CSV_COLUMNS = ['行号 line', '原因 reason'] as const;

/** A signed number or amount (-12.00, -¥1,018.00) stays as written, so the fixed file imports again. */
const SIGNED_NUMBER = /^[-+][¥￥]?[\d,]*\.?\d+$/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return SIGNED_NUMBER.test(text) ? text : defuseFormula(text);
}

/**
 * A batch's refused rows as a CSV a person opens in Excel, corrects and imports again: the line and
 * the reason first, then the file's columns under their own headers (in the order the quarantine keeps them).
 */
export function quarantineCsv(rows: readonly QuarantinedRow[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row.raw)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const records = rows.map((row) => [String(row.line), defuseFormula(row.reason), ...columns.map((column) => cell(row.raw[column]))]);
  return stringify([[...QUARANTINE_CSV_COLUMNS, ...columns], ...records], { record_delimiter: '\r\n' });
}
