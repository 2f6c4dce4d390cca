import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { isSettled, StepQueueService, TaskState } from '../queue/step-queue.service';
import { StepTask } from '../queue/step-task';
import { StepBatch, StepExecutor, StepResult } from './step-executor';
import { StepRecorder } from './step-recorder.service';

/** How often the orchestrator looks whether a step's canteens are done (in job_step: one indexed count). */
const WAIT_POLL_MS = 200;
/** How often it also asks the queue, for tasks that ran out of attempts with no worker left to record it. */
const QUEUE_CHECK_MS = 2_000;
/** How often a run that is waiting on workers says so in the log. */
const WAITING_NOTE_MS = 30_000;

/**
 * The orchestrator's side of a per-canteen step on a server: one queued task per canteen, then a
 * wait until every task has settled (succeeded, or failed after its last attempt), so the next step
 * starts on complete data. What it returns reads exactly as the in-process runner's results.
 */
@Injectable()
export class StepFanOutService implements StepExecutor {
  private readonly logger = new Logger(StepFanOutService.name);

  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly queue: StepQueueService,
    private readonly recorder: StepRecorder,
  ) {}

  async run(input: StepBatch): Promise<StepResult[]> {
    const step = input.job.steps[input.stepIndex];
    const tasks: StepTask[] = input.canteenIds.map((canteenId, index) => ({
      runId: input.runId,
      job: input.job.name,
      stepIndex: input.stepIndex,
      step: step.name,
      stepNo: input.firstStepNo + index,
      canteenId,
      asOf: input.asOf,
      attempts: this.config.jobs.retryAttempts,
    }));
    if (tasks.length === 0) return [];
    await this.queue.enqueue(tasks);
    await this.settled({ runId: input.runId, stepIndex: input.stepIndex, step: step.name, firstStepNo: input.firstStepNo, expected: tasks.length });
    const rows = await this.recorder.read(
      input.runId,
      tasks.map((task) => task.stepNo),
    );
    return rows.map((row) => ({ name: row.name, canteenId: row.canteenId, status: row.status, attempts: row.attempts, counts: row.counts, error: row.error }));
  }

  /** Waits until every task's step is recorded as ended, by its worker or, for tasks lost with their worker, here. */
  private async settled(filter: { runId: string; stepIndex: number; step: string; firstStepNo: number; expected: number }): Promise<void> {
    const range = { runId: filter.runId, from: filter.firstStepNo, to: filter.firstStepNo + filter.expected - 1 };
    let lastNote = Date.now();
    let lastQueueCheck = Date.now();
    for (;;) {
      const ended = await this.recorder.countEnded(range);
      if (ended >= filter.expected) return;
      if (Date.now() - lastQueueCheck >= QUEUE_CHECK_MS) {
        lastQueueCheck = Date.now();
        const states = await this.queue.states(filter);
        if (states.length >= filter.expected && states.every(isSettled)) {
          await this.recordLost(states);
          return;
        }
      }
      if (Date.now() - lastNote >= WAITING_NOTE_MS) {
        lastNote = Date.now();
        this.logger.log(`step ${filter.step}: waiting for ${filter.expected - ended} of ${filter.expected} canteens (is a worker running? \`larder worker\`)`);
      }
      await sleep(WAIT_POLL_MS);
    }
  }

  /** A task that ran out of attempts with no worker left to record it (the last one died): failed, with why. */
  private async recordLost(states: TaskState[]): Promise<void> {
    const unfinished = states.filter((state) => state.state !== 'completed');
    if (unfinished.length === 0) return;
    const rows = await this.recorder.read(
      unfinished[0].task.runId,
      unfinished.map((state) => state.task.stepNo),
    );
    for (const state of unfinished) {
      const row = rows.find((candidate) => candidate.stepNo === state.task.stepNo);
      if (row && row.status !== 'running') continue;
      const error = state.output?.message ?? state.output?.value?.message ?? `task ${state.state} in the queue`;
      await this.recorder.failLost({ runId: state.task.runId, stepNo: state.task.stepNo, name: state.task.step, canteenId: state.task.canteenId, attempts: state.attempts, error });
    }
  }
}
