import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MASTER_FILES, writeFile } from '../fixtures/import/import-test-kit';
import { childEnv, CompiledCli, compileCli } from '../support/compiled-cli';
import { releaseDataFolder, scratchFolder } from '../support/data-folder';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/** The admin page's user management from the command line: same service, same rules. */
describe('larder users (compiled CLI)', () => {
  let database: TestDatabase;
  let cli: CompiledCli;
  let env: NodeJS.ProcessEnv;
  const dir = scratchFolder('users-cli');

  beforeAll(async () => {
    database = await createTestDatabase();
    cli = compileCli({ name: 'users-cli' });
    env = childEnv(database, { dataDir: join(dir, 'data') });
    for (const kind of ['sites', 'canteens']) {
      const imported = await cli.run(['import', kind, writeFile(dir, `${kind}.csv`, MASTER_FILES[`${kind}.csv`]), '--json'], env);
      expect(imported.code).toBe(0);
    }
  }, 240_000);

  afterAll(async () => {
    cli?.remove();
    await releaseDataFolder(join(dir, 'data'));
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const json = async (args: string[]) => {
    const result = await cli.run([...args, '--json'], env);
    expect({ args, code: result.code }).toEqual({ args, code: 0 });
    return JSON.parse(result.stdout);
  };

  it('adds, lists, disables, re-scopes, re-enables and resets a user by canteen code', async () => {
    const added = await json(['users', 'add', 'li.ming', '--role', 'manager', '--canteens', 'C1']);
    expect(added).toMatchObject({ username: 'li.ming', role: 'manager', canteens: ['C1'], active: true, password: expect.any(String) });
    expect(await json(['users', 'disable', 'li.ming'])).toMatchObject({ active: false });
    expect(await json(['users', 'set-canteens', 'li.ming', 'C1,C2'])).toMatchObject({ canteens: ['C1', 'C2'], active: false });
    expect(await json(['users', 'enable', 'li.ming'])).toMatchObject({ active: true });
    const reset = await json(['users', 'passwd', 'li.ming']);
    expect(reset.password).not.toBe(added.password);
    const { users } = await json(['users', 'list']);
    expect(users).toEqual([expect.objectContaining({ username: 'li.ming', role: 'manager', canteens: ['C1', 'C2'], active: true })]);
    const unknown = await cli.run(['users', 'set-canteens', 'li.ming', 'C9'], env);
    expect(unknown.code).toBe(1);
  }, 240_000);
});
