import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mean as meanOf } from 'simple-statistics';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { entityCopyTarget, Forecast, ForecastRun, isConnectionLost, TableCopier } from '@larder/database';
import { addDays, localDate, MealPeriod, parseIsoDate, ProgressListener } from '@larder/domain';
import { parseIsoDate as toEpochDay } from '@larder/forecasting';
import { FailedSeries, ForecastRunRequest, ForecastRunSummary } from '../dtos/forecast-run.dto';
import { CanteenRef, DemandHistoryService, RunWindow } from './demand-history.service';
import { dishModelLabel } from './dish-path';
import { forecastMealsOffThread } from './forecast-off-thread';
import { MealForecastInput, MealForecastResult } from './meal-forecaster';
import { supersedeForecasts } from './forecast-supersede';

/** Days of covers history the models see (two years), and of dish sales the share model sees (one year). */
const HISTORY_DAYS = 730;
const SHARE_DAYS = 364;
export const MAX_HORIZON_DAYS = 91;

interface ForecastRow {
  canteenId: number;
  runId: string;
  serviceDate: string;
  meal: MealPeriod;
  dishId: number;
  model: string;
  p50: number;
  p10: number;
  p90: number;
  quantiles: string;
  backtestWape: number | null;
}

interface SeriesOutcome {
  canteen: CanteenRef;
  meal: MealPeriod;
  startedAt: Date;
  finishedAt: Date;
  result?: MealForecastResult;
  error?: string;
}

const round4 = (value: number | null) => (value === null || !Number.isFinite(value) ? null : Math.round(value * 1e4) / 1e4);

function mean(values: readonly (number | null | undefined)[]): number | null {
  const finite = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return finite.length > 0 ? round4(meanOf(finite)) : null;
}

/**
 * A forecast refresh: for every canteen × meal with service history, covers by the backtest-selected
 * model and portions of every dish on each future menu, stored as one `forecast_run` with its
 * `forecast` rows (covers as dish 0). A series that fails is logged, recorded on the run with its
 * reason, and skipped; the others are stored.
 */
@Injectable()
export class ForecastRunService {
  private readonly logger = new Logger(ForecastRunService.name);
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly history: DemandHistoryService,
  ) {}

  /** One run at a time per process: a second would compete with the first for the same canteens' forecasts. */
  async run(request: ForecastRunRequest = {}): Promise<ForecastRunSummary> {
    if (this.running) throw new LarderError('CONFLICT', 'a forecast run is already in progress; try again when it has finished');
    this.running = true;
    try {
      return await this.execute(request);
    } finally {
      this.running = false;
    }
  }

  private async execute(request: ForecastRunRequest): Promise<ForecastRunSummary> {
    const started = performance.now();
    const horizonDays = request.horizonDays ?? 28;
    if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
      throw new LarderError('VALIDATION_FAILED', `horizon must be a whole number of days 1-${MAX_HORIZON_DAYS}, got ${horizonDays}`);
    }
    const asOf = request.asOf === undefined ? this.yesterday() : checkedDate(request.asOf);
    const canteens = await this.history.canteens(await this.canteenIds(request));
    const missing = (request.canteenIds ?? []).filter((id) => !canteens.some((canteen) => canteen.id === id));
    if (missing.length > 0) throw new LarderError('NOT_FOUND', `no canteen with id ${missing.join(', ')}`);
    const asOfDay = toEpochDay(asOf);
    const window: RunWindow = { historyFrom: asOfDay - HISTORY_DAYS + 1, sharesFrom: asOfDay - SHARE_DAYS + 1, asOf: asOfDay, horizonEnd: asOfDay + horizonDays };

    const runId = randomUUID();
    await this.dataSource.getRepository(ForecastRun).insert({ id: runId, asOf, horizonDays, status: 'running', finishedAt: null, failedSeries: [], error: null });
    try {
      // The global model always learns from every canteen: a run for some canteens forecasts them as the full run does.
      const wanted = new Set(canteens.map((canteen) => canteen.id));
      const outcomes = (await this.forecastAll(await this.history.canteens(), window, request.onProgress)).filter((outcome) => wanted.has(outcome.canteen.id));
      const summary = this.summarise({ runId, asOf, horizonDays, outcomes, started });
      request.onProgress?.({ step: 'storing', done: 0, total: 0, fraction: 0.95 });
      await this.store({ runId, outcomes, summary });
      this.logger.log(`forecast run ${runId} as of ${asOf}: ${summary.series} series, ${summary.forecasts} rows, ${summary.failed.length} failed, ${summary.seconds} s`);
      return summary;
    } catch (error) {
      await this.markFailed(runId, (error as Error).message);
      throw error;
    }
  }

  private async canteenIds(request: ForecastRunRequest): Promise<readonly number[] | undefined> {
    const ids = [...(request.canteenIds ?? [])];
    for (const code of request.canteenCodes ?? []) {
      const canteen = await this.history.canteenByCode(code);
      if (!canteen) throw new LarderError('VALIDATION_FAILED', `canteen: no canteen with code or id ${JSON.stringify(code)}`, { parameter: 'canteen' });
      ids.push(canteen.id);
    }
    const allowed = request.allowedCanteenIds;
    if (allowed === undefined) return request.canteenIds || request.canteenCodes ? ids : undefined;
    const foreign = ids.filter((id) => !allowed.includes(id));
    if (foreign.length > 0) throw new LarderError('FORBIDDEN', `canteen ${foreign.join(', ')} is not one of yours`, { parameter: 'canteen' });
    return ids.length > 0 ? ids : allowed;
  }

  /** Reading takes about a sixth of a run, forecasting most of the rest, storing the last few percent. */
  private async forecastAll(canteens: readonly CanteenRef[], window: RunWindow, onProgress?: ProgressListener): Promise<SeriesOutcome[]> {
    const calendar = await this.history.calendar(window);
    const series: { canteen: CanteenRef; meal: MealPeriod; input: MealForecastInput }[] = [];
    for (const [index, canteen] of canteens.entries()) {
      onProgress?.({ step: 'canteens read', done: index, total: canteens.length, fraction: 0.15 * (index / canteens.length) });
      // Per canteen: how a dish is bought there.
      const dishInfo = await this.history.dishInfo({ asOf: window.asOf, canteenIds: [canteen.id] });
      const inputs = await this.history.mealInputs(canteen, window);
      for (const [meal, input] of [...inputs].sort(([a], [b]) => a.localeCompare(b))) {
        if (input.horizon.length > 0) series.push({ canteen, meal, input: { ...input, dishInfo, calendar } });
      }
      // Reading is I/O, forecasting CPU work: let the API answer other requests in between.
      await nextTurn();
    }
    const startedAt = new Date();
    // Every canteen × meal together: the global covers model learns from all of them at once, in a
    // thread of its own so the server keeps answering meanwhile.
    const results = await forecastMealsOffThread(
      series.map((entry) => entry.input),
      (done, total) =>
        // the first step is the covers model of every series at once; each further one a series' dishes
        onProgress?.({ step: 'series forecast', done: done - 1, total: total - 1, fraction: round4(0.15 + 0.8 * (done / total)) ?? 0.95 }),
    );
    const finishedAt = new Date();
    return series.map(({ canteen, meal }, s) => {
      const result = results[s];
      if (!(result instanceof Error)) return { canteen, meal, startedAt, finishedAt, result };
      this.logger.warn(`forecast of ${canteen.code} ${meal} failed, carrying on without it: ${result.message}`);
      return { canteen, meal, startedAt, finishedAt, error: result.message };
    });
  }

  private summarise(params: { runId: string; asOf: string; horizonDays: number; outcomes: SeriesOutcome[]; started: number }): ForecastRunSummary {
    const done = params.outcomes.filter((outcome) => outcome.result).map((outcome) => outcome.result!);
    const failed: FailedSeries[] = params.outcomes
      .filter((outcome) => outcome.error !== undefined)
      .map((outcome) => ({ canteenId: outcome.canteen.id, canteenCode: outcome.canteen.code, meal: outcome.meal, error: outcome.error! }));
    const models: Record<string, number> = {};
    for (const result of done) models[result.model] = (models[result.model] ?? 0) + 1;
    return {
      runId: params.runId,
      asOf: params.asOf,
      horizonDays: params.horizonDays,
      status: done.length === 0 && failed.length > 0 ? 'failed' : 'done',
      series: done.length,
      forecasts: done.reduce((sum, result) => sum + result.covers.length + result.dishes.length, 0),
      failed,
      seconds: Math.round((performance.now() - params.started) / 10) / 100,
      meanBacktestWape: { covers: mean(done.map((result) => result.backtestWape)), dishes: mean(done.map((result) => result.dishBacktest.wape)) },
      baselineWape: {
        covers: { seasonalNaive: mean(done.map((result) => result.baselineWape.seasonalNaive)), median4: mean(done.map((result) => result.baselineWape.median4)) },
        dishes: { lastServed: mean(done.map((result) => result.dishBacktest.lastServed)), median4: mean(done.map((result) => result.dishBacktest.median4)) },
      },
      models,
    };
  }

  /** Forecast rows by COPY and the run's outcome, in one transaction. */
  private async store(params: { runId: string; outcomes: SeriesOutcome[]; summary: ForecastRunSummary }): Promise<void> {
    const { runId, outcomes, summary } = params;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const copier = await TableCopier.open(runner, entityCopyTarget<ForecastRow>(this.dataSource, Forecast, { omit: ['superseded'] }));
      for (const outcome of outcomes) if (outcome.result) await copier.addAll(rowsOf(runId, outcome));
      await copier.flush();
      await runner.manager.update(ForecastRun, { id: runId }, { status: summary.status, finishedAt: new Date(), failedSeries: [...summary.failed] });
      if (summary.status === 'done') await supersedeForecasts(runner.manager, runId);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * A run that failed because the database went away would otherwise stay 'running' for ever: the
   * pool may first hand out other connections the same restart has killed, so a lost connection is
   * tried again on a fresh one, a few times.
   */
  private async markFailed(runId: string, error: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.getRepository(ForecastRun).update({ id: runId }, { status: 'failed', finishedAt: new Date(), error });
        return;
      } catch (secondary) {
        if (attempt < 5 && isConnectionLost(secondary)) {
          await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
          continue;
        }
        this.logger.error(`could not mark forecast run ${runId} as failed: ${(secondary as Error).message}`);
        return;
      }
    }
  }

  private yesterday(): string {
    return addDays(localDate(new Date(), this.config.timezone), -1);
  }
}

function checkedDate(value: string): string {
  try {
    return parseIsoDate(value);
  } catch (error) {
    throw new LarderError('VALIDATION_FAILED', `as-of date: ${(error as Error).message}`);
  }
}

function* rowsOf(runId: string, outcome: SeriesOutcome): Generator<ForecastRow> {
  const result = outcome.result!;
  const base = { canteenId: outcome.canteen.id, runId, meal: outcome.meal };
  for (const row of result.covers) {
    yield {
      ...base,
      serviceDate: row.serviceDate,
      dishId: 0,
      model: result.model,
      p50: row.p50,
      p10: row.p10,
      p90: row.p90,
      quantiles: JSON.stringify(row.quantiles),
      backtestWape: round4(result.backtestWape),
    };
  }
  for (const row of result.dishes) {
    yield {
      ...base,
      serviceDate: row.serviceDate,
      dishId: Number(row.dish),
      model: dishModelLabel(result.model, row.path),
      p50: row.p50,
      p10: row.p10,
      p90: row.p90,
      quantiles: JSON.stringify(row.quantiles),
      backtestWape: round4(result.dishBacktest.wape),
    };
  }
}
