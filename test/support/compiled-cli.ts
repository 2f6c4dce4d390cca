import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { TestDatabase } from './test-config';

const root = join(__dirname, '..', '..');

export interface CompiledCli {
  /** Where the compiled tree is; an extra source file `a/b.ts` lands at `<dir>/a/b.js`. */
  dir: string;
  /** Starts `larder <args>`, or with `entry` another compiled file, as a child process. */
  spawn(args: string[], options: { env: NodeJS.ProcessEnv; entry?: string; stdio?: ('ignore' | 'pipe' | 'inherit')[] }): ChildProcess;
  /** Runs `larder <args>` to its end, piped as in CI or a script. */
  run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }>;
  remove(): void;
}

/**
 * The CLI compiled on its own with swc (plus any extra source files a test needs in its child
 * processes), so a test that spawns Larder processes neither needs nor disturbs a shared dist/ build.
 */
export function compileCli(options: { name: string; extra?: string[] }): CompiledCli {
  const dir = join(root, 'node_modules', '.cache', `larder-${options.name}-${process.pid}`);
  execFileSync(join(root, 'node_modules', '.bin', 'swc'), ['apps/cli', 'libs', ...(options.extra ?? []), '-d', dir, '--quiet', '--ignore', '**/*.spec.ts'], { cwd: root });
  const main = join(dir, 'apps', 'cli', 'src', 'main.js');
  const start: CompiledCli['spawn'] = (args, spawnOptions) =>
    spawn(process.execPath, [spawnOptions.entry ? join(dir, spawnOptions.entry) : main, ...args], { env: spawnOptions.env, stdio: spawnOptions.stdio ?? ['ignore', 'pipe', 'inherit'] });
  return {
    dir,
    spawn: start,
    async run(args, env) {
      const child = start(args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = (await once(child, 'close')) as [number | null];
      return { code, stdout, stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The environment a child Larder process needs to use the test's database. */
export function childEnv(database: TestDatabase, settings: { dataDir?: string; extra?: Record<string, string> } = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LARDER_DEMO: 'off', LARDER_PSEUDONYM_SECRET: 'test-pseudonym-key-0123456789', LARDER_LOG_LEVEL: 'error', ...settings.extra };
  delete env.DATABASE_URL;
  if (database.config.database.engine === 'postgres') env.DATABASE_URL = database.config.database.url;
  else env.LARDER_DATA_DIR = settings.dataDir ?? 'memory://';
  return env;
}
