import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { JobRun, JobStep } from '@larder/database';

export interface JobRunView extends JobRun {
  steps: JobStep[];
}

@Injectable()
export class JobHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recent(limit = 20): Promise<JobRunView[]> {
    const runs = await this.dataSource.getRepository(JobRun).find({ order: { startedAt: 'DESC' }, take: limit });
    if (runs.length === 0) return [];
    const steps = await this.dataSource.getRepository(JobStep).find({ where: { runId: In(runs.map((run) => run.id)) }, order: { stepNo: 'ASC' } });
    return runs.map((run) => ({ ...run, steps: steps.filter((step) => step.runId === run.id) }));
  }
}
