import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '@larder/database';
import { createTestDatabase, TestDatabase } from '../support/test-config';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    // an empty database: this test runs the migrations itself
    database = await createTestDatabase({ migrated: false });
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('create the whole schema, match the entities, and undo cleanly', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);

    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);

    for (let index = 0; index < MIGRATIONS.length; index++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
    expect(tables[0].n).toBe(0);

    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
  });

  it('keeps the canteen id in the key of every fact table, so the schema can be distributed by canteen', async () => {
    const factTables = ['sale_transaction', 'sale_line', 'production_log', 'waste_log', 'stock_count', 'feedback', 'menu_item', 'daily_dish_rollup', 'daily_meal_rollup', 'forecast'];
    const rows: { table_name: string }[] = await dataSource.query(
      `SELECT tc.table_name FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
       WHERE tc.constraint_type = 'PRIMARY KEY' AND k.column_name = 'canteen_id'`,
    );
    expect(rows.map((row) => row.table_name).sort()).toEqual(expect.arrayContaining(factTables.sort()));
  });
});
