/**
 * The product's own forecast on the real tuning sets, scored against what was then sold: at weekly
 * origins through a dataset's test window, every series of a set is cut at the origin and
 * `forecastPanel` (as `larder forecast` calls it: 56 backtest days at lead 14, refits every 7) forecasts
 * the service days of the next 28 calendar days, drivers known ahead. The real-data runner scores
 * `evaluatePanel`; this covers what only `forecastPanel` does (its global backtest, the horizon's mix
 * and bands). Pooled over origins, series and days by `computeMetrics`: WAPE of the point, pinball of
 * p50/p80/p90 (Σ pinball / Σ actual, mean over the levels) and p10–p90 coverage, plain and with ties spread.
 *
 *   node_modules/.bin/swc libs/domain/src libs/forecasting/src bench/forecasting bench/support -d /tmp/fc-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/fc-dist/bench/forecasting/real-data/panel-holdout.bench.js \
 *     [--datasets lh,kiel,london] [--sets lunch,groups] [--origins 8] [--data /work/shared/datasets]
 */
import { calendarFromRows, computeMetrics, countUpTo, forecastPanel, horizonOf, parseLarderCsv, parseIsoDate, sliceSeries } from '@larder/forecasting';
import { argument } from '../../support/arguments';
import { datasetIds, DEFAULT_DATA_ROOT, loadDataset } from './datasets';
import { larderCsv } from './real-dataset';

const HORIZON_DAYS = 28;
const LEVELS = [0.5, 0.8, 0.9];
/** Series with fewer service days before an origin are left out at that origin. */
const MIN_HISTORY = 120;

function main(argv: readonly string[]): void {
  const root = argument('data', DEFAULT_DATA_ROOT, argv);
  const wantedSets = argument('sets', '', argv).split(',').filter(Boolean);
  const originCount = Number(argument('origins', '8', argv));
  for (const id of datasetIds(argument('datasets', 'lh,kiel,london', argv))) {
    const dataset = loadDataset(id, root);
    if (dataset.holdout) throw new Error(`${id} is the hold-out: never scored while tuning`);
    const calendar = calendarFromRows(dataset.calendar);
    for (const set of dataset.sets) {
      if (wantedSets.length > 0 && !wantedSets.includes(set.id)) continue;
      const all = parseLarderCsv(larderCsv(set)).series.map((parsed) => parsed.series);
      const lastDay = Math.max(...all.map((series) => series.days[series.days.length - 1]));
      // Weekly origins ending a horizon before the data ends, the last `originCount` of those in the test window.
      const origins: number[] = [];
      for (let origin = lastDay - HORIZON_DAYS; origin >= parseIsoDate(dataset.protocol.testFrom) - 1 && origins.length < originCount; origin -= 7) origins.unshift(origin);
      const scored: { actual: Float64Array; point: Float64Array; quantiles: Map<number, Float64Array> }[] = [];
      const cpu = process.cpuUsage();
      for (const origin of origins) {
        const entries = all.flatMap((series) => {
          const end = countUpTo(series.days, origin);
          const to = countUpTo(series.days, origin + HORIZON_DAYS);
          if (end < MIN_HISTORY || to === end) return [];
          return [{ series: sliceSeries(series, 0, end), horizon: horizonOf(series, end, to), actual: series.values.subarray(end, to) }];
        });
        if (entries.length === 0) continue;
        const results = forecastPanel({ entries, calendar, levels: LEVELS, leadDays: 14, testDays: 56, refitEvery: 7 });
        results.forEach((result, s) => scored.push({ actual: entries[s].actual, point: result.point, quantiles: new Map(result.quantiles) }));
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
          cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(1)),
        }),
      );
    }
  }
}

main(process.argv.slice(2));
