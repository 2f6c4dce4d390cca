import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { addDays, localDate } from '@larder/domain';
import { JobRegistry } from './job-registry.service';
import { JobRunnerService } from './job-runner.service';

export const NIGHTLY_JOB = 'nightly';
export const FINANCE_REPORT_JOB = 'finance-report';
export const PURCHASE_PLAN_REPORT_JOB = 'purchase-plan-report';
export const INBOX_JOB = 'inbox';
export const DELIVERY_JOB = 'deliveries';

/**
 * Fires the scheduled jobs on their crons in the canteens' time zone. Every instance schedules
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
    const schedules: [string, string][] = [
      [NIGHTLY_JOB, this.config.jobs.nightlyCron],
      [FINANCE_REPORT_JOB, this.config.jobs.financeReportCron],
      [PURCHASE_PLAN_REPORT_JOB, this.config.jobs.purchasePlanReportCron],
      [INBOX_JOB, this.config.imports.inboxCron],
      [DELIVERY_JOB, this.config.delivery.cron],
    ];
    for (const [name, cronTime] of schedules) {
      const job = CronJob.from({ cronTime, timeZone: this.config.timezone, onTick: () => this.fire(name, new Date()), start: true });
      this.schedulerRegistry.addCronJob(name, job);
      this.logger.log(`${name} scheduled at "${cronTime}" (${this.config.timezone}), next ${job.nextDate().toISO()}`);
    }
  }

  fireNightly(now: Date): Promise<void> {
    return this.fire(NIGHTLY_JOB, now);
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
