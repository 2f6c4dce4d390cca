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
import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadConfig } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { ImportService, IngestionModule } from '@larder/ingestion';
import { argument, flag } from '../support/arguments';
import { MemoryWatch } from '../support/memory-watch';
import { createScratchDatabase } from '../support/scratch-database';
import { measureStorageCeiling } from './storage-ceiling';
import { masterFiles, writeTransactionFile } from './transaction-file';

async function main(): Promise<void> {
  const lines = Number(argument('lines', '5000000'));
  const serverUrl = argument('url', '');
  const dir = mkdtempSync(join(tmpdir(), 'larder-ingest-bench-'));
  // as root, the embedded PostgreSQL's own user must be able to pass through to the data folder
  chmodSync(dir, 0o711);
  const server = serverUrl ? await createScratchDatabase(serverUrl) : null;
  const env = server ? { DATABASE_URL: server.url } : { LARDER_DATA_DIR: join(dir, 'data') };
  const config = loadConfig({ ...env, LARDER_DEMO: 'off', LARDER_PSEUDONYM_SECRET: 'bench-pseudonym-key-0123456789', LARDER_LOG_LEVEL: 'error' });

  const generated = performance.now();
  const file = join(dir, 'transactions.csv');
  const shape = await writeTransactionFile({ path: file, lines, canteens: 4, dishes: 200, employees: 17_500 });
  const generateSeconds = (performance.now() - generated) / 1000;

  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, IngestionModule] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  try {
    await app.get(DatabaseService).migrate();
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
          engine: config.database.engine,
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
  } finally {
    await app.close();
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
