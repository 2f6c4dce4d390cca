/** The pg-boss queue every per-canteen step of every job goes through. */
export const STEP_QUEUE = 'larder-job-step';

/** One canteen's part of one step of one run: what a worker needs to run and record it. */
export interface StepTask {
  runId: string;
  job: string;
  /** Position of the step in the job's definition; the name is checked too, so a worker on other code fails clearly. */
  stepIndex: number;
  step: string;
  /** The job_step row this task records into, numbered as the in-process runner numbers them. */
  stepNo: number;
  canteenId: number;
  asOf: string;
  /** All attempts the task may take, the first included; the last failing one records the step as failed. */
  attempts: number;
}

/** What a settled task leaves on its pg-boss job. */
export interface StepTaskOutput {
  counts?: Record<string, number>;
  message?: string;
  /** pg-boss's own reason, e.g. when a task's worker stopped answering: { message: 'job timed out' }. */
  value?: { message?: string };
}
