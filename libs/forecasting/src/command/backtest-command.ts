import { mergeLevels, roundLevel } from '../core/quantiles';
import { ServiceCalendar } from '../core/service-calendar';
import { computeMetrics, ForecastMetrics } from '../evaluation/metrics';
import { MethodForecasts, SeriesEvaluation } from '../evaluation/series-evaluation';
import { evaluatePanel } from '../evaluation/panel-evaluation';
import { CURVE_LEVELS, matchShortfall, MatchedShortfall, productionOutcome } from '../evaluation/matched-shortfall';
import { parseLarderCsv, ParsedLarderCsv, ParsedSeries, PLANNED_COLUMN } from './larder-csv';
import { ServiceSeries } from '../core/service-series';
import { formatIsoDate, parseIsoDate } from '../core/iso-date';
import type { ProgressListener } from '@larder/domain';

export type { MatchedShortfall };

export interface BacktestCommandOptions {
  /** Minimum age in days of the data behind each forecast. */
  readonly leadDays?: number;
  /** Score the last N service days of each series (default 28)… */
  readonly testDays?: number;
  /** …or every service day from this ISO date on (wins over testDays). */
  readonly testFrom?: string;
  readonly refitEvery?: number;
  /** Production quantile levels to evaluate as plans. */
  readonly levels?: readonly number[];
  readonly calendar?: ServiceCalendar;
  /** Override the system's candidate models (default: by series type). */
  readonly candidates?: readonly string[];
  /** How far the backtest is: series evaluated of all (twice over with a planned column). */
  readonly onProgress?: ProgressListener;
}

export interface PlanOutcome {
  readonly level: number;
  readonly leftoverPct: number | null;
  readonly shortfallPct: number | null;
}

export interface BacktestCommandResult {
  readonly system: ForecastMetrics;
  readonly baselines: { readonly seasonalNaive: ForecastMetrics; readonly median4: ForecastMetrics; readonly planned?: ForecastMetrics };
  readonly plans: readonly PlanOutcome[];
  readonly matchedShortfall?: MatchedShortfall;
  /**
   * With a planned column: the system again with the planners' number as a driver known at the lead
   * (forecast value added: does Larder add to the planner, does the planner add to Larder?).
   */
  readonly withPlanned?: { readonly system: ForecastMetrics; readonly matchedShortfall: MatchedShortfall };
}

/** Core of `larder backtest`: CSV text in, accuracy of the system vs baselines (and vs the plan) out. */
export function runBacktestCommand(csvText: string, options: BacktestCommandOptions = {}): BacktestCommandResult {
  return backtestWithSeries(csvText, options).result;
}

/** The same, with each series' scored forecasts (for per-series tables such as the dish level). */
export function backtestWithSeries(csvText: string, options: BacktestCommandOptions = {}): { result: BacktestCommandResult; series: readonly SeriesBacktest[] } {
  const planLevels = options.levels ?? [0.5, 0.8, 0.9];
  const parsed = parseLarderCsv(csvText);
  // With a plan to match, the system's quantiles at every level of the curve its plan is traced on.
  const levels = mergeLevels(parsed.hasPlanned ? [...planLevels, ...CURVE_LEVELS] : planLevels);
  checkTestFrom(parsed, options.testFrom);
  const panels = parsed.hasPlanned ? 2 : 1;
  // With a planned column the panel is backtested twice: each pass is half of the work.
  const onStep = (pass: number) => (done: number, total: number) =>
    options.onProgress?.({ step: pass === 0 ? 'series' : 'series with planned', done: Math.max(0, done - 1), total: total - 1, fraction: (pass + done / total) / panels });
  const { result, series } = backtestPanel(
    parsed,
    parsed.series.map((entry) => entry.series),
    { ...options, planLevels, levels, onStep: onStep(0) },
  );
  if (!parsed.hasPlanned) return { result, series };
  const withPlanned = backtestPanel(parsed, parsed.series.map(withPlannedDriver), { ...options, planLevels, levels, onStep: onStep(1) }).result;
  return { result: { ...result, withPlanned: { system: withPlanned.system, matchedShortfall: withPlanned.matchedShortfall! } }, series };
}

/** A test period that starts after the last row reads as a typo or the wrong file, not as "no history". */
function checkTestFrom(parsed: ParsedLarderCsv, testFrom: string | undefined): void {
  if (testFrom === undefined) return;
  const last = parsed.series.reduce((latest, { series }) => Math.max(latest, series.days[series.days.length - 1]), Number.NEGATIVE_INFINITY);
  if (parseIsoDate(testFrom) > last) throw new Error(`backtest: the test period from ${testFrom} starts after the file's last date, ${formatIsoDate(last)}`);
}

export interface SeriesBacktest {
  readonly entry: ParsedSeries;
  readonly evaluation: SeriesEvaluation;
}

/** The series with the planners' number as one more driver (blank plans repeat the previous one, as drivers do). */
function withPlannedDriver(entry: ParsedSeries): ServiceSeries {
  const planned = Float64Array.from(entry.planned);
  let last = Number.NaN;
  for (let i = 0; i < planned.length; i++) {
    if (Number.isFinite(planned[i])) last = planned[i];
    else planned[i] = last;
  }
  const first = planned.findIndex(Number.isFinite);
  for (let i = 0; i < Math.max(0, first); i++) planned[i] = planned[first];
  return { ...entry.series, drivers: { ...entry.series.drivers, [PLANNED_COLUMN]: planned } };
}

function backtestPanel(
  parsed: ParsedLarderCsv,
  series: readonly ServiceSeries[],
  options: BacktestCommandOptions & { planLevels: readonly number[]; levels: readonly number[]; onStep?: (done: number, total: number) => void },
): { result: BacktestCommandResult; series: readonly SeriesBacktest[] } {
  const { planLevels, levels } = options;
  const reported = mergeLevels(planLevels);
  const panel = evaluatePanel({
    series,
    leadDays: options.leadDays ?? 7,
    refitEvery: options.refitEvery ?? 7,
    test: { testDays: options.testDays, testFrom: options.testFrom },
    levels,
    calendar: options.calendar,
    candidates: options.candidates,
    onStep: options.onStep,
  });
  const evaluations = parsed.series.map((entry, s) => ({ entry, evaluation: panel[s] }));
  const pooled = (pickMethod: (evaluation: SeriesEvaluation) => MethodForecasts) =>
    pool(
      evaluations.map(({ evaluation }) => ({ evaluation, method: pickMethod(evaluation) })),
      reported,
    );

  const system = pooled((evaluation) => evaluation.system);
  if (system.actual.length === 0) throw new Error('backtest: no test day could be forecast (each series needs service days before its test period)');
  const metrics = (method: ReturnType<typeof pooled>) => computeMetrics({ actual: system.actual, point: method.point, quantiles: method.quantiles, levels: planLevels, scale: system.scale });
  const result: BacktestCommandResult = {
    system: metrics(system),
    baselines: { seasonalNaive: metrics(pooled((e) => e.seasonalNaive)), median4: metrics(pooled((e) => e.median4)) },
    plans: planLevels.map((level) => planOutcome(system.actual, system.quantiles.get(roundLevel(level))!, level)),
  };
  if (!parsed.hasPlanned) return { result, series: evaluations };

  const planned = plannedComparison(evaluations);
  return {
    result: {
      ...result,
      baselines: { ...result.baselines, planned: computeMetrics({ actual: planned.actual, point: planned.planned, scale: planned.scale }) },
      matchedShortfall: matchShortfall(planned),
    },
    series: evaluations,
  };
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const result = new Float64Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/** The scored days of every series in one run, with the quantiles at `levels` (the reported ones). */
function pool(parts: readonly { evaluation: SeriesEvaluation; method: MethodForecasts }[], levels: readonly number[]) {
  return {
    actual: concat(parts.map(({ evaluation }) => evaluation.actual)),
    point: concat(parts.map(({ method }) => method.point)),
    quantiles: new Map(levels.map((level) => [level, concat(parts.map(({ method }) => method.quantiles.get(level)!))])),
    scale: concat(parts.map(({ evaluation }) => new Float64Array(evaluation.actual.length).fill(evaluation.scale))),
  };
}

function planOutcome(actual: Float64Array, production: Float64Array, level: number): PlanOutcome {
  const { leftover, shortfall, total } = productionOutcome(actual, production);
  return { level, leftoverPct: total > 0 ? leftover / total : null, shortfallPct: total > 0 ? shortfall / total : null };
}

interface PlannedComparison {
  readonly actual: Float64Array;
  readonly planned: Float64Array;
  readonly scale: Float64Array;
  /** System leftover / shortfall sums at each CURVE_LEVELS level, on the same days. */
  readonly curveLeftover: Float64Array;
  readonly curveShortfall: Float64Array;
}

/**
 * Restricts to scored days that have a plan and traces on them the leftover/shortfall curve of the
 * plans the system would have cooked: its own quantiles at each CURVE_LEVELS level, as it serves them.
 */
function plannedComparison(evaluations: readonly { entry: ParsedSeries; evaluation: SeriesEvaluation }[]): PlannedComparison {
  const actual: number[] = [];
  const planned: number[] = [];
  const scale: number[] = [];
  const curveLeftover = new Float64Array(CURVE_LEVELS.length);
  const curveShortfall = new Float64Array(CURVE_LEVELS.length);
  for (const { entry, evaluation } of evaluations) {
    const curve = CURVE_LEVELS.map((level) => evaluation.system.quantiles.get(roundLevel(level))!);
    evaluation.indices.forEach((seriesIndex, k) => {
      const plan = entry.planned[seriesIndex];
      if (!Number.isFinite(plan)) return;
      const value = evaluation.actual[k];
      actual.push(value);
      planned.push(plan);
      scale.push(evaluation.scale);
      curve.forEach((quantile, j) => {
        const production = quantile[k];
        curveLeftover[j] += Math.max(production - value, 0);
        curveShortfall[j] += Math.max(value - production, 0);
      });
    });
  }
  return { actual: Float64Array.from(actual), planned: Float64Array.from(planned), scale: Float64Array.from(scale), curveLeftover, curveShortfall };
}
