import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { JobStepDefinition } from '../job-definition';
import { HeldTask, StepQueueService } from '../queue/step-queue.service';
import { StepTask } from '../queue/step-task';
import { JobRegistry } from './job-registry.service';
import { StepRecorder } from './step-recorder.service';

/** One attempt at a task as it ended, for a worker's own log. */
export interface StepAttemptEvent {
  task: StepTask;
  attempt: number;
  outcome: 'succeeded' | 'failed' | 'will retry' | 'already recorded';
  ms: number;
  error?: string;
}

/** How long an idle worker waits before asking the queue again. */
const IDLE_POLL_MS = 500;

/**
 * Takes per-canteen steps from the queue and runs them: in `larder worker` processes, in API
 * instances (so a single-process deployment still progresses) and in a `jobs run` while its run lasts.
 * Each attempt is recorded in job_step; the last failing attempt records the step as failed.
 */
@Injectable()
export class StepWorkerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StepWorkerService.name);
  private loops: Promise<void>[] = [];
  private stopping = false;
  private wake: (() => void)[] = [];
  /** Steps marked onePerProcess wait here for the previous one in this process to end. */
  private readonly exclusive = new Map<string, Promise<unknown>>();
  private users = 0;
  private readonly held = new Set<HeldTask>();
  private onAttempt: ((event: StepAttemptEvent) => void) | undefined;

  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly queue: StepQueueService,
    private readonly registry: JobRegistry,
    private readonly recorder: StepRecorder,
  ) {}

  /** API instances (the processes that run the scheduler) serve the queue from start to shutdown. */
  onApplicationBootstrap(): void {
    if (this.queue.enabled && this.config.jobs.scheduler && this.config.jobs.worker) this.start({ concurrency: this.config.jobs.workerConcurrency });
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  get running(): boolean {
    return this.loops.length > 0;
  }

  /** Starts `concurrency` loops taking tasks; a no-op when already serving. */
  start(options: { concurrency: number }): void {
    if (!this.queue.enabled) throw new Error('the job queue runs on a PostgreSQL server only (set DATABASE_URL); the embedded engine runs jobs in-process');
    if (this.running) return;
    this.stopping = false;
    this.loops = Array.from({ length: options.concurrency }, (_, slot) => this.loop(slot));
    this.logger.log(`taking job steps from the queue, ${options.concurrency} at a time`);
  }

  /** Lets the tasks in hand finish, then stops taking new ones. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    for (const wake of this.wake.splice(0)) wake();
    await Promise.all(this.loops);
    this.loops = [];
  }

  /**
   * `larder worker`: serves the queue until SIGTERM or SIGINT, then finishes the steps in hand. A
   * second signal does not wait: the steps in hand are released to the queue for another worker.
   */
  async serveUntilSignal(options: { concurrency: number; onStopping?: (held: number) => void; onAttempt?: (event: StepAttemptEvent) => void }): Promise<'stopped' | 'released'> {
    this.onAttempt = options.onAttempt;
    this.start(options);
    const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
    let stopAsked: () => void = () => undefined;
    let releaseAsked: () => void = () => undefined;
    const stopSignal = new Promise<void>((resolve) => (stopAsked = resolve));
    const releaseSignal = new Promise<'release'>((resolve) => (releaseAsked = () => resolve('release')));
    let signalled = 0;
    const onSignal = () => (++signalled === 1 ? stopAsked() : releaseAsked());
    for (const signal of signals) process.on(signal, onSignal);
    try {
      await stopSignal;
      options.onStopping?.(this.held.size);
      const stopped = this.stop().then(() => 'stopped' as const);
      if ((await Promise.race([stopped, releaseSignal])) === 'stopped') return 'stopped';
      await this.release();
      return 'released';
    } finally {
      for (const signal of signals) process.off(signal, onSignal);
    }
  }

  /** Hands the tasks in hand back to the queue (as a failed attempt, so another worker retries them now). */
  async release(): Promise<void> {
    // The loops are abandoned with their steps: the process is about to exit, and nothing should wait on them.
    this.stopping = true;
    this.loops = [];
    for (const held of [...this.held]) {
      this.held.delete(held);
      await this.recorder.noteError({ runId: held.task.runId, stepNo: held.task.stepNo, attempt: held.attempt, error: 'worker stopped' });
      await this.queue.fail(held, { message: 'released: its worker was stopped' });
    }
  }

  /** Serves the queue while `work` runs, unless this process serves it anyway or is told not to. */
  async serveWhile<T>(work: () => Promise<T>): Promise<T> {
    const serve = this.queue.enabled && this.config.jobs.worker && (this.users > 0 || !this.running);
    if (!serve) return work();
    if (this.users++ === 0) this.start({ concurrency: this.config.jobs.workerConcurrency });
    try {
      return await work();
    } finally {
      if (--this.users === 0) await this.stop();
    }
  }

  private async loop(slot: number): Promise<void> {
    while (!this.stopping) {
      let held: HeldTask | null = null;
      try {
        held = await this.queue.fetch();
        if (held) {
          this.held.add(held);
          await this.handle(held).finally(() => this.held.delete(held!));
        }
      } catch (error) {
        // The queue itself failed (database restarting...): say so and try again after a pause.
        this.logger.warn(`worker ${slot}: ${(error as Error).message}`);
      }
      if (!held) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, IDLE_POLL_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake.push(done);
    });
  }

  private async handle(held: HeldTask): Promise<void> {
    const { task, attempt } = held;
    const key = { runId: task.runId, stepNo: task.stepNo };
    const started = performance.now();
    const report = (outcome: StepAttemptEvent['outcome'], error?: string) => this.onAttempt?.({ task, attempt, outcome, ms: Math.round(performance.now() - started), error });
    if (!(await this.recorder.begin({ ...key, name: task.step, canteenId: task.canteenId, attempt }))) {
      // Already recorded as ended (its worker died before telling the queue): settle it without a second run.
      // A stale attempt (a later one holds the record) is left alone by the queue's attempt fence.
      await this.queue.complete(held, { message: 'already recorded' });
      report('already recorded');
      return;
    }
    try {
      const step = this.resolve(held);
      const counts = await this.exclusively(step, () => step.run({ canteenId: task.canteenId, asOf: task.asOf }));
      await this.recorder.finish(key, { status: 'succeeded', attempts: attempt, counts, error: null });
      await this.queue.complete(held, { counts });
      report('succeeded');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= task.attempts) {
        this.logger.warn(`step ${task.step} for canteen ${task.canteenId} failed after ${attempt} attempts: ${message}`);
        await this.recorder.finish(key, { status: 'failed', attempts: attempt, counts: {}, error: message });
      } else {
        await this.recorder.noteError({ ...key, attempt, error: message });
      }
      await this.queue.fail(held, { message });
      report(attempt >= task.attempts ? 'failed' : 'will retry', message);
    }
  }

  private resolve(held: HeldTask): JobStepDefinition {
    const { task } = held;
    const step = this.registry.get(task.job).steps[task.stepIndex];
    if (!step || step.name !== task.step || !step.perCanteen)
      throw new Error(`this worker has no step ${task.step} at position ${task.stepIndex + 1} of job ${task.job}: is it running another version of Larder?`);
    return step;
  }

  private async exclusively<T>(step: JobStepDefinition, work: () => Promise<T>): Promise<T> {
    if (!step.onePerProcess) return work();
    const previous = this.exclusive.get(step.name) ?? Promise.resolve();
    const mine = previous.then(work, work);
    this.exclusive.set(
      step.name,
      mine.catch(() => undefined),
    );
    return mine;
  }
}
