import { createHash } from 'node:crypto';
import type { SourceRecord } from '../formats/record-stream';
import { bilingual } from '../messages';
import type { ColumnMapping, MappingProfile } from './mapping-profile';

/**
 * Some card systems export payments without a serial number (交易流水号). For a profile that allows
 * it, Larder then derives one from what identifies a payment in such a file: the canteen, the time
 * as written, the diner's card (or staff) number and the terminal. The dish lines of one payment
 * repeat those, so they share the serial and stay one payment, numbered by their position. The
 * serial is a hash, the same for the same payment in any file — re-importing a file, or an export
 * overlapping an earlier one, finds its payments as duplicates. The file line is deliberately not
 * part of it: the same payment sits on another line in an overlapping export and would be doubled.
 *
 * It is taken over the card's keyed pseudonym (the PersonalDataGuard has replaced the number before
 * this runs), so a serial cannot be traced back to a card without the key; and a new key gives the
 * same payments new serials (README, rotating the key).
 */
export const DERIVED_SERIAL_HEADER = '交易流水号(派生)';

/** Whether a profile's transactions lack a serial column and may have one derived from these fields. */
export function derivesSerial(profile: MappingProfile, kind: string, has: (field: string) => boolean): boolean {
  return kind === 'transactions' && profile.deriveSerials === true && !has('externalId') && has('occurredAt') && (has('cardNo') || has('employeeNo'));
}

/** The headers the import reads: the file's, and the derived serial's column after them. */
export function mappedHeaders(mapping: ColumnMapping, headers: string[]): string[] {
  return mapping.derivedSerial ? [...headers, DERIVED_SERIAL_HEADER] : headers;
}

/** The batch report's sentence about derived serials, or null when none were derived. */
export function derivedSerialNote(payments: number): string | null {
  if (payments === 0) return null;
  return bilingual(
    `为 ${payments} 笔交易派生了流水号：文件没有交易流水号列，由食堂、交易时间、卡号（化名）和窗口生成；重新导入同一文件时可识别为重复`,
    `serial numbers derived for ${payments} payments: the file has no serial-number column, so each comes from the canteen, time, card (pseudonym) and terminal; re-importing the file finds them as duplicates`,
  );
}

/** Fills the derived serial's column of each guarded record. */
export class SerialDeriver {
  private readonly sources: number[];
  private readonly target: number;

  constructor(mapping: ColumnMapping) {
    const { columns } = mapping;
    this.target = columns.externalId;
    this.sources = [columns.canteen, columns.occurredAt, columns.cardNo, columns.employeeNo, columns.terminal].map((index) => index ?? -1);
  }

  apply(record: SourceRecord): void {
    const hash = createHash('sha256');
    for (const index of this.sources) {
      const value = index < 0 ? null : (record.values[index] ?? null);
      // trimmed as the row reader would
      const text = value === null ? '' : String(value).trim();
      hash.update(text).update('\u0000');
    }
    record.values[this.target] = `D${hash.digest('hex').slice(0, 20)}`;
  }
}
