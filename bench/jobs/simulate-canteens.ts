import { DataSource } from 'typeorm';

/**
 * Simulated canteens for the scale benchmarks: copies of the seeded demo canteens under new ids
 * (clone k of canteen c gets id c + k × the number of demo canteens, code `<code>-S<k>`).
 *
 * Why copies and not the generator: the demo generator makes at most 6 canteens per enterprise, and
 * seeding 100 canteens' full 548 days of payments (~140 M rows) would take far longer than a
 * benchmark should on this machine. The nightly run reads the payments of the last 7 days and the
 * rollups and menus of up to two years, so the copies carry exactly that: every rollup, menu, meal
 * period and closure, and the payments (with their lines) of the last `paymentDays` days.
 * A copy's forecast costs what its original's does: same series lengths, same models to fit.
 */
const FULL_TABLES = ['meal_period', 'canteen_closure', 'menu_item', 'daily_meal_rollup', 'daily_dish_rollup'] as const;

async function columns(dataSource: DataSource, table: string): Promise<string[]> {
  const rows: { column_name: string }[] = await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`, [
    table,
  ]);
  return rows.map((row) => row.column_name);
}

/** The select list of a copy: canteen_id shifted, the rest as is (or as `overrides` say). */
function copyList(names: string[], overrides: Record<string, string> = {}): string {
  return names.map((name) => overrides[name] ?? (name === 'canteen_id' ? 'src.canteen_id + k.n * $1' : `src.${name}`)).join(', ');
}

export async function simulateCanteens(
  dataSource: DataSource,
  options: { total: number; paymentDays: number; log?: (line: string) => void },
): Promise<{ base: number; total: number; seconds: number }> {
  const started = performance.now();
  const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM canteen')) as { count: number }[];
  const [{ base }] = (await dataSource.query(`SELECT count(*)::int AS base FROM canteen WHERE code NOT LIKE '%-S%'`)) as { base: number }[];
  if (count >= options.total) return { base, total: count, seconds: 0 };
  if (count !== base) throw new Error(`the database holds ${count} canteens of which ${base} originals: simulate into a freshly seeded database`);
  const clones = Math.ceil(options.total / base) - 1;
  // Copies are made whole (all of a clone's canteens), then trimmed to the total asked for.
  const copies = `generate_series(1, ${clones}) AS k(n)`;
  const log = options.log ?? (() => undefined);
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO canteen (${(await columns(dataSource, 'canteen')).join(', ')})
       SELECT ${copyList(await columns(dataSource, 'canteen'), { id: 'src.id + k.n * $1', code: `src.code || '-S' || k.n`, name: `src.name || ' ' || k.n`, name_en: `src.name_en || ' ' || k.n` })}
       FROM canteen src CROSS JOIN ${copies}`,
      [base],
    );
    for (const table of FULL_TABLES) {
      const names = await columns(dataSource, table);
      await manager.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${copyList(names)} FROM ${table} src CROSS JOIN ${copies} WHERE src.canteen_id <= $1`, [base]);
      log(`copied ${table}`);
    }
    const from = `(SELECT max(service_date) - ${options.paymentDays - 1} FROM sale_transaction)`;
    const txNames = await columns(dataSource, 'sale_transaction');
    await manager.query(
      `INSERT INTO sale_transaction (${txNames.join(', ')}) SELECT ${copyList(txNames)} FROM sale_transaction src CROSS JOIN ${copies} WHERE src.canteen_id <= $1 AND src.service_date >= ${from}`,
      [base],
    );
    const lineNames = await columns(dataSource, 'sale_line');
    await manager.query(
      `INSERT INTO sale_line (${lineNames.join(', ')}) SELECT ${copyList(lineNames)} FROM sale_line src
       JOIN sale_transaction t ON t.canteen_id = src.canteen_id AND t.id = src.transaction_id CROSS JOIN ${copies}
       WHERE src.canteen_id <= $1 AND t.service_date >= ${from}`,
      [base],
    );
    log(`copied the last ${options.paymentDays} days of payments`);
    const tables = ['canteen', ...FULL_TABLES, 'sale_line', 'sale_transaction'];
    for (const table of tables) await manager.query(`DELETE FROM ${table} WHERE ${table === 'canteen' ? 'id' : 'canteen_id'} > $1`, [options.total]);
  });
  for (const table of ['canteen', ...FULL_TABLES, 'sale_transaction', 'sale_line']) await dataSource.query(`ANALYZE ${table}`);
  return { base, total: options.total, seconds: (performance.now() - started) / 1000 };
}
