import { openDatabase, OpenDatabase, query } from '@larder/database';
import { createTestDatabase, TestDatabase } from '../support/test-config';

interface TypedRow {
  rows: number;
  total: number;
  money: number;
  empty: number | null;
  flag: boolean;
  day: Date;
  label: string;
}

describe('the typed query layer', () => {
  let database: TestDatabase;
  let open: OpenDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    open = await openDatabase(database.config.database);
  });

  afterAll(async () => {
    await open?.close();
    await database?.drop();
  });

  it('reads int8 and numeric as numbers, bool as boolean, and leaves dates and NULL as pg reads them', async () => {
    const sql = `SELECT count(*) AS rows, sum(v)::bigint AS total, sum(v * 0.25)::numeric(12, 2) AS money,
                        sum(v) FILTER (WHERE false) AS empty, bool_or(v > 2) AS flag, '2026-03-02'::date AS day, 'x' || count(*) AS label
                 FROM (VALUES (1), (2), (4)) t(v)`;
    const [row] = await query<TypedRow>(open.dataSource, sql);
    expect(row).toEqual({ rows: 3, total: 7, money: 1.75, empty: null, flag: true, day: new Date(2026, 2, 2), label: 'x3' });
    expect(typeof row.rows).toBe('number');
    expect(typeof row.money).toBe('number');
  });

  it('types the rows of a transaction and of a query runner alike', async () => {
    const sql = 'SELECT $1::numeric AS money, $2::int8 AS big, $3::boolean AS flag';
    const parameters = ['12.50', '9007199254740', false];
    const inTransaction = await open.dataSource.transaction((manager) => query<{ money: number; big: number; flag: boolean }>(manager, sql, parameters));
    const runner = open.dataSource.createQueryRunner();
    try {
      expect(await query(runner, sql, parameters)).toEqual(inTransaction);
    } finally {
      await runner.release();
    }
    expect(inTransaction).toEqual([{ money: 12.5, big: 9_007_199_254_740, flag: false }]);
  });
});
