/**
 * Dashboard latency benchmark on the PostgreSQL server: seeds the demo enterprise into a scratch
 * database, multiplies its canteens server-side to the wanted size, rebuilds every rollup (hourly
 * included) with the product's RollupService, ANALYZEs, then starts the API in-process and calls each
 * panel endpoint with a mix of filters. Prints JSON: row counts and p50/p95/max per endpoint.
 *
 *   node_modules/.bin/swc libs apps bench/dashboard -d scratch/bench-dist --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node scratch/bench-dist/bench/dashboard/dashboard.bench.js \
 *     --url postgres://postgres@127.0.0.1:5432/test --copies 10 [--calls 200] [--reuse <db>] [--keep] [--cache off|on]
 *     (or --embedded instead of --url: the embedded engine's PostgreSQL in a temp data folder)
 *     [--endpoints overview,dishes/:dishId] [--mixes quarter]
 *
 * Compile inside the project folder (scratch/ is ignored by git): the API finds the project's files
 * above its own. `--cache off` (the default) computes every call from the rollups; `--cache on`
 * serves repeated views from the dashboard cache as a running server does between data changes.
 */
import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UserService } from '@larder/auth';
import { loadConfig } from '@larder/config';
import { DatabaseService, EmbeddedCluster } from '@larder/database';
import { addDays } from '@larder/domain';
import { DemoSeedService, RollupService } from '@larder/ingestion';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttp } from '../../apps/api/src/http-setup';
import { copyRollups, multiplyCanteens, syntheticForecasts } from './dashboard-load';

const END = '2026-11-20';
const PASSWORD = 'bench-password-0123';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

function log(message: string): void {
  process.stderr.write(`[dashboard bench] ${message} (load ${loadavg()[0].toFixed(1)})\n`);
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

async function openEmbedded(): Promise<EmbeddedCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'larder-dash-bench-'));
  // as root, PostgreSQL's own user must be able to pass through the folder
  chmodSync(dataDir, 0o711);
  return EmbeddedCluster.open({ dataDir, database: 'postgres' });
}

async function main(): Promise<void> {
  // --embedded: the default engine's PostgreSQL, in a temp data folder this run starts and stops
  const embedded = process.argv.includes('--embedded') ? await openEmbedded() : null;
  const serverUrl = embedded ? embedded.url('postgres') : argument('url', 'postgres://postgres@127.0.0.1:5432/test');
  const copies = Number(argument('copies', '10'));
  const calls = Number(argument('calls', '200'));
  const reuse = argument('reuse', '');
  const keep = process.argv.includes('--keep');
  const cache = argument('cache', 'off');
  const name = reuse || `larder_dash_bench_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    LARDER_DEMO: 'off',
    LARDER_PSEUDONYM_SECRET: 'bench-pseudonym-key-0123456',
    LARDER_DATA_DIR: `/tmp/${name}`,
    LARDER_DASHBOARD_CACHE_ENTRIES: cache === 'on' ? '256' : '0',
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
  configureHttp(app);
  await app.init();
  await app.get(DatabaseService).migrate();
  const dataSource = app.get(DataSource);
  const timings: Record<string, number> = {};
  try {
    if (!reuse) {
      const started = performance.now();
      await app.get(DemoSeedService).seed({ endDate: END });
      timings.seedSeconds = (performance.now() - started) / 1000;
      log(`demo seeded in ${timings.seedSeconds.toFixed(0)} s`);
      await multiplyCanteens(dataSource, copies, log);
      timings.multiplySeconds = (performance.now() - started) / 1000 - timings.seedSeconds;
    }
    if (!reuse || process.argv.includes('--finish')) {
      let started = performance.now();
      // The originals' rollups by the product's own full refresh (the demo seeding's), the copies' shifted from them.
      const originals: { id: number }[] = await dataSource.query('SELECT id FROM canteen WHERE id < 100 ORDER BY id');
      const [span] = (await dataSource.query('SELECT min(service_date)::text AS first, max(service_date)::text AS last FROM sale_transaction')) as { first: string; last: string }[];
      for (const { id } of originals) {
        const [built] = (await dataSource.query('SELECT count(*)::int AS n FROM daily_meal_rollup WHERE canteen_id = $1', [id])) as { n: number }[];
        if (Number(built.n) === 0) await app.get(RollupService).refresh({ canteenIds: [id], from: span.first, to: span.last });
      }
      await copyRollups(dataSource, copies);
      timings.rollupSeconds = (performance.now() - started) / 1000;
      log(`rollups in ${timings.rollupSeconds.toFixed(0)} s`);
      started = performance.now();
      timings.forecastRows = await syntheticForecasts(dataSource, { lastDate: END, days: 90, horizon: 7 });
      // As autovacuum does after a bulk load in production: statistics, and the visibility map index-only scans need.
      await dataSource.query('VACUUM (ANALYZE)');
      // The load and the vacuum leave gigabytes of WAL behind, which set off a checkpoint every 11-15 s;
      // no measuring pass should overlap those (it does not explain all of a first pass's extra time: BENCHMARKS.md).
      await dataSource.query('CHECKPOINT');
      timings.forecastAndAnalyzeSeconds = (performance.now() - started) / 1000;
    }
    const counts: Record<string, number> = {};
    for (const table of [
      'canteen',
      'sale_transaction',
      'sale_line',
      'daily_meal_rollup',
      'daily_dish_rollup',
      'daily_cost_rollup',
      'daily_channel_rollup',
      'hourly_load_rollup',
      'forecast',
      'feedback',
      'waste_log',
    ]) {
      const [row] = (await dataSource.query(`SELECT count(*)::bigint AS n FROM "${table}"`)) as { n: string }[];
      counts[table] = Number(row.n);
    }
    log(`rows: ${JSON.stringify(counts)}`);

    const users = app.get(UserService);
    const [first] = (await dataSource.query('SELECT min(id)::int AS id FROM canteen')) as { id: number }[];
    if (!(await users.exists('bench-admin'))) await users.create({ username: 'bench-admin', role: 'admin', password: PASSWORD });
    if (!(await users.exists('bench-manager'))) await users.create({ username: 'bench-manager', role: 'manager', canteenIds: [first.id], password: PASSWORD });
    const agent = request.agent(app.getHttpServer());
    await agent.post('/api/auth/login').send({ username: 'bench-admin', password: PASSWORD }).expect(200);
    const [dish] = (await dataSource.query('SELECT dish_id FROM daily_dish_rollup GROUP BY 1 ORDER BY sum(quantity) DESC LIMIT 1')) as { dish_id: number }[];

    // Realistic filter mixes: the default 28 days, a quarter, one canteen, one meal, a canteen's quarter at lunch.
    const allMixes = ['', `from=${addDays(END, -90)}&to=${END}`, `canteens=${first.id}`, 'meal=lunch', `from=${addDays(END, -90)}&to=${END}&canteens=${first.id}&meal=lunch`];
    const allEndpoints = ['overview', 'dishes', `dishes/${dish.dish_id}`, 'demand', 'waste', 'finance', 'satisfaction'];
    const allMixNames = ['28 days', 'quarter', 'one canteen', 'lunch', 'canteen quarter lunch'];
    // For profiling one panel or one mix: --endpoints overview,demand --mixes quarter
    const only = (list: string, fallback: string[], name: (item: string) => string) => (list ? fallback.filter((item) => list.split(',').includes(name(item))) : fallback);
    const endpoints = only(argument('endpoints', ''), allEndpoints, (endpoint) => endpoint.replace(/\/\d+$/, '/:dishId'));
    const chosenMixes = only(argument('mixes', ''), allMixNames, (mix) => mix);
    const mixNames = chosenMixes;
    const mixes = chosenMixes.map((mix) => allMixes[allMixNames.indexOf(mix)]);
    const results: Record<string, { p50: number; p95: number; max: number; calls: number; p50ByMix: Record<string, number> }> = {};
    for (const endpoint of endpoints) {
      await agent.get(`/api/dashboard/${endpoint}`).expect(200);
      const latencies: number[] = [];
      const byMix: number[][] = mixes.map(() => []);
      for (let call = 0; call < calls; call += 1) {
        const query = mixes[call % mixes.length];
        const started = performance.now();
        await agent.get(`/api/dashboard/${endpoint}${query ? `?${query}` : ''}`).expect(200);
        const elapsed = performance.now() - started;
        latencies.push(elapsed);
        byMix[call % mixes.length].push(elapsed);
      }
      latencies.sort((a, b) => a - b);
      const label = endpoint.startsWith('dishes/') ? 'dishes/:dishId' : endpoint;
      const p50ByMix = Object.fromEntries(
        byMix.map((times, mix) => [
          mixNames[mix],
          Math.round(
            percentile(
              [...times].sort((a, b) => a - b),
              0.5,
            ),
          ),
        ]),
      );
      results[label] = { p50: Math.round(percentile(latencies, 0.5)), p95: Math.round(percentile(latencies, 0.95)), max: Math.round(latencies[latencies.length - 1]), calls, p50ByMix };
      log(`${label}: ${JSON.stringify(results[label])}`);
    }
    process.stdout.write(`${JSON.stringify({ engine: embedded ? 'embedded' : 'server', database: name, copies, cache, timings, counts, results, loadAverage: loadavg() }, null, 2)}\n`);
  } finally {
    await app.close();
    if (!reuse && !keep) await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
    if (embedded) {
      await embedded.close();
      rmSync(embedded.dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
