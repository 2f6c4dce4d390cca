import { MASK } from '@larder/common';
import type { SourceRecord } from '../import/formats/record-stream';
import { KIND_FIELDS } from '../import/profiles/import-kinds';
import type { ColumnMapping } from '../import/profiles/mapping-profile';
import type { Pseudonymizer } from './pseudonymizer';
import { columnName, quarantineKeys } from '../import/services/quarantine-keys';

export { MASK, maskPersonalError, maskPersonalText } from '@larder/common';

/**
 * The one door personal data passes. Built for a file once its columns are mapped, it rewrites
 * every record as it comes off the reader, before any check, message, quarantine entry or log
 * sees it: the fields a kind marks personal (card and staff numbers) become their keyed
 * pseudonyms, and every column no field reads — an ID-card number, a name, a phone, a second
 * card column under the same or another header — is emptied. What remains is all the rest of
 * the import can see; the quarantine keeps the mapped columns only, personal ones as ***.
 */
export class PersonalDataGuard {
  private readonly personal: number[];
  private readonly unread: number[];
  private readonly kept: { header: string; index: number; personal: boolean }[];
  /** Headers of the columns nothing reads, in file order: dropped before anything saw them. */
  readonly droppedColumns: string[];

  constructor(
    mapping: ColumnMapping,
    private readonly headers: string[],
    private readonly pseudonymizer: Pseudonymizer,
  ) {
    const specs = KIND_FIELDS[mapping.kind];
    const personalFields = Object.keys(mapping.columns).filter((field) => specs[field]?.sensitive);
    this.personal = personalFields.map((field) => mapping.columns[field]);
    const read = new Set(Object.values(mapping.columns));
    this.unread = headers.map((_, index) => index).filter((index) => !read.has(index));
    this.droppedColumns = this.unread.map((index) => columnName(headers[index], index));
    const keys = quarantineKeys(headers);
    this.kept = [...read].sort((a, b) => a - b).map((index) => ({ header: keys[index], index, personal: this.personal.includes(index) }));
  }

  /**
   * Rewrites the record in place and returns it. Every reader hands out a fresh values array per
   * record, and this runs for every line of a multi-million-line file: no copy.
   */
  apply(record: SourceRecord): SourceRecord {
    const values = record.values;
    // cells past the header line (a ragged CSV row) belong to no column at all
    if (values.length > this.headers.length) values.length = this.headers.length;
    for (const index of this.unread) if (index < values.length) values[index] = null;
    for (const index of this.personal) {
      const value = values[index];
      if (value === null || value === undefined) continue;
      const text = String(value).trim();
      values[index] = text === '' ? null : this.pseudonymizer.pseudonym(text);
    }
    return record;
  }

  /** A guarded record as the quarantine keeps it: the mapped columns by their key (quarantineKeys), personal ones as ***. */
  quarantined(record: SourceRecord): Record<string, unknown> {
    const raw: Record<string, unknown> = {};
    for (const column of this.kept) {
      const value = record.values[column.index] ?? null;
      raw[column.header] = column.personal && value !== null ? MASK : value;
    }
    return raw;
  }
}
