import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportService } from '@larder/ingestion';
import { PlanningDataLoader } from '@larder/procurement';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { csv, importMasters, openImportContext, saleRows, scratchDir, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';

/**
 * A portion's cost has one owner, the database's costing (COST_CTES): the rollups store it for the
 * finance, waste and dashboard figures, and planning prices plans, replays and waste accounting with
 * it. Around a price change both must give the same cost for a dish on each day.
 */
describe('portion cost: the rollups and planning agree on a day with a price change', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  const dir = scratchDir('portion-cost');

  const importCsv = async (kind: 'transactions' | 'supplier_prices' | 'recipes' | 'auto', name: string, rows: (string | number | null)[][]) =>
    importer.importFile({ kind, path: writeFile(dir, name, csv(rows)), profile: kind === 'auto' ? undefined : 'demo', createdBy: 'test' });

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, dataSource } = await openImportContext(database.config));
    await importMasters(importer, dir);
    await importCsv('auto', 'suppliers.csv', [
      ['supplier_code', 'name', 'name_en', 'contact'],
      ['S1', '鲜达食品', 'Xianda Foods', '021-5555'],
      ['S2', '东方粮油', 'Dongfang Grain', '021-6666'],
    ]);
    await importCsv('auto', 'supplier_items.csv', [
      ['supplier_code', 'ingredient_code', 'sku', 'pack_size', 'min_order_packs', 'lead_time_days', 'delivery_weekdays', 'order_cutoff'],
      ['S1', 'I001', 'PB-5', '5', '1', '1', '1|3|5', '16:00'],
      ['S2', 'I001', 'PB-10', '10', '1', '2', '2|4', '12:00'],
      ['S1', 'I003', 'TM-10', '10', '1', '1', '1|3|5', '16:00'],
    ]);
    // On 25 November S1's pack gets dearer than S2's, which becomes the cheapest source.
    await importCsv('supplier_prices', 'prices.csv', [
      ['supplier_code', 'sku', 'valid_from', 'pack_price'],
      ['S1', 'PB-5', '2026-11-01', '150.00'],
      ['S1', 'PB-5', '2026-11-25', '170.00'],
      ['S2', 'PB-10', '2026-11-01', '320.00'],
      ['S1', 'TM-10', '2026-11-01', '45.00'],
    ]);
    await importCsv('recipes', 'recipes.csv', [
      ['dish_code', 'ingredient_code', 'quantity_per_portion', 'yield_loss'],
      ['D001', 'I001', '0.2', '0.05'],
      ['D001', 'I003', '0.03', '0'],
      ['D002', 'I003', '0.15', '0.1'],
    ]);
    const sales = [
      ...saleRows({
        id: 'A1',
        at: '2026-11-24T12:00:00+08:00',
        employee: '1',
        lines: [
          ['D001', 1, '18.00'],
          ['D002', 1, '9.50'],
        ],
      }),
      ...saleRows({
        id: 'A2',
        at: '2026-11-25T12:00:00+08:00',
        employee: '2',
        lines: [
          ['D001', 2, '18.00'],
          ['D002', 1, '9.50'],
        ],
      }),
    ];
    expect(await importCsv('transactions', 'sales.csv', [TX_HEADER, ...sales])).toMatchObject({ accepted: 4 });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('gives each dish the same cost in the dish rollup and in the planning catalogue', async () => {
    const stored: { day: string; dish_id: number; fen: number }[] = await dataSource.query(
      `SELECT service_date::text AS day, dish_id, fen_per_portion::float8 AS fen FROM daily_dish_rollup WHERE fen_per_portion IS NOT NULL ORDER BY 1, 2`,
    );
    expect(stored.map((row) => row.day)).toEqual(['2026-11-24', '2026-11-24', '2026-11-25', '2026-11-25']);
    const catalogue = await new PlanningDataLoader(dataSource).catalogue({ from: '2026-11-24', to: '2026-11-25' });
    for (const row of stored) expect(catalogue.costPerPortionOn(row.dish_id, row.day)).toBe(row.fen);

    // Pork belly: 30 fen/unit at S1 before the change, then S2's 32 (S1 would be 34); 0.2 / 0.95 of it plus 0.03 of I003 at 4.5.
    const [d001] = await dataSource.query(`SELECT id FROM dish WHERE code = 'D001'`);
    expect(catalogue.costPerPortionOn(d001.id, '2026-11-24')).toBeCloseTo(3000 * (0.2 / 0.95) + 450 * 0.03, 6);
    expect(catalogue.costPerPortionOn(d001.id, '2026-11-25')).toBeCloseTo(3200 * (0.2 / 0.95) + 450 * 0.03, 6);
    expect(() => catalogue.costPerPortionOn(d001.id, '2026-11-26')).toThrow(/not loaded/);
  });
});
