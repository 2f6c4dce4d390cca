#!/usr/bin/env node
/**
 * First meaningful paint of each dashboard page on the demo data, as `npm start` serves it.
 * Starts the built server (run `npm run build` first) on a fresh embedded database, waits for the
 * demo to be seeded, signs in as admin in headless Chromium and opens every page RUNS times in a
 * fresh tab. "Meaningful" is the `larder:first-meaningful-paint` mark: the first frame after the
 * page's data is drawn (KPIs, charts, tables). Prints the median and worst per page, in ms.
 *
 *   npm run build && node bench/web/first-paint.bench.js [--runs 5] [--json]
 */
const { spawn } = require('node:child_process');
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const root = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const PAGES = ['overview', 'dishes', 'demand', 'waste', 'purchasing', 'finance', 'satisfaction', 'jobs'];
const PASSWORD = 'bench-password-0123';

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForDemo(baseUrl, server) {
  for (let waited = 0; waited < 600; waited += 1) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    const health = await fetch(`${baseUrl}/health`).then((response) => response.json()).catch(() => null);
    if (health?.demo?.status === 'seeded' || health?.demo?.status === 'skipped') return health;
    if (health?.demo?.status === 'failed') throw new Error(`demo seeding failed: ${health.demo.error}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the demo was not seeded within 10 minutes');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'larder-paint-'));
  // as root, the embedded PostgreSQL runs as the postgres user, who must pass through the folder
  chmodSync(dataDir, 0o711);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LARDER_DATA_DIR: dataDir, LARDER_ADMIN_PASSWORD: PASSWORD, LARDER_SCHEDULER: 'off', LARDER_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let browser;
  try {
    const seeded = Date.now();
    await waitForDemo(baseUrl, server);
    const seedSeconds = (Date.now() - seeded) / 1000;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
    const login = await context.request.post('/api/auth/login', { data: { username: 'admin', password: PASSWORD } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const results = {};
    for (const page of PAGES) {
      const times = [];
      const apiTimes = [];
      for (let run = 0; run < RUNS; run += 1) {
        const tab = await context.newPage();
        await tab.goto(`/?page=${page}`);
        const mark = await tab.waitForFunction(() => performance.getEntriesByName('larder:first-meaningful-paint')[0]?.startTime, null, { timeout: 30_000 });
        times.push(await mark.jsonValue());
        // How long the page's own data took on the server and the wire, to tell API time from page time.
        apiTimes.push(await tab.evaluate(() => {
          const panel = performance.getEntriesByType('resource').find((entry) => /\/api\/(dashboard\/(?!meta)|plans|jobs)/.test(entry.name));
          return panel ? panel.responseEnd - panel.startTime : null;
        }));
        await tab.close();
      }
      results[page] = { medianMs: Math.round(median(times)), worstMs: Math.round(Math.max(...times)), panelRequestMedianMs: Math.round(median(apiTimes)), runs: times.map(Math.round) };
    }
    const report = { date: new Date().toISOString(), seedSeconds, runs: RUNS, pages: results };
    if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`demo seeded in ${seedSeconds.toFixed(0)} s; first meaningful paint over ${RUNS} fresh tabs per page (ms):`);
      for (const [page, figures] of Object.entries(results)) {
        console.log(`  ${page.padEnd(13)} median ${String(figures.medianMs).padStart(5)}  worst ${String(figures.worstMs).padStart(5)}  (its data request: median ${figures.panelRequestMedianMs})`);
      }
    }
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
