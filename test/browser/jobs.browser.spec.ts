import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DatabaseService, JobRun, JobStep } from '@larder/database';
import { DemoSeedService } from '@larder/ingestion';
import { INBOX_JOB, NIGHTLY_JOB } from '@larder/pipeline';
import { createHttpApp } from '../support/http-app';
import { createTestDatabase } from '../support/test-config';
import { afterRender, describeWithChromium, DashboardServer, ensureWebBuild, launchChromium, openView, screenshot, signedInPage, serveForBrowser } from './support/dashboard-browser';

/** What the Jobs page must say in each language. */
const LANGS = [
  {
    lang: 'zh-CN',
    locale: 'zh-CN',
    nightly: '夜间任务',
    inbox: '收件箱导入',
    empty: '3 次运行无事可做',
    failed: '失败',
    succeeded: '成功',
    running: '正在运行',
    steps: ['拉取数据源', '刷新汇总', '预测'],
    report: '采购计划报表',
    reportStep: '生成采购计划报表',
    manual: '手动',
    sourcesCount: '数据源 0',
    stepsFailed: '1/3 个步骤失败',
  },
  {
    lang: 'en',
    locale: 'en-US',
    nightly: 'Nightly run',
    inbox: 'Inbox import',
    empty: '3 runs with nothing to do',
    failed: 'Failed',
    succeeded: 'Succeeded',
    running: 'Running',
    steps: ['Pull sources', 'Refresh rollups', 'Forecast'],
    report: 'Purchase plan report',
    reportStep: 'Write the purchase plan report',
    manual: 'Manual',
    sourcesCount: 'sources 0',
    stepsFailed: '1 of 3 steps failed',
  },
] as const;

describeWithChromium('the Jobs page in a browser', () => {
  let server: DashboardServer;
  let browser: Browser;
  const reportsDir = mkdtempSync(join(tmpdir(), 'larder-jobs-browser-'));
  const failedRun = randomUUID();

  beforeAll(async () => {
    await ensureWebBuild();
    const database = await createTestDatabase();
    database.config = { ...database.config, reportsDir };
    const app = await createHttpApp(database.config);
    await app.get(DemoSeedService).seed({ seed: 5, canteens: 2, employees: 200, days: 14, endDate: '2026-11-20', futureDays: 7 });
    // History as a server keeps it: a nightly run whose forecast failed for one canteen, and three
    // empty inbox scans of the same night from before scans with nothing to do stopped being recorded.
    const dataSource = app.get(DatabaseService).dataSource;
    const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 19, 18, minute, second));
    await dataSource.getRepository(JobRun).insert({
      id: failedRun,
      name: NIGHTLY_JOB,
      trigger: 'schedule',
      slot: `${NIGHTLY_JOB}@${at(0).toISOString()}`,
      startedAt: at(0),
      finishedAt: at(3),
      status: 'failed',
      error: '1 of 3 steps failed: forecast (canteen 2)',
    });
    await dataSource.getRepository(JobStep).insert([
      {
        runId: failedRun,
        stepNo: 1,
        name: 'pull-sources',
        canteenId: null,
        startedAt: at(0),
        finishedAt: at(0, 20),
        status: 'succeeded',
        attempts: 1,
        counts: { inboxFiles: 0, sources: 0 },
        error: null,
      },
      { runId: failedRun, stepNo: 2, name: 'refresh-rollups', canteenId: 1, startedAt: at(0, 20), finishedAt: at(1), status: 'succeeded', attempts: 1, counts: { rows: 1200 }, error: null },
      { runId: failedRun, stepNo: 3, name: 'forecast', canteenId: 2, startedAt: at(1), finishedAt: at(3), status: 'failed', attempts: 3, counts: {}, error: 'database restarting' },
    ]);
    for (const minute of [10, 15, 20]) {
      const id = randomUUID();
      await dataSource
        .getRepository(JobRun)
        .insert({ id, name: INBOX_JOB, trigger: 'schedule', slot: `${INBOX_JOB}@${at(minute).toISOString()}`, startedAt: at(minute), finishedAt: at(minute), status: 'succeeded', error: null });
      await dataSource.getRepository(JobStep).insert({
        runId: id,
        stepNo: 1,
        name: 'scan-inbox',
        canteenId: null,
        startedAt: at(minute),
        finishedAt: at(minute),
        status: 'succeeded',
        attempts: 1,
        counts: { files: 0, failed: 0, waiting: 0 },
        error: null,
      });
    }
    server = await serveForBrowser(app, database);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  it.each(LANGS)(
    "opens a run's steps and starts a run, in $lang",
    async (text) => {
      const { page, context, errors } = await signedInPage({ browser, server, username: `jobs-admin-${text.lang.toLowerCase()}`, role: 'admin', locale: text.locale });
      await openView(page, '/?page=jobs');
      const runs = page.locator('[data-table=job-runs] tbody tr');
      // The empty scans are one line; the failed night is named in the page's language.
      expect(await runs.filter({ hasText: text.inbox }).count()).toBe(1);
      expect(await runs.filter({ hasText: text.inbox }).textContent()).toContain(text.empty);
      const night = runs.filter({ hasText: text.nightly }).filter({ hasText: text.failed });
      expect(await night.count()).toBe(1);

      // A click opens the run with its steps, and the link opens it again.
      await afterRender(page, () => night.click());
      expect(new URL(page.url()).searchParams.get('run')).toBe(failedRun);
      const panel = page.locator('[data-view=job-run]');
      expect(await panel.getAttribute('data-run-status')).toBe('failed');
      expect(await panel.locator('[role=alert]').textContent()).toBe(text.stepsFailed);
      const steps = panel.locator(`[data-table=job-run-steps-${failedRun}] tbody tr`);
      expect(await steps.count()).toBe(3);
      for (const [index, name] of text.steps.entries()) expect(await steps.nth(index).textContent()).toContain(name);
      expect(await steps.nth(0).textContent()).toContain(text.sourcesCount);
      const forecast = (await steps.nth(2).locator('td').allTextContents()).map((cell) => cell.trim());
      expect(forecast).toEqual(expect.arrayContaining([text.failed, '120.0 s', '3', 'database restarting']));
      await screenshot(page, `jobs-run-${text.lang}`);
      await openView(page, page.url());
      expect(await page.locator('[data-view=job-run]').count()).toBe(1);
      await afterRender(page, () => page.locator('[data-action=close-run]').click());
      expect(await page.locator('[data-view=job-run]').count()).toBe(0);

      // Starting a report run: the page says it is running (the answer is held back a moment), then opens the finished run.
      await page.route('**/api/jobs/purchase-plan-report/runs', async (route) => {
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 2500));
        await route.fulfill({ response });
      });
      await afterRender(page, async () => {
        await page.locator('[data-action=run-purchase-plan-report]').click();
        await page.locator('[data-run-progress]').filter({ hasText: text.running }).waitFor();
        expect(await page.locator('[data-action=run-nightly]').isDisabled()).toBe(true);
      });
      const opened = new URL(page.url()).searchParams.get('run');
      expect(opened).not.toBeNull();
      expect(opened).not.toBe(failedRun);
      const finished = page.locator('[data-view=job-run]');
      expect(await finished.getAttribute('data-run-status')).toBe('succeeded');
      expect(await finished.locator('h3').first().textContent()).toContain(text.report);
      expect(await finished.locator('tbody').first().textContent()).toContain(text.reportStep);
      expect(await runs.first().textContent()).toContain(text.manual);
      expect(errors.splice(0)).toEqual([]);
      await context.close();
    },
    180_000,
  );

  it.each([
    { lang: 'zh-CN', locale: 'zh-CN', done: /^预测已完成（预测基准日 \d{4}-\d{2}-\d{2}）：[\d,]+ 个食堂餐次序列，[\d,]+ 条预测，0 个序列失败，用时 [\d.]+ 秒。/ },
    { lang: 'en', locale: 'en-US', done: /^Forecast done \(as of \d{4}-\d{2}-\d{2}\): [\d,]+ canteen × meal series, [\d,]+ forecasts, 0 series failed, in [\d.]+ s\./ },
  ])(
    'says what a forecast run made, in $lang',
    async (text) => {
      const { page, context, errors } = await signedInPage({ browser, server, username: `jobs-forecaster-${text.lang.toLowerCase()}`, role: 'manager', canteenIds: [1, 2], locale: text.locale });
      await openView(page, '/?page=jobs');
      await page.locator('[data-action=run-forecast]').click();
      // A forecast is no job run: the page stays, and its status line gives the run's figures.
      const status = page.locator('[data-run-progress=done]');
      await status.waitFor({ timeout: 120_000 });
      expect(await status.textContent()).toMatch(text.done);
      expect(await page.locator('[data-action=run-forecast]').isDisabled()).toBe(false);
      expect(errors.splice(0)).toEqual([]);
      await context.close();
    },
    180_000,
  );
});
