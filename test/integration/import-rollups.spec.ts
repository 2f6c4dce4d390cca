import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportRollbackService, ImportService, RollupService } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { csv, importMasters, openImportContext, saleRows, scratchDir, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';

type Row = (string | number | null)[];

/** A refund of one line of `of`, in the demo layout. */
function refundRow(options: { id: string; of: string; canteen?: string; at: string; employee: string; meal?: string; dish: string; price: string }): Row {
  return [
    options.canteen ?? 'C1',
    options.id,
    'W01',
    `88600${options.employee}`,
    `E${options.employee}`,
    options.at,
    options.at.slice(0, 10),
    options.meal ?? 'lunch',
    'refund',
    'wechat',
    options.of,
    `-${options.price}`,
    '0.00',
    1,
    options.dish,
    -1,
    options.price,
    `-${options.price}`,
    '0.00',
  ];
}

/**
 * The rollups are kept by adding each batch's own figures where that is exact and rebuilding the
 * meals where it is not. Whatever the history, they must equal a rebuild from all the facts.
 */
describe('import: rollups stay equal to a full rebuild', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  let rollback: ImportRollbackService;
  const dir = scratchDir('import-rollups');

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, rollback, dataSource } = await openImportContext(database.config));
    await importMasters(importer, dir);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const snapshot = async () => ({
    dishes:
      await dataSource.query(`SELECT canteen_id, service_date::text AS day, meal, dish_id, quantity, revenue_fen::text AS revenue, subsidy_fen::text AS subsidy, diners, prepared, wasted_portions, wasted_kg::text AS kg
      FROM daily_dish_rollup ORDER BY 1, 2, 3, 4`),
    meals:
      await dataSource.query(`SELECT canteen_id, service_date::text AS day, meal, covers, transactions, refunds, paid_fen::text AS paid, subsidy_fen::text AS subsidy, paid_by_channel::text AS channels
      FROM daily_meal_rollup ORDER BY 1, 2, 3`),
    feedback: await dataSource.query(`SELECT canteen_id, service_date::text AS day, meal, responses, anonymous, diners, rating_sum, satisfied, dissatisfied
      FROM daily_feedback_rollup ORDER BY 1, 2, 3`),
    // The rollups built from these: the kept ones went through the meal-list SQL, the rebuild through the day-range SQL.
    hours: await dataSource.query(`SELECT canteen_id, service_date::text AS day, meal, hour, transactions, covers FROM hourly_load_rollup ORDER BY 1, 2, 3, 4`),
    channels: await dataSource.query(`SELECT canteen_id, service_date::text AS day, meal, channel, paid_fen::text AS paid FROM daily_channel_rollup ORDER BY 1, 2, 3, 4`),
    costs: await dataSource.query(`SELECT canteen_id, service_date::text AS day, meal, ingredient_cost_fen::text AS cost, uncosted_portions, prepared_portions, sold_portions,
      overproduction_portions, overproduction_kg::text AS over_kg, overproduction_cost_fen::text AS over_cost FROM daily_cost_rollup ORDER BY 1, 2, 3`),
  });

  async function expectEqualToRebuild(): Promise<void> {
    const kept = await snapshot();
    const canteens: { id: number }[] = await dataSource.query('SELECT id FROM canteen');
    await app.get(RollupService).refresh({ canteenIds: canteens.map((canteen) => canteen.id), from: '2000-01-01', to: '2100-01-01' });
    expect(kept).toEqual(await snapshot());
    expect(kept.meals.length).toBeGreaterThan(0);
    expect(Math.min(kept.hours.length, kept.channels.length, kept.costs.length)).toBeGreaterThan(0);
  }

  const importRows = async (name: string, rows: Row[], kind: 'transactions' | 'production' = 'transactions') =>
    importer.importFile({ kind, path: writeFile(dir, name, csv(rows)), profile: 'demo', createdBy: 'test' });

  // two canteens, two days, three meals; the same diner twice in a meal; a flagged sale outside the meal times
  const first: Row[] = [
    ...saleRows({
      id: 'A1',
      at: '2026-11-24T12:00:00+08:00',
      employee: '1',
      lines: [
        ['D001', 1, '18.00'],
        ['D002', 2, '9.50'],
      ],
      subsidy: '6.00',
    }),
    ...saleRows({ id: 'A2', at: '2026-11-24T12:05:00+08:00', employee: '1', lines: [['D001', 1, '18.00']] }),
    ...saleRows({ id: 'A3', at: '2026-11-24T12:10:00+08:00', employee: '2', lines: [['D002', 1, '9.50']] }),
    ...saleRows({ id: 'A4', at: '2026-11-24T07:30:00+08:00', employee: '2', meal: 'breakfast', lines: [['D003', 1, '2.00']] }),
    ...saleRows({ id: 'A5', canteen: 'C2', at: '2026-11-24T12:30:00+08:00', employee: '3', lines: [['D001', 1, '18.00']] }),
    ...saleRows({ id: 'A6', at: '2026-11-25T15:00:00+08:00', employee: '4', lines: [['D003', 3, '2.00']] }),
    refundRow({ id: 'R1', of: 'A3', at: '2026-11-24T12:20:00+08:00', employee: '2', dish: 'D002', price: '9.50' }),
    refundRow({ id: 'R9', of: 'NOPE', at: '2026-11-24T12:21:00+08:00', employee: '2', dish: 'D002', price: '9.50' }),
  ];

  it('after a first import, with refunds, an unknown refund and a flagged sale', async () => {
    const summary = await importRows('first.csv', [TX_HEADER, ...first]);
    expect(summary).toMatchObject({ accepted: 8, rejected: 1, duplicates: 0, flagged: 1 });
    await expectEqualToRebuild();
  });

  it('after the same file again and an overlapping export that adds to meals that had payments', async () => {
    expect(await importRows('first-again.csv', [TX_HEADER, ...first])).toMatchObject({ accepted: 0, duplicates: 8, rejected: 1 });
    const overlap: Row[] = [
      ...first.slice(0, 3),
      ...saleRows({ id: 'B1', at: '2026-11-24T12:40:00+08:00', employee: '1', lines: [['D002', 1, '9.50']] }),
      ...saleRows({ id: 'B2', at: '2026-11-24T12:45:00+08:00', employee: '5', lines: [['D001', 1, '18.00']] }),
      refundRow({ id: 'R2', of: 'A5', canteen: 'C2', at: '2026-11-24T12:50:00+08:00', employee: '3', dish: 'D001', price: '18.00' }),
      ...saleRows({ id: 'B3', at: '2026-11-26T18:00:00+08:00', employee: '6', meal: 'dinner', lines: [['D001', 1, '18.00']] }),
    ];
    expect(await importRows('overlap.csv', [TX_HEADER, ...overlap])).toMatchObject({ accepted: 4, duplicates: 3 });
    await expectEqualToRebuild();
  });

  it('after payments in a meal that so far had only production', async () => {
    const production = [
      ['canteen_code', 'service_date', 'meal', 'dish_code', 'portions_prepared'],
      ['C1', '2026-11-27', 'lunch', 'D001', 40],
      ['C1', '2026-11-27', 'lunch', 'D003', 25],
    ];
    expect(await importRows('production.csv', production, 'production')).toMatchObject({ accepted: 2 });
    const later = saleRows({
      id: 'P1',
      at: '2026-11-27T12:00:00+08:00',
      employee: '7',
      lines: [
        ['D001', 1, '18.00'],
        ['D002', 1, '9.50'],
      ],
    });
    expect(await importRows('later.csv', [TX_HEADER, ...later])).toMatchObject({ accepted: 2 });
    await expectEqualToRebuild();
  });

  it('after feedback, counted per meal with diners told apart and answers without a meal kept apart, and after its rollback', async () => {
    const header = ['canteen_code', 'submitted_at', 'service_date', 'meal', 'dish_code', 'rating', 'tags', 'comment', 'employee_no'];
    const answer = (options: { at: string; meal: string; rating: number; employee: string; dish?: string }) => [
      'C1',
      options.at,
      '',
      options.meal,
      options.dish ?? 'D001',
      options.rating,
      '',
      '',
      options.employee,
    ];
    const rows = [
      header,
      answer({ at: '2026-11-24T12:30:00+08:00', meal: 'lunch', rating: 5, employee: 'E1' }),
      answer({ at: '2026-11-24T12:31:00+08:00', meal: 'lunch', rating: 2, employee: 'E1', dish: 'D002' }),
      answer({ at: '2026-11-24T12:32:00+08:00', meal: 'lunch', rating: 4, employee: 'E2' }),
      answer({ at: '2026-11-24T12:33:00+08:00', meal: 'lunch', rating: 1, employee: '' }),
      answer({ at: '2026-11-24T20:00:00+08:00', meal: '', rating: 3, employee: 'E1' }),
    ];
    const summary = await importer.importFile({ kind: 'feedback', path: writeFile(dir, 'feedback.csv', csv(rows)), profile: 'demo', createdBy: 'test' });
    expect(summary).toMatchObject({ accepted: 5, rejected: 0 });
    const rollup = async () =>
      dataSource.query(`SELECT meal, responses, anonymous, diners, rating_sum, satisfied, dissatisfied FROM daily_feedback_rollup
        WHERE canteen_id = (SELECT id FROM canteen WHERE code = 'C1') AND service_date = '2026-11-24' ORDER BY meal`);
    expect(await rollup()).toEqual([
      { meal: '', responses: 1, anonymous: 0, diners: 1, rating_sum: 3, satisfied: 0, dissatisfied: 0 },
      { meal: 'lunch', responses: 4, anonymous: 1, diners: 2, rating_sum: 12, satisfied: 2, dissatisfied: 2 },
    ]);
    await expectEqualToRebuild();
    await rollback.rollback(summary.batchId, 'test');
    expect(await rollup()).toEqual([]);
    await expectEqualToRebuild();
  });

  it('after a rollback of a batch that added to existing meals', async () => {
    const [batch] = await dataSource.query(`SELECT id FROM import_batch WHERE file_name = 'overlap.csv' AND status = 'committed'`);
    await rollback.rollback(batch.id, 'test');
    await expectEqualToRebuild();
  });
});
