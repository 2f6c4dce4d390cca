/**
 * Payments export benchmark: one month with N synthetic payments (the detail lines), on a server or
 * the embedded engine; measures writing the finance report's streamed payments export (one line per
 * payment, apart from the printable finance workbook) in a process of its own, so its peak memory
 * is the export's (Nest and the database client included). Prints JSON.
 *
 *   node_modules/.bin/swc libs bench/reporting bench/support -d /tmp/rep-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/rep-dist/bench/reporting/finance-report.bench.js --lines 1000000 [--url postgres://...] [--semi-space 16,0]
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadConfig } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { DemoSeedService, IngestionModule, RollupService } from '@larder/ingestion';
import { ReportingModule, ReportService } from '@larder/reporting';
import { DataSource } from 'typeorm';
import { argument, numberList } from '../support/arguments';
import { mib, MemoryWatch } from '../support/memory-watch';
import { createScratchDatabase } from '../support/scratch-database';

async function main(): Promise<void> {
  const lines = Number(argument('lines', '1000000'));
  const serverUrl = argument('url', '');
  const work = mkdtempSync(join(tmpdir(), 'larder-report-bench-'));
  // as root, the embedded PostgreSQL runs as the postgres user, who must pass through the folder
  chmodSync(work, 0o711);
  let database = `embedded ${work}`;
  const env: Record<string, string> = { LARDER_DATA_DIR: join(work, 'data'), LARDER_PSEUDONYM_SECRET: 'bench-pseudonym-key-0123456', LARDER_DEMO: 'off' };
  const scratch = serverUrl ? await createScratchDatabase(serverUrl, 'larder_report_bench') : null;
  if (scratch) {
    env.DATABASE_URL = scratch.url;
    database = 'postgres server';
  }
  @Module({ imports: [ConfigModule.forRoot(loadConfig(env)), DatabaseModule, IngestionModule, ReportingModule] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  try {
    await app.get(DatabaseService).migrate();
    await app.get(DemoSeedService).seed({ seed: 7, canteens: 4, employees: 17500, days: 45, endDate: '2026-10-31' });
    const dataSource = app.get(DataSource);
    const loadStarted = performance.now();
    // November: N payments spread over 4 canteens × 30 days, every channel, a refund every 200th.
    for (let from = 1; from <= lines; from += 250_000) {
      const to = Math.min(lines, from + 249_999);
      await dataSource.query(
        `INSERT INTO sale_transaction (canteen_id, id, source, external_id, terminal, diner_pseudonym, occurred_at, service_date, meal, kind, amount_paid_fen, subsidy_fen, channel)
         SELECT 1 + g % 4, 900000000000 + g, 'bench', 'B' || g, 'W' || lpad((g % 8)::text, 2, '0'), 'p' || (g % 17500),
                timestamptz '2026-11-01 03:30:00+00' + ((g / 4) % 30) * interval '1 day' + (g % 9000) * interval '1 second',
                date '2026-11-01' + ((g / 4) % 30)::int, 'lunch', CASE WHEN g % 200 = 0 THEN 'refund' ELSE 'sale' END,
                CASE WHEN g % 200 = 0 THEN -1500 ELSE 1200 + g % 900 END, CASE WHEN g % 200 = 0 THEN -1000 ELSE 1000 END,
                (ARRAY['card', 'card', 'card', 'bank_app', 'wechat', 'alipay'])[1 + g % 6]
         FROM generate_series($1::int, $2::int) g`,
        [from, to],
      );
    }
    await app.get(RollupService).refresh({ canteenIds: [1, 2, 3, 4], from: '2026-11-01', to: '2026-11-30' });
    // As autovacuum would after a day's import: fresh statistics for the planner.
    await dataSource.query('ANALYZE');
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    await app.close();
    // The report runs as the product launches it (bin/larder.js, npm start: --max-semi-space-size=16), then with V8's default young generation.
    for (const semiSpaceMib of numberList('semi-space', '16,0')) {
      const flags = semiSpaceMib > 0 ? [`--max-semi-space-size=${semiSpaceMib}`] : [];
      const child = execFileSync(process.execPath, [...flags, __filename, '--measure', JSON.stringify(env), join(work, 'finance.xlsx')], { encoding: 'utf8', env: process.env });
      console.log(JSON.stringify({ database, semiSpaceMib: semiSpaceMib || 'V8 default', ...JSON.parse(child), loadSeconds: Number(loadSeconds.toFixed(1)), node: process.version }));
    }
  } finally {
    await app.close().catch(() => undefined);
    await scratch?.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The child: open Larder on the prepared database, write the report, report time and peak memory. */
async function measure(env: Record<string, string>, path: string): Promise<void> {
  @Module({ imports: [ConfigModule.forRoot(loadConfig(env)), DatabaseModule, ReportingModule] })
  class ReportModule {}
  const app = await NestFactory.createApplicationContext(ReportModule, { logger: ['error'] });
  try {
    const rssBeforeMib = mib(process.memoryUsage().rss);
    const watch = new MemoryWatch();
    const started = performance.now();
    const summary = await app.get(ReportService).writeFile({ kind: 'finance', month: '2026-11', language: 'zh-CN', paymentsDetail: true }, path);
    const seconds = (performance.now() - started) / 1000;
    const memory = watch.stop();
    process.stdout.write(
      JSON.stringify({
        detailLines: summary.totals.paymentLines,
        seconds: Number(seconds.toFixed(1)),
        linesPerSecond: Math.round(Number(summary.totals.paymentLines) / seconds),
        rssBeforeMib,
        ...memory,
        maxRssMib: Math.round(process.resourceUsage().maxRSS / 1024),
        fileMib: Number(((summary.bytes ?? 0) / 1048576).toFixed(1)),
        charts: summary.charts,
      }),
    );
  } finally {
    await app.close();
  }
}

const measureAt = process.argv.indexOf('--measure');
(measureAt >= 0 ? measure(JSON.parse(process.argv[measureAt + 1]) as Record<string, string>, process.argv[measureAt + 2]) : main()).catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
