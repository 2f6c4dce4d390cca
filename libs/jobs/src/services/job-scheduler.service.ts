import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { addDays, localDate } from '@larder/domain';
import { JobRunnerService } from './job-runner.service';

export const NIGHTLY_JOB = 'nightly';

/**
 * Fires the nightly pipeline on its cron in the canteens' time zone. Every instance schedules it;
 * the run claims its slot (the scheduled minute) in the database, so it runs once.
 */
@Injectable()
export class JobSchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedulerService.name);

  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly runner: JobRunnerService,
    private readonly schedulerRegistry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobs.scheduler) return;
    const job = CronJob.from({
      cronTime: this.config.jobs.nightlyCron,
      timeZone: this.config.timezone,
      onTick: () => this.fireNightly(new Date()),
      start: true,
    });
    this.schedulerRegistry.addCronJob(NIGHTLY_JOB, job);
    this.logger.log(`nightly pipeline scheduled at "${this.config.jobs.nightlyCron}" (${this.config.timezone}), next ${job.nextDate().toISO()}`);
  }

  /** One scheduled firing: the slot is the minute it was due, the data day is the day before. */
  async fireNightly(now: Date): Promise<void> {
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    try {
      await this.runner.run(NIGHTLY_JOB, { trigger: 'schedule', slot: `${NIGHTLY_JOB}@${minute.toISOString()}`, asOf: addDays(localDate(now, this.config.timezone), -1) });
    } catch (error) {
      this.logger.error(`nightly run failed to start: ${(error as Error).message}`);
    }
  }
}
