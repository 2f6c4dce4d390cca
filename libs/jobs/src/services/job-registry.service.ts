import { Injectable } from '@nestjs/common';
import { LarderError } from '@larder/common';
import { JobDefinition, JobStepDefinition } from '../job-definition';

/**
 * Jobs are assembled from steps that feature modules contribute (rollups, forecasts, plans,
 * reports), so the pipeline grows without this library knowing those features.
 */
@Injectable()
export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();

  define(job: Omit<JobDefinition, 'steps'>): void {
    if (!this.jobs.has(job.name)) this.jobs.set(job.name, { ...job, steps: [] });
  }

  addStep(jobName: string, step: JobStepDefinition): void {
    const job = this.jobs.get(jobName);
    if (!job) throw new Error(`cannot add step ${step.name} to unknown job ${jobName}`);
    job.steps.push(step);
  }

  get(name: string): JobDefinition {
    const job = this.jobs.get(name);
    if (!job) throw new LarderError('NOT_FOUND', `no job named ${JSON.stringify(name)}; known jobs: ${[...this.jobs.keys()].join(', ') || 'none'}`);
    return job;
  }

  list(): JobDefinition[] {
    return [...this.jobs.values()];
  }
}
