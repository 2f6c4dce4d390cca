import { Inject, Injectable, Logger } from '@nestjs/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { JobStatus } from '@larder/database';
import { JobStepDefinition, StepContext } from '../job-definition';
import { retryWithBackoff } from '../retry';
import { StepRecorder } from './step-recorder.service';
import { StepBatch, StepExecutor, StepResult } from './step-executor';

/** A step's canteens run here, one after another, each retried with backoff (the embedded engine, and steps over all canteens). */
@Injectable()
export class InProcessSteps implements StepExecutor {
  private readonly logger = new Logger(InProcessSteps.name);

  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly recorder: StepRecorder,
  ) {}

  async run(batch: StepBatch): Promise<StepResult[]> {
    const step = batch.job.steps[batch.stepIndex];
    const canteenIds = step.perCanteen ? batch.canteenIds : [undefined];
    const results: StepResult[] = [];
    for (const canteenId of canteenIds) {
      results.push(await this.runOne({ runId: batch.runId, stepNo: batch.firstStepNo + results.length, step, context: { asOf: batch.asOf, canteenId } }));
    }
    return results;
  }

  private async runOne(input: { runId: string; stepNo: number; step: JobStepDefinition; context: StepContext }): Promise<StepResult> {
    const key = { runId: input.runId, stepNo: input.stepNo };
    const canteenId = input.context.canteenId ?? null;
    const outcome = await retryWithBackoff({ attempts: this.config.jobs.retryAttempts, baseDelayMs: this.config.jobs.retryBaseDelayMs }, async (attempt) => {
      await this.recorder.begin({ ...key, name: input.step.name, canteenId, attempt });
      return input.step.run(input.context);
    });
    const status: JobStatus = outcome.error ? 'failed' : 'succeeded';
    const error = outcome.error?.message ?? null;
    if (outcome.error) this.logger.warn(`step ${input.step.name}${canteenId ? ` for canteen ${canteenId}` : ''} failed after ${outcome.attempts} attempts: ${error}`);
    const counts = outcome.value ?? {};
    await this.recorder.finish(key, { status, attempts: outcome.attempts, counts, error });
    return { name: input.step.name, canteenId, status, attempts: outcome.attempts, counts, error };
  }
}
