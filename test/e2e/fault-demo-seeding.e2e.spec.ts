import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { childEnv, compileCli, CompiledCli } from '../support/compiled-cli';
import { scratchFolder } from '../support/data-folder';
import { tearDownSpawned } from '../support/spawned-server';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/**
 * Fault and concurrency, issue #25: while the demo enterprise seeds (the first `npm start`), the
 * login page and /health answer within a second. The generator runs in a worker thread and the
 * seeding transaction holds one connection of the pool; everything else has the others.
 */
const LIMIT_MS = 1000;
/** Enough samples to cover the generator's heaviest stretch without waiting for the whole seed. */
const SAMPLE_SECONDS = 25;

interface Health {
  status: string;
  demo: { status: string };
  start?: { phase?: string };
}

interface Sample {
  health: number;
  login: number;
  seeding: boolean;
}

describe('the demo seeding while people open the login page', () => {
  let database: TestDatabase;
  let cli: CompiledCli;
  const dir = scratchFolder('demo-seeding');
  const dataDir = join(dir, 'data');
  const port = 32_100 + (process.pid % 97);
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    cli = compileCli({ name: 'demo-seeding', extra: ['apps/api'] });
  }, 120_000);

  afterAll(() => tearDownSpawned({ server, cli, dataDir, database, dir }));

  async function timed(path: string): Promise<{ ms: number; body: string; status: number }> {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(30_000) });
    const body = await response.text();
    return { ms: Math.round(performance.now() - started), body, status: response.status };
  }

  it('answers /health and the login page within a second all through the seeding and the first forecasts', async () => {
    // the full demo enterprise, as `npm start` seeds it (on a server, LARDER_DEMO=on asks for it)
    const env = childEnv(database, {
      dataDir,
      extra: {
        PORT: String(port),
        LARDER_DEMO: database.config.database.engine === 'embedded' ? 'auto' : 'on',
        LARDER_SCHEDULER: 'off',
        LARDER_ADMIN_PASSWORD: 'demo-seeding-password-0123',
        LARDER_LOG_LEVEL: 'warn',
      },
    });
    server = cli.spawn([], { env, entry: 'apps/api/src/main.js', stdio: ['ignore', 'ignore', 'inherit'] });
    let seedingSince = 0;
    for (let wait = 0; wait < 1200 && !seedingSince; wait++) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
      const health = await fetch(`${base}/health`)
        .then((response) => response.json() as Promise<{ demo: { status: string } }>)
        .catch(() => null);
      if (health?.demo.status === 'seeding') seedingSince = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seedingSince).toBeGreaterThan(0);

    const samples: Sample[] = [];
    while (Date.now() - seedingSince < SAMPLE_SECONDS * 1000) {
      const [health, login] = await Promise.all([timed('/health'), timed('/login.html')]);
      expect(login.status).toBe(200);
      expect(login.body).toContain('<title>');
      const seeding = (JSON.parse(health.body) as { demo: { status: string } }).demo.status === 'seeding';
      samples.push({ health: health.ms, login: login.ms, seeding });
      if (!seeding) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const during = samples.filter((sample) => sample.seeding);
    const worst = (key: 'health' | 'login', from = during) => Math.max(...from.map((sample) => sample[key]));
    const p50 = (key: 'health' | 'login') => during.map((sample) => sample[key]).sort((a, b) => a - b)[Math.floor(during.length / 2)];
    console.info(
      `fault-demo-seeding (${database.config.database.engine}): ${during.length} samples while seeding; /health p50 ${p50('health')} ms, max ${worst('health')} ms; /login.html p50 ${p50('login')} ms, max ${worst('login')} ms`,
    );
    expect(during.length).toBeGreaterThanOrEqual(10);
    expectPrompt(during);

    // Then the first forecasts and drafts: the model fitting runs in a thread of its own, so the
    // pages keep answering while it runs.
    let phase = '';
    for (let wait = 0; wait < 3000 && phase !== 'forecasting' && phase !== 'ok'; wait++) {
      const health = await fetch(`${base}/health`)
        .then((response) => response.json() as Promise<Health>)
        .catch(() => null);
      phase = health?.status === 'ok' ? 'ok' : (health?.start?.phase ?? '');
      if (phase !== 'forecasting') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const forecasting: Sample[] = [];
    while (phase === 'forecasting') {
      const [health, login] = await Promise.all([timed('/health'), timed('/login.html')]);
      expect(login.status).toBe(200);
      const answer = JSON.parse(health.body) as Health;
      phase = answer.status === 'ok' ? 'ok' : (answer.start?.phase ?? '');
      forecasting.push({ health: health.ms, login: login.ms, seeding: false });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(phase).toBe('ok');
    console.info(`fault-demo-seeding (${database.config.database.engine}): ${forecasting.length} samples while forecasting; /health max ${forecasting.length ? worst('health', forecasting) : '-'} ms`);
    if (forecasting.length > 0) expectPrompt(forecasting);
  }, 900_000);
});

/**
 * Every answer within the second, but for scheduling noise: on two cores shared with the other
 * test files (a browser test's Chromium among them) one sample in fifty — at least one — may miss
 * it, and none by more than a second and a half (CI once saw one of 43 samples at 2.05 s while
 * Chromium ran beside it; the same run alone answers within 60 ms). A blocked event loop or a
 * shared connection misses it on every sample while it lasts.
 */
function expectPrompt(samples: Sample[]): void {
  const late = (key: 'health' | 'login') => samples.filter((sample) => sample[key] >= LIMIT_MS).length;
  const worst = (key: 'health' | 'login') => Math.max(...samples.map((sample) => sample[key]));
  const allowed = Math.max(1, Math.floor(samples.length / 50));
  expect(late('health')).toBeLessThanOrEqual(allowed);
  expect(late('login')).toBeLessThanOrEqual(allowed);
  expect(worst('health')).toBeLessThan(2.5 * LIMIT_MS);
  expect(worst('login')).toBeLessThan(2.5 * LIMIT_MS);
}
