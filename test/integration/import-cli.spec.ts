import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, CompiledCli, compileCli } from '../support/compiled-cli';
import { releaseDataFolder, scratchFolder } from '../support/data-folder';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { csv, MASTER_FILES, writeFile } from '../fixtures/import/import-test-kit';

/** `larder import auto a b c` through the compiled CLI: every good file in, every bad one reported. */
describe('import auto over many files (compiled CLI)', () => {
  let database: TestDatabase;
  let cli: CompiledCli;
  let env: NodeJS.ProcessEnv;
  // Reachable by the embedded PostgreSQL's own user when the tests run as root.
  const dir = scratchFolder('import-cli');

  beforeAll(async () => {
    database = await createTestDatabase();
    cli = compileCli({ name: 'import-cli' });
    env = childEnv(database, { dataDir: join(dir, 'data') });
    expect((await cli.run(['migrate', '--json'], env)).code).toBe(0);
  }, 240_000);

  afterAll(async () => {
    cli?.remove();
    await releaseDataFolder(join(dir, 'data'));
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the good files around two bad ones, names each bad one and exits non-zero', async () => {
    const files = [
      writeFile(dir, 'garbage.csv', 'foo,bar\n1,2\n'),
      writeFile(dir, 'sites.csv', MASTER_FILES['sites.csv']),
      writeFile(dir, 'broken.xlsx', 'not a workbook at all'),
      writeFile(dir, 'canteens.csv', MASTER_FILES['canteens.csv']),
    ];
    const { code, stdout, stderr } = await cli.run(['import', 'auto', ...files, '--json'], env);
    expect(code).toBe(1);
    // piped: plain progress lines on stderr, per file (masters first) as it starts and ends, with rows of the lines the file holds
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^import: 0 % \(sites\.csv rows 0\/1\)/),
      expect.stringMatching(/^import: 49 % \(sites\.csv rows 1\/1\)/),
      expect.stringMatching(/^import: 50 % \(canteens\.csv rows 0\/2\)/),
      expect.stringMatching(/^import: 99 % \(canteens\.csv rows 2\/2\)/),
      expect.stringMatching(/^import: 100 % done in /),
    ]);
    const result = JSON.parse(stdout) as { accepted: number; batches: { fileName: string }[]; failed: { fileName: string; error: string }[] };
    expect(result.batches.map((batch) => batch.fileName).sort()).toEqual(['canteens.csv', 'sites.csv']);
    expect(result.failed.map((file) => file.fileName)).toEqual([files[0], files[2]]);
    expect(result.failed[0].error).toMatch(/no profile fits/);
    expect(result.accepted).toBe(3);
  }, 120_000);

  it('says which stored rows to check (a payment repeated at an export seam) and writes them after the refused ones', async () => {
    const line = ['S1', '2026-11-24 12:20:00', '6222040000000000111', 'C1', 'W01', '午餐', 'D002', '9.50'];
    const joined = csv([['交易流水号', '交易时间', '卡号', '食堂', '窗口', '餐别', '菜品编码', '消费金额'], line, line, ['S2', ...line.slice(1, 6), 'D404', '2.00']]);
    const files = ['meal_periods.csv', 'dishes.csv'].map((name) => writeFile(dir, name, MASTER_FILES[name]));
    const { code, stdout } = await cli.run(['import', 'auto', ...files, writeFile(dir, '消费流水-拼接.csv', joined), '--no-progress'], env);
    expect(code).toBe(0);
    const summary = stdout.split('\n').findIndex((text) => text.startsWith('消费流水-拼接.csv'));
    expect(stdout.split('\n').slice(summary, summary + 5)).toEqual([
      expect.stringMatching(/— 2 accepted, 1 rejected, 0 duplicates, 1 flagged \(stored, please check\) in .* \(batch [0-9a-f-]{36}\)$/),
      expect.stringMatching(/^ {2}line 4: .*D404/),
      expect.stringMatching(/^ {2}line 3 \(stored, please check\): 第 3 行与第 2 行完全相同（同一笔交易）/),
      expect.stringMatching(/^ {2}the 1 refused and 1 stored to check rows, with their lines and reasons, as a CSV: larder import quarantine [0-9a-f-]{36} --out rejected\.csv$/),
      '',
    ]);
    const batchId = /batch ([0-9a-f-]{36})/.exec(stdout.split('\n')[summary])![1];
    const out = join(dir, 'rejected.csv');
    const written = await cli.run(['import', 'quarantine', batchId, '--out', out], env);
    expect(written.stdout).toMatch(/: 1 refused rows and 1 stored rows to check written to /);
    expect(
      readFileSync(out, 'utf8')
        .split('\r\n')
        .map((text) => text.split(',')[0]),
    ).toEqual(['\uFEFF行号 line', '4', '3', '']);
  }, 120_000);
});
