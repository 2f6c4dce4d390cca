import { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { ImportQuarantineService, ImportService, importSummaryJson } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { count, csv, importMasters, openImportContext, scratchDir, writeFile } from '../fixtures/import/import-test-kit';

/**
 * Two card exports joined into one file repeat the payment at the seam right after itself. Without a
 * line-number column that is indistinguishable from a diner buying the same lines again: the payment
 * is stored as the file has it, and the repeated lines are flagged, counted and listed to be checked.
 */
const HEADER = ['交易流水号', '交易时间', '卡号', '食堂', '窗口', '餐别', '菜品编码', '数量', '消费金额', '补贴金额', '实付金额'];
const line = (serial: string, time: string, dish: string, amount: string) => [serial, `2026-11-24 ${time}`, '6222040000000000111', 'C1', 'W01', '午餐', dish, '1', amount, '0.00', amount];
const P0 = [line('P0', '11:40:00', 'D002', '9.50')];
const P1 = [line('P1', '12:01:00', 'D002', '9.50'), line('P1', '12:01:00', 'D003', '2.00')];
const P2 = [line('P2', '12:15:00', 'D001', '18.00')];
const P3 = [line('P3', '12:20:00', 'D003', '2.00'), line('P3', '12:20:00', 'D002', '9.50')];

describe('a payment repeated at the seam of two joined exports', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let importer: ImportService;
  let dataSource: DataSource;
  const dir = scratchDir('import-seam-repeat');

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, importer, dataSource } = await openImportContext(database.config));
    await importMasters(importer, dir);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('stores it as the file has it, flags the repeated lines, counts and lists them apart from refused rows', async () => {
    // lines 2 | 3-4 repeated as 5-6 | 7 repeated as 8 | 9-10, two different lines of one payment
    const joined = [HEADER, ...P0, ...P1, ...P1, ...P2, ...P2, ...P3];
    const summary = await importer.importFile({ kind: 'auto', path: writeFile(dir, '消费流水-拼接.csv', csv(joined)), createdBy: 'test' });
    expect(summary).toMatchObject({ kind: 'transactions', accepted: 9, rejected: 0, duplicates: 0, flagged: 3 });
    expect(summary.flags.map((flag) => flag.line)).toEqual([5, 6, 8]);
    expect(summary.flags[0].reason).toMatch(/^第 5–6 行与第 3–4 行完全相同（同一笔交易）.*lines 5–6 repeat lines 3–4 exactly \(one payment\)/);
    expect(summary.flags[2].reason).toMatch(/第 8 行与第 7 行完全相同.*line 8 repeats line 7 exactly/);
    expect(importSummaryJson(summary).flags[0]).toMatch(/^line 5: 第 5–6 行/);

    const lines = (serial: string) =>
      count(dataSource, 'SELECT count(*) FROM sale_line l JOIN sale_transaction t ON t.canteen_id = l.canteen_id AND t.id = l.transaction_id WHERE t.external_id = $1', [serial]);
    expect([await lines('P1'), await lines('P2'), await lines('P3')]).toEqual([4, 2, 2]);
    const quarantined: { line: number; severity: string }[] = await dataSource.query('SELECT line, severity FROM quarantine_row WHERE batch_id = $1 ORDER BY line', [summary.batchId]);
    expect(quarantined).toEqual([5, 6, 8].map((at) => ({ line: at, severity: 'flagged' })));

    const exported = await app.get(ImportQuarantineService).export(summary.batchId);
    expect(exported).toMatchObject({ rows: 0, flagged: 3 });
    const rows: string[][] = parse(exported.csv);
    expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual([5, 6, 8].map((at) => [String(at), '已导入，请核对 stored, please check']));
    expect(exported.csv).not.toContain('6222040000000000111');
  });

  it('refuses the repeat as before when the file numbers its lines', async () => {
    const numbered = [[...HEADER, '明细序号'], ...[...P1, ...P1].map((row, index) => [...row.map((value) => value.replace('P1', 'N1')), String((index % 2) + 1)])];
    const summary = await importer.importFile({ kind: 'auto', path: writeFile(dir, '消费流水-序号.csv', csv(numbered)), createdBy: 'test' });
    expect(summary).toMatchObject({ accepted: 0, rejected: 4, flagged: 0 });
    expect(summary.rejections[0].reason).toMatch(/repeats line number 1/);
  });
});
