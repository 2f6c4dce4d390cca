import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DatabaseService, JobRun, JobStep } from '@larder/database';
import { JobRegistry, JobSchedulerService } from '@larder/jobs';
import { INBOX_JOB } from '@larder/pipeline';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

interface StepBody {
  stepNo: number;
  name: string;
  status: string;
  attempts: number;
  error: string | null;
  durationMs: number | null;
  counts: Record<string, number>;
}

describe('job runs over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let admin: SignedInAgent;
  let finance: SignedInAgent;
  const folder = mkdtempSync(join(tmpdir(), 'larder-jobs-e2e-'));
  const inbox = join(folder, 'inbox');

  beforeAll(async () => {
    database = await createTestDatabase();
    database.config = {
      ...database.config,
      imports: { ...database.config.imports, inboxDir: inbox, inboxSettleSeconds: 30 },
      jobs: { ...database.config.jobs, retryAttempts: 2, retryBaseDelayMs: 1 },
    };
    app = await createHttpApp(database.config);
    admin = await signIn(app, { username: 'jobs-admin', role: 'admin' });
    finance = await signIn(app, { username: 'jobs-finance', role: 'finance' });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  const inboxRuns = () => app.get(DatabaseService).dataSource.getRepository(JobRun).countBy({ name: INBOX_JOB });

  it('records no inbox run while the folder is missing, empty or only being written to', async () => {
    const scheduler = app.get(JobSchedulerService);
    await scheduler.fire(INBOX_JOB, new Date('2026-11-20T01:00:00Z'));
    mkdirSync(inbox);
    await scheduler.fire(INBOX_JOB, new Date('2026-11-20T01:05:00Z'));
    writeFileSync(join(inbox, 'sales.csv.part'), 'still copying');
    writeFileSync(join(inbox, 'fresh.csv'), 'written just now');
    await scheduler.fire(INBOX_JOB, new Date());
    expect(await inboxRuns()).toBe(0);

    // A file at rest is work: the scan runs, is recorded and files it away (here under failed/).
    rmSync(join(inbox, 'fresh.csv'));
    writeFileSync(join(inbox, 'notes.txt'), 'not a Larder file');
    utimesSync(join(inbox, 'notes.txt'), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    await scheduler.fire(INBOX_JOB, new Date());
    expect(await inboxRuns()).toBe(1);
    const { body } = await admin.agent.get('/api/jobs').expect(200);
    const run = (body.runs as { name: string; steps: StepBody[] }[]).find((row) => row.name === INBOX_JOB);
    expect(run?.steps).toEqual([expect.objectContaining({ name: 'scan-inbox', status: 'succeeded', counts: expect.objectContaining({ files: 0, failed: 1 }) })]);
  });

  it('collapses the empty scans older versions recorded into one line per job and day', async () => {
    const dataSource = app.get(DatabaseService).dataSource;
    const day = (hour: number, minute: number) => new Date(Date.UTC(2026, 10, 18, hour, minute));
    for (const startedAt of [day(0, 0), day(0, 5), day(0, 10), day(17, 0)]) {
      const id = randomUUID();
      await dataSource
        .getRepository(JobRun)
        .insert({ id, name: INBOX_JOB, trigger: 'schedule', slot: `${INBOX_JOB}@${startedAt.toISOString()}`, startedAt, finishedAt: startedAt, status: 'succeeded', error: null });
      await dataSource.getRepository(JobStep).insert({
        runId: id,
        stepNo: 1,
        name: 'scan-inbox',
        canteenId: null,
        startedAt,
        finishedAt: startedAt,
        status: 'succeeded',
        attempts: 1,
        counts: { files: 0, failed: 0, waiting: 0, accepted: 0, rejected: 0, duplicates: 0 },
        error: null,
      });
    }
    const { body } = await finance.agent.get('/api/jobs?limit=200').expect(200);
    expect((body.runs as { name: string }[]).filter((run) => run.name === INBOX_JOB)).toHaveLength(1);
    // 17:00 UTC is 01:00 the next day in Asia/Shanghai.
    expect(body.emptyRuns).toEqual([
      { name: INBOX_JOB, day: '2026-11-19', runs: 1, firstAt: day(17, 0).toISOString(), lastAt: day(17, 0).toISOString() },
      { name: INBOX_JOB, day: '2026-11-18', runs: 3, firstAt: day(0, 0).toISOString(), lastAt: day(0, 10).toISOString() },
    ]);
  });

  it('opens a run with its steps: durations, attempts, counts and errors', async () => {
    const registry = app.get(JobRegistry);
    let tries = 0;
    registry.define({ name: 'e2e-detail', description: 'test job' });
    registry.addStep('e2e-detail', {
      name: 'flaky',
      perCanteen: false,
      run: async () => {
        tries += 1;
        if (tries === 1) throw new Error('database restarting');
        return { rows: 7 };
      },
    });
    registry.addStep('e2e-detail', {
      name: 'broken',
      perCanteen: false,
      run: async () => {
        throw new Error('supplier feed unreachable');
      },
    });
    const started = await admin.agent.post('/api/jobs/e2e-detail/runs').set('x-csrf-token', admin.csrfToken).expect(201);
    expect(started.body.status).toBe('failed');

    const { body } = await finance.agent.get(`/api/jobs/runs/${started.body.runId}`).expect(200);
    expect(body).toEqual(expect.objectContaining({ id: started.body.runId, name: 'e2e-detail', trigger: 'manual', status: 'failed', error: '1 of 2 steps failed: broken' }));
    expect(body.steps.map(({ stepNo, name, status, attempts, error, counts }: StepBody) => ({ stepNo, name, status, attempts, error, counts }))).toEqual([
      { stepNo: 1, name: 'flaky', status: 'succeeded', attempts: 2, error: null, counts: { rows: 7 } },
      { stepNo: 2, name: 'broken', status: 'failed', attempts: 2, error: 'supplier feed unreachable', counts: {} },
    ]);
    for (const step of body.steps as StepBody[]) expect(step.durationMs).toBeGreaterThanOrEqual(0);

    expect((await admin.agent.get(`/api/jobs/runs/${randomUUID()}`).expect(404)).body.error).toBe('NOT_FOUND');
    await admin.agent.get('/api/jobs/runs/not-a-run').expect(400);
  });
});
