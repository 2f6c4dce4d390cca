import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { addDays, localDate } from '@larder/domain';
import { JobRegistry } from './job-registry.service';
import { JobRunnerService } from './job-runner.service';

/**
 * Fires every job that declares a cron, on it, in the canteens' time zone. Every instance schedules
 * them; a run claims its slot (job and scheduled minute) in the database, so it runs once.
 */
@Injectable()
export class JobSchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedulerService.name);

  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly runner: JobRunnerService,
    private readonly registry: JobRegistry,
    private readonly schedulerRegistry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobs.scheduler) return;
    for (const { name, cron: cronTime } of this.registry.list()) {
      if (!cronTime) continue;
      const job = CronJob.from({ cronTime, timeZone: this.config.timezone, onTick: () => this.fire(name, new Date()), start: true });
      this.schedulerRegistry.addCronJob(name, job);
      this.logger.log(`${name} scheduled at "${cronTime}" (${this.config.timezone}), next ${job.nextDate().toISO()}`);
    }
  }

  /** One scheduled firing: the slot is the minute it was due, the data day is the day before. */
  async fire(name: string, now: Date): Promise<void> {
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    try {
      const due = this.registry.get(name).due;
      if (due && !(await due())) return;
      await this.runner.run(name, { trigger: 'schedule', slot: `${name}@${minute.toISOString()}`, asOf: addDays(localDate(now, this.config.timezone), -1) });
    } catch (error) {
      this.logger.error(`${name} run failed to start: ${(error as Error).message}`);
    }
  }
}
