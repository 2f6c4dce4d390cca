import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { JobStatus, JobStep, query } from '@larder/database';
import { StepCounts } from '../job-definition';

export interface StepKey {
  runId: string;
  stepNo: number;
}

export interface StepOutcome {
  status: Exclude<JobStatus, 'running'>;
  attempts: number;
  counts: StepCounts;
  error: string | null;
}

/**
 * Writes job_step rows, for the in-process runner and for queue workers alike, so a step reads the
 * same whichever ran it. Writes carry the attempt: a worker whose attempt was given up (it stalled
 * past the expiry and another worker took over) cannot overwrite the newer attempt's record.
 */
@Injectable()
export class StepRecorder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Marks the step running at this attempt; false when a later attempt already holds it or it has
   * already ended (a worker that died between recording the end and telling the queue: no second run).
   */
  async begin(input: StepKey & { name: string; canteenId: number | null; attempt: number }): Promise<boolean> {
    const rows = await query<{ step_no: number }>(
      this.dataSource,
      `INSERT INTO job_step (run_id, step_no, name, canteen_id, started_at, status, attempts, counts, finished_at, error)
       VALUES ($1, $2, $3, $4, now(), 'running', $5, '{}', NULL, NULL)
       ON CONFLICT (run_id, step_no) DO UPDATE SET attempts = EXCLUDED.attempts, status = 'running', finished_at = NULL
       WHERE job_step.attempts < EXCLUDED.attempts AND job_step.status = 'running'
       RETURNING step_no`,
      [input.runId, input.stepNo, input.name, input.canteenId, input.attempt],
    );
    return rows.length > 0;
  }

  /** Records how an attempt ended, unless a later attempt has taken the step over. */
  async finish(key: StepKey, outcome: StepOutcome): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_step SET status = $3, attempts = $4, counts = $5, error = $6, finished_at = now()
       WHERE run_id = $1 AND step_no = $2 AND attempts <= $4`,
      [key.runId, key.stepNo, outcome.status, outcome.attempts, JSON.stringify(outcome.counts), outcome.error],
    );
  }

  /** Notes a failed attempt that will be retried, so `larder jobs` shows why it is on its second try. */
  async noteError(key: StepKey & { attempt: number; error: string }): Promise<void> {
    await this.dataSource.query(`UPDATE job_step SET error = $4 WHERE run_id = $1 AND step_no = $2 AND attempts = $3`, [key.runId, key.stepNo, key.attempt, key.error]);
  }

  /** A step the queue gave up on without a worker recording the end (its last worker died): recorded as failed. */
  async failLost(input: StepKey & { name: string; canteenId: number; attempts: number; error: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO job_step (run_id, step_no, name, canteen_id, started_at, status, attempts, counts, finished_at, error)
       VALUES ($1, $2, $3, $4, now(), 'failed', $5, '{}', now(), $6)
       ON CONFLICT (run_id, step_no) DO UPDATE SET status = 'failed', attempts = GREATEST(job_step.attempts, EXCLUDED.attempts), finished_at = now(), error = EXCLUDED.error
       WHERE job_step.status = 'running'`,
      [input.runId, input.stepNo, input.name, input.canteenId, input.attempts, input.error],
    );
  }

  /** How many of a run's steps numbered `from`..`to` have ended, either way. */
  async countEnded(input: { runId: string; from: number; to: number }): Promise<number> {
    const [row] = await query<{ ended: number }>(this.dataSource, `SELECT count(*)::int AS ended FROM job_step WHERE run_id = $1 AND step_no BETWEEN $2 AND $3 AND status <> 'running'`, [
      input.runId,
      input.from,
      input.to,
    ]);
    return row.ended;
  }

  read(runId: string, stepNos: number[]): Promise<JobStep[]> {
    return this.dataSource.getRepository(JobStep).find({ where: { runId, stepNo: In(stepNos) }, order: { stepNo: 'ASC' } });
  }
}
