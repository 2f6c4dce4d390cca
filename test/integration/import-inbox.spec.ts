import { existsSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigModule, LarderConfig } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { ImportRollbackService, InboxService, IngestionModule } from '@larder/ingestion';
import { JobRegistry, JobRunnerService } from '@larder/jobs';
import { INBOX_JOB, NIGHTLY_JOB, PipelineModule } from '@larder/pipeline';
import { count, csv, MASTER_FILES, saleRows, scratchDir, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';
import { createTestDatabase, TestDatabase } from '../support/test-config';

const SETTLE_SECONDS = 30;

/** A file written a while ago: at rest. */
function settled(path: string): string {
  const past = new Date(Date.now() - 10 * 60_000);
  utimesSync(path, past, past);
  return path;
}

describe('the inbox folder', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let inbox: InboxService;
  let dataSource: DataSource;
  const dir = scratchDir('inbox');
  const put = (name: string, content: string | Buffer) => settled(writeFile(dir, name, content));

  beforeAll(async () => {
    database = await createTestDatabase();
    const config: LarderConfig = { ...database.config, demo: 'off', imports: { ...database.config.imports, inboxDir: dir, inboxSettleSeconds: SETTLE_SECONDS } };
    @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, IngestionModule, PipelineModule] })
    class InboxTestModule {}
    app = await NestFactory.createApplicationContext(InboxTestModule, { logger: ['error'] });
    await app.get(DatabaseService).migrate();
    inbox = app.get(InboxService);
    dataSource = app.get(DatabaseService).dataSource;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const sales = csv([
    TX_HEADER,
    ...saleRows({
      id: 'IB1',
      at: '2026-11-24T11:45:00+08:00',
      employee: '3001',
      lines: [
        ['D001', 1, '18.00'],
        ['D003', 1, '2.00'],
      ],
      subsidy: '6.00',
    }),
  ]);

  it('imports every file at rest, masters first, files each with its report, and leaves files still being written', async () => {
    // named so that a plain name order would put the sales before the masters they need
    put('a-sales.csv', sales);
    for (const [name, content] of Object.entries(MASTER_FILES)) put(`m-${name}`, content);
    put('broken.csv', Buffer.from([0x00, 0x01, 0x02, 0xff]));
    put(
      'b-no-such-layout.csv',
      csv([
        ['foo', 'bar'],
        ['1', '2'],
      ]),
    );
    writeFile(dir, 'c-still-copying.csv', sales);
    writeFile(dir, 'upload.csv.part', 'x');

    const scan = await inbox.scan();

    expect(scan.imported.map((file) => [file.file, file.kind, file.accepted])).toEqual([
      ['m-sites.csv', 'sites', 1],
      ['m-canteens.csv', 'canteens', 2],
      ['m-meal_periods.csv', 'meal_periods', 5],
      ['m-dishes.csv', 'dishes', 3],
      ['m-ingredients.csv', 'ingredients', 3],
      ['a-sales.csv', 'transactions', 2],
    ]);
    expect(scan.failed.map((file) => [file.file, file.error])).toEqual(
      expect.arrayContaining([
        ['broken.csv', 'UNSUPPORTED_FORMAT'],
        ['b-no-such-layout.csv', 'VALIDATION_FAILED'],
      ]),
    );
    expect(scan.waiting.sort()).toEqual(['c-still-copying.csv', 'upload.csv.part']);
    expect(
      readdirSync(dir)
        .filter((name) => !['processed', 'failed'].includes(name))
        .sort(),
    ).toEqual(['c-still-copying.csv', 'upload.csv.part']);
    const report = JSON.parse(readFileSync(join(dir, 'processed', 'a-sales.csv.report.json'), 'utf8'));
    expect(report).toMatchObject({ batchId: scan.imported[5].batchId, accepted: 2, rejected: 0, duplicates: 0, kind: 'transactions' });
    const failure = JSON.parse(readFileSync(join(dir, 'failed', 'broken.csv.report.json'), 'utf8'));
    expect(failure).toMatchObject({ file: 'broken.csv', error: 'UNSUPPORTED_FORMAT' });
    expect(failure.message).toMatch(/binary/);
    expect(existsSync(join(dir, 'failed', 'broken.csv'))).toBe(true);
    expect(await count(dataSource, `SELECT count(*) FROM sale_transaction WHERE external_id = 'IB1'`)).toBe(1);
  });

  it('records each inbox batch and each rollback in the audit log as system:inbox, without raw card numbers', async () => {
    const entries: { actor: string; action: string; detail: Record<string, unknown> }[] = await dataSource.query(`SELECT actor, action, detail FROM audit_log ORDER BY id`);
    const sales = entries.find((entry) => entry.action === 'import' && entry.detail.source === 'a-sales.csv');
    expect(sales).toMatchObject({ actor: 'system:inbox', detail: { kind: 'transactions', accepted: 2, rejected: 0, duplicates: 0 } });
    const refused = entries.filter((entry) => entry.action === 'import.failed');
    expect(refused.map((entry) => [entry.actor, entry.detail.source]).sort()).toEqual([
      ['system:inbox', 'b-no-such-layout.csv'],
      ['system:inbox', 'broken.csv'],
    ]);
    await app.get(ImportRollbackService).rollback(sales!.detail.batchId as string, 'cli:finance');
    const [rollback] = await dataSource.query(`SELECT actor, detail FROM audit_log WHERE action = 'import.rollback'`);
    expect(rollback).toMatchObject({ actor: 'cli:finance', detail: { batchId: sales!.detail.batchId, kind: 'transactions', source: 'a-sales.csv', removed: { sale_transaction: 1, sale_line: 2 } } });
    expect(JSON.stringify(entries)).not.toMatch(/886003001|E3001/);
  });

  it('files a second file of the same name beside the first, and imports a file once it has settled', async () => {
    put('a-sales.csv', sales);
    settled(join(dir, 'c-still-copying.csv'));
    const scan = await inbox.scan();
    expect(scan.imported.map((file) => [file.file, file.accepted, file.duplicates])).toEqual([
      ['a-sales.csv', 2, 0],
      ['c-still-copying.csv', 0, 2],
    ]);
    const moved = scan.imported[0].movedTo;
    expect(moved).toMatch(/^processed\/a-sales\.\d{8}T\d{6}Z\.csv$/);
    expect(existsSync(join(dir, `${moved}.report.json`))).toBe(true);
    expect(readdirSync(join(dir, 'processed')).filter((name) => name.startsWith('a-sales.') && !name.endsWith('.json'))).toHaveLength(2);
  });

  it('runs as the scheduled inbox job and as the first step of the nightly pipeline', async () => {
    expect(app.get(JobRegistry).get(NIGHTLY_JOB).steps[0].name).toBe('pull-sources');
    put('again.csv', sales);
    const run = await app.get(JobRunnerService).run(INBOX_JOB, { trigger: 'schedule', slot: 'inbox@test', asOf: '2026-11-24' });
    expect(run.status).toBe('succeeded');
    expect(run.steps).toEqual([expect.objectContaining({ name: 'scan-inbox', status: 'succeeded', counts: { files: 1, failed: 0, waiting: 1, accepted: 0, rejected: 0, duplicates: 2 } })]);
    const [entry] = await dataSource.query(`SELECT actor FROM audit_log WHERE action = 'import' AND detail->>'source' = 'again.csv'`);
    expect(entry.actor).toBe('system:inbox');
  });
});
