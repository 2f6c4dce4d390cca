/**
 * Time to an import's first progress report: what the upload page waits through before it shows
 * anything. Before that report the import opens the file, maps its headers and reads it for its
 * checksum and row estimate; no row is stored yet. N synthetic transaction lines (the ingestion
 * bench's file), as UTF-8 and as UTF-16 with a BOM (Excel's "Unicode Text"), each imported R times
 * through `ImportService` with a listener that stops the import at its first report; prints the
 * median and fastest time per file as JSON. Run two builds one after the other to compare them.
 *
 *   node_modules/.bin/swc libs bench/ingestion bench/support -d /tmp/ing-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/ing-dist/bench/ingestion/first-progress.bench.js --lines 200000 --repeat 15 [--url postgres://...]
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ImportService } from '@larder/ingestion';
import { argument } from '../support/arguments';
import { withIngestionApp } from './ingestion-app';
import { writeTransactionFile } from './transaction-file';

/** Thrown by the listener at the first report: the import stops there, before its batch is written. */
class FirstReport extends Error {
  constructor(readonly report: { ms: number; estimate: number | null }) {
    super('first progress report');
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const lines = Number(argument('lines', '200000'));
  const repeat = Number(argument('repeat', '15'));
  await withIngestionApp({ prefix: 'larder-first-progress-', serverUrl: argument('url', ''), logger: false }, async ({ dir, engine, app }) => {
    const utf8 = join(dir, 'transactions.csv');
    await writeTransactionFile({ path: utf8, lines, canteens: 4, dishes: 200, employees: 17_500 });
    const utf16 = join(dir, 'transactions-utf16.csv');
    writeFileSync(utf16, iconv.encode(readFileSync(utf8, 'utf8'), 'utf16le', { addBOM: true }));
    const importer = app.get(ImportService);
    const timeToFirstReport = async (path: string): Promise<{ ms: number; estimate: number | null }> => {
      const started = performance.now();
      const onProgress = (progress: { estimate: number | null }) => {
        throw new FirstReport({ ms: performance.now() - started, estimate: progress.estimate });
      };
      const stopped = await importer.importFile({ kind: 'transactions', path, createdBy: 'bench', onProgress }).catch((error: Error) => error);
      if (!(stopped instanceof FirstReport)) throw new Error(`the import did not report progress: ${stopped instanceof Error ? stopped.message : 'it finished'}`);
      return stopped.report;
    };
    const files = [];
    for (const [label, path] of [
      ['UTF-8', utf8],
      ['UTF-16LE', utf16],
    ] as const) {
      await timeToFirstReport(path); // warm: the file in the page cache, the code compiled
      const times: number[] = [];
      let estimate: number | null = null;
      for (let run = 0; run < repeat; run++) {
        const report = await timeToFirstReport(path);
        times.push(report.ms);
        estimate = report.estimate;
      }
      files.push({ label, fileMib: Math.round(statSync(path).size / 104857.6) / 10, estimate, medianMs: ms(median(times)), fastestMs: ms(Math.min(...times)) });
    }
    console.log(JSON.stringify({ engine, lines, repeat, load: loadavg().map((value) => Math.round(value * 10) / 10), files }, null, 2));
  });
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
