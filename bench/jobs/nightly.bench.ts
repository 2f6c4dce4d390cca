/**
 * The nightly run on a PostgreSQL server: time for N canteens in one process (`LARDER_JOB_QUEUE=off`)
 * and spread over 1 and 2 `larder worker` processes, measured in the same run; time per canteen per
 * step from job_step; rollup query latency and row counts. Optionally first adds simulated canteens
 * (copies of the demo's, see simulate-canteens.ts).
 *
 *   node_modules/.bin/swc apps/cli libs bench/jobs bench/support -d node_modules/.cache/larder-bench-jobs --ignore '**\/*.spec.ts' -q
 *   export DATABASE_URL=postgres://postgres@127.0.0.1:5432/larder_bench_jobs   # seeded: npm run larder -- demo seed
 *   node_modules/.bin/node node_modules/.cache/larder-bench-jobs/bench/jobs/nightly.bench.js --canteens 4 --workers 0,1,2
 *   node_modules/.bin/node node_modules/.cache/larder-bench-jobs/bench/jobs/nightly.bench.js --simulate 100 --canteens 1,10,100 --workers 0,1,2
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, LarderConfig, loadConfigFromProcess } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { addDays, localDate } from '@larder/domain';
import { IngestionModule } from '@larder/ingestion';
import { JobRunnerService } from '@larder/jobs';
import { NIGHTLY_JOB, PipelineModule } from '@larder/pipeline';
import { argument, flag, numberList } from '../support/arguments';
import { simulateCanteens } from './simulate-canteens';

interface Measurement {
  canteens: number;
  workers: number | 'in-process';
  seconds: number;
  status: string;
  perCanteenMs: Record<string, number>;
  /** Per step: the summed time of its per-canteen tasks over the span from the first start to the last finish — 2.0 is two tasks at once all along. */
  parallelism: Record<string, number>;
  /** The 1-minute load average at the end of the run (this machine's cores are shared). */
  loadAverage: number;
}

function openContext(config: LarderConfig, jobs: Partial<LarderConfig['jobs']>): Promise<INestApplicationContext> {
  @Module({ imports: [ConfigModule.forRoot({ ...config, jobs: { ...config.jobs, ...jobs } }), DatabaseModule, IngestionModule, PipelineModule] })
  class BenchModule {}
  return NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
}

/** `larder worker` processes from the same compiled tree, each taking one step at a time. */
async function startWorkers(count: number): Promise<ChildProcess[]> {
  const main = join(__dirname, '..', '..', 'apps', 'cli', 'src', 'main.js');
  return Promise.all(
    Array.from({ length: count }, async () => {
      const child = spawn(process.execPath, [main, 'worker', '--concurrency', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
      await new Promise<void>((resolve) => child.stderr!.on('data', (chunk: Buffer) => chunk.toString().includes('taking job steps') && resolve()));
      return child;
    }),
  );
}

async function stopWorkers(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }),
  );
}

async function measure(input: { config: LarderConfig; canteenIds: number[]; workers: number; asOf: string }): Promise<Measurement> {
  const inProcess = input.workers === 0;
  const context = await openContext(input.config, inProcess ? { queue: 'off' } : { worker: false });
  const children = inProcess ? [] : await startWorkers(input.workers);
  try {
    const started = performance.now();
    const summary = await context.get(JobRunnerService).run(NIGHTLY_JOB, { trigger: 'manual', asOf: input.asOf, canteenIds: input.canteenIds });
    const seconds = (performance.now() - started) / 1000;
    const loadAverage = Math.round(loadavg()[0] * 10) / 10;
    const rows: { name: string; ms: number; parallelism: number | null }[] = await context.get(DatabaseService).dataSource.query(
      `SELECT name, avg(extract(epoch FROM finished_at - started_at) * 1000)::float AS ms,
              (sum(extract(epoch FROM finished_at - started_at)) / nullif(extract(epoch FROM max(finished_at) - min(started_at)), 0))::float AS parallelism
       FROM job_step WHERE run_id = $1 GROUP BY name`,
      [summary.runId],
    );
    return {
      canteens: input.canteenIds.length,
      workers: inProcess ? 'in-process' : input.workers,
      seconds,
      status: summary.status,
      loadAverage,
      perCanteenMs: Object.fromEntries(rows.map((row) => [row.name, Math.round(row.ms)])),
      parallelism: Object.fromEntries(rows.map((row) => [row.name, Math.round((row.parallelism ?? 1) * 100) / 100])),
    };
  } finally {
    await stopWorkers(children);
    await context.close();
  }
}

/** Median of 7 timings after one warm-up, in ms. */
async function latency(context: INestApplicationContext, sql: string, parameters: unknown[]): Promise<number> {
  const dataSource = context.get(DatabaseService).dataSource;
  await dataSource.query(sql, parameters);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    await dataSource.query(sql, parameters);
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[3] * 10) / 10;
}

async function databaseFigures(context: INestApplicationContext): Promise<Record<string, unknown>> {
  const dataSource = context.get(DatabaseService).dataSource;
  const tables = ['sale_transaction', 'sale_line', 'daily_meal_rollup', 'daily_dish_rollup', 'menu_item', 'forecast'];
  const rows: Record<string, number> = {};
  for (const table of tables) rows[table] = Number((await dataSource.query(`SELECT count(*)::bigint AS n FROM ${table}`))[0].n);
  const [{ size }] = await dataSource.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
  const [{ last }] = await dataSource.query('SELECT max(service_date)::text AS last FROM daily_meal_rollup');
  const monthFrom = addDays(last, -29);
  return {
    rows,
    size,
    latencyMs: {
      'one canteen, 28 days of covers by day and meal': await latency(
        context,
        'SELECT service_date, meal, covers, paid_fen FROM daily_meal_rollup WHERE canteen_id = $1 AND service_date BETWEEN $2 AND $3',
        [1, addDays(last, -27), last],
      ),
      'every canteen, 30 days: covers and takings per canteen': await latency(
        context,
        'SELECT canteen_id, sum(covers), sum(paid_fen) FROM daily_meal_rollup WHERE service_date BETWEEN $1 AND $2 GROUP BY canteen_id',
        [monthFrom, last],
      ),
      'every canteen, 30 days: portions, takings and waste per dish': await latency(
        context,
        'SELECT dish_id, sum(quantity), sum(revenue_fen), sum(wasted_portions) FROM daily_dish_rollup WHERE service_date BETWEEN $1 AND $2 GROUP BY dish_id',
        [monthFrom, last],
      ),
      'one canteen, 30 days of payments by day (facts, not rollups)': await latency(
        context,
        'SELECT service_date, count(*), sum(amount_paid_fen) FROM sale_transaction WHERE canteen_id = $1 AND service_date BETWEEN $2 AND $3 GROUP BY service_date',
        [1, monthFrom, last],
      ),
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfigFromProcess({ LARDER_SCHEDULER: 'off', LARDER_DEMO: 'off' });
  if (config.database.engine !== 'postgres') throw new Error('set DATABASE_URL: this benchmark measures the PostgreSQL server with its workers');
  const canteenCounts = numberList('canteens', '4');
  const workerCounts = numberList('workers', '0,1,2');
  const simulate = Number(argument('simulate', '0'));
  const setup = await openContext(config, {});
  let figures: Record<string, unknown>;
  let asOf: string;
  try {
    await setup.get(DatabaseService).migrate();
    if (simulate > 0) {
      const result = await simulateCanteens(setup.get(DatabaseService).dataSource, { total: simulate, paymentDays: Number(argument('payment-days', '28')), log: (line) => console.error(line) });
      console.error(`simulated canteens: ${result.total} (${result.base} originals) in ${result.seconds.toFixed(1)} s`);
    }
    const [{ last }] = await setup.get(DatabaseService).dataSource.query('SELECT max(service_date)::text AS last FROM sale_transaction');
    // The run a night after the last day of payments does: asOf = that day.
    asOf = last ?? localDate(new Date(), config.timezone);
    figures = await databaseFigures(setup);
  } finally {
    await setup.close();
  }
  console.error(`as of ${asOf}; warming up (one canteen, one worker)`);
  await measure({ config, canteenIds: [1], workers: 1, asOf });
  const measurements: Measurement[] = [];
  for (const canteens of canteenCounts) {
    for (const workers of workerCounts) {
      const result = await measure({ config, canteenIds: Array.from({ length: canteens }, (_, i) => i + 1), workers, asOf });
      console.error(
        `${canteens} canteens, ${result.workers} worker(s): ${result.seconds.toFixed(1)} s ${JSON.stringify(result.perCanteenMs)} parallelism ${JSON.stringify(result.parallelism)} load ${result.loadAverage}`,
      );
      measurements.push(result);
    }
  }
  const report = { asOf, database: figures, measurements };
  if (flag('json')) process.stdout.write(JSON.stringify(report) + '\n');
  else {
    console.log('| canteens | workers | nightly run | per canteen (wall) | refresh-rollups per canteen | forecast per canteen | tasks at once (rollups / forecast) | load | speed-up vs 1 worker |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const m of measurements) {
      const one = measurements.find((other) => other.canteens === m.canteens && other.workers === 1);
      console.log(
        `| ${m.canteens} | ${m.workers} | ${m.seconds.toFixed(1)} s | ${((m.seconds * 1000) / m.canteens).toFixed(0)} ms | ${m.perCanteenMs['refresh-rollups']} ms | ${m.perCanteenMs.forecast} ms | ${m.parallelism['refresh-rollups']} / ${m.parallelism.forecast} | ${m.loadAverage} | ${one && typeof m.workers === 'number' ? `${(one.seconds / m.seconds).toFixed(2)}×` : ''} |`,
      );
    }
    console.log(JSON.stringify(figures, null, 2));
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
