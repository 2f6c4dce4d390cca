import type { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { query } from '@larder/database';
import { CANTEENS_BY_REFERENCE_SQL, CanteenReferenceRow } from './auth.queries';

/**
 * Canteens as people name them (codes such as C01) to the ids stored beside users and in audit
 * entries; ids are accepted too, for scripts written before codes. An unknown one is refused by name.
 */
export async function canteenIdsOf(dataSource: DataSource, references: string[], parameter = 'canteens'): Promise<number[]> {
  const wanted = [...new Set(references.map((reference) => reference.trim()).filter((reference) => reference !== ''))];
  if (wanted.length === 0) return [];
  const rows = await query<CanteenReferenceRow>(dataSource, CANTEENS_BY_REFERENCE_SQL, [wanted]);
  const unknown = wanted.filter((reference) => !rows.some((row) => row.code === reference || String(row.id) === reference));
  if (unknown.length > 0) throw new LarderError('VALIDATION_FAILED', `no canteen ${unknown.join(', ')}`, { parameter });
  return [...new Set(rows.map((row) => row.id))].sort((a, b) => a - b);
}
