import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import type { JobWithMetadata } from 'pg-boss';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { STEP_QUEUE, StepTask, StepTaskOutput } from './step-task';

/** A fetched task and the attempt it is on (pg-boss counts retries, we count attempts from 1). */
export interface HeldTask {
  id: string;
  retryCount: number;
  attempt: number;
  task: StepTask;
}

export interface TaskState {
  id: string;
  state: JobWithMetadata['state'];
  attempts: number;
  task: StepTask;
  output: StepTaskOutput | null;
}

const SETTLED = new Set<TaskState['state']>(['completed', 'failed', 'cancelled']);
export const isSettled = (task: TaskState): boolean => SETTLED.has(task.state);

/**
 * The pg-boss queue per-canteen steps travel through, on a PostgreSQL server only. pg-boss keeps its
 * own schema and connection pool; it is started on first use, so CLI commands that never touch the
 * queue never connect it.
 */
@Injectable()
export class StepQueueService implements OnModuleDestroy {
  private readonly logger = new Logger(StepQueueService.name);
  private boss: Promise<PgBoss> | null = null;

  constructor(@Inject(LARDER_CONFIG) private readonly config: LarderConfig) {}

  /**
   * Per-canteen steps go through the queue only on a server. The embedded engine is a real server too
   * now, but its install is one machine's: its jobs still run in the process that runs them.
   */
  get enabled(): boolean {
    return this.config.database.engine === 'postgres' && this.config.jobs.queue === 'auto';
  }

  /** Queues one task per canteen; the singleton key (run, step number) keeps a task from being queued twice. */
  async enqueue(tasks: StepTask[]): Promise<void> {
    const boss = await this.started();
    const { retryBaseDelayMs, expirySeconds } = this.config.jobs;
    const retryDelay = Math.ceil(retryBaseDelayMs / 1000);
    for (const task of tasks) {
      await boss.send(STEP_QUEUE, task, {
        singletonKey: `${task.runId}/${task.stepNo}`,
        retryLimit: task.attempts - 1,
        // pg-boss counts backoff in whole seconds: a sub-second base delay becomes one second.
        retryDelay,
        retryBackoff: retryDelay > 0,
        ...(retryDelay > 0 ? { retryDelayMax: 600 } : {}),
        expireInSeconds: expirySeconds,
      });
    }
  }

  /** Takes the next task, or none when the queue is empty. */
  async fetch(): Promise<HeldTask | null> {
    const boss = await this.started();
    const [job] = await boss.fetch<StepTask>(STEP_QUEUE, { batchSize: 1 });
    return job ? { id: job.id, retryCount: job.retryCount, attempt: job.retryCount + 1, task: job.data } : null;
  }

  /** Settles a held attempt; a no-op when the attempt had expired and been handed to another worker. */
  async complete(held: HeldTask, output: StepTaskOutput): Promise<void> {
    await (await this.started()).complete(STEP_QUEUE, { id: held.id, retryCount: held.retryCount }, output);
  }

  async fail(held: HeldTask, output: StepTaskOutput): Promise<void> {
    await (await this.started()).fail(STEP_QUEUE, { id: held.id, retryCount: held.retryCount }, output);
  }

  /** The tasks of one run's step, in whatever state they are. */
  async states(filter: { runId: string; stepIndex: number; expected: number }): Promise<TaskState[]> {
    const boss = await this.started();
    const jobs = await boss.findJobs<StepTask>(STEP_QUEUE, { data: { runId: filter.runId, stepIndex: filter.stepIndex }, limit: Math.min(100_000, filter.expected + 100) });
    return jobs.map((job) => ({ id: job.id, state: job.state, attempts: job.retryCount + 1, task: job.data, output: (job.output as StepTaskOutput | null) ?? null }));
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.boss) return;
    const boss = await this.boss.catch(() => null);
    this.boss = null;
    await boss?.stop({ graceful: true, close: true, timeout: 10_000 });
  }

  private started(): Promise<PgBoss> {
    if (this.config.database.engine !== 'postgres') throw new Error('the job queue needs a PostgreSQL server (DATABASE_URL)');
    this.boss ??= this.start(this.config.database.url).catch((error: Error) => {
      this.boss = null;
      throw error;
    });
    return this.boss;
  }

  private async start(url: string): Promise<PgBoss> {
    // Expired tasks are found by pg-boss's supervisor pass; a short expiry needs a pass as often.
    const passSeconds = Math.max(1, Math.min(60, Math.floor(this.config.jobs.expirySeconds / 2)));
    const boss = new PgBoss({
      connectionString: url,
      max: this.config.jobs.workerConcurrency + 2,
      application_name: 'larder-jobs',
      superviseIntervalSeconds: passSeconds,
      monitorIntervalSeconds: passSeconds,
      // Larder schedules its own jobs (@nestjs/schedule and job_run slots); pg-boss only queues.
      schedule: false,
    });
    boss.on('error', (error: Error) => this.logger.warn(`job queue: ${error.message}`));
    await boss.start();
    await boss.createQueue(STEP_QUEUE, { policy: 'exclusive' });
    return boss;
  }
}
