import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportRollbackService, ImportService, RollupService } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { csv, importMasters, openImportContext, saleRows, scratchDir, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';

/**
 * The hourly load rollup (canteen × day × meal × hour) is kept by the import and the rollback; after
 * each it must equal a rebuild from all the facts.
 */
describe('hourly load rollup stays equal to a full rebuild', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  let rollback: ImportRollbackService;
  const dir = scratchDir('hourly-rollup');

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, rollback, dataSource } = await openImportContext(database.config));
    await importMasters(importer, dir);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const snapshot = (): Promise<Record<string, unknown>[]> =>
    dataSource.query(`SELECT canteen_id, service_date::text AS day, meal, hour, transactions, covers FROM hourly_load_rollup ORDER BY 1, 2, 3, 4`);

  async function expectEqualToRebuild(): Promise<Record<string, unknown>[]> {
    const kept = await snapshot();
    await dataSource.query('DELETE FROM hourly_load_rollup');
    const canteens: { id: number }[] = await dataSource.query('SELECT id FROM canteen');
    await app.get(RollupService).refresh({ canteenIds: canteens.map((canteen) => canteen.id), from: '2000-01-01', to: '2100-01-01' });
    expect(kept).toEqual(await snapshot());
    return kept;
  }

  const importRows = async (name: string, rows: (string | number | null)[][]) =>
    importer.importFile({ kind: 'transactions', path: writeFile(dir, name, csv(rows)), profile: 'demo', createdBy: 'test' });

  it('after an import into new meals: hours on the canteen clock, sales and distinct diners', async () => {
    await importRows('first.csv', [
      TX_HEADER,
      ...saleRows({ id: 'H1', at: '2026-11-24T12:00:00+08:00', employee: '1', lines: [['D001', 1, '18.00']] }),
      ...saleRows({ id: 'H2', at: '2026-11-24T12:40:00+08:00', employee: '1', lines: [['D002', 1, '9.50']] }),
      ...saleRows({ id: 'H3', at: '2026-11-24T13:05:00+08:00', employee: '2', lines: [['D002', 1, '9.50']] }),
      ...saleRows({ id: 'H4', at: '2026-11-24T07:30:00+08:00', employee: '2', meal: 'breakfast', lines: [['D003', 1, '2.00']] }),
      ...saleRows({ id: 'H5', canteen: 'C2', at: '2026-11-24T12:30:00+08:00', employee: '3', lines: [['D001', 1, '18.00']] }),
    ]);
    const rows = await expectEqualToRebuild();
    const lunchC1 = rows.filter((row) => row.meal === 'lunch' && Number(row.hour) === 12 && row.day === '2026-11-24');
    expect(lunchC1.map((row) => [Number(row.transactions), Number(row.covers)])).toContainEqual([2, 1]);
    expect(rows.some((row) => row.meal === 'breakfast' && Number(row.hour) === 7)).toBe(true);
  });

  it('after an import that adds to meals already there', async () => {
    await importRows('more.csv', [
      TX_HEADER,
      ...saleRows({ id: 'H6', at: '2026-11-24T12:10:00+08:00', employee: '5', lines: [['D001', 1, '18.00']] }),
      ...saleRows({ id: 'H7', at: '2026-11-25T12:10:00+08:00', employee: '5', lines: [['D001', 1, '18.00']] }),
    ]);
    await expectEqualToRebuild();
  });

  it('after a rollback of that import', async () => {
    const [batch] = await dataSource.query(`SELECT id FROM import_batch WHERE file_name = 'more.csv' AND status = 'committed'`);
    await rollback.rollback(batch.id, 'test');
    const rows = await expectEqualToRebuild();
    expect(rows.some((row) => row.day === '2026-11-25')).toBe(false);
  });
});
