import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { supersedeForecasts } from '@larder/demand';

/**
 * Grows a seeded demo enterprise server-side: each copy adds canteens with the same sites, menus and
 * facts as the originals (INSERT … SELECT, new canteen ids), so the tables reach the size of a large
 * group without generating data in Node. Rollups are rebuilt afterwards by the product's own code.
 */
export async function multiplyCanteens(dataSource: DataSource, copies: number, log: (message: string) => void): Promise<number[]> {
  const originals: { id: number }[] = await dataSource.query('SELECT id FROM canteen ORDER BY id');
  const ids = originals.map((row) => Number(row.id));
  const step = 100;
  for (let copy = 1; copy < copies; copy += 1) {
    const offset = copy * step;
    const started = Date.now();
    await dataSource.query(
      `INSERT INTO canteen (id, code, name, name_en, site_id, timezone, seats, opens_weekends)
       SELECT id + $1, code || '-' || $2::text, name || ' ' || $2::text, name_en || ' ' || $2::text, site_id, timezone, seats, opens_weekends FROM canteen WHERE id = ANY($3::int[])`,
      [offset, copy, ids],
    );
    for (const table of ['sale_transaction', 'sale_line', 'production_log', 'waste_log', 'feedback', 'menu_item', 'stock_count']) {
      const columns: { column_name: string }[] = await dataSource.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position`,
        [table],
      );
      const names = columns.map((column) => `"${column.column_name}"`);
      const select = names.map((name) => (name === '"canteen_id"' ? `canteen_id + ${offset}` : name));
      await dataSource.query(`INSERT INTO "${table}" (${names.join(', ')}) SELECT ${select.join(', ')} FROM "${table}" WHERE canteen_id = ANY($1::int[])`, [ids]);
    }
    log(`copy ${copy}/${copies - 1}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const all: { id: number }[] = await dataSource.query('SELECT id FROM canteen ORDER BY id');
  return all.map((row) => Number(row.id));
}

/**
 * Nightly forecast runs over the last `days` days, each forecasting the next `horizon` days of covers
 * and dishes. The quantities are the actuals with a deterministic error, which is all the dashboard's
 * reads need (their cost depends on row counts, not on the values).
 */
export async function syntheticForecasts(dataSource: DataSource, input: { lastDate: string; days: number; horizon: number }): Promise<number> {
  let rows = 0;
  for (let back = input.days; back >= 1; back -= 1) {
    const id = randomUUID();
    const [{ as_of: asOf }] = (await dataSource.query(`SELECT ($1::date - $2::int)::text AS as_of`, [input.lastDate, back])) as { as_of: string }[];
    await dataSource.query(`INSERT INTO forecast_run (id, as_of, horizon_days, status, finished_at) VALUES ($1, $2::date, $3, 'done', now())`, [id, asOf, input.horizon]);
    const inserted: unknown[] = await dataSource.query(
      `INSERT INTO forecast (canteen_id, run_id, service_date, meal, dish_id, model, p50, p10, p90)
       SELECT canteen_id, $1::uuid, service_date, meal, 0, 'bench', q * 1.04, q * 0.85, q * 1.18
       FROM (SELECT canteen_id, service_date, meal, covers AS q FROM daily_meal_rollup WHERE service_date > $2::date AND service_date <= $2::date + $3::int) m
       UNION ALL
       SELECT canteen_id, $1::uuid, service_date, meal, dish_id, 'bench', q * 0.97, q * 0.8, q * 1.2
       FROM (SELECT canteen_id, service_date, meal, dish_id, GREATEST(quantity, 0) AS q FROM daily_dish_rollup WHERE service_date > $2::date AND service_date <= $2::date + $3::int) d
       RETURNING 1`,
      [id, asOf, input.horizon],
    );
    rows += inserted.length;
    // as ForecastRunService does when it stores a run: the older forecasts of the same days are marked superseded
    await supersedeForecasts(dataSource.manager, id);
  }
  return rows;
}

/**
 * The copies' facts equal the originals' with another canteen id, so their rollups are the originals'
 * (built by RollupService, the stored portion costs included) with the same shift: copied server-side instead of aggregated 30 million
 * lines again, which would take over an hour on the two shared cores.
 */
export async function copyRollups(dataSource: DataSource, copies: number): Promise<void> {
  const step = 100;
  for (const table of ['daily_meal_rollup', 'daily_dish_rollup', 'daily_cost_rollup', 'daily_channel_rollup', 'hourly_load_rollup', 'daily_feedback_rollup']) {
    await dataSource.query(`DELETE FROM "${table}" WHERE canteen_id >= $1`, [step]);
    const columns: { column_name: string }[] = await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position`,
      [table],
    );
    const names = columns.map((column) => `"${column.column_name}"`);
    const select = names.map((name) => (name === '"canteen_id"' ? 'r.canteen_id + c.offset_id' : `r.${name}`));
    await dataSource.query(
      `INSERT INTO "${table}" (${names.join(', ')})
       SELECT ${select.join(', ')} FROM "${table}" r CROSS JOIN generate_series(1, $1::int - 1) AS k CROSS JOIN LATERAL (SELECT k * ${step} AS offset_id) c
       WHERE r.canteen_id < ${step}`,
      [copies],
    );
  }
}
