import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { JobRun, JobStep, query } from '@larder/database';
import { JobRegistry } from './job-registry.service';
import { EMPTY_RUN, EMPTY_RUNS_BY_DAY } from './job-history.queries';

export interface JobStepView extends JobStep {
  /** Finished minus started; null while the step runs. */
  durationMs: number | null;
}

export interface JobRunView extends JobRun {
  steps: JobStepView[];
}

/** Runs of a frequent job that found nothing to do, one line per job and local day. */
export interface EmptyRunsDay {
  name: string;
  day: string;
  runs: number;
  firstAt: Date;
  lastAt: Date;
}

const durationMs = (step: JobStep): number | null => (step.finishedAt ? step.finishedAt.getTime() - step.startedAt.getTime() : null);

@Injectable()
export class JobHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly registry: JobRegistry,
  ) {}

  /** The newest runs that did something: empty runs of frequent jobs are left to `emptyRunsByDay`. */
  async recent(limit = 20): Promise<JobRunView[]> {
    const runs = await this.dataSource
      .getRepository(JobRun)
      .createQueryBuilder('run')
      .where(`NOT (${EMPTY_RUN})`, { frequent: this.frequentJobs() })
      .orderBy('run.started_at', 'DESC')
      .take(limit)
      .getMany();
    return this.withSteps(runs);
  }

  async emptyRunsByDay(days = 14): Promise<EmptyRunsDay[]> {
    return query<EmptyRunsDay>(this.dataSource, EMPTY_RUNS_BY_DAY, [this.frequentJobs(), this.config.timezone, days]);
  }

  /** One run with its steps in order. */
  async run(id: string): Promise<JobRunView> {
    const run = await this.dataSource.getRepository(JobRun).findOneBy({ id });
    if (!run) throw new LarderError('NOT_FOUND', `no job run ${id}`);
    const [view] = await this.withSteps([run]);
    return view;
  }

  private frequentJobs(): string[] {
    return this.registry
      .list()
      .filter((job) => job.due)
      .map((job) => job.name);
  }

  private async withSteps(runs: JobRun[]): Promise<JobRunView[]> {
    if (runs.length === 0) return [];
    const steps = await this.dataSource.getRepository(JobStep).find({ where: { runId: In(runs.map((run) => run.id)) }, order: { stepNo: 'ASC' } });
    return runs.map((run) => ({ ...run, steps: steps.filter((step) => step.runId === run.id).map((step) => ({ ...step, durationMs: durationMs(step) })) }));
  }
}
