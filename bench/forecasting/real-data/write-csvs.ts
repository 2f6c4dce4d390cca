/**
 * Writes every real dataset as Larder backtest CSVs outside the project:
 *   <out>/<dataset>/<series-set>.csv, calendar.csv (date,kind,name) and protocol.json.
 *
 *   node_modules/.bin/swc libs/domain/src libs/forecasting/src bench/forecasting bench/support -d /tmp/fc-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/fc-dist/bench/forecasting/real-data/write-csvs.js \
 *     [--data /work/shared/datasets] [--out /work/realdata-csv] [--datasets lh,kiel,recruit,london,zhaw]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { argument } from '../../support/arguments';
import { datasetIds, DATASETS, DEFAULT_DATA_ROOT, loadDataset } from './datasets';
import { calendarCsv, larderCsv, RealDataset } from './real-dataset';

/** The Larder checkout the command runs from: the nearest folder up from the working directory whose package.json is Larder's. */
function projectRoot(): string | undefined {
  for (let dir = resolve(process.cwd()); ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'larder') return dir;
    } catch {
      // No package.json here: look further up.
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Refuses to write inside the project: third-party data must never enter the repository. */
function checkOutside(out: string): void {
  const root = projectRoot();
  if (root && (out === root || out.startsWith(`${root}/`))) throw new Error(`--out ${out} is inside the project (${root}): write the CSVs outside it`);
}

function protocolJson(dataset: RealDataset): object {
  return {
    dataset: dataset.folder,
    id: dataset.id,
    title: dataset.title,
    holdout: dataset.holdout,
    ...dataset.protocol,
    calendar: 'calendar.csv',
    sets: dataset.sets.map((set) => ({
      file: `${set.id}.csv`,
      title: set.title,
      series: new Set(set.rows.map((row) => `${row.canteen}|${row.meal}|${row.item}`)).size,
      rows: set.rows.length,
      perItem: set.perItem,
      drivers: set.driverNames,
      planned: set.hasPlanned,
      reference: set.reference,
      notes: set.notes ?? [],
    })),
  };
}

function main(): void {
  const root = argument('data', DEFAULT_DATA_ROOT);
  const out = resolve(argument('out', '/work/realdata-csv'));
  checkOutside(out);
  for (const id of datasetIds(argument('datasets', Object.keys(DATASETS).join(',')))) {
    const started = performance.now();
    const dataset = loadDataset(id, root);
    const folder = join(out, dataset.folder);
    mkdirSync(folder, { recursive: true });
    for (const set of dataset.sets) writeFileSync(join(folder, `${set.id}.csv`), larderCsv(set));
    writeFileSync(join(folder, 'calendar.csv'), calendarCsv(dataset.calendar));
    writeFileSync(join(folder, 'protocol.json'), JSON.stringify(protocolJson(dataset), null, 2) + '\n');
    const sets = dataset.sets.map((set) => `${set.id} (${set.rows.length} rows)`).join(', ');
    console.log(`${dataset.folder}: ${sets}, calendar ${dataset.calendar.length} rows, ${((performance.now() - started) / 1000).toFixed(1)} s -> ${folder}`);
  }
}

main();
