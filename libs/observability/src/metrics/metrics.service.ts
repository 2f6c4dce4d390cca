import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { accuracyOf, AccuracyService } from '@larder/analytics';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { addDays, localDate } from '@larder/domain';
import { StoredFiguresQuery } from './stored-figures.query';

/** Several metrics filled by one query: the first collected in a scrape runs it, the others share it. */
function oncePerScrape(load: () => Promise<void>): () => Promise<void> {
  let pending: Promise<void> | null = null;
  return () => (pending ??= load().finally(() => (pending = null)));
}

/** Forecast accuracy is scored on the last four weeks that have ended, canteen time. */
const ACCURACY_DAYS = 28;

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Prometheus metrics for `/metrics`. Request latency is measured as requests finish; everything
 * else is read from the database when scraped, so imports and job runs of every Larder process
 * (a CLI import, a worker) count, and counters survive restarts.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly stored: StoredFiguresQuery;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly accuracy: AccuracyService,
  ) {
    this.stored = new StoredFiguresQuery(dataSource);
    collectDefaultMetrics({ register: this.registry, prefix: 'larder_' });
    this.httpDuration = new Histogram({
      name: 'larder_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry],
    });
    this.registerImports();
    this.registerJobs();
    this.registerForecastAccuracy();
    this.registerPool();
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private registerImports(): void {
    const refresh = oncePerScrape(async () => {
      const figures = await this.stored.imports();
      batches.reset();
      rows.reset();
      seconds.reset();
      for (const figure of figures) {
        batches.inc({ kind: figure.kind, status: figure.status }, figure.batches);
        rows.inc({ kind: figure.kind, outcome: 'accepted' }, figure.accepted);
        rows.inc({ kind: figure.kind, outcome: 'rejected' }, figure.rejected);
        rows.inc({ kind: figure.kind, outcome: 'duplicate' }, figure.duplicates);
        seconds.inc({ kind: figure.kind }, figure.seconds);
      }
    });
    const batches = new Counter({ name: 'larder_import_batches_total', help: 'Import batches by kind and outcome', labelNames: ['kind', 'status'], registers: [this.registry], collect: refresh });
    const rows = new Counter({
      name: 'larder_import_rows_total',
      help: 'Imported rows by kind and outcome (accepted, rejected, duplicate)',
      labelNames: ['kind', 'outcome'],
      registers: [this.registry],
      collect: refresh,
    });
    const seconds = new Counter({ name: 'larder_import_seconds_total', help: 'Seconds spent in finished imports by kind', labelNames: ['kind'], registers: [this.registry], collect: refresh });
  }

  private registerJobs(): void {
    const refresh = oncePerScrape(async () => {
      const [runRows, stepRows] = await Promise.all([this.stored.jobRuns(), this.stored.jobSteps()]);
      for (const metric of [runs, lastRun, steps, stepSeconds, attempts]) metric.reset();
      for (const row of runRows) {
        runs.inc({ job: row.job, status: row.status }, row.runs);
        lastRun.set({ job: row.job, status: row.status }, row.lastStartedEpoch);
      }
      for (const row of stepRows) {
        steps.inc({ job: row.job, step: row.step, status: row.status }, row.steps);
        stepSeconds.inc({ job: row.job, step: row.step, status: row.status }, row.seconds);
        attempts.inc({ job: row.job, step: row.step }, row.attempts);
      }
    });
    const runs = new Counter({ name: 'larder_job_runs_total', help: 'Job runs by job and outcome', labelNames: ['job', 'status'], registers: [this.registry], collect: refresh });
    const lastRun = new Gauge({
      name: 'larder_job_last_run_timestamp_seconds',
      help: 'When a job last started, by outcome',
      labelNames: ['job', 'status'],
      registers: [this.registry],
      collect: refresh,
    });
    const steps = new Counter({ name: 'larder_job_steps_total', help: 'Job steps by job, step and outcome', labelNames: ['job', 'step', 'status'], registers: [this.registry], collect: refresh });
    const stepSeconds = new Counter({ name: 'larder_job_step_seconds_total', help: 'Seconds spent in job steps', labelNames: ['job', 'step', 'status'], registers: [this.registry], collect: refresh });
    const attempts = new Counter({
      name: 'larder_job_step_attempts_total',
      help: 'Attempts of job steps, retries included',
      labelNames: ['job', 'step'],
      registers: [this.registry],
      collect: refresh,
    });
  }

  private registerForecastAccuracy(): void {
    const refresh = oncePerScrape(async () => {
      const figures = await this.accuracyByCanteen();
      wape.reset();
      hitRate.reset();
      for (const figure of figures) {
        if (figure.wape !== null) wape.set({ canteen: figure.code }, figure.wape);
        if (figure.hitRate !== null) hitRate.set({ canteen: figure.code }, figure.hitRate);
      }
    });
    const wape = new Gauge({
      name: 'larder_forecast_wape',
      help: `Covers forecast WAPE per canteen (all meals) over the last ${ACCURACY_DAYS} days (latest forecast made before each day)`,
      labelNames: ['canteen'],
      registers: [this.registry],
      collect: refresh,
    });
    const hitRate = new Gauge({
      name: 'larder_forecast_interval_hit_rate',
      help: `Share of canteen × meal days inside the forecast's p10–p90 over the last ${ACCURACY_DAYS} days (ties with a band end count in part)`,
      labelNames: ['canteen'],
      registers: [this.registry],
      collect: refresh,
    });
  }

  private async accuracyByCanteen(): Promise<{ code: string; wape: number | null; hitRate: number | null }[]> {
    const canteens = await this.stored.canteenCodes();
    if (canteens.length === 0) return [];
    const to = addDays(localDate(new Date(), this.config.timezone), -1);
    const { pairs } = await this.accuracy.forecastPairs({ from: addDays(to, 1 - ACCURACY_DAYS), to, canteenIds: canteens.map((canteen) => canteen.id), dishId: 0 });
    return canteens.map((canteen) => {
      const figures = accuracyOf(pairs.filter((pair) => pair.canteenId === canteen.id));
      return { code: canteen.code, wape: figures.wape, hitRate: figures.intervalHitRate };
    });
  }

  private registerPool(): void {
    const driver = this.dataSource.driver as unknown as { master?: PgPool };
    new Gauge({
      name: 'larder_db_pool_connections',
      help: 'Database connections of this process by state',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = driver.master;
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
}
