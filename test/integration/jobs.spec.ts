import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ConfigModule, LarderConfig } from '@larder/config';
import { DatabaseModule, DatabaseService, JobRun, JobStep } from '@larder/database';
import { DemoSeedService, IngestionModule } from '@larder/ingestion';
import { JobRegistry, JobRunnerService, JobSchedulerService } from '@larder/jobs';
import { FINANCE_REPORT_JOB, NIGHTLY_JOB, PipelineModule } from '@larder/pipeline';
import { createTestDatabase, TestDatabase } from '../support/test-config';

function openContext(config: LarderConfig): Promise<INestApplicationContext> {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, IngestionModule, PipelineModule] })
  class JobsTestModule {}
  return NestFactory.createApplicationContext(JobsTestModule, { logger: false });
}

describe('jobs', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  const reportsDir = mkdtempSync(join(tmpdir(), 'larder-scheduled-reports-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    database.config = { ...database.config, reportsDir };
    context = await openContext(database.config);
    await context.get(DatabaseService).migrate();
    await context.get(DemoSeedService).seed({ seed: 3, canteens: 3, employees: 600, days: 90, endDate: '2026-11-20', futureDays: 10 });
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  it('writes the scheduled finance report of the month just ended, in both languages, keeping each run', async () => {
    const first = await context.get(JobRunnerService).run(FINANCE_REPORT_JOB, { trigger: 'manual', asOf: '2026-10-31' });
    expect(first.status).toBe('succeeded');
    expect(first.steps).toEqual([expect.objectContaining({ name: 'write-finance-report', counts: { files: 2 } })]);
    await context.get(JobRunnerService).run(FINANCE_REPORT_JOB, { trigger: 'manual', asOf: '2026-10-31' });
    const files = readdirSync(join(reportsDir, 'finance', '2026-10'));
    expect(files.filter((file) => file.endsWith('.xlsx'))).toHaveLength(4);
  });

  it('runs the nightly pipeline step by step, once per canteen, and records it', async () => {
    const summary = await context.get(JobRunnerService).run(NIGHTLY_JOB, { trigger: 'manual', asOf: '2026-11-20' });
    expect(summary.status).toBe('succeeded');
    expect(summary.steps.filter((step) => step.name === 'refresh-rollups').map((step) => step.canteenId)).toEqual([1, 2, 3]);
    const forecastSteps = summary.steps.filter((step) => step.name === 'forecast');
    expect(forecastSteps.map((step) => step.canteenId)).toEqual([1, 2, 3]);
    expect(forecastSteps.every((step) => step.counts.forecasts > 0)).toBe(true);
    const run = await context.get(DatabaseService).dataSource.getRepository(JobRun).findOneByOrFail({ id: summary.runId! });
    expect(run.status).toBe('succeeded');
    expect(run.finishedAt).not.toBeNull();
  });

  it('retries a failing step and lets one canteen fail without stopping the others', async () => {
    const registry = context.get(JobRegistry);
    const attemptsByCanteen = new Map<number, number>();
    registry.define({ name: 'flaky', description: 'test job' });
    registry.addStep('flaky', {
      name: 'per-canteen',
      perCanteen: true,
      run: async ({ canteenId }) => {
        const attempt = (attemptsByCanteen.get(canteenId!) ?? 0) + 1;
        attemptsByCanteen.set(canteenId!, attempt);
        if (canteenId === 1) throw new Error('supplier feed unreachable');
        if (canteenId === 2 && attempt === 1) throw new Error('database restarting');
        return { rows: canteenId! * 10 };
      },
    });
    const summary = await context.get(JobRunnerService).run('flaky', { trigger: 'manual', asOf: '2026-11-20' });
    expect(summary.status).toBe('failed');
    expect(summary.steps.map(({ canteenId, status, attempts }) => ({ canteenId, status, attempts }))).toEqual([
      { canteenId: 1, status: 'failed', attempts: 3 },
      { canteenId: 2, status: 'succeeded', attempts: 2 },
      { canteenId: 3, status: 'succeeded', attempts: 1 },
    ]);
    const steps = await context
      .get(DatabaseService)
      .dataSource.getRepository(JobStep)
      .find({ where: { runId: summary.runId! }, order: { stepNo: 'ASC' } });
    expect(steps[0].error).toBe('supplier feed unreachable');
    expect(steps[2].counts).toEqual({ rows: 30 });
  });

  it('schedules every job that declares a cron, on the cron its configuration gives, and no other', async () => {
    const { jobs, imports, delivery } = database.config;
    const config: LarderConfig = {
      ...database.config,
      jobs: { ...jobs, scheduler: true, nightlyCron: '7 3 * * *', financeReportCron: '0 6 2 * *', purchasePlanReportCron: '0 9 * * 4' },
      imports: { ...imports, inboxCron: '*/7 * * * *' },
      delivery: { ...delivery, cron: '*/3 * * * *' },
    };
    const scheduled = await openContext(config);
    try {
      const crons = scheduled.get(SchedulerRegistry).getCronJobs();
      const sources = Object.fromEntries([...crons].map(([name, job]) => [name, String(job.cronTime.source)]));
      expect(sources).toEqual({ nightly: '7 3 * * *', 'finance-report': '0 6 2 * *', 'purchase-plan-report': '0 9 * * 4', inbox: '*/7 * * * *', deliveries: '*/3 * * * *' });
      expect(
        scheduled
          .get(JobRegistry)
          .list()
          .map((job) => job.name),
      ).toContain('first-start');
    } finally {
      await scheduled.close();
    }
  });

  it('runs a scheduled slot once even when two instances fire it at the same moment', async () => {
    const second = await openContext(database.config);
    try {
      const due = new Date('2026-11-21T18:00:20Z');
      await Promise.all([context.get(JobSchedulerService).fire(NIGHTLY_JOB, due), second.get(JobSchedulerService).fire(NIGHTLY_JOB, due)]);
      const runs = await context.get(DatabaseService).dataSource.getRepository(JobRun).findBy({ slot: 'nightly@2026-11-21T18:00:00.000Z' });
      expect(runs).toHaveLength(1);
      expect(runs[0].status).toBe('succeeded');
    } finally {
      await second.close();
    }
  });
});
