/**
 * Load on the dashboard's read endpoints: starts the built API server (dist/) on its own port and data
 * directory with the demo seeded (the first start seeds it; later starts reuse the data directory),
 * signs in as a demo user, then runs autocannon against each endpoint in turn: N connections for D
 * seconds. Reports requests/s, p50/p99 latency and errors/non-2xx per endpoint; exits 1 if any
 * request failed or answered other than 2xx.
 *
 *   npm run build
 *   node_modules/.bin/swc bench/load -d /tmp/load-bench -q
 *   NODE_PATH=$PWD/node_modules node /tmp/load-bench/bench/load/dashboard-load.bench.js \
 *     [--connections 50] [--duration 30] [--port 3190] [--data-dir /tmp/larder-load-data] \
 *     [--auth session|token] [--endpoints '/api/summary,/api/jobs'] [--url http://host:port] [--no-forecast] [--json]
 *
 * With --url the bench uses a server that is already running (--password: the `finance` user's, and
 * the admin's for --auth token) instead of starting one; the server it starts gets both passwords.
 * DATABASE_URL, if set, is passed on to the server it starts.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const DEMO_PASSWORD = 'load-bench-password-0123';

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** The read endpoints behind the dashboard pages finance sees: their panels with default filters, and the older reads. */
function defaultEndpoints(): string[] {
  return [
    '/api/summary',
    `/api/covers/daily?from=${isoDaysAgo(30)}&to=${isoDaysAgo(0)}`,
    `/api/forecasts?canteen=C01&meal=lunch&from=${isoDaysAgo(0)}&to=${isoDaysAgo(-7)}`,
    '/api/plans',
    '/api/jobs',
    '/api/dashboard/meta',
    '/api/dashboard/overview',
    '/api/dashboard/dishes',
    '/api/dashboard/demand',
    '/api/dashboard/waste',
    '/api/dashboard/finance',
  ];
}

async function waitHealthy(base: string, server: ChildProcess | null): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (server && server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${base}/health`);
      const body = (await response.json()) as { status: string; demo?: { status: string } };
      if (body.status === 'ok') return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30 * 60_000) throw new Error('the server did not become healthy within 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function startServer(options: { port: number; dataDir: string }): ChildProcess {
  const main = join(process.cwd(), 'dist', 'apps', 'api', 'src', 'main.js');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    LARDER_DATA_DIR: options.dataDir,
    LARDER_DEMO: process.env.DATABASE_URL ? 'on' : 'auto',
    LARDER_DEMO_PASSWORD: DEMO_PASSWORD,
    LARDER_ADMIN_PASSWORD: DEMO_PASSWORD,
    LARDER_SCHEDULER: 'off',
    LARDER_LOG_LEVEL: 'warn',
    LARDER_PSEUDONYM_SECRET: process.env.LARDER_PSEUDONYM_SECRET ?? 'load-bench-pseudonym-secret-0123',
  };
  return spawn(process.execPath, [main], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function signIn(base: string, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (login.status !== 200) throw new Error(`sign-in as ${username} failed: ${login.status} ${await login.text()}`);
  return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };
}

/** A session cookie of the `finance` demo user, or a read-scoped API token the admin creates (not for /api/jobs, which is for people). */
async function credentials(base: string, mode: string, password: string): Promise<Record<string, string>> {
  if (mode === 'session') return { cookie: (await signIn(base, 'finance', password)).cookie };
  const admin = await signIn(base, 'admin', password);
  const created = await fetch(`${base}/api/admin/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    body: JSON.stringify({ name: `load-bench-${Date.now()}`, scopes: ['read'] }),
  });
  if (created.status !== 201) throw new Error(`creating a read token failed: ${created.status} ${await created.text()}`);
  return { authorization: `Bearer ${((await created.json()) as { token: string }).token}` };
}

/** A fresh demo has no forecasts yet: the admin runs one refresh first, as the nightly run would. */
async function ensureForecasts(base: string, password: string): Promise<void> {
  const admin = await signIn(base, 'admin', password);
  const runs = await fetch(`${base}/api/forecasts/runs?limit=1`, { headers: { cookie: admin.cookie } });
  const body = (await runs.json()) as { runs?: { status: string }[] } | { status: string }[];
  const list = Array.isArray(body) ? body : (body.runs ?? []);
  if (list.some((run) => run.status === 'done')) return;
  const started = Date.now();
  const created = await fetch(`${base}/api/forecasts/runs`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }, body: '{}' });
  if (created.status !== 201) throw new Error(`the forecast refresh failed: ${created.status} ${(await created.text()).slice(0, 300)}`);
  console.error(`ran a forecast refresh first (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

interface Row {
  endpoint: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function measure(options: { base: string; path: string; headers: Record<string, string>; connections: number; duration: number }): Promise<Row> {
  const result = await autocannon({ url: `${options.base}${options.path}`, connections: options.connections, duration: options.duration, headers: options.headers });
  return {
    endpoint: options.path,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const connections = Number(argument('connections', '50'));
  const duration = Number(argument('duration', '30'));
  const port = Number(argument('port', '3190'));
  const endpoints = argument('endpoints', '') ? argument('endpoints', '').split(',') : defaultEndpoints();
  const external = argument('url', '');
  const base = external || `http://127.0.0.1:${port}`;
  const server = external ? null : startServer({ port, dataDir: argument('data-dir', '/tmp/larder-load-data') });
  try {
    const seedStart = Date.now();
    await waitHealthy(base, server);
    if (!flag('no-forecast')) await ensureForecasts(base, argument('password', DEMO_PASSWORD));
    const auth = argument('auth', 'session');
    const headers = await credentials(base, auth, argument('password', DEMO_PASSWORD));
    // one request each first: a wrong endpoint should fail here, not as 50 × 30 s of 4xx
    for (const path of endpoints) {
      const probe = await fetch(`${base}${path}`, { headers });
      if (probe.status !== 200) throw new Error(`${path} answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`);
    }
    const rows: Row[] = [];
    for (const path of endpoints) rows.push(await measure({ base, path, headers, connections, duration }));
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}`;
    if (flag('json')) {
      console.log(JSON.stringify({ date: new Date().toISOString(), machine, connections, duration, auth, startSeconds: (Date.now() - seedStart) / 1000, rows }, null, 2));
    } else {
      console.log(`${new Date().toISOString()} — ${machine}; ${connections} connections × ${duration} s per endpoint, ${auth === 'session' ? 'session cookie (finance)' : 'read token'}`);
      console.log('| endpoint | req/s | p50 ms | p99 ms | requests | errors | timeouts | non-2xx |');
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
      for (const row of rows) console.log(`| \`${row.endpoint}\` | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.requests} | ${row.errors} | ${row.timeouts} | ${row.non2xx} |`);
    }
    if (rows.some((row) => row.errors + row.timeouts + row.non2xx > 0)) process.exitCode = 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
