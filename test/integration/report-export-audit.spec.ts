import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '@larder/config';
import { AuditLog, DatabaseModule, DatabaseService } from '@larder/database';
import { IngestionModule } from '@larder/ingestion';
import { JobRunnerService } from '@larder/jobs';
import { FINANCE_REPORT_JOB, PipelineModule } from '@larder/pipeline';
import { ReportService } from '@larder/reporting';
import { createDemoDatabase } from '../support/demo-presets';
import type { TestDatabase } from '../support/test-config';

/** Every way a report leaves Larder — download, file, schedule — is in the audit log, complete or failed. */
describe('report exports in the audit log', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let reports: ReportService;
  const dir = mkdtempSync(join(tmpdir(), 'larder-export-audit-'));

  const exportsSince = async (id: string) =>
    (
      await context
        .get(DatabaseService)
        .dataSource.getRepository(AuditLog)
        .find({ order: { id: 'ASC' } })
    ).filter((entry) => BigInt(entry.id) > BigInt(id) && entry.action.startsWith('report.export'));
  const lastId = async () => (await context.get(DatabaseService).dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM audit_log`))[0].id as string;

  beforeAll(async () => {
    // The reporting demo (2 canteens, 45 days to 2026-11-20), seeded once per run: what is audited is who exported what, not the figures.
    database = await createDemoDatabase('reporting');
    @Module({ imports: [ConfigModule.forRoot({ ...database.config, demo: 'off', reportsDir: join(dir, 'scheduled') }), DatabaseModule, IngestionModule, PipelineModule] })
    class ExportAuditModule {}
    context = await NestFactory.createApplicationContext(ExportAuditModule, { logger: false });
    await context.get(DatabaseService).migrate();
    reports = context.get(ReportService);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records who wrote which report, period and canteens to a file', async () => {
    const before = await lastId();
    const path = join(dir, 'waste.xlsx');
    const progress: string[] = [];
    const onProgress = (update: { step: string; done: number; total: number }) => progress.push(`${update.done}/${update.total} ${update.step}`);
    const summary = await reports.writeFile({ kind: 'waste', month: '2026-11', canteen: 'C02', language: 'en', requestedBy: 'cli', onProgress }, path);
    // the CLI's progress: each step of the report in order
    expect(progress).toEqual(['0/5 checking the scope', '1/5 reading the figures', '2/5 drawing the charts', '3/5 writing the sheets', '4/5 saving the workbook']);
    const [entry] = await exportsSince(before);
    expect(entry).toMatchObject({
      actor: 'cli',
      action: 'report.export',
      detail: { kind: 'waste', period: '2026-11', from: '2026-11-01', to: '2026-11-30', canteens: ['C02'], language: 'en', path, bytes: summary.bytes },
    });
    expect(Math.abs(entry.at.getTime() - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('records a streamed download for all canteens', async () => {
    const before = await lastId();
    await reports.write({ kind: 'accuracy', week: '2026-W46', requestedBy: 'token:bi-reader' }, new PassThrough().resume());
    expect(await exportsSince(before)).toEqual([
      expect.objectContaining({ actor: 'token:bi-reader', action: 'report.export', detail: expect.objectContaining({ kind: 'accuracy', period: '2026-W46', canteens: 'all' }) }),
    ]);
  });

  it('records an export that failed, and leaves no file behind', async () => {
    const before = await lastId();
    // a directory where the workbook should go: the rename fails after the workbook was written
    const blocked = join(dir, 'blocked.xlsx');
    rmSync(blocked, { force: true });
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    await expect(reports.writeFile({ kind: 'waste', month: '2026-11', requestedBy: 'cli' }, blocked)).rejects.toThrow();
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(await exportsSince(before)).toEqual([
      expect.objectContaining({ actor: 'cli', action: 'report.export.failed', detail: expect.objectContaining({ kind: 'waste', path: blocked, error: expect.any(String) }) }),
    ]);
  });

  it('records the scheduled finance reports as written by the scheduler', async () => {
    const before = await lastId();
    const run = await context.get(JobRunnerService).run(FINANCE_REPORT_JOB, { trigger: 'manual', asOf: '2026-10-31' });
    expect(run.status).toBe('succeeded');
    const entries = await exportsSince(before);
    expect(entries.map((entry) => [entry.actor, entry.action, entry.detail.kind, entry.detail.period, entry.detail.canteens, entry.detail.language])).toEqual([
      ['scheduler', 'report.export', 'finance', '2026-10', 'all', 'zh-CN'],
      ['scheduler', 'report.export', 'finance', '2026-10', 'all', 'en'],
    ]);
    for (const entry of entries) expect(existsSync(entry.detail.path as string)).toBe(true);
  });
});
