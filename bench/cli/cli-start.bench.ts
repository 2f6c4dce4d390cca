/**
 * How fast the `larder` command answers on a built tree: `larder --help`, and a read command
 * (`larder jobs --limit 5`) on the embedded engine, both when the CLI must start the data folder's
 * PostgreSQL itself and when a running server already holds it. Runs `bin/larder.js` (what `npx
 * larder` runs: the up-to-date check of the build, then the CLI) as a user would. Prints JSON:
 * median and max wall seconds and CPU seconds per case, and the load average.
 *
 *   npm run -s build
 *   node_modules/.bin/swc bench/cli -d /tmp/cli-bench --ignore '**\/*.spec.ts' -q
 *   node_modules/.bin/node /tmp/cli-bench/bench/cli/cli-start.bench.js [--runs 5]   (from the project folder)
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const project = process.env.LARDER_PROJECT ?? process.cwd();
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5);
const node = join(project, 'node_modules', '.bin', 'node');
const cli = join(project, 'bin', 'larder.js');

interface Timing {
  wall: number;
  cpu: number;
}

function timeRun(args: string[], env: NodeJS.ProcessEnv): Timing {
  const before = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', node, cli, ...args], { env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - before) / 1e9;
  if (result.status !== 0) throw new Error(`larder ${args.join(' ')} failed: ${result.stderr}`);
  const [user, system] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: user + system };
}

function summary(timings: Timing[]) {
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const walls = sorted(timings.map((timing) => timing.wall));
  const cpus = sorted(timings.map((timing) => timing.cpu));
  const round = (value: number) => Math.round(value * 100) / 100;
  return { runs: timings.length, medianWall: round(walls[Math.floor(walls.length / 2)]), maxWall: round(walls.at(-1)!), medianCpu: round(cpus[Math.floor(cpus.length / 2)]) };
}

async function waitHealthy(port: number): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('the server did not become healthy');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'larder-cli-bench-'));
  chmodSync(dataDir, 0o711); // run as root, PostgreSQL runs as its own user and must reach the folder
  const env: NodeJS.ProcessEnv = { ...process.env, LARDER_DATA_DIR: dataDir, LARDER_DEMO: 'off', LARDER_PSEUDONYM_SECRET: 'bench-pseudonym-key-0123456789', LARDER_LOG_LEVEL: 'error' };
  const results: Record<string, ReturnType<typeof summary>> = {};
  try {
    timeRun(['migrate'], env); // initialises the folder's cluster once
    const repeat = (args: string[]) => summary(Array.from({ length: runs }, () => timeRun(args, env)));
    results['larder --help'] = repeat(['--help']);
    results['larder jobs --limit 5 (the CLI starts and stops the cluster)'] = repeat(['jobs', '--limit', '5']);
    const port = 3900 + Math.floor(Math.random() * 90);
    const server = spawn(node, [join(project, 'dist', 'apps', 'api', 'src', 'main.js')], { env: { ...env, PORT: String(port), LARDER_SCHEDULER: 'off' }, stdio: 'ignore' });
    try {
      await waitHealthy(port);
      results['larder jobs --limit 5 (beside a running server)'] = repeat(['jobs', '--limit', '5']);
    } finally {
      server.kill('SIGTERM');
      await new Promise((done) => server.once('exit', done));
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ date: new Date().toISOString(), loadAverage: loadavg().map((value) => Math.round(value * 10) / 10), results }, null, 2));
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
