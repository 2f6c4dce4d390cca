/**
 * The product's own forecast on the real tuning sets, scored against what was then sold: at weekly
 * origins through a dataset's test window, every series of a set is cut at the origin and
 * `forecastPanel` (as `larder forecast` calls it: 56 backtest days at lead 14, refits every 7) forecasts
 * the service days of the next 28 calendar days, drivers known ahead. The real-data runner scores
 * `evaluatePanel`; this covers what only `forecastPanel` does (its global backtest, the horizon's mix
 * and bands). Pooled over origins, series and days: WAPE of the point, pinball of p50/p80/p90
 * (Σ pinball / Σ actual, mean over the levels) and p10–p90 coverage.
 *
 *   node_modules/.bin/swc libs/domain/src libs/forecasting/src bench/forecasting bench/support -d /tmp/fc-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/fc-dist/bench/forecasting/real-data/panel-holdout.bench.js \
 *     [--datasets lh,kiel,london] [--sets lunch,groups] [--origins 8] [--data /work/shared/datasets]
 */
import { calendarFromRows, countUpTo, forecastPanel, horizonOf, parseLarderCsv, parseIsoDate, pinballLoss, sliceSeries, bandShare } from '@larder/forecasting';
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
      const score = { error: 0, actual: 0, pinball: 0, inside: 0, tieInside: 0, n: 0 };
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
        results.forEach((result, s) => {
          const { actual } = entries[s];
          const bandLevels = [...result.quantiles.keys()].sort((a, b) => a - b);
          for (let i = 0; i < actual.length; i++) {
            score.error += Math.abs(actual[i] - result.point[i]);
            score.actual += actual[i];
            for (const level of LEVELS) {
              const q = result.quantiles.get(level)![i];
              score.pinball += pinballLoss(actual[i], q, level) / LEVELS.length;
            }
            if (actual[i] >= result.quantiles.get(0.1)![i] && actual[i] <= result.quantiles.get(0.9)![i]) score.inside++;
            score.tieInside += bandShare(
              actual[i],
              bandLevels,
              bandLevels.map((level) => result.quantiles.get(level)![i]),
            );
            score.n++;
          }
        });
      }
      const used = process.cpuUsage(cpu);
      console.log(
        JSON.stringify({
          set: `${id}/${set.id}`,
          origins: origins.length,
          n: score.n,
          wape: Number((score.error / score.actual).toFixed(5)),
          pinball: Number((score.pinball / score.actual).toFixed(5)),
          coverage: Number((score.inside / Math.max(1, score.n)).toFixed(4)),
          tieCoverage: Number((score.tieInside / Math.max(1, score.n)).toFixed(4)),
          cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(1)),
        }),
      );
    }
  }
}

main(process.argv.slice(2));
