import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LarderConfig } from '@larder/config';
import { clusterLayout, openDatabase } from '@larder/database';
import { csv, MASTER_FILES, saleRows, TX_HEADER, writeFile } from '../fixtures/import/import-test-kit';
import { childEnv, compileCli, CompiledCli } from '../support/compiled-cli';
import { scratchFolder } from '../support/data-folder';
import { startApiServer, tearDownSpawned } from '../support/spawned-server';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/**
 * Fault and concurrency, issue #25 (3): the CLI (`larder import …`) and the running server on one
 * data folder at the same time. On the embedded engine the CLI joins the server's cluster (it does
 * not start a second one, and does not stop it when it ends); on a server both use DATABASE_URL.
 * Either way no row is lost or doubled, and the CLI's rows, batch and audit entry are still there
 * after the server has stopped.
 */
const PASSWORD = 'beside-server-password-0123';
const PAYMENTS = 20_000;

function salesFile(dir: string, name: string, prefix: string): string {
  const rows: (string | number | null)[][] = [TX_HEADER];
  for (let index = 0; index < PAYMENTS; index++) {
    const day = String(1 + (index % 28)).padStart(2, '0');
    rows.push(
      ...saleRows({
        id: `${prefix}${index}`,
        canteen: index % 3 ? 'C1' : 'C2',
        at: `2026-09-${day}T12:${String(index % 60).padStart(2, '0')}:00+08:00`,
        employee: String(index % 3000),
        lines: [['D002', 1, '9.50']],
      }),
    );
  }
  return writeFile(dir, name, csv(rows));
}

function postmasterPid(dataDir: string): number | null {
  const file = join(clusterLayout(dataDir).cluster, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

describe('the CLI and the running server on one data folder at once', () => {
  let database: TestDatabase;
  let cli: CompiledCli;
  const dir = scratchFolder('cli-beside-server');
  const dataDir = join(dir, 'data');
  const port = 31_900 + (process.pid % 97);
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  let env: NodeJS.ProcessEnv;
  const embedded = () => database.config.database.engine === 'embedded';

  beforeAll(async () => {
    database = await createTestDatabase();
    cli = compileCli({ name: 'cli-beside-server', extra: ['apps/api'] });
    env = childEnv(database, { dataDir, extra: { PORT: String(port), LARDER_DEMO: 'off', LARDER_SCHEDULER: 'off', LARDER_ADMIN_PASSWORD: PASSWORD } });
  }, 120_000);

  afterAll(() => tearDownSpawned({ server, cli, dataDir, database, dir }));

  async function startServer(): Promise<ChildProcess> {
    return startApiServer({ cli, env, base });
  }

  async function serverImport(path: string): Promise<{ status: number; body: { batchId: string; accepted: number; duplicates: number; rejected: number } }> {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const response = await fetch(`${base}/api/import/transactions?name=${encodeURIComponent(path.split('/').pop()!)}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/csv' },
      body: readFileSync(path),
    });
    return { status: response.status, body: (await response.json()) as { batchId: string; accepted: number; duplicates: number; rejected: number } };
  }

  it("keeps every row of both exactly once, and the CLI's batch and audit entry after the server stops", async () => {
    const masters = Object.entries(MASTER_FILES).map(([name, content]) => writeFile(dir, name, content));
    const fromServer = salesFile(dir, 'server.csv', 'SRV');
    const fromCli = salesFile(dir, 'cli.csv', 'CLI');
    const afterCli = salesFile(dir, 'server-after.csv', 'AFT');

    server = await startServer();
    const serving = embedded() ? postmasterPid(dataDir) : null;
    if (embedded()) expect(serving).not.toBeNull();

    // the CLI beside the running server: masters, then its file while the server imports another
    expect((await cli.run(['import', 'auto', ...masters, '--json'], env)).code).toBe(0);
    const [viaServer, viaCli] = await Promise.all([serverImport(fromServer), cli.run(['import', 'transactions', fromCli, '--json'], env)]);
    expect(viaServer.status).toBe(200);
    expect(viaServer.body).toMatchObject({ accepted: PAYMENTS, rejected: 0, duplicates: 0 });
    expect(viaCli.code).toBe(0);
    const cliSummary = JSON.parse(viaCli.stdout) as { batchId: string; accepted: number; duplicates: number };
    expect(cliSummary).toMatchObject({ accepted: PAYMENTS, duplicates: 0 });
    // the server's next import after the CLI's: no clash over ids the CLI took
    const next = await serverImport(afterCli);
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ accepted: PAYMENTS, rejected: 0, duplicates: 0 });
    if (embedded()) {
      // one postmaster all along: the CLI joined it, and left it running for the server
      expect(postmasterPid(dataDir)).toBe(serving);
    }

    server.kill('SIGTERM');
    const [code, signal] = (await once(server, 'exit')) as [number | null, NodeJS.Signals | null];
    // Nest's shutdown hooks run, then the signal is raised again to end the process
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    server = null;
    // the last one out stopped it
    if (embedded()) expect(postmasterPid(dataDir)).toBeNull();

    const config: LarderConfig['database'] = embedded() ? { engine: 'embedded', dataDir, name: 'larder' } : database.config.database;
    const opened = await openDatabase(config);
    try {
      const [counts] = await opened.dataSource.query(`SELECT
          count(*) FILTER (WHERE external_id LIKE 'SRV%')::int AS server, count(*) FILTER (WHERE external_id LIKE 'CLI%')::int AS cli,
          count(*) FILTER (WHERE external_id LIKE 'AFT%')::int AS after, count(*)::int AS total, count(DISTINCT (canteen_id, external_id))::int AS distinct_ids
        FROM sale_transaction`);
      expect(counts).toEqual({ server: PAYMENTS, cli: PAYMENTS, after: PAYMENTS, total: 3 * PAYMENTS, distinct_ids: 3 * PAYMENTS });
      const [batch] = await opened.dataSource.query(`SELECT status, created_by, accepted FROM import_batch WHERE id = $1`, [cliSummary.batchId]);
      expect(batch).toEqual({ status: 'committed', created_by: expect.stringMatching(/^cli:/), accepted: PAYMENTS });
      const audit = await opened.dataSource.query(`SELECT actor FROM audit_log WHERE action = 'import' AND detail->>'batchId' = $1`, [cliSummary.batchId]);
      expect(audit).toEqual([{ actor: expect.stringMatching(/^cli:/) }]);
      expect(Number((await opened.dataSource.query(`SELECT count(*) FROM import_batch WHERE kind = 'transactions' AND status = 'committed'`))[0].count)).toBe(3);
    } finally {
      await opened.close();
    }
    if (embedded()) expect(postmasterPid(dataDir)).toBeNull();

    // the CLI alone on the folder finds every payment already there
    const alone = await cli.run(['import', 'transactions', fromCli, '--json'], env);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout)).toMatchObject({ accepted: 0, duplicates: PAYMENTS });
    if (embedded()) {
      expect(postmasterPid(dataDir)).toBeNull();
      expect(readdirSync(dataDir).sort()).toEqual(expect.arrayContaining(['postgres', 'postgres-password']));
    }
  }, 300_000);
});
