import { spawn, execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { LarderConfig } from '@larder/config';
import { openDatabase } from '@larder/database';
import { RollupService } from '@larder/ingestion';
import { releaseDataFolder } from '../support/data-folder';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { bulkSaleLines, csv, MASTER_FILES, scratchDir, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';

const root = join(__dirname, '..', '..');
/** The CLI compiled on its own, so this test neither needs nor disturbs a shared dist/ build. */
const cliDir = join(root, 'node_modules', '.cache', `larder-import-kill-${process.pid}`);

function childEnv(database: TestDatabase, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LARDER_DEMO: 'off', LARDER_PSEUDONYM_SECRET: 'test-pseudonym-key-0123456789', LARDER_LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  if (database.config.database.engine === 'postgres') env.DATABASE_URL = database.config.database.url;
  else env.LARDER_DATA_DIR = dataDir;
  return env;
}

async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [join(cliDir, 'apps', 'cli', 'src', 'main.js'), ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout };
}

describe('import killed half-way', () => {
  let database: TestDatabase;
  const dir = scratchDir('import-kill');
  const dataDir = join(dir, 'data');

  beforeAll(async () => {
    database = await createTestDatabase();
    execFileSync(join(root, 'node_modules', '.bin', 'swc'), ['apps/cli', 'libs', '-d', cliDir, '--quiet', '--ignore', '**/*.spec.ts'], { cwd: root });
  }, 120_000);

  afterAll(async () => {
    await releaseDataFolder(dataDir);
    await database?.drop();
    rmSync(cliDir, { recursive: true, force: true });
  });

  // two imports of 250,000 payments, each child process joining or starting the folder's PostgreSQL
  it('leaves none of the batch behind, and the same file then imports in full', async () => {
    const env = childEnv(database, dataDir);
    const masters = Object.entries(MASTER_FILES).map(([name, content]) => writeFile(dir, name, content));
    expect((await runCli(['import', 'auto', ...masters], env)).code).toBe(0);

    const path = join(dir, 'big.csv');
    const payments = 250_000;
    writeFileSync(path, csv([TX_HEADER]) + bulkSaleLines(payments, { prefix: 'K', month: '2026-11' }).join(''));

    const child = spawn(process.execPath, [join(cliDir, 'apps', 'cli', 'src', 'main.js'), 'import', 'transactions', path, '--progress'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = once(child, 'exit');
    // killed once the first chunk of 100,000 rows has been merged into the facts inside the open transaction
    let progressed = 0;
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        for (const match of chunk.toString().matchAll(/ rows (\d+)\//g)) progressed = Math.max(progressed, Number(match[1]));
        if (progressed >= 120_000) resolve();
      });
      child.on('exit', () => resolve());
    });
    child.kill('SIGKILL');
    expect(progressed).toBeGreaterThanOrEqual(120_000);
    expect(progressed).toBeLessThan(payments);
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });

    const config: LarderConfig['database'] = database.config.database.engine === 'postgres' ? database.config.database : { engine: 'embedded', dataDir, name: 'larder' };
    if (config.engine === 'embedded') expect(existsSync(dataDir)).toBe(true);
    const opened = await openDatabase(config);
    const dataSource = opened.dataSource;
    try {
      const counts = await dataSource.query(`SELECT (SELECT count(*) FROM sale_transaction)::int AS tx, (SELECT count(*) FROM sale_line)::int AS lines,
        (SELECT count(*) FROM quarantine_row)::int AS quarantine, (SELECT count(*) FROM daily_meal_rollup)::int AS rollups,
        (SELECT count(*) FROM import_batch WHERE kind = 'transactions')::int AS batches`);
      expect(counts).toEqual([{ tx: 0, lines: 0, quarantine: 0, rollups: 0, batches: 0 }]);
    } finally {
      await opened.close();
    }

    const again = await runCli(['import', 'transactions', path, '--json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ accepted: payments, rejected: 0, duplicates: 0 });

    // the built CLI reads large files in a worker thread and adds its own rollup figures: they must match a rebuild
    const reopenedDatabase = await openDatabase(config);
    const reopened = reopenedDatabase.dataSource;
    try {
      const rollups = () =>
        reopened.query(`SELECT m.*, (SELECT json_agg(d ORDER BY d.dish_id) FROM daily_dish_rollup d WHERE d.canteen_id = m.canteen_id AND d.service_date = m.service_date AND d.meal = m.meal) AS dishes
        FROM daily_meal_rollup m ORDER BY canteen_id, service_date, meal`);
      const kept = await rollups();
      expect(kept).toHaveLength(28);
      // statistics on the 250,000 new rows, as autovacuum takes them within a minute: without them the
      // rebuild's join is planned for empty tables and can take minutes on a loaded machine
      await reopened.query('ANALYZE sale_transaction, sale_line');
      await new RollupService(reopened).refresh({ canteenIds: [1, 2], from: '2026-01-01', to: '2026-12-31' });
      expect(kept).toEqual(await rollups());
    } finally {
      await reopenedDatabase.close();
    }
  }, 480_000);
});
