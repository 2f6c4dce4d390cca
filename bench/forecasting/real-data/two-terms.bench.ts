/**
 * The tuning sets cut to the shape of a school or university canteen's history: two autumn terms a
 * year apart (1 September – 23 December), the last eight weeks of the second scored (from 31 October),
 * at leads 7 and 14. A short history with a long break is where forecasts made without their data (a
 * new term forecast from the last one's end) can mislead the bands; the full protocols have years of
 * unbroken history and do not show it. Tuning sets only: the hold-out is not cut.
 *
 *   node_modules/.bin/swc libs/domain/src libs/forecasting/src bench/forecasting bench/support -d /tmp/rd-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/rd-dist/bench/forecasting/real-data/two-terms.bench.js \
 *     [--datasets lh,kiel] [--years 2017,2018,2020] [--data /work/shared/datasets] [--sales-only]
 *
 * `--sales-only` drops the drivers and forecasts a dataset's covers sets (LH's lunch and dinner) as one
 * panel: the shape of a canteen whose only record is its till, a few meal series without HR columns.
 */
import { backtestWithSeries, calendarFromRows, ForecastMetrics } from '@larder/forecasting';
import { percent } from '../../support/percent';
import { argument, flag, numberList } from '../../support/arguments';
import { autumnTerms } from './autumn-terms';
import { datasetIds, DEFAULT_DATA_ROOT, loadDataset } from './datasets';
import { larderCsv, SeriesSet } from './real-dataset';

const LEADS = [7, 14];
const PLAN_LEVELS = [0.5, 0.8, 0.9];
/** Sets too large for a quick look (Recruit's 829 restaurants, London's 248 dishes) are left out. */
const MAX_ROWS = 400_000;

const figures = (metrics: ForecastMetrics) =>
  `WAPE ${percent(metrics.wape)}, pinball ${percent(metrics.pinball)}, p10–p90 coverage ${percent(metrics.coverage80)} (ties spread ${percent(metrics.tieCoverage80)})`;

function main(): void {
  const root = argument('data', DEFAULT_DATA_ROOT);
  for (const id of datasetIds(argument('datasets', 'lh,kiel'))) {
    const dataset = loadDataset(id, root);
    if (dataset.holdout) throw new Error(`${id} is the hold-out: it is not cut for tuning`);
    const calendar = calendarFromRows(dataset.calendar);
    const sets = flag('sales-only') ? salesOnly(dataset.sets) : dataset.sets;
    for (const year of numberList('years', '2017,2018')) {
      const terms = autumnTerms(year);
      for (const set of sets.filter((entry) => entry.rows.length <= MAX_ROWS)) {
        const cut = terms.cut(set);
        if (cut.rows.length === 0) continue;
        for (const lead of LEADS) {
          const { result } = backtestWithSeries(larderCsv(cut), { leadDays: lead, testFrom: terms.testFrom, refitEvery: 7, levels: PLAN_LEVELS, calendar });
          const ratio = result.system.wape !== null && result.baselines.median4.wape ? (result.system.wape / result.baselines.median4.wape).toFixed(2) : '-';
          console.log(
            `${id}/${set.id} autumns ${year - 1}+${year} lead ${lead}: Larder ${figures(result.system)} | median4 ${figures(result.baselines.median4)} | ratio ${ratio} | n ${result.system.n}`,
          );
        }
      }
    }
  }
}

/** The covers sets as one panel without drivers (per-item sets unchanged but for their drivers). */
function salesOnly(sets: readonly SeriesSet[]): SeriesSet[] {
  const bare = (set: SeriesSet): SeriesSet => ({ ...set, driverNames: [], rows: set.rows.map(({ drivers: _drivers, ...row }) => row) });
  const covers = sets.filter((set) => !set.perItem);
  const joined: SeriesSet[] = covers.length > 1 ? [{ ...bare(covers[0]), id: covers.map((set) => set.id).join('+'), rows: covers.flatMap((set) => bare(set).rows) }] : covers.map(bare);
  return [...joined, ...sets.filter((set) => set.perItem).map(bare)];
}

main();
