import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, CompiledCli, compileCli } from '../support/compiled-cli';
import { releaseDataFolder, scratchFolder } from '../support/data-folder';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { MASTER_FILES, writeFile } from '../fixtures/import/import-test-kit';

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
});
