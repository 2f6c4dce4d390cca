import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { UserService } from '@larder/auth';
import type { Role } from '@larder/domain';
import { DemoSeedService, ImportService } from '@larder/ingestion';
import { JobRunnerService } from '@larder/jobs';
import { NIGHTLY_JOB } from '@larder/pipeline';
import { PlanService } from '@larder/procurement';
import { DataSource } from 'typeorm';
import type { ChartSnapshot } from '../../../apps/web/src/chart-snapshot';
import { importMasters, scratchDir } from '../../fixtures/import/import-test-kit';
import { createHttpApp, TEST_PASSWORD } from '../../support/http-app';
import { createPreparedDatabase } from '../../support/prepared-database';
import { createTestDatabase, TestDatabase } from '../../support/test-config';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const ROOT = join(__dirname, '..', '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');
/** The demo the pages are drawn from: 2 canteens, 45 days to this date. */
export const DEMO_END = '2026-11-20';
/** The week after the demo, planned in draft for every canteen. */
export const PLAN_WEEK = '2026-W48';
const DASHBOARD_PLANNER = 'browser-test';

/** `describe` when Chromium is here, a skipped block with the reason otherwise. */
export function describeWithChromium(name: string, body: () => void): void {
  if (HAS_CHROMIUM) {
    describe(name, body);
    return;
  }
  describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM}; apt-get install chromium to run the browser tests)`, body);
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** Builds dist/web unless it is newer than every source of the page. */
export async function ensureWebBuild(): Promise<void> {
  const built = join(ROOT, 'dist', 'web', 'index.html');
  const sources = [join(ROOT, 'apps', 'web'), join(ROOT, 'libs', 'analytics', 'src', 'dashboard', 'dashboard.contract.ts')];
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(...sources.map(newestChange))) return;
  // In its own process: Vite's bundler does not run inside jest's module sandbox.
  await promisify(execFile)(process.execPath, [join(ROOT, 'apps', 'web', 'build.js')], { cwd: ROOT });
}

export interface DashboardServer {
  app: NestExpressApplication;
  database: TestDatabase;
  baseUrl: string;
  /** Canteens whose draft plan for PLAN_WEEK has lines and purchase orders. */
  plannedCanteens: number[];
  close(): Promise<void>;
}

/** An app its test has filled, listening on a free port; closing it drops its database. */
export async function serveForBrowser(app: NestExpressApplication, database: TestDatabase, plannedCanteens: number[] = []): Promise<DashboardServer> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    database,
    plannedCanteens,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The real API over the imported master data only (canteens, dishes, suppliers): pages that need no demo start in seconds. */
export async function serveWithMasters(scratchName: string): Promise<DashboardServer> {
  await ensureWebBuild();
  const database = await createTestDatabase();
  const app = await createHttpApp(database.config);
  await importMasters(app.get(ImportService), scratchDir(scratchName));
  return serveForBrowser(app, database);
}

/** The real API on a free port over a seeded small demo, with forecasts, plans and a job run from the nightly pipeline. */
export async function startDashboardServer(): Promise<DashboardServer> {
  await ensureWebBuild();
  // Seeded, forecast and planned once per run; each file serves its own copy.
  const database = await createPreparedDatabase('dashboard', async (scratch) => {
    const app = await createHttpApp(scratch.config);
    try {
      await fillDashboardDemo(app);
    } finally {
      await app.close();
    }
  });
  const app = await createHttpApp(database.config);
  return serveForBrowser(app, database, await canteensPlannedWithOrders(app));
}

async function fillDashboardDemo(app: NestExpressApplication): Promise<void> {
  await app.get(DemoSeedService).seed({ seed: 7, canteens: 2, employees: 4000, days: 45, endDate: DEMO_END });
  // Two weeks before the end, so stored forecasts overlap the actuals and next week's draft plans exist.
  await app.get(JobRunnerService).run(NIGHTLY_JOB, { trigger: 'manual', asOf: '2026-11-09' });
  const plans = app.get(PlanService);
  for (const canteen of await app.get(DataSource).query('SELECT id FROM canteen ORDER BY id')) {
    await plans.createPlan({ canteenId: canteen.id, week: PLAN_WEEK, createdBy: DASHBOARD_PLANNER, at: new Date('2026-11-20T10:00:00+08:00') });
  }
}

/** Canteens whose draft plan for PLAN_WEEK, made by fillDashboardDemo, has lines and purchase orders. */
async function canteensPlannedWithOrders(app: NestExpressApplication): Promise<number[]> {
  const plans = app.get(PlanService);
  const planned: number[] = [];
  const drafts = (await plans.listPlans({ week: PLAN_WEEK })).filter((item) => item.createdBy === DASHBOARD_PLANNER).sort((a, b) => a.canteenId - b.canteenId);
  for (const draft of drafts) {
    const plan = await plans.getPlan(draft.id);
    if (plan.lines.length > 0 && plan.orders.length > 0) planned.push(draft.canteenId);
  }
  return planned;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export interface SignedInPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed page scripts seen so far. */
  errors: string[];
}

/** A browser context signed in as a new user of the role, in the given browser language. */
export async function signedInPage(params: { browser: Browser; server: DashboardServer; username: string; role: Role; canteenIds?: number[]; locale?: string }): Promise<SignedInPage> {
  const users = params.server.app.get(UserService);
  if (!(await users.exists(params.username))) await users.create({ username: params.username, role: params.role, canteenIds: params.canteenIds, password: TEST_PASSWORD });
  const context = await params.browser.newContext({
    baseURL: params.server.baseUrl,
    locale: params.locale ?? 'en-US',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  const login = await context.request.post('/api/auth/login', { data: { username: params.username, password: TEST_PASSWORD } });
  if (!login.ok()) throw new Error(`sign-in as ${params.username} failed: ${login.status()}`);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Opens a dashboard URL and waits until its page has drawn (or said it may not). */
export async function openView(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => {
    const state = (globalThis as unknown as { larder?: { rendered: number; busy: boolean } }).larder;
    return state !== undefined && state.rendered > 0 && !state.busy;
  });
}

/**
 * Shows another view in the page already open, as the browser's back and forward buttons do (the URL
 * changes, the page draws the view it names): the same drawing as opening it afresh, without loading
 * the page, who is signed in and the reference data again for every view.
 */
export async function showView(page: Page, path: string): Promise<void> {
  await afterRender(page, () =>
    page.evaluate((url) => {
      const window = globalThis as unknown as {
        history: { pushState(state: null, unused: string, url: string): void };
        dispatchEvent(event: unknown): boolean;
        PopStateEvent: new (type: string) => unknown;
      };
      window.history.pushState(null, '', url);
      window.dispatchEvent(new window.PopStateEvent('popstate'));
    }, path),
  );
}

/** Waits for the next render after an action (a filter change, a click). */
export async function afterRender(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await page.evaluate(() => (globalThis as unknown as { larder: { rendered: number } }).larder.rendered);
  await action();
  // Until the latest render is done: one action may start two (a date input fires input and change).
  await page.waitForFunction((count) => {
    const state = (globalThis as unknown as { larder: { rendered: number; busy: boolean } }).larder;
    return state.rendered > count && !state.busy;
  }, before);
}

/** A chart as the page reports it (apps/web/src/charts.ts chartSnapshot). */
export type ChartSeries = ChartSnapshot;

export function charts(page: Page): Promise<ChartSeries[]> {
  return page.evaluate(() => (globalThis as unknown as { larder: { charts(): ChartSeries[] } }).larder.charts());
}

/** How many data points a chart's series hold that are not empty. */
export function pointCount(chart: ChartSeries): number {
  const present = (value: unknown): boolean => {
    if (value === null || value === undefined || value === '-') return false;
    if (typeof value === 'object' && !Array.isArray(value) && 'value' in (value as object)) return present((value as { value: unknown }).value);
    if (Array.isArray(value)) return value.every((entry) => entry !== null);
    return true;
  };
  return chart.series.reduce((sum, series) => sum + series.data.filter(present).length, 0);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
