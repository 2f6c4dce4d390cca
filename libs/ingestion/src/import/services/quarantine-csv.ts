import { stringify } from 'csv-stringify/sync';
import { defuseFormula } from '@larder/domain';
import { quarantineKeys } from './quarantine-keys';

export interface QuarantinedRow {
  line: number;
  reason: string;
  /** 'flagged': the row was stored; it is listed for a person to check, not to import again. */
  severity: 'rejected' | 'flagged';
  /** The row's mapped columns as the file had them (personal ones pseudonymised, unmapped ones dropped). */
  raw: Record<string, unknown>;
}

/** The columns put before the file's own: where the row was, whether it was stored, and why it is listed. */
export const QUARANTINE_CSV_COLUMNS = ['行号 line', '状态 status', '原因 reason'] as const;

const STATUS = { rejected: '未导入 refused', flagged: '已导入，请核对 stored, please check' } as const;

/** A signed number or amount (-12.00, -¥1,018.00) stays as written, so the fixed file imports again. */
const SIGNED_NUMBER = /^[-+][¥￥]?[\d,]*\.?\d+$/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return SIGNED_NUMBER.test(text) ? text : defuseFormula(text);
}

/**
 * A batch's refused rows as a CSV a person opens in Excel, corrects and imports again: the line, the
 * status and the reason first, then the file's columns under their own headers, in the file's own
 * order (`headers`), a header the file repeats as often as it does, so a row pasted back into the
 * file lines up; a column Larder did not keep is there empty, one it added (a derived serial) comes
 * after. Without the file's headers (a batch from before they were kept) the columns come as stored.
 * Flagged rows were stored: listed to be checked, they import as duplicates.
 */
export function quarantineCsv(rows: readonly QuarantinedRow[], headers: readonly string[] | null): string {
  const fileKeys = quarantineKeys(headers ?? []);
  const known = new Set(fileKeys);
  // a set keeps the order things were added in: the stored columns the file's headers do not name
  const added = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.raw)) if (!known.has(key)) added.add(key);
  const keys = [...fileKeys, ...added];
  const records = rows.map((row) => [String(row.line), STATUS[row.severity], defuseFormula(row.reason), ...keys.map((key) => cell(row.raw[key]))]);
  return stringify([[...QUARANTINE_CSV_COLUMNS, ...(headers ?? []), ...added], ...records], { record_delimiter: '\r\n' });
}
