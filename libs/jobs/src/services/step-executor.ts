import { JobStatus } from '@larder/database';
import { JobDefinition, StepCounts } from '../job-definition';

export interface StepResult {
  name: string;
  canteenId: number | null;
  status: JobStatus;
  attempts: number;
  counts: StepCounts;
  error: string | null;
}

/** One step of a run, for the canteens it covers (a step that is not per canteen runs once). */
export interface StepBatch {
  runId: string;
  job: JobDefinition;
  stepIndex: number;
  /** The record number of the batch's first step; each canteen takes the next. */
  firstStepNo: number;
  canteenIds: number[];
  asOf: string;
}

/**
 * Runs a step's batch to the end (every canteen succeeded, or failed after its last attempt) and
 * records each: in this process, or through the queue for any worker. Both answer alike, so the
 * runner and the run's history do not know which ran it.
 */
export interface StepExecutor {
  run(batch: StepBatch): Promise<StepResult[]>;
}
