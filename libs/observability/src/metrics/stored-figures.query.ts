import type { DataSource } from 'typeorm';
import { query } from '@larder/database';

export interface ImportFigureRow {
  kind: string;
  status: string;
  batches: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  seconds: number;
}

export interface JobRunRow {
  job: string;
  status: string;
  runs: number;
  lastStartedEpoch: number;
}

export interface JobStepRow {
  job: string;
  step: string;
  status: string;
  steps: number;
  attempts: number;
  seconds: number;
}

const IMPORTS_SQL = `
SELECT kind, status, count(*)::int AS batches, COALESCE(sum(accepted), 0)::float8 AS accepted,
       COALESCE(sum(rejected), 0)::float8 AS rejected, COALESCE(sum(duplicates), 0)::float8 AS duplicates,
       COALESCE(sum(EXTRACT(EPOCH FROM finished_at - started_at)), 0)::float8 AS seconds
FROM import_batch GROUP BY kind, status`;

const JOB_RUNS_SQL = `
SELECT name AS job, status, count(*)::int AS runs, EXTRACT(EPOCH FROM max(started_at))::float8 AS "lastStartedEpoch"
FROM job_run GROUP BY name, status`;

const JOB_STEPS_SQL = `
SELECT r.name AS job, s.name AS step, s.status, count(*)::int AS steps, COALESCE(sum(s.attempts), 0)::float8 AS attempts,
       COALESCE(sum(EXTRACT(EPOCH FROM s.finished_at - s.started_at)), 0)::float8 AS seconds
FROM job_step s JOIN job_run r ON r.id = s.run_id GROUP BY r.name, s.name, s.status`;

/** Totals of what is stored, so every process's imports and jobs count (the CLI's too), across restarts. */
export class StoredFiguresQuery {
  constructor(private readonly dataSource: DataSource) {}

  imports(): Promise<ImportFigureRow[]> {
    return query<ImportFigureRow>(this.dataSource, IMPORTS_SQL);
  }

  jobRuns(): Promise<JobRunRow[]> {
    return query<JobRunRow>(this.dataSource, JOB_RUNS_SQL);
  }

  jobSteps(): Promise<JobStepRow[]> {
    return query<JobStepRow>(this.dataSource, JOB_STEPS_SQL);
  }

  canteenCodes(): Promise<{ id: number; code: string }[]> {
    return query<{ id: number; code: string }>(this.dataSource, 'SELECT id, code FROM canteen ORDER BY id');
  }
}
