import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { childEnv, compileCli, CompiledCli } from '../support/compiled-cli';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { bulkSaleLines, csv, MASTER_FILES, scratchDir, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';

/**
 * The database going away under a running import and a running nightly job, as a server restart or a
 * failover does to them: every backend of the test's scratch database is terminated
 * (pg_terminate_backend), which leaves the shared server and every other database alone. Run on the
 * server only: the same PostgreSQL code runs the embedded engine, but there the CLI children would
 * need a data folder of their own rather than this test's database.
 */
const onServer = Boolean(process.env.DATABASE_URL);
const serverIt = onServer ? it : it.skip;
if (!onServer) console.info('database-restart: skipped on the embedded engine run; run with DATABASE_URL');

function databaseName(database: TestDatabase): string {
  return new URL((database.config.database as { url: string }).url).pathname.slice(1);
}

/** Ends every session on the scratch database but the caller's own. */
async function terminateBackends(admin: Client, name: string): Promise<number> {
  const { rows } = await admin.query<{ ended: boolean }>(`SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
  return rows.filter((row) => row.ended).length;
}

async function connect(database: TestDatabase): Promise<Client> {
  const client = new Client({ connectionString: (database.config.database as { url: string }).url });
  await client.connect();
  return client;
}

async function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal };
}

describe('the database restarting under a running import and nightly run', () => {
  let cli: CompiledCli;
  const databases: TestDatabase[] = [];
  const dir = scratchDir('database-restart');

  beforeAll(() => {
    if (onServer) cli = compileCli({ name: 'database-restart' });
  }, 120_000);

  afterAll(async () => {
    cli?.remove();
    for (const database of databases) await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  serverIt(
    'an import loses its connection half-way: nothing of the batch stays, and the re-run imports everything exactly once',
    async () => {
      const database = await createTestDatabase();
      databases.push(database);
      const env = childEnv(database);
      const masters = Object.entries(MASTER_FILES).map(([name, content]) => writeFile(dir, name, content));
      expect((await cli.run(['import', 'auto', ...masters], env)).code).toBe(0);

      const path = join(dir, 'payments.csv');
      const payments = 250_000;
      writeFileSync(path, csv([TX_HEADER]) + bulkSaleLines(payments, { prefix: 'R', month: '2026-11' }).join(''));

      const child = cli.spawn(['import', 'transactions', path, '--progress'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      let progressed = 0;
      // cut off once the first chunk of 100,000 rows has been merged inside the open transaction
      await new Promise<void>((resolve) => {
        child.stderr!.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          for (const match of chunk.toString().matchAll(/ rows (\d+)\//g)) progressed = Math.max(progressed, Number(match[1]));
          if (progressed >= 120_000) resolve();
        });
        child.on('exit', () => resolve());
      });
      const admin = await connect(database);
      try {
        expect(await terminateBackends(admin, databaseName(database))).toBeGreaterThan(0);
        const exit = await exitOf(child);
        expect(progressed).toBeLessThan(payments);
        // the import fails as a whole and says so; it does not hang nor claim success
        expect(exit).toEqual({ code: 1, signal: null });
        expect(stderr).toMatch(/^larder: the connection to the database was lost mid-way .* run the command again$/m);

        const counts = async () =>
          (
            await admin.query(`SELECT (SELECT count(*) FROM sale_transaction)::int AS tx, (SELECT count(*) FROM sale_line)::int AS lines,
          (SELECT coalesce(sum(amount_paid_fen + subsidy_fen), 0)::bigint::text FROM sale_transaction) AS paid, (SELECT count(*) FROM daily_meal_rollup)::int AS rollups,
          (SELECT count(*) FROM import_batch WHERE kind = 'transactions')::int AS batches`)
          ).rows[0];
        expect(await counts()).toEqual({ tx: 0, lines: 0, paid: '0', rollups: 0, batches: 0 });

        const again = await cli.run(['import', 'transactions', path, '--json'], env);
        expect(again.code).toBe(0);
        expect(JSON.parse(again.stdout)).toMatchObject({ accepted: payments, rejected: 0, duplicates: 0 });
        const once = await counts();
        // every payment is one 18-yuan line, paid by the diner or the subsidy
        expect(once).toMatchObject({ tx: payments, lines: payments, paid: String(payments * 1800), batches: 1 });

        const third = await cli.run(['import', 'transactions', path, '--json'], env);
        expect(JSON.parse(third.stdout)).toMatchObject({ accepted: 0, duplicates: payments });
        // the third run is recorded as a batch of its own, with nothing in it
        expect(await counts()).toEqual({ ...once, batches: 2 });
      } finally {
        await admin.end();
      }
    },
    600_000,
  );

  serverIt(
    'the nightly run loses its connections mid-step: the retry or re-run finishes, with no doubled forecasts or rollups',
    async () => {
      const database = await createTestDatabase();
      databases.push(database);
      // in-process steps (no queue workers), retries without delay
      const env = childEnv(database, { extra: { LARDER_JOB_QUEUE: 'off', LARDER_JOB_RETRY_DELAY_MS: '0' } });
      expect((await cli.run(['demo', 'seed', '--canteens', '2', '--employees', '600', '--days', '120', '--end-date', '2026-11-20'], env)).code).toBe(0);
      const admin = await connect(database);
      try {
        const rollups = async () => (await admin.query(`SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) AS meal, count(*)::int AS rows FROM daily_meal_rollup r`)).rows[0];
        const dishRollups = async () => (await admin.query(`SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) AS dish, count(*)::int AS rows FROM daily_dish_rollup r`)).rows[0];
        const before = { meal: await rollups(), dish: await dishRollups() };

        const child = cli.spawn(['jobs', 'run', 'nightly'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        // cut off, several times, while forecast steps are running (they write forecasts of their run as they go)
        let cut = 0;
        for (let wait = 0; wait < 2400 && child.exitCode === null && cut < 4; wait++) {
          const { rows } = await admin.query(`SELECT count(*)::int AS running FROM job_step WHERE name = 'forecast' AND status = 'running'`);
          if (rows[0].running > 0 && (await terminateBackends(admin, databaseName(database))) > 0) cut++;
          await new Promise((resolve) => setTimeout(resolve, cut > 0 ? 400 : 100));
        }
        expect(cut).toBeGreaterThan(0);
        const exit = await exitOf(child);
        expect(exit.signal).toBeNull();
        const runs = async () =>
          (await admin.query(`SELECT r.status, (SELECT max(attempts) FROM job_step s WHERE s.run_id = r.id)::int AS attempts FROM job_run r WHERE r.name = 'nightly' ORDER BY r.started_at`)).rows as {
            status: string;
            attempts: number;
          }[];
        const [first] = await runs();
        // the run is recorded as finished either way (a step that lost its connection is tried again; one
        // that keeps losing it fails the run, which says so), and the command's exit code agrees
        expect(first).toBeDefined();
        console.info(`database-restart: nightly run cut ${cut} times: ${first.status}, most attempts of a step ${first.attempts}; ${stderr.trim().split('\n').pop() ?? ''}`);
        expect(['succeeded', 'failed']).toContain(first.status);
        expect(exit.code).toBe(first.status === 'succeeded' ? 0 : 1);
        if (first.status !== 'succeeded') {
          const rerun = await cli.run(['jobs', 'run', 'nightly'], env);
          expect(rerun.code).toBe(0);
        }

        // the rollups were rebuilt over the same payments: exactly what they were, nothing added twice
        expect({ meal: await rollups(), dish: await dishRollups() }).toEqual(before);
        // each canteen's latest finished forecast run holds one forecast per day, meal and dish, as an undisturbed run does
        const latest = async () =>
          (
            await admin.query(`SELECT f.canteen_id, count(*)::int AS forecasts, count(DISTINCT (f.service_date, f.meal, f.dish_id))::int AS keys
          FROM forecast f JOIN LATERAL (SELECT r.id FROM forecast_run r JOIN forecast g ON g.run_id = r.id AND g.canteen_id = f.canteen_id
            WHERE r.status = 'done' ORDER BY r.created_at DESC LIMIT 1) last ON last.id = f.run_id
          GROUP BY f.canteen_id ORDER BY f.canteen_id`)
          ).rows as { canteen_id: number; forecasts: number; keys: number }[];
        const afterFault = await latest();
        expect(afterFault.map((row) => row.canteen_id)).toEqual([1, 2]);
        for (const row of afterFault) expect(row.forecasts).toBe(row.keys);
        expect((await cli.run(['jobs', 'run', 'nightly'], env)).code).toBe(0);
        expect(await latest()).toEqual(afterFault);
        // no run is left claiming to be in progress
        expect((await admin.query(`SELECT count(*)::int AS n FROM forecast_run WHERE status = 'running'`)).rows[0].n).toBe(0);
        expect((await admin.query(`SELECT count(*)::int AS n FROM job_run WHERE status = 'running'`)).rows[0].n).toBe(0);
      } finally {
        await admin.end();
      }
    },
    900_000,
  );
});
