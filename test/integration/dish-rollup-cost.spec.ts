import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { COST_CTES } from '@larder/database';
import { ImportRollbackService, ImportService } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { csv, importMasters, openImportContext, saleRows, scratchDir, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';

/**
 * The dish rollup stores each row's portion cost when it is built, and the cost rollup sums it with the
 * logged waste per canteen, day and meal; the channel rollup holds the meal rollup's payments by
 * channel as rows. The finance, waste and dashboard figures read them. Whatever was imported or rolled
 * back, the costs must equal what the reports' own costing (COST_CTES) recomputes from the facts,
 * prices and recipes (null where a dish has no priced recipe), and the channels the meal rollup's.
 */
describe('dish, cost and channel rollups: the stored figures equal the recomputed ones', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  let rollback: ImportRollbackService;
  const dir = scratchDir('dish-rollup-cost');

  const importCsv = async (kind: 'transactions' | 'production' | 'waste' | 'supplier_prices' | 'recipes' | 'auto', name: string, rows: (string | number | null)[][]) =>
    importer.importFile({ kind, path: writeFile(dir, name, csv(rows)), profile: kind === 'auto' ? undefined : 'demo', createdBy: 'test' });

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, rollback, dataSource } = await openImportContext(database.config));
    await importMasters(importer, dir);
    await importCsv('auto', 'suppliers.csv', [
      ['supplier_code', 'name', 'name_en', 'contact'],
      ['S1', '鲜达食品', 'Xianda Foods', '021-5555'],
    ]);
    await importCsv('auto', 'supplier_items.csv', [
      ['supplier_code', 'ingredient_code', 'sku', 'pack_size', 'min_order_packs', 'lead_time_days', 'delivery_weekdays', 'order_cutoff'],
      ['S1', 'I001', 'PB-5', '5', '1', '1', '1|3|5', '16:00'],
      ['S1', 'I003', 'TM-10', '10', '1', '1', '1|3|5', '16:00'],
    ]);
    await importCsv('supplier_prices', 'prices.csv', [
      ['supplier_code', 'sku', 'valid_from', 'pack_price'],
      ['S1', 'PB-5', '2026-11-01', '150.00'],
      ['S1', 'PB-5', '2026-11-25', '160.00'],
      ['S1', 'TM-10', '2026-11-01', '45.00'],
    ]);
    await importCsv('recipes', 'recipes.csv', [
      ['dish_code', 'ingredient_code', 'quantity_per_portion', 'yield_loss'],
      ['D001', 'I001', '0.2', '0.05'],
      ['D002', 'I003', '0.15', '0.1'],
    ]);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** Every dish rollup row: what it stores and what the costing gives for its day and dish. */
  async function costs(): Promise<{ key: string; stored: string | null; recomputed: string | null }[]> {
    return dataSource.query(
      `WITH ${COST_CTES}
       SELECT r.canteen_id || '|' || r.service_date::text || '|' || r.meal || '|' || r.dish_id AS key,
              r.fen_per_portion::text AS stored, dc.fen_per_portion::text AS recomputed
       FROM daily_dish_rollup r LEFT JOIN dish_cost dc ON dc.d = r.service_date AND dc.dish_id = r.dish_id
       ORDER BY 1`,
      ['2026-10-01', '2026-12-31'],
    );
  }

  /** Each canteen-day-meal's costs recomputed from the facts at today's prices, rounded to 1e-6 fen, as the cost rollup should hold them. */
  async function recomputedCostRollup(): Promise<Record<string, string[]>> {
    const parameters = ['2026-10-01', '2026-12-31'];
    const dishes: Record<string, unknown>[] = await dataSource.query(
      `WITH ${COST_CTES}
       SELECT r.canteen_id || '|' || r.service_date::text || '|' || r.meal AS key,
              COALESCE(sum(CASE WHEN r.prepared > 0 THEN r.prepared ELSE GREATEST(r.quantity, 0) END * dc.fen_per_portion), 0) AS ingredient,
              COALESCE(sum(CASE WHEN r.prepared > 0 THEN r.prepared ELSE GREATEST(r.quantity, 0) END) FILTER (WHERE dc.fen_per_portion IS NULL), 0) AS uncosted,
              sum(r.prepared) AS prepared, sum(r.quantity) AS sold, sum(r.wasted_portions) AS over_portions, sum(r.wasted_kg) AS over_kg,
              COALESCE(sum(CASE WHEN r.wasted_portions > 0 THEN r.wasted_portions WHEN d.portion_kg > 0 THEN r.wasted_kg / d.portion_kg ELSE 0 END * dc.fen_per_portion), 0) AS over_fen
       FROM daily_dish_rollup r JOIN dish d ON d.id = r.dish_id LEFT JOIN dish_cost dc ON dc.d = r.service_date AND dc.dish_id = r.dish_id
       GROUP BY 1`,
      parameters,
    );
    const logged: Record<string, unknown>[] = await dataSource.query(
      `WITH ${COST_CTES}
       SELECT w.canteen_id || '|' || w.service_date::text || '|' || COALESCE(w.meal, '') AS key,
              COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'plate'), 0) AS plate, COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'spoilage'), 0) AS spoiled,
              COALESCE(sum(w.kg * uc.fen_per_unit) FILTER (WHERE w.kind = 'spoilage'), 0) AS spoiled_fen,
              COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'spoilage' AND uc.fen_per_unit IS NULL), 0) AS spoiled_uncosted
       FROM waste_log w LEFT JOIN ingredient i ON i.id = w.ingredient_id
       LEFT JOIN unit_cost uc ON uc.d = w.service_date AND uc.ingredient_id = w.ingredient_id AND i.unit IN ('kg', 'l')
       WHERE w.kind IN ('plate', 'spoilage')
       GROUP BY 1`,
      parameters,
    );
    const round = (value: unknown) => Number(value ?? 0).toFixed(6);
    const expected: Record<string, string[]> = {};
    const of = (key: unknown) => (expected[String(key)] ??= Array<string>(11).fill(round(0)));
    for (const row of dishes) of(row.key).splice(0, 7, ...[row.ingredient, row.uncosted, row.prepared, row.sold, row.over_portions, row.over_kg, row.over_fen].map(round));
    for (const row of logged) of(row.key).splice(7, 4, ...[row.plate, row.spoiled, row.spoiled_fen, row.spoiled_uncosted].map(round));
    return expected;
  }

  async function storedCostRollup(): Promise<Record<string, string[]>> {
    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT canteen_id || '|' || service_date::text || '|' || meal AS key, ingredient_cost_fen, uncosted_portions, prepared_portions, sold_portions,
              overproduction_portions, overproduction_kg, overproduction_cost_fen, plate_kg, spoilage_kg, spoilage_cost_fen, spoilage_uncosted_kg
       FROM daily_cost_rollup`,
    );
    return Object.fromEntries(rows.map(({ key, ...figures }) => [String(key), Object.values(figures).map((value) => Number(value).toFixed(6))]));
  }

  async function expectStoredEqualsRecomputed(): Promise<{ priced: number; uncosted: number }> {
    const rows = await costs();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.stored !== row.recomputed)).toEqual([]);
    expect(await storedCostRollup()).toEqual(await recomputedCostRollup());
    const channels = (sql: string) => dataSource.query(`SELECT canteen_id, service_date::text AS day, meal, channel, paid_fen::bigint::text AS fen FROM (${sql}) c ORDER BY 1, 2, 3, 4`);
    const expanded = await channels('SELECT m.canteen_id, m.service_date, m.meal, e.key AS channel, e.value::bigint AS paid_fen FROM daily_meal_rollup m, jsonb_each_text(m.paid_by_channel) e');
    expect(expanded.length).toBeGreaterThan(0);
    expect(await channels('SELECT * FROM daily_channel_rollup')).toEqual(expanded);
    return { priced: rows.filter((row) => row.stored !== null).length, uncosted: rows.filter((row) => row.stored === null).length };
  }

  it('after imports through the reader path, a rebuilt meal and production', async () => {
    const sales = [
      ...saleRows({
        id: 'A1',
        at: '2026-11-24T12:00:00+08:00',
        employee: '1',
        lines: [
          ['D001', 1, '18.00'],
          ['D003', 1, '2.00'],
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
    expect(await importCsv('transactions', 'first.csv', [TX_HEADER, ...sales])).toMatchObject({ accepted: 4 });
    // New meals go through the reader's figures only, before any rebuild touches their days.
    await expectStoredEqualsRecomputed();
    const more = saleRows({ id: 'B1', at: '2026-11-25T12:30:00+08:00', employee: '3', lines: [['D002', 1, '9.50']] });
    expect(await importCsv('transactions', 'more.csv', [TX_HEADER, ...more])).toMatchObject({ accepted: 1 });
    const production = [
      ['canteen_code', 'service_date', 'meal', 'dish_code', 'portions_prepared'],
      ['C1', '2026-11-26', 'lunch', 'D001', 40],
    ];
    expect(await importCsv('production', 'production.csv', production)).toMatchObject({ accepted: 1 });
    // Spoilage of a priced ingredient (on a day without sales too), of one without a price, and plate waste
    const waste = [
      ['canteen_code', 'service_date', 'meal', 'kind', 'dish_code', 'ingredient_code', 'kg', 'portions'],
      ['C1', '2026-11-24', '', 'spoilage', '', 'I001', '1.5', ''],
      ['C1', '2026-11-27', '', 'spoilage', '', 'I003', '2', ''],
      ['C1', '2026-11-24', '', 'spoilage', '', 'I002', '0.7', ''],
      ['C1', '2026-11-25', 'lunch', 'plate', '', '', '3.25', ''],
      ['C1', '2026-11-26', 'lunch', 'overproduction', 'D001', '', '1.2', 4],
    ];
    expect(await importCsv('waste', 'waste.csv', waste)).toMatchObject({ accepted: 5 });
    // D001 and D002 are priced, D003 has no recipe and stays uncosted
    expect(await expectStoredEqualsRecomputed()).toEqual({ priced: 4, uncosted: 1 });
    const [day24, day25] = (await costs()).filter((row) => row.key.endsWith('|lunch|1')).map((row) => Number(row.stored));
    expect(day24).toBeCloseTo((150_00 / 5) * (0.2 / 0.95), 6);
    expect(day25).toBeCloseTo((160_00 / 5) * (0.2 / 0.95), 6);
  });

  it('after a rollback of a batch that added to an existing meal', async () => {
    const [batch] = await dataSource.query(`SELECT id FROM import_batch WHERE file_name = 'more.csv' AND status = 'committed'`);
    await rollback.rollback(batch.id, 'test');
    expect(await expectStoredEqualsRecomputed()).toEqual({ priced: 4, uncosted: 1 });
  });

  it('after a new price and a new recipe, for days whose facts did not change', async () => {
    const before = await costs();
    await importCsv('supplier_prices', 'new-price.csv', [
      ['supplier_code', 'sku', 'valid_from', 'pack_price'],
      ['S1', 'PB-5', '2026-11-26', '200.00'],
    ]);
    await importCsv('recipes', 'soup.csv', [
      ['dish_code', 'ingredient_code', 'quantity_per_portion', 'yield_loss'],
      ['D003', 'I003', '0.05', '0'],
    ]);
    expect(await expectStoredEqualsRecomputed()).toEqual({ priced: 5, uncosted: 0 });
    expect(await costs()).not.toEqual(before);
  });
});
