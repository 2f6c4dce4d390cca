import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { ForecastRunService } from '@larder/demand';
import { addDays, isoWeek, isoWeekStart, localDate } from '@larder/domain';
import { DemoSeedService, DemoSeedState } from '@larder/ingestion';
import { JobRegistry, JobRunnerService } from '@larder/jobs';
import { DraftPlanService } from '@larder/procurement';

export const FIRST_START_JOB = 'first-start';

/** Past weeks given a stored forecast as the nightly run would have made it, so accuracy has something to measure. */
export const FORECAST_HISTORY_WEEKS = 4;

/**
 * Where a start stands: seeding the demo, then the demo's first forecasts and next week's drafts,
 * then (already usable) the forecast history of past weeks.
 */
export interface FirstStartState {
  phase: 'idle' | 'seeding' | 'forecasting' | 'history' | 'ready' | 'skipped' | 'failed';
  /** 0–1 over the whole start. */
  progress: number;
  demo: DemoSeedState;
  error?: string;
}

/**
 * What `npm start` does after the server answers: seed the demo into an empty database and then
 * run the product's own steps on it — a forecast refresh, next week's draft plans per canteen and
 * the forecasts past weeks had — as a job, so the manager finds forecasts, plans and orders (and
 * the Jobs page shows how the start went) instead of empty pages until the first night.
 */
@Injectable()
export class FirstStartService implements OnModuleInit {
  private readonly logger = new Logger(FirstStartService.name);
  private phase: FirstStartState['phase'] = 'idle';
  private stepsDone = 0;
  private error?: string;
  private today: Date = new Date();

  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly seed: DemoSeedService,
    private readonly registry: JobRegistry,
    private readonly runner: JobRunnerService,
    private readonly forecasts: ForecastRunService,
    private readonly drafts: DraftPlanService,
  ) {}

  onModuleInit(): void {
    this.registry.define({ name: FIRST_START_JOB, description: "after the demo is seeded: forecasts, next week's draft plans and the forecast history of past weeks" });
    this.registry.addStep(FIRST_START_JOB, {
      name: 'forecast',
      perCanteen: false,
      run: async ({ asOf }) => {
        // One run for every canteen: the global model learns across them all once.
        const summary = await this.forecasts.run({ asOf, trigger: 'startup' });
        this.stepsDone += 1;
        return { series: summary.series, forecasts: summary.forecasts, failed: summary.failed.length };
      },
    });
    this.registry.addStep(FIRST_START_JOB, {
      name: 'draft-plans',
      perCanteen: true,
      run: async ({ canteenId }) => {
        // The coming week, from today: the one a manager plans and orders for now.
        const result = await this.drafts.draftWeek({ canteenId: canteenId!, week: isoWeek(addDays(localDate(this.today, this.config.timezone), 7)) });
        return { [result.outcome]: 1 };
      },
    });
    this.registry.addStep(FIRST_START_JOB, {
      name: 'forecast-history',
      perCanteen: false,
      run: async ({ asOf }) => {
        this.phase = 'history';
        let rows = 0;
        for (const asOfSunday of historyOrigins(asOf, FORECAST_HISTORY_WEEKS)) {
          rows += (await this.forecasts.run({ asOf: asOfSunday, horizonDays: 7, trigger: 'startup' })).forecasts;
          this.stepsDone += 1;
        }
        return { weeks: FORECAST_HISTORY_WEEKS, forecasts: rows };
      },
    });
  }

  state(): FirstStartState {
    const demo = this.seed.state();
    // Seeding is about half of a first start; the forecast and each history week share the rest.
    const share = (this.stepsDone / (1 + FORECAST_HISTORY_WEEKS)) * 0.5;
    const progress = this.phase === 'seeding' ? demo.progress * 0.5 : this.phase === 'idle' ? 0 : this.phase === 'forecasting' || this.phase === 'history' ? 0.5 + share : 1;
    return { phase: this.phase, progress: Math.round(progress * 1000) / 1000, demo, ...(this.error ? { error: this.error } : {}) };
  }

  /** Seeds when the database is empty in demo mode, then runs the first-start job; nothing to do otherwise. */
  async start(params: { today?: Date; size?: Parameters<DemoSeedService['seedOnStart']>[1] } = {}): Promise<void> {
    const today = params.today ?? new Date();
    this.today = today;
    this.phase = 'seeding';
    try {
      const seeded = await this.seed.seedOnStart(today, params.size);
      if (!seeded.seeded) {
        this.phase = 'skipped';
        return;
      }
      this.phase = 'forecasting';
      const run = await this.runner.run(FIRST_START_JOB, { trigger: 'startup', asOf: addDays(localDate(today, this.config.timezone), -1) });
      if (run.status !== 'succeeded') this.logger.warn(`the first-start job ended ${run.status}; the Jobs page has its steps`);
      this.phase = 'ready';
    } catch (error) {
      this.phase = 'failed';
      this.error = (error as Error).message;
      throw error;
    }
  }
}

/**
 * The origins of the history runs: the Sunday before each of the last `weeks` ISO weeks begun by
 * `asOf` (the current one included, so its days so far have their band too), newest first, so the
 * overview's week has its forecast soonest.
 */
export function historyOrigins(asOf: string, weeks: number): string[] {
  const monday = isoWeekStart(isoWeek(asOf));
  return Array.from({ length: weeks }, (_, index) => addDays(monday, -7 * index - 1));
}
