import type { DataSource } from 'typeorm';

/** Deletes a table's rows of a service date and returns what puts them back as they were. */
export async function takeAwayDay(db: DataSource, table: 'menu_item' | 'forecast' | 'daily_meal_rollup' | 'daily_dish_rollup', day: string): Promise<() => Promise<void>> {
  const [{ rows }] = await db.query(`WITH gone AS (DELETE FROM ${table} WHERE service_date = $1 RETURNING *) SELECT coalesce(jsonb_agg(to_jsonb(gone)), '[]'::jsonb) AS rows FROM gone`, [day]);
  return async () => {
    await db.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [JSON.stringify(rows)]);
  };
}

/** A day's row of the calendar, set for a test (its kind and holiday names) and put back as it was. */
export async function calendarDayFixture(db: DataSource, day: string): Promise<{ set(kind: string, name: string | null, nameZh: string | null): Promise<void>; restore(): Promise<void> }> {
  const [saved] = await db.query('SELECT kind, holiday_name, holiday_name_zh FROM calendar_day WHERE day = $1', [day]);
  const set = async (kind: string, name: string | null, nameZh: string | null) => {
    await db.query(
      `INSERT INTO calendar_day (day, kind, holiday_name, holiday_name_zh) VALUES ($1, $2, $3, $4)
       ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, holiday_name = excluded.holiday_name, holiday_name_zh = excluded.holiday_name_zh`,
      [day, kind, name, nameZh],
    );
  };
  const restore = async () => {
    if (saved) await set(saved.kind, saved.holiday_name, saved.holiday_name_zh);
    else await db.query('DELETE FROM calendar_day WHERE day = $1', [day]);
  };
  return { set, restore };
}
