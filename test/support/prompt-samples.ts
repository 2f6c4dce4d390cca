/**
 * Fault and concurrency, issue #25: while the demo enterprise seeds (the first `npm start`) and its
 * first forecasts run, the login page and /health answer within a second. The generator and the
 * model fitting run in worker threads and the seeding transaction holds one connection of the pool;
 * everything else has the others.
 */
const LIMIT_MS = 1000;

export interface StartHealth {
  status: string;
  start?: { phase?: string };
}

export interface PromptSample {
  health: number;
  login: number;
  /** The start's phase /health answered with ('ok' once ready). */
  phase: string;
}

/** The phase of a /health answer: 'ok' once ready, else the first start's phase. */
export function phaseOf(health: StartHealth | null): string {
  return health?.status === 'ok' ? 'ok' : (health?.start?.phase ?? '');
}

async function timed(url: string): Promise<{ ms: number; body: string; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  return { ms: Math.round(performance.now() - started), body, status: response.status };
}

/**
 * Asks /health and /login.html side by side every 200 ms while /health answers `phase`, for at most
 * `seconds`; the login page must load every time.
 */
export async function samplePrompt(base: string, phase: string, seconds = Number.POSITIVE_INFINITY): Promise<PromptSample[]> {
  const samples: PromptSample[] = [];
  const since = Date.now();
  while (Date.now() - since < seconds * 1000) {
    const [health, login] = await Promise.all([timed(`${base}/health`), timed(`${base}/login.html`)]);
    if (login.status !== 200 || !login.body.includes('<title>')) throw new Error(`the login page answered ${login.status} while the start was ${phase}`);
    const sample = { health: health.ms, login: login.ms, phase: phaseOf(JSON.parse(health.body) as StartHealth) };
    if (sample.phase !== phase) break;
    samples.push(sample);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return samples;
}

/** One line for the test's log: how many samples and the slowest answers. */
export function describeSamples(samples: readonly PromptSample[]): string {
  const sorted = (key: 'health' | 'login') => samples.map((sample) => sample[key]).sort((a, b) => a - b);
  const figures = (key: 'health' | 'login') => `p50 ${sorted(key)[Math.floor(samples.length / 2)] ?? '-'} ms, max ${sorted(key).at(-1) ?? '-'} ms`;
  return `${samples.length} samples; /health ${figures('health')}; /login.html ${figures('login')}`;
}

/**
 * Every answer within the second, but for scheduling noise: on two cores shared with the other
 * test files (a browser test's Chromium among them) one sample in fifty — at least one — may miss
 * it, and none by more than a second and a half (CI once saw one of 43 samples at 2.05 s while
 * Chromium ran beside it; the same run alone answers within 60 ms). A blocked event loop or a
 * shared connection misses it on every sample while it lasts.
 */
export function expectPrompt(samples: readonly PromptSample[]): void {
  const late = (key: 'health' | 'login') => samples.filter((sample) => sample[key] >= LIMIT_MS).length;
  const worst = (key: 'health' | 'login') => Math.max(...samples.map((sample) => sample[key]));
  const allowed = Math.max(1, Math.floor(samples.length / 50));
  expect(late('health')).toBeLessThanOrEqual(allowed);
  expect(late('login')).toBeLessThanOrEqual(allowed);
  expect(worst('health')).toBeLessThan(2.5 * LIMIT_MS);
  expect(worst('login')).toBeLessThan(2.5 * LIMIT_MS);
}
