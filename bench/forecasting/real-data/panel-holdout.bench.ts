/**
 * The product's own forecast on the real tuning sets, scored against what was then sold: at weekly
 * origins through a dataset's test window, every series of a set is cut at the origin and
 * `forecastPanel` (as `larder forecast` calls it: RUN_BACKTEST's window, lead and refits) forecasts
 * the service days of the next 28 calendar days, drivers known ahead. The real-data runner scores
 * `evaluatePanel`; this covers what only `forecastPanel` does (its global backtest, the horizon's mix
 * and bands). Pooled over origins, series and days by `computeMetrics`: WAPE of the point, pinball of
 * p50/p80/p90 (Σ pinball / Σ actual, mean over the levels) and p10–p90 coverage, plain and with ties spread.
 *
 *   node_modules/.bin/swc libs/domain/src libs/forecasting/src libs/demand/src/services/dish-split.ts libs/demand/src/services/dish-path.ts \
 *     libs/demand/src/services/dish-bottom-up.ts libs/demand/src/services/meal-forecaster.ts bench/forecasting bench/support -d /tmp/rd-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/rd-dist/bench/forecasting/real-data/panel-holdout.bench.js \
 *     [--datasets lh,kiel,london] [--sets lunch,groups] [--origins 8] [--data /work/shared/datasets]
 *     [--step 1] [--against-evaluation] [--two-terms 2018] [--sales-only] [--dish-global] [--test-days 56]
 *
 * `--step 1` cuts at every day (the nightly run); `--against-evaluation` scores the forecasts made exactly
 * 7 and 14 days ahead beside `evaluatePanel`'s at those leads on the same days (WAPE and pinball);
 * `--two-terms YEAR` cuts the sets to two autumn terms (autumn-terms.ts), the second's days from 31 October scored;
 * `--sales-only` drops the drivers, as a dish's own series has none; `--dish-global` gives forecastPanel the
 * dishes' smaller global model (ownDishForecasts'); `--test-days N` another backtest window than the product's.
 */
import {
  calendarFromRows,
  computeMetrics,
  countUpTo,
  ForecastMetrics,
  evaluatePanel,
  forecastPanel,
  formatIsoDate,
  horizonOf,
  leadWeekOf,
  parseLarderCsv,
  parseIsoDate,
  pinballLoss,
  ServiceCalendar,
  ServiceSeries,
  sliceSeries,
} from '@larder/forecasting';
import { argument } from '../../support/arguments';
import { autumnTerms } from './autumn-terms';
import { datasetIds, DEFAULT_DATA_ROOT, loadDataset } from './datasets';
import { larderCsv, SeriesSet } from './real-dataset';
import { DISH_GLOBAL } from '../../../libs/demand/src/services/dish-bottom-up';
import { RUN_BACKTEST } from '../../../libs/demand/src/services/meal-forecaster';

const HORIZON_DAYS = 28;
const LEVELS = [0.5, 0.8, 0.9];
/** Series with fewer service days before an origin are left out at that origin. */
const MIN_HISTORY = 120;
/** Two terms hold a few months: the product forecasts any series it has. */
const MIN_HISTORY_TWO_TERMS = 28;

function main(argv: readonly string[]): void {
  const root = argument('data', DEFAULT_DATA_ROOT, argv);
  const wantedSets = argument('sets', '', argv).split(',').filter(Boolean);
  const originCount = Number(argument('origins', '8', argv));
  // 1: an origin every day, as the nightly run forecasts (each day is then seen at every lead).
  const step = Number(argument('step', '7', argv));
  const compare = argv.includes('--against-evaluation');
  const twoTerms = argument('two-terms', '', argv);
  const salesOnly = argv.includes('--sales-only');
  const dishSettings = argv.includes('--dish-global');
  // The product's backtest window: its errors weigh the models and calibrate the bands.
  const testDays = Number(argument('test-days', String(RUN_BACKTEST.testDays), argv));
  const minHistory = twoTerms ? MIN_HISTORY_TWO_TERMS : MIN_HISTORY;
  for (const id of datasetIds(argument('datasets', 'lh,kiel,london', argv))) {
    const dataset = loadDataset(id, root);
    if (dataset.holdout) throw new Error(`${id} is the hold-out: never scored while tuning`);
    const calendar = calendarFromRows(dataset.calendar);
    for (const whole of dataset.sets) {
      if (wantedSets.length > 0 && !wantedSets.includes(whole.id)) continue;
      const set = shaped(whole, twoTerms, salesOnly);
      const all = parseLarderCsv(larderCsv(set)).series.map((parsed) => parsed.series);
      if (all.length === 0) continue;
      const lastDay = Math.max(...all.map((series) => series.days[series.days.length - 1]));
      const testFrom = parseIsoDate(twoTerms ? autumnTerms(Number(twoTerms)).testFrom : dataset.protocol.testFrom);
      // Origins `step` days apart ending a horizon before the data ends, the last `originCount` of those in the test window;
      // for two terms, every origin whose lead 7 or 14 falls in the scored weeks.
      const origins: number[] = [];
      const [latest, earliest] = twoTerms ? [lastDay - 7, testFrom - 14] : [lastDay - HORIZON_DAYS, testFrom - 1];
      for (let origin = latest; origin >= earliest && origins.length < originCount; origin -= step) origins.unshift(origin);
      const scored: { actual: Float64Array; point: Float64Array; quantiles: Map<number, Float64Array>; leads: Int32Array; series: number; days: Int32Array }[] = [];
      const cpu = process.cpuUsage();
      for (const origin of origins) {
        const entries = all.flatMap((series, index) => {
          const end = countUpTo(series.days, origin);
          const to = countUpTo(series.days, origin + HORIZON_DAYS);
          if (end < minHistory || to === end) return [];
          return [
            {
              series: sliceSeries(series, 0, end),
              horizon: horizonOf(series, end, to),
              actual: series.values.subarray(end, to),
              leads: series.days.subarray(end, to).map((day) => day - origin),
              index,
              days: series.days.subarray(end, to),
            },
          ];
        });
        if (entries.length === 0) continue;
        const results = forecastPanel({
          entries,
          calendar,
          levels: LEVELS,
          leadDays: RUN_BACKTEST.leadDays,
          testDays,
          refitEvery: RUN_BACKTEST.refitEvery,
          ...(dishSettings ? { global: DISH_GLOBAL } : {}),
        });
        results.forEach((result, s) =>
          scored.push({ actual: entries[s].actual, point: result.point, quantiles: new Map(result.quantiles), leads: entries[s].leads, series: entries[s].index, days: entries[s].days }),
        );
      }
      const used = process.cpuUsage(cpu);
      const joined = (pick: (part: (typeof scored)[number]) => Float64Array) => Float64Array.from(scored.flatMap((part) => [...pick(part)]));
      const levels = scored.length > 0 ? [...scored[0].quantiles.keys()] : [];
      const metrics = computeMetrics({
        actual: joined((part) => part.actual),
        point: joined((part) => part.point),
        quantiles: new Map(levels.map((level) => [level, joined((part) => part.quantiles.get(level)!)])),
        levels: LEVELS,
      });
      const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
      console.log(
        JSON.stringify({
          set: `${id}/${set.id}`,
          origins: origins.length,
          n: metrics.n,
          wape: round(metrics.wape, 5),
          pinball: round(metrics.pinball, 5),
          coverage: round(metrics.coverage80, 4),
          tieCoverage: round(metrics.tieCoverage80, 4),
          // The horizon's model serves every lead and one error sample bands it: how each week of the horizon fares.
          byLeadWeek: byLeadWeek(scored).map((week) => ({ wape: round(week.wape, 4), pinball: round(week.pinball, 4), tieCoverage: round(week.tieCoverage80, 4) })),
          ...(compare && origins.length > 0 ? { againstEvaluation: againstEvaluation({ all, calendar, scored, testFrom: twoTerms ? testFrom : origins[0] + 1 }) } : {}),
          cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(1)),
        }),
      );
    }
  }
}

/**
 * The set as scored: whole, or cut to two autumn terms a year apart (autumn-terms.ts: the shape of a
 * school canteen's history), and without its drivers (a till's record, or a dish's series in the product).
 */
function shaped(set: SeriesSet, twoTerms: string, salesOnly: boolean): SeriesSet {
  const { rows } = twoTerms ? autumnTerms(Number(twoTerms)).cut(set) : set;
  return salesOnly ? { ...set, driverNames: [], rows: rows.map(({ drivers: _drivers, ...row }) => row) } : { ...set, rows };
}

/**
 * The product's forecasts made exactly 7 and 14 days ahead beside `evaluatePanel`'s at those leads (what
 * the real-data tables score) on the same days: WAPE of the point and of the p50, and pinball. With
 * weekly origins a lead is one weekday; `--step 1` gives every day.
 */
function againstEvaluation(params: {
  all: readonly ServiceSeries[];
  calendar: ServiceCalendar;
  scored: readonly { actual: Float64Array; point: Float64Array; quantiles: Map<number, Float64Array>; leads: Int32Array; series: number; days: Int32Array }[];
  testFrom: number;
}): Record<string, Record<string, number | null>> {
  return Object.fromEntries(
    [7, 14].map((leadDays) => {
      const evaluations = evaluatePanel({ series: params.all, leadDays, refitEvery: 7, test: { testFrom: formatIsoDate(params.testFrom) }, levels: LEVELS, calendar: params.calendar });
      const evaluated = evaluations.map(
        (evaluation, s) =>
          new Map(
            Array.from(
              evaluation.indices,
              (index, k) => [params.all[s].days[index], { point: evaluation.system.point[k], quantiles: LEVELS.map((level) => evaluation.system.quantiles.get(level)![k]) }] as const,
            ),
          ),
      );
      const sums = { product: 0, productP50: 0, evaluatePanel: 0, evaluatePanelP50: 0, productPinball: 0, evaluatePanelPinball: 0, actual: 0, n: 0 };
      for (const part of params.scored)
        part.leads.forEach((lead, i) => {
          const other = evaluated[part.series].get(part.days[i]);
          if (lead !== leadDays || other === undefined) return;
          const actual = part.actual[i];
          sums.product += Math.abs(actual - part.point[i]);
          const product = LEVELS.map((level) => part.quantiles.get(level)![i]);
          sums.productP50 += Math.abs(actual - product[0]);
          sums.evaluatePanel += Math.abs(actual - other.point);
          sums.evaluatePanelP50 += Math.abs(actual - other.quantiles[0]);
          sums.productPinball += meanPinball(actual, product);
          sums.evaluatePanelPinball += meanPinball(actual, other.quantiles);
          sums.actual += actual;
          sums.n++;
        });
      const share = (value: number) => (sums.actual > 0 ? Number((value / sums.actual).toFixed(4)) : null);
      const { actual: _actual, n, ...errors } = sums;
      return [`lead${leadDays}`, { ...Object.fromEntries(Object.entries(errors).map(([name, value]) => [name, share(value)])), n }];
    }),
  );
}

/** The mean quantile loss over LEVELS of one day (the tables' pinball once summed and divided by the actuals). */
function meanPinball(actual: number, quantiles: readonly number[]): number {
  return quantiles.reduce((sum, value, k) => sum + pinballLoss(actual, value, LEVELS[k]), 0) / LEVELS.length;
}

/** The metrics of the days forecast 1–7, 8–14, 15–21 and 22–28 days ahead. */
function byLeadWeek(scored: readonly { actual: Float64Array; point: Float64Array; quantiles: Map<number, Float64Array>; leads: Int32Array }[]): ForecastMetrics[] {
  return [0, 1, 2, 3].map((week) => {
    // Leads run 1 … HORIZON_DAYS (28): weeks 0–3.
    const inWeek = (lead: number) => leadWeekOf(lead) === week;
    const picked = (pick: (part: (typeof scored)[number]) => Float64Array) => Float64Array.from(scored.flatMap((part) => [...pick(part)].filter((_, i) => inWeek(part.leads[i]))));
    const levels = scored.length > 0 ? [...scored[0].quantiles.keys()] : [];
    return computeMetrics({
      actual: picked((part) => part.actual),
      point: picked((part) => part.point),
      quantiles: new Map(levels.map((level) => [level, picked((part) => part.quantiles.get(level)!)])),
      levels: LEVELS,
    });
  });
}

main(process.argv.slice(2));
