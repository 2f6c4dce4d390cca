import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedCluster } from '@larder/database';
import { childEnv, compileCli, CompiledCli } from '../support/compiled-cli';
import { scratchFolder } from '../support/data-folder';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/**
 * A real write failure, not a mocked one: the compiled CLI writes the report in a shell whose file-size
 * limit (`ulimit -f`, in KiB) is smaller than the workbook, so the kernel refuses the write with EFBIG —
 * what a full disk (ENOSPC) does to the same code path. On the embedded engine this process starts the
 * data folder's PostgreSQL before the CLI runs (the CLI joins it), so the limit only touches the report.
 */
describe('a report that cannot be written in full', () => {
  let database: TestDatabase;
  let cli: CompiledCli;
  const dir = mkdtempSync(join(tmpdir(), 'larder-disk-full-'));
  const dataDir = join(scratchFolder('disk-full-data'), 'data');
  let cluster: EmbeddedCluster | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
    cli = compileCli({ name: 'disk-full' });
    if (database.config.database.engine === 'embedded') cluster = await EmbeddedCluster.open({ dataDir, database: 'larder' });
  }, 120_000);

  afterAll(async () => {
    await cluster?.close();
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
    cli?.remove();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function report(out: string, limitKiB: number | null): Promise<{ code: number | null; signal: string | null; stderr: string }> {
    const main = join(cli.dir, 'apps', 'cli', 'src', 'main.js');
    const limit = limitKiB === null ? 'unlimited' : String(limitKiB);
    const child = spawn('bash', ['-c', `ulimit -f ${limit} && exec "$0" "$@"`, process.execPath, main, 'report', 'waste', '--month', '2026-11', '--lang', 'en', '--out', out], {
      env: childEnv(database, { dataDir }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    return { code, signal, stderr };
  }

  it('fails with a clear message, leaves no file at the target nor a temp file beside it, and is recorded', async () => {
    const out = join(dir, 'waste.xlsx');
    const failed = await report(out, 4);
    expect({ code: failed.code, signal: failed.signal }).toEqual({ code: 1, signal: null });
    expect(failed.stderr).toMatch(/^larder: cannot write the report .*waste\.xlsx: the file is larger than this process may write \(file-size limit\) \(EFBIG\); nothing was written there/m);
    expect(failed.stderr).not.toContain('    at ');
    expect(readdirSync(dir)).toEqual([]);

    // the same command with room to write succeeds: the failure was the limit, not the report
    const written = await report(out, null);
    expect(written).toMatchObject({ code: 0, signal: null });
    expect(statSync(out).size).toBeGreaterThan(4 * 1024);
    expect(readdirSync(dir)).toEqual(['waste.xlsx']);
    expect(existsSync(`${out}.partial`)).toBe(false);

    const client = new Client({ connectionString: database.config.database.engine === 'postgres' ? database.config.database.url : cluster!.url() });
    await client.connect();
    try {
      const { rows } = await client.query<{ actor: string; action: string; error: string | null }>(
        `SELECT actor, action, detail->>'error' AS error FROM audit_log WHERE action LIKE 'report.export%' ORDER BY id`,
      );
      expect(rows.map((row) => [row.actor, row.action])).toEqual([
        ['cli', 'report.export.failed'],
        ['cli', 'report.export'],
      ]);
      expect(rows[0].error).toContain('EFBIG');
    } finally {
      await client.end();
    }
  }, 120_000);
});
