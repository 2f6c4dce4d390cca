import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, LarderConfig, loadConfigFromProcess } from '@larder/config';
import { DatabaseModule, DatabaseService, JobRun, JobStep } from '@larder/database';
import { DemoSeedService, IngestionModule } from '@larder/ingestion';
import { JobRunnerService, JobSchedulerService } from '@larder/jobs';
import { NIGHTLY_JOB, PipelineModule } from '@larder/pipeline';
import { childEnv, CompiledCli, compileCli } from '../support/compiled-cli';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { PROBE_JOB, PROBE_TABLE, ProbeJobModule } from './workers-probe.job';

const AS_OF = '2026-11-20';
const CANTEENS = [1, 2, 3, 4, 5, 6];
/** Short, so a step whose worker was killed is given to another within seconds. */
const EXPIRY_SECONDS = 3;
/**
 * For the nightly runs: their forecast steps can take longer than EXPIRY_SECONDS on a busy machine,
 * and an expired step is handed to another worker while it still runs. Only the kill test needs the short one.
 */
const NIGHTLY_EXPIRY_SECONDS = 300;

const { engine } = loadConfigFromProcess().database;
const describeOnServer = engine === 'postgres' ? describe : describe.skip;
if (engine !== 'postgres') {
  console.info('workers.spec: skipped on the embedded engine (workers share a queue on a PostgreSQL server only); set DATABASE_URL to run it');
}

function openContext(config: LarderConfig, jobs: Partial<LarderConfig['jobs']>): Promise<INestApplicationContext> {
  @Module({ imports: [ConfigModule.forRoot({ ...config, jobs: { ...config.jobs, expirySeconds: EXPIRY_SECONDS, ...jobs } }), DatabaseModule, IngestionModule, PipelineModule, ProbeJobModule] })
  class WorkersTestModule {}
  return NestFactory.createApplicationContext(WorkersTestModule, { logger: false });
}

interface Worker {
  child: ChildProcess;
  log: string[];
}

/** Starts a worker process and waits until it is taking steps. */
async function startWorker(cli: CompiledCli, options: { env: NodeJS.ProcessEnv; probe?: boolean }): Promise<Worker> {
  const child = options.probe
    ? cli.spawn([], { env: options.env, entry: 'test/integration/workers-probe.job.js', stdio: ['ignore', 'ignore', 'pipe'] })
    : cli.spawn(['worker', '--concurrency', '1'], { env: options.env, stdio: ['ignore', 'ignore', 'pipe'] });
  const worker: Worker = { child, log: [] };
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        worker.log.push(line);
        if (/ready|taking job steps/.test(line)) resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready: ${worker.log.join('\n')}`)));
  });
  return worker;
}

/** SIGTERM, and the exit code once it has finished what it held. */
async function stopWorker(worker: Worker): Promise<number | null> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return worker.child.exitCode;
  const exited = once(worker.child, 'exit');
  worker.child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

/** Which canteens' steps a worker's log says it finished. */
function stepsDone(worker: Worker): string[] {
  return worker.log.flatMap((line) => {
    const match = / (\S+) canteen (\d+) attempt \d+: succeeded/.exec(line);
    return match ? [`${match[1]}:${match[2]}`] : [];
  });
}

describeOnServer('workers on a PostgreSQL server', () => {
  let database: TestDatabase;
  let cli: CompiledCli;
  let orchestrator: INestApplicationContext;
  const workers: Worker[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    cli = compileCli({ name: 'workers', extra: ['test/integration/workers-probe.job.ts'] });
    // This process only orchestrates: every step must be taken by a worker process.
    orchestrator = await openContext(database.config, { worker: false, expirySeconds: NIGHTLY_EXPIRY_SECONDS });
    await orchestrator.get(DatabaseService).migrate();
    await orchestrator.get(DemoSeedService).seed({ seed: 5, canteens: CANTEENS.length, employees: 600, days: 120, endDate: AS_OF, futureDays: 10 });
    await orchestrator.get(DatabaseService).dataSource.query(PROBE_TABLE);
  }, 180_000);

  const afterThis: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const worker of workers.splice(0)) await stopWorker(worker);
    for (const close of afterThis.splice(0)) await close();
  });

  afterAll(async () => {
    await orchestrator?.close();
    await database?.drop();
    cli?.remove();
  });

  const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => orchestrator.get(DatabaseService).dataSource.query(sql, parameters);

  /** The stored forecasts of the forecast runs made after `since`, without their run ids: what a run produced. */
  const forecastsSince = (since: Date) =>
    query<Record<string, unknown>>(
      `SELECT f.canteen_id, f.service_date::text, f.meal, f.dish_id, f.model, f.p50, f.p10, f.p90, f.quantiles, f.backtest_wape
       FROM forecast f JOIN forecast_run r ON r.id = f.run_id WHERE r.created_at > $1
       ORDER BY f.canteen_id, f.service_date, f.meal, f.dish_id`,
      [since],
    );

  it('two worker processes share one nightly run of 6 canteens: each step once per canteen, none lost, forecasts as in one process', async () => {
    // The reference: the same run with every step in one process.
    const single = await openContext(database.config, { queue: 'off' });
    const singleStarted = new Date();
    let reference: Record<string, unknown>[];
    try {
      expect((await single.get(JobRunnerService).run(NIGHTLY_JOB, { trigger: 'manual', asOf: AS_OF })).status).toBe('succeeded');
      reference = await forecastsSince(singleStarted);
    } finally {
      await single.close();
    }
    expect(reference.length).toBeGreaterThan(0);

    const env = childEnv(database);
    workers.push(await startWorker(cli, { env }), await startWorker(cli, { env }));
    const started = new Date();
    const summary = await orchestrator.get(JobRunnerService).run(NIGHTLY_JOB, { trigger: 'manual', asOf: AS_OF });

    expect(summary.status).toBe('succeeded');
    expect(summary.steps.map((step) => `${step.name}:${step.canteenId}:${step.status}:${step.attempts}`)).toEqual([
      'pull-sources:null:succeeded:1',
      ...CANTEENS.map((id) => `refresh-rollups:${id}:succeeded:1`),
      ...CANTEENS.map((id) => `forecast:${id}:succeeded:1`),
      ...CANTEENS.map((id) => `draft-plans:${id}:succeeded:1`),
      'queue-deliveries:null:succeeded:1',
      'send-deliveries:null:succeeded:1',
    ]);
    const recorded = await orchestrator
      .get(DatabaseService)
      .dataSource.getRepository(JobStep)
      .find({ where: { runId: summary.runId! }, order: { stepNo: 'ASC' } });
    expect(recorded.map((step) => step.stepNo)).toEqual(Array.from({ length: 3 + 3 * CANTEENS.length }, (_, index) => index + 1));
    expect(recorded.every((step) => step.counts && step.finishedAt)).toBe(true);

    // Every forecast step stores one forecast run: six runs, one canteen each, every canteen once.
    const runs = await query<{ canteens: number[]; status: string }>(
      `SELECT array_agg(DISTINCT f.canteen_id ORDER BY f.canteen_id) AS canteens, r.status FROM forecast_run r JOIN forecast f ON f.run_id = r.id
       WHERE r.created_at > $1 GROUP BY r.id, r.status`,
      [started],
    );
    expect(runs).toHaveLength(CANTEENS.length);
    expect(runs.map((run) => run.canteens.length)).toEqual(CANTEENS.map(() => 1));
    expect(runs.map((run) => run.canteens[0]).sort((a, b) => a - b)).toEqual(CANTEENS);

    // Both processes took part, and no step was done by both.
    const [first, second] = workers.map(stepsDone);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect([...first, ...second].sort()).toEqual(['draft-plans', 'forecast', 'refresh-rollups'].flatMap((step) => CANTEENS.map((id) => `${step}:${id}`)).sort());

    expect(await forecastsSince(started)).toEqual(reference);
    for (const worker of workers.splice(0)) expect(await stopWorker(worker)).toBe(0);
  }, 180_000);

  it('a worker SIGKILLed in the middle of a step has that step retried by the other; every canteen is done once', async () => {
    const env = childEnv(database, { extra: { LARDER_JOB_EXPIRY_SECONDS: String(EXPIRY_SECONDS) } });
    const [victim, survivor] = [await startWorker(cli, { env, probe: true }), await startWorker(cli, { env, probe: true })];
    workers.push(victim, survivor);
    // The steps are sent with the sender's expiry: this run's must be the short one.
    const sender = await openContext(database.config, { worker: false });
    afterThis.push(() => sender.close());
    const run = sender.get(JobRunnerService).run(PROBE_JOB, { trigger: 'manual', asOf: AS_OF, canteenIds: CANTEENS });

    let killed: { canteen_id: number } | undefined;
    for (let waited = 0; !killed && waited < 20_000; waited += 50) {
      [killed] = await query<{ canteen_id: number }>('SELECT canteen_id FROM probe_execution WHERE pid = $1 AND finished_at IS NULL', [victim.child.pid]);
      if (!killed) await sleep(50);
    }
    expect(killed).toBeDefined();
    victim.child.kill('SIGKILL');
    await once(victim.child, 'exit');

    const summary = await run;
    expect(summary.status).toBe('succeeded');
    expect(summary.steps.map((step) => ({ canteenId: step.canteenId, status: step.status, attempts: step.attempts }))).toEqual(
      CANTEENS.map((id) => ({ canteenId: id, status: 'succeeded', attempts: id === killed!.canteen_id ? 2 : 1 })),
    );
    const executions = await query<{ canteen_id: number; pid: number; finished: boolean }>('SELECT canteen_id, pid, finished_at IS NOT NULL AS finished FROM probe_execution ORDER BY id');
    // Done exactly once per canteen; the only unfinished execution is the killed one, finished again by the survivor.
    expect(
      executions
        .filter((row) => row.finished)
        .map((row) => row.canteen_id)
        .sort((a, b) => a - b),
    ).toEqual(CANTEENS);
    expect(executions.filter((row) => !row.finished)).toEqual([{ canteen_id: killed!.canteen_id, pid: victim.child.pid, finished: false }]);
    expect(executions.find((row) => row.canteen_id === killed!.canteen_id && row.finished)?.pid).toBe(survivor.child.pid);
    expect(survivor.log.some((line) => line.includes(`canteen ${killed!.canteen_id} attempt 2 succeeded`))).toBe(true);
  }, 120_000);

  it('two API instances firing the same scheduled slot run it once, both taking its steps from the queue', async () => {
    // API instances: the scheduler on, so each serves the queue from start to shutdown.
    const instance = () => openContext(database.config, { scheduler: true, worker: true, expirySeconds: NIGHTLY_EXPIRY_SECONDS });
    const [first, second] = await Promise.all([instance(), instance()]);
    try {
      const due = new Date('2026-11-21T18:00:20Z');
      await Promise.all([first.get(JobSchedulerService).fire(NIGHTLY_JOB, due), second.get(JobSchedulerService).fire(NIGHTLY_JOB, due)]);
      const runs = await orchestrator.get(DatabaseService).dataSource.getRepository(JobRun).findBy({ slot: 'nightly@2026-11-21T18:00:00.000Z' });
      expect(runs).toHaveLength(1);
      expect(runs[0].status).toBe('succeeded');
      const steps = await query<{ name: string; canteen_id: number; attempts: number }>('SELECT name, canteen_id, attempts FROM job_step WHERE run_id = $1 ORDER BY step_no', [runs[0].id]);
      expect(steps.map((step) => `${step.name}:${step.canteen_id}:${step.attempts}`)).toEqual([
        'pull-sources:null:1',
        ...CANTEENS.map((id) => `refresh-rollups:${id}:1`),
        ...CANTEENS.map((id) => `forecast:${id}:1`),
        ...CANTEENS.map((id) => `draft-plans:${id}:1`),
        'queue-deliveries:null:1',
        'send-deliveries:null:1',
      ]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  }, 120_000);
});
