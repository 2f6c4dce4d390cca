/**
 * Ingestion benchmark: N synthetic transaction lines (demo export layout) imported end to end —
 * parse, validate, pseudonymise, dedupe, store, roll up — into the embedded engine (a data folder of
 * its own) or a server.
 * Then the same file again (every payment a duplicate), then the ceilings of storing and parsing alone
 * (storage-ceiling.ts; skip with --no-ceiling). Prints lines/s, peak memory and how long each import
 * took to send its first progress report (the upload page's first sign of life) as JSON.
 *
 *   node_modules/.bin/swc libs bench/ingestion bench/support -d /tmp/ing-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/ing-dist/bench/ingestion/ingestion.bench.js --lines 5000000 [--url postgres://...]
 */
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ImportService } from '@larder/ingestion';
import { argument, flag } from '../support/arguments';
import { MemoryWatch } from '../support/memory-watch';
import { withIngestionApp } from './ingestion-app';
import { measureStorageCeiling } from './storage-ceiling';
import { masterFiles, writeTransactionFile } from './transaction-file';

async function main(): Promise<void> {
  const lines = Number(argument('lines', '5000000'));
  await withIngestionApp({ prefix: 'larder-ingest-bench-', serverUrl: argument('url', ''), logger: ['error'] }, async ({ dir, engine, app }) => {
    const generated = performance.now();
    const file = join(dir, 'transactions.csv');
    const shape = await writeTransactionFile({ path: file, lines, canteens: 4, dishes: 200, employees: 17_500 });
    const generateSeconds = (performance.now() - generated) / 1000;

    const importer = app.get(ImportService);
    for (const [name, content] of Object.entries(masterFiles({ canteens: 4, dishes: 200 }))) {
      await writeFile(join(dir, name), content);
      await importer.importFile({ kind: 'auto', path: join(dir, name), createdBy: 'bench' });
    }
    const runs = [];
    for (const label of ['first import', 'same file again']) {
      const memory = new MemoryWatch(250);
      const started = performance.now();
      // CPU of this process, worker threads included (not the database server's): a steadier figure than wall time on a shared machine
      const cpuBefore = process.cpuUsage();
      // a listener as the upload page has: the file is read for its checksum and row estimate before the first report
      const progressAt: number[] = [];
      const onProgress = () => progressAt.push(performance.now());
      const summary = await importer.importFile({ kind: 'transactions', path: file, createdBy: 'bench', onProgress });
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const nodeCpuSeconds = Math.round((cpu.user + cpu.system) / 100_000) / 10;
      runs.push({
        label,
        seconds: Math.round(seconds * 10) / 10,
        firstProgressSeconds: progressAt.length === 0 ? null : Math.round(progressAt[0] - started) / 1000,
        linesPerSecond: Math.round(lines / seconds),
        nodeCpuSeconds,
        accepted: summary.accepted,
        duplicates: summary.duplicates,
        rejected: summary.rejected,
        ...memory.stop(),
      });
    }
    const ceiling = flag('no-ceiling') ? null : await measureStorageCeiling({ dataSource: app.get(DataSource), file, lines });
    console.log(
      JSON.stringify(
        {
          engine,
          lines: shape.lines,
          payments: shape.payments,
          fileMib: Math.round(statSync(file).size / 1048576),
          generateSeconds: Math.round(generateSeconds),
          runs,
          ceiling,
        },
        null,
        2,
      ),
    );
  });
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
