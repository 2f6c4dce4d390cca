import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { canteenIds, JobRun, JobStatus } from '@larder/database';
import { localDate } from '@larder/domain';
import { JobDefinition } from '../job-definition';
import { StepQueueService } from '../queue/step-queue.service';
import { InProcessSteps } from './in-process-steps.service';
import { JobRegistry } from './job-registry.service';
import { StepExecutor, StepResult } from './step-executor';
import { StepFanOutService } from './step-fan-out.service';
import { StepWorkerService } from './step-worker.service';

export interface RunRequest {
  trigger: JobRun['trigger'];
  /** The scheduled time the run answers; another instance that already took it wins. */
  slot?: string;
  asOf: string;
  canteenIds?: number[];
}

export interface RunSummary {
  runId: string | null;
  name: string;
  status: JobStatus | 'skipped';
  reason?: string;
  steps: StepResult[];
}

/**
 * Runs a job's steps in order and records every run and step. A step that fails is retried with
 * backoff; a per-canteen step that still fails for one canteen is recorded and the others go on.
 * On a PostgreSQL server the canteens of a per-canteen step are queued for any worker (this process
 * included) and the next step waits for all of them; on the embedded engine they run here, in turn.
 */
@Injectable()
export class JobRunnerService {
  private readonly logger = new Logger(JobRunnerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly registry: JobRegistry,
    private readonly queue: StepQueueService,
    private readonly inProcess: InProcessSteps,
    private readonly fanOut: StepFanOutService,
    private readonly worker: StepWorkerService,
  ) {}

  /** A run asked for by a person (CLI, dashboard): it works up to today, canteen time. */
  runNow(name: string, scope: { canteenIds?: number[] } = {}): Promise<RunSummary> {
    return this.run(name, { trigger: 'manual', asOf: localDate(new Date(), this.config.timezone), canteenIds: scope.canteenIds });
  }

  async run(name: string, request: RunRequest): Promise<RunSummary> {
    const job = this.registry.get(name);
    const runId = randomUUID();
    const claimed = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(JobRun)
      .values({ id: runId, name, trigger: request.trigger, slot: request.slot ?? null, startedAt: new Date(), status: 'running', finishedAt: null, error: null })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((claimed.raw as unknown[]).length === 0) {
      return { runId: null, name, status: 'skipped', reason: `slot ${request.slot} already taken by another instance`, steps: [] };
    }
    let steps: StepResult[];
    try {
      steps = await this.worker.serveWhile(() => this.runSteps({ runId, job, request }));
    } catch (error) {
      // Not a step failing (those are recorded and the run goes on) but the run itself: the queue or database went away.
      await this.dataSource.getRepository(JobRun).update({ id: runId }, { status: 'failed', finishedAt: new Date(), error: (error as Error).message });
      throw error;
    }
    const failed = steps.filter((step) => step.status === 'failed');
    const status: JobStatus = failed.length ? 'failed' : 'succeeded';
    const error = failed.length ? `${failed.length} of ${steps.length} steps failed: ${failed.map((step) => `${step.name}${step.canteenId ? ` (canteen ${step.canteenId})` : ''}`).join(', ')}` : null;
    await this.dataSource.getRepository(JobRun).update({ id: runId }, { status, finishedAt: new Date(), error });
    this.logger.log(`job ${name} ${status}${error ? `: ${error}` : ''}`);
    return { runId, name, status, steps };
  }

  private async runSteps(input: { runId: string; job: JobDefinition; request: RunRequest }): Promise<StepResult[]> {
    const { runId, job, request } = input;
    const steps: StepResult[] = [];
    for (const [stepIndex, step] of job.steps.entries()) {
      const stepCanteens = step.perCanteen ? (request.canteenIds ?? (await canteenIds(this.dataSource))) : [];
      const executor: StepExecutor = step.perCanteen && this.queue.enabled ? this.fanOut : this.inProcess;
      steps.push(...(await executor.run({ runId, job, stepIndex, firstStepNo: steps.length + 1, canteenIds: stepCanteens, asOf: request.asOf })));
    }
    return steps;
  }
}
