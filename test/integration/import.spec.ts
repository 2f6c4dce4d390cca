import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportService } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { count, csv, importMasters, openImportContext, saleRows, scratchDir, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';

describe('import: masters, transactions, idempotency and rollback', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  const dir = scratchDir('import');

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, dataSource } = await openImportContext(database.config));
    const masters = await importMasters(importer, dir);
    expect(masters.map((summary) => [summary.kind, summary.accepted, summary.rejected])).toEqual([
      ['sites', 1, 0],
      ['canteens', 2, 0],
      ['meal_periods', 5, 0],
      ['dishes', 3, 0],
      ['ingredients', 3, 0],
    ]);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const firstExport = [
    TX_HEADER,
    ...saleRows({
      id: 'T1',
      at: '2026-11-24T11:45:00+08:00',
      employee: '1001',
      lines: [
        ['D001', 1, '18.00'],
        ['D003', 1, '2.00'],
      ],
      subsidy: '6.00',
    }),
    ...saleRows({ id: 'T2', at: '2026-11-24T12:10:00+08:00', employee: '1002', lines: [['D002', 2, '9.50']] }),
    ...saleRows({ id: 'T3', at: '2026-11-24T07:30:00+08:00', employee: '1001', meal: 'breakfast', lines: [['D002', 1, '9.50']] }),
  ];

  it('re-imports masters as duplicates and updates a changed one in place', async () => {
    const again = await importMasters(importer, dir);
    expect(again.every((summary) => summary.accepted === 0 && summary.duplicates > 0)).toBe(true);
    const changed = await importer.importFile({
      kind: 'dishes',
      path: writeFile(
        dir,
        'dish-price.csv',
        csv([
          ['dish_code', 'name', 'name_en', 'category', 'list_price', 'portion_kg'],
          ['D003', '紫菜蛋花汤', 'Seaweed soup', 'soup', '2.50', '0.25'],
        ]),
      ),
      profile: 'demo',
      createdBy: 'test',
    });
    expect(changed).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(await count(dataSource, `SELECT list_price_fen FROM dish WHERE code = 'D003'`)).toBe(250);
    expect(await count(dataSource, 'SELECT count(*) FROM dish')).toBe(3);
  });

  it('imports a demo-layout transaction export: pseudonymised, grouped into payments, rolled up', async () => {
    const summary = await importer.importFile({ kind: 'auto', path: writeFile(dir, 'transactions.csv', csv(firstExport)), createdBy: 'test' });
    expect(summary).toMatchObject({ kind: 'transactions', profile: 'demo', accepted: 4, rejected: 0, duplicates: 0 });
    expect(await count(dataSource, 'SELECT count(*) FROM sale_transaction')).toBe(3);
    expect(await count(dataSource, 'SELECT count(*) FROM sale_line')).toBe(4);
    expect(await count(dataSource, `SELECT amount_paid_fen FROM sale_transaction WHERE external_id = 'T1'`)).toBe(1400);
    const dump = JSON.stringify(await dataSource.query('SELECT * FROM sale_transaction')) + JSON.stringify(await dataSource.query('SELECT * FROM quarantine_row'));
    expect(dump).not.toMatch(/E1001|886001001/);
    expect(await count(dataSource, `SELECT count(DISTINCT diner_pseudonym) FROM sale_transaction`)).toBe(2);
    expect(await count(dataSource, `SELECT covers FROM daily_meal_rollup WHERE canteen_id = 1 AND service_date = '2026-11-24' AND meal = 'lunch'`)).toBe(2);
    expect(await count(dataSource, `SELECT quantity FROM daily_dish_rollup WHERE dish_id = (SELECT id FROM dish WHERE code = 'D002') AND meal = 'lunch'`)).toBe(2);
    const [batch] = await dataSource.query('SELECT * FROM import_batch WHERE id = $1', [summary.batchId]);
    expect(batch).toMatchObject({ status: 'committed', accepted: 4, rejected: 0, duplicates: 0, file_name: 'transactions.csv', created_by: 'test' });
    expect(batch.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('adds nothing when the same file comes again, and only the new payments of an overlapping export', async () => {
    const again = await importer.importFile({ kind: 'transactions', path: writeFile(dir, 'transactions-again.csv', csv(firstExport)), createdBy: 'test' });
    expect(again).toMatchObject({ accepted: 0, rejected: 0, duplicates: 4 });
    const overlap = [TX_HEADER, ...firstExport.slice(3), ...saleRows({ id: 'T4', at: '2026-11-25T12:00:00+08:00', employee: '1003', lines: [['D001', 1, '18.00']] })];
    const summary = await importer.importFile({ kind: 'transactions', path: writeFile(dir, 'overlap.csv', csv(overlap)), createdBy: 'test' });
    expect(summary).toMatchObject({ accepted: 1, duplicates: 2 });
    expect(await count(dataSource, 'SELECT count(*) FROM sale_transaction')).toBe(4);
    expect(await count(dataSource, `SELECT count(*) FROM daily_meal_rollup WHERE service_date = '2026-11-25'`)).toBe(1);
  });

  it('imports from a stream (an upload) under the name the sender gave', async () => {
    const rows = [TX_HEADER, ...saleRows({ id: 'U1', at: '2026-11-24T12:20:00+08:00', employee: '1004', lines: [['D002', 1, '9.50']] })];
    const summary = await importer.importStream({ kind: 'auto', stream: Readable.from([Buffer.from(csv(rows))]), fileName: 'upload.csv', createdBy: 'token:pos' });
    expect(summary).toMatchObject({ fileName: 'upload.csv', kind: 'transactions', accepted: 1 });
    expect(await count(dataSource, `SELECT count(*) FROM import_batch WHERE id = $1 AND created_by = 'token:pos' AND file_name = 'upload.csv'`, [summary.batchId])).toBe(1);
    await expect(
      importer.importStream({ kind: 'auto', stream: Readable.from([Buffer.alloc(2048, 65)]), fileName: 'huge.csv', limits: { maxFileBytes: 1024 }, createdBy: 'token:pos' }),
    ).rejects.toThrow(/too large|1024 bytes/);
  });

  it('reads a GBK card-system export with Chinese headers (cn-card, detected) and its Chinese values', async () => {
    const rows = [
      ['交易流水号', '交易时间', '卡号', '工号', '消费金额', '补贴金额', '实付金额', '窗口', '餐别', '菜品编码', '菜品名称', '数量', '单价', '支付方式', '食堂'],
      ['CN0001', '2026/11/24 12:01:30', '0012345', 'E2001', '18.00', '6.00', '12.00', '二号窗口', '午餐', 'D001', '红烧肉', '1', '18.00', '一卡通', '一食堂'],
      ['CN0001', '2026/11/24 12:01:30', '0012345', 'E2001', '2.00', '0.00', '2.00', '二号窗口', '午餐', '', '紫菜蛋花汤', '1', '2.00', '一卡通', '一食堂'],
      ['CN0002', '2026/11/24 18:20:00', '0012346', 'E2002', '9.50', '0.00', '9.50', '一号窗口', '晚餐', 'D002', '番茄炒蛋', '1', '9.50', '银行APP', '一食堂'],
    ];
    const path = writeFile(dir, '消费流水.csv', iconv.encode(csv(rows), 'gbk'));
    const summary = await importer.importFile({ kind: 'auto', path, createdBy: 'test' });
    expect(summary).toMatchObject({ kind: 'transactions', profile: 'cn-card', encoding: 'gb18030', accepted: 3, rejected: 0 });
    const [payment] = await dataSource.query(`SELECT source, meal, channel, amount_paid_fen, subsidy_fen, terminal, occurred_at FROM sale_transaction WHERE external_id = 'CN0001'`);
    expect(payment).toMatchObject({ source: 'cn-card', meal: 'lunch', channel: 'card', amount_paid_fen: 1400, subsidy_fen: 600, terminal: '二号窗口' });
    expect(new Date(payment.occurred_at).toISOString()).toBe('2026-11-24T04:01:30.000Z');
    expect(await count(dataSource, `SELECT count(*) FROM sale_line l JOIN sale_transaction t ON t.canteen_id = l.canteen_id AND t.id = l.transaction_id WHERE t.external_id = 'CN0001'`)).toBe(2);
    expect(await count(dataSource, `SELECT channel = 'bank_app' FROM sale_transaction WHERE external_id = 'CN0002'`)).toBe(1);
  });

  it('reads a card-system export saved from Excel as "Unicode Text" (UTF-16 with a BOM, tab-separated)', async () => {
    const rows = [
      ['交易流水号', '交易时间', '卡号', '工号', '消费金额', '补贴金额', '实付金额', '窗口', '餐别', '菜品编码', '菜品名称', '数量', '单价', '支付方式', '食堂'],
      ['CNU001', '2026/11/25 12:01:30', '0012345', 'E2001', '1,018.00', '6.00', '1,012.00', '二号窗口', '午餐', 'D001', '红烧肉', '1', '1,018.00', '一卡通', '一食堂'],
      ['CNU002', '2026/11/25 18:20:00', '0012346', 'E2002', '9.50', '0.00', '9.50', '一号窗口', '晚餐', 'D002', '番茄炒蛋', '1', '9.50', '银行APP', '一食堂'],
    ];
    const text = `\uFEFF${rows.map((row) => row.join('\t')).join('\r\n')}\r\n`;
    const summary = await importer.importFile({ kind: 'auto', path: writeFile(dir, '消费流水-unicode.txt', Buffer.from(text, 'utf16le')), createdBy: 'test' });
    expect(summary).toMatchObject({ kind: 'transactions', profile: 'cn-card', format: 'csv', encoding: 'utf16le', accepted: 2, rejected: 0 });
    const [payment] = await dataSource.query(`SELECT meal, amount_paid_fen, terminal FROM sale_transaction WHERE external_id = 'CNU001'`);
    expect(payment).toMatchObject({ meal: 'lunch', amount_paid_fen: 101_200, terminal: '二号窗口' });
  });

  it('rolls back exactly one batch and its rollups, and refuses to roll back master data', async () => {
    const { rollback } = { rollback: app.get((await import('@larder/ingestion')).ImportRollbackService) };
    const summary = await importer.importFile({
      kind: 'transactions',
      path: writeFile(dir, 'later.csv', csv([TX_HEADER, ...saleRows({ id: 'T9', at: '2026-11-26T12:00:00+08:00', employee: '1009', lines: [['D001', 2, '18.00']] })])),
      createdBy: 'test',
    });
    const before = await count(dataSource, 'SELECT count(*) FROM sale_transaction');
    expect(await count(dataSource, `SELECT count(*) FROM daily_dish_rollup WHERE service_date = '2026-11-26'`)).toBe(1);
    const result = await rollback.rollback(summary.batchId, 'test');
    expect(result.removed).toEqual({ sale_transaction: 1, sale_line: 1 });
    expect(await count(dataSource, 'SELECT count(*) FROM sale_transaction')).toBe(before - 1);
    expect(await count(dataSource, `SELECT count(*) FROM daily_dish_rollup WHERE service_date = '2026-11-26'`)).toBe(0);
    expect(await count(dataSource, `SELECT count(*) FROM import_batch WHERE id = $1 AND status = 'rolled_back'`, [summary.batchId])).toBe(1);
    await expect(rollback.rollback(summary.batchId, 'test')).rejects.toThrow(/rolled_back/);
    const [masterBatch] = await dataSource.query(`SELECT id FROM import_batch WHERE kind = 'dishes' LIMIT 1`);
    await expect(rollback.rollback(masterBatch.id, 'test')).rejects.toThrow(/cannot be rolled back/);
  });
});
