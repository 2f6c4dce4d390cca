import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { ForecastRunService } from '@larder/demand';
import { addDays } from '@larder/domain';
import { RollupService } from '@larder/ingestion';
import { JobRegistry } from '@larder/jobs';
import { NIGHTLY_JOB } from './job-names';
import { PullSourcesStep } from './pull-sources.step';
import { DraftPlansStep } from './draft-plans.step';
import { DeliverySteps } from './delivery.steps';

/** Days of rollups the nightly run rebuilds: late files and refunds still arrive for a week. */
const ROLLUP_LOOKBACK_DAYS = 7;

/**
 * The nightly pipeline, assembled from the features' steps: pull → rollups → forecast → draft
 * plans → subscribed reports and alerts queued and sent. Each feature contributes its step here as it lands. A `perCanteen`
 * step needs nothing more to be spread over workers on a server: the runner queues it per canteen.
 */
@Injectable()
export class NightlyPipeline implements OnModuleInit {
  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly registry: JobRegistry,
    private readonly rollups: RollupService,
    private readonly forecasts: ForecastRunService,
    private readonly pullSources: PullSourcesStep,
    private readonly draftPlans: DraftPlansStep,
    private readonly deliveries: DeliverySteps,
  ) {}

  onModuleInit(): void {
    this.registry.define({ name: NIGHTLY_JOB, cron: this.config.jobs.nightlyCron, description: 'pull sources, refresh rollups, forecasts, draft plans and scheduled reports' });
    this.registry.addStep(NIGHTLY_JOB, this.pullSources.definition);
    this.registry.addStep(NIGHTLY_JOB, {
      name: 'refresh-rollups',
      perCanteen: true,
      run: async ({ canteenId, asOf }) => {
        const from = addDays(asOf, -ROLLUP_LOOKBACK_DAYS + 1);
        await this.rollups.refresh({ canteenIds: [canteenId!], from, to: asOf });
        return { days: ROLLUP_LOOKBACK_DAYS };
      },
    });
    this.registry.addStep(NIGHTLY_JOB, {
      name: 'forecast',
      perCanteen: true,
      // ForecastRunService takes one run at a time per process.
      onePerProcess: true,
      run: async ({ canteenId, asOf }) => {
        const summary = await this.forecasts.run({ asOf, canteenIds: [canteenId!], trigger: 'schedule' });
        if (summary.failed.length > 0) throw new Error(summary.failed.map((series) => `${series.canteenCode} ${series.meal}: ${series.error}`).join('; '));
        return { series: summary.series, forecasts: summary.forecasts };
      },
    });
    this.registry.addStep(NIGHTLY_JOB, this.draftPlans.definition());
    this.registry.addStep(NIGHTLY_JOB, this.deliveries.queueStep());
    this.registry.addStep(NIGHTLY_JOB, this.deliveries.sendStep());
  }
}
