import iconv from 'iconv-lite';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportService } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { count, csv, importMasters, openImportContext, scratchDir, writeFile } from '../fixtures/import/import-test-kit';

/**
 * Issue #25 (8e): a card export without 交易流水号 gets a serial number derived from time, card and
 * terminal for each payment, stated in the batch report, the same every time the payment is read,
 * so a second import of the file (or an export overlapping it) finds its payments as duplicates.
 */
const HEADER = ['交易时间', '卡号', '消费金额', '补贴金额', '实付金额', '窗口', '餐别', '菜品编码', '食堂'];
const CARD_A = '6222040000000000111';
const CARD_B = '6222040000000000222';
/** Three payments: the first of two dish lines, the second the same card later, the third another card at the same time elsewhere. */
const PAYMENTS = [
  ['2026-11-24 12:01:00', CARD_A, '18.00', '6.00', '12.00', 'W01', '午餐', 'D001', 'C1'],
  ['2026-11-24 12:01:00', CARD_A, '9.50', '0.00', '9.50', 'W01', '午餐', 'D002', 'C1'],
  ['2026-11-24 12:07:00', CARD_A, '9.50', '0.00', '9.50', 'W01', '午餐', 'D002', 'C1'],
  ['2026-11-24 12:01:00', CARD_B, '18.00', '6.00', '12.00', 'W02', '午餐', 'D001', 'C1'],
];

describe('a card export without a serial-number column', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  const dir = scratchDir('import-derived-serial');
  const gb18030 = (name: string, rows: string[][]) => writeFile(dir, name, iconv.encode(csv([HEADER, ...rows]), 'gb18030'));

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, dataSource } = await openImportContext(database.config));
    await importMasters(importer, dir);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('imports it with a serial number derived per payment, says so, and finds the payments again on a re-import', async () => {
    const path = gb18030('消费流水-无流水号.csv', PAYMENTS);
    const first = await importer.importFile({ kind: 'auto', path, createdBy: 'test' });
    expect(first).toMatchObject({ kind: 'transactions', profile: 'cn-card', accepted: 4, rejected: 0, duplicates: 0 });
    expect(first.notes).toEqual([expect.stringMatching(/^为 3 笔交易派生了流水号.*serial numbers derived for 3 payments: /)]);

    const stored: { external_id: string; lines: number }[] = await dataSource.query(
      `SELECT t.external_id, (SELECT count(*)::int FROM sale_line l WHERE l.canteen_id = t.canteen_id AND l.transaction_id = t.id) AS lines
         FROM sale_transaction t JOIN import_batch b ON b.id = t.batch_id WHERE b.id = $1 ORDER BY t.occurred_at, lines DESC`,
      [first.batchId],
    );
    expect(stored.map((row) => row.lines).sort()).toEqual([1, 1, 2]);
    for (const row of stored) expect(row.external_id).toMatch(/^D[0-9a-f]{20}$/);
    expect(new Set(stored.map((row) => row.external_id)).size).toBe(3);
    // neither card number is anywhere in what was stored
    expect(await count(dataSource, `SELECT count(*) FROM sale_transaction WHERE external_id LIKE '%' || $1 || '%' OR external_id LIKE '%' || $2 || '%'`, [CARD_A, CARD_B])).toBe(0);

    const again = await importer.importFile({ kind: 'auto', path, createdBy: 'test' });
    expect(again).toMatchObject({ accepted: 0, rejected: 0, duplicates: 4 });
    expect(again.notes[0]).toMatch(/serial numbers derived for 3 payments/);
  });

  it('finds the same payments on other lines of an overlapping export, and quarantines a bad line under its derived serial', async () => {
    const later = ['2026-11-24 17:30:00', CARD_B, '9.50', '0.00', '9.50', 'W03', '晚餐', 'D002', 'C1'];
    const unknownDish = ['2026-11-24 17:45:00', CARD_A, '9.50', '0.00', '9.50', 'W03', '晚餐', 'D404', 'C1'];
    const summary = await importer.importFile({ kind: 'auto', path: gb18030('消费流水-续.csv', [later, PAYMENTS[3], unknownDish, PAYMENTS[2], PAYMENTS[0], PAYMENTS[1]]), createdBy: 'test' });
    expect(summary).toMatchObject({ accepted: 1, rejected: 1, duplicates: 4 });
    expect(summary.notes[0]).toMatch(/serial numbers derived for 5 payments/);
    expect(await count(dataSource, `SELECT count(*) FROM sale_transaction WHERE external_id LIKE 'D%'`)).toBe(4);

    const [quarantined]: { raw: Record<string, unknown> }[] = await dataSource.query('SELECT raw FROM quarantine_row WHERE batch_id = $1', [summary.batchId]);
    expect(quarantined.raw).toMatchObject({ '交易流水号(派生)': expect.stringMatching(/^D[0-9a-f]{20}$/), 卡号: '***', 菜品编码: 'D404' });
    expect(JSON.stringify(quarantined.raw)).not.toContain(CARD_A);
  });
});
