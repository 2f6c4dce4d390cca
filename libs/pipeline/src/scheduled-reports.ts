import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { addDays, isoWeek } from '@larder/domain';
import { JobRegistry } from '@larder/jobs';
import { FINANCE_REPORT_JOB, PURCHASE_PLAN_REPORT_JOB } from './job-names';
import { REPORT_LANGUAGES, ReportService } from '@larder/reporting';

/**
 * The reports written on a schedule into the reports folder, each run kept beside the earlier
 * ones: the finance report of the month that has just ended, and next week's purchase plan.
 */
@Injectable()
export class ScheduledReports implements OnModuleInit {
  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly registry: JobRegistry,
    private readonly reports: ReportService,
  ) {}

  onModuleInit(): void {
    this.registry.define({ name: FINANCE_REPORT_JOB, cron: this.config.jobs.financeReportCron, description: "the month's finance cost report, in Chinese and English" });
    this.registry.addStep(FINANCE_REPORT_JOB, {
      name: 'write-finance-report',
      perCanteen: false,
      // Fired on the 1st, the data day is the last day of the month to report.
      run: async ({ asOf }) => this.writeBoth({ kind: 'finance', month: asOf.slice(0, 7) }),
    });
    this.registry.define({ name: PURCHASE_PLAN_REPORT_JOB, cron: this.config.jobs.purchasePlanReportCron, description: "next week's purchase plan, in Chinese and English" });
    this.registry.addStep(PURCHASE_PLAN_REPORT_JOB, {
      name: 'write-purchase-plan-report',
      perCanteen: false,
      run: async ({ asOf }) => this.writeBoth({ kind: 'purchase-plan', week: isoWeek(addDays(asOf, 8)) }),
    });
  }

  private async writeBoth(request: { kind: 'finance' | 'purchase-plan'; month?: string; week?: string }): Promise<Record<string, number>> {
    for (const language of REPORT_LANGUAGES) await this.reports.writeScheduled({ ...request, language, requestedBy: 'scheduler' });
    return { files: REPORT_LANGUAGES.length };
  }
}
