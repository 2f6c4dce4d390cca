import { query, SqlRunner } from './typed-query';

/** The canteens that exist among $1 (every canteen when $1 is null), by id. */
export const CANTEEN_IDS_SQL = 'SELECT id FROM canteen WHERE $1::int[] IS NULL OR id = ANY($1::int[]) ORDER BY id';

export interface CanteenIdRow {
  id: number;
}

/** Every canteen's id, or those of `among` that exist, ascending: the one read of which canteens there are. */
export async function canteenIds(runner: SqlRunner, among: readonly number[] | null = null): Promise<number[]> {
  const rows = await query<CanteenIdRow>(runner, CANTEEN_IDS_SQL, [among]);
  return rows.map((row) => row.id);
}
