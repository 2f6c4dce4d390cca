import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { UserService } from '@larder/auth';
import { addDays, isoWeek, isoWeekStart, localDate } from '@larder/domain';
import { FirstStartService } from '@larder/pipeline';
import { createHttpApp, TEST_PASSWORD } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { afterRender, charts, describeWithChromium, ensureWebBuild, launchChromium, openView, screenshot } from './support/dashboard-browser';

/** A small demo enterprise: seeded, forecast and drafted as `npm start` does with the full one. */
const SIZE = { canteens: 2, employees: 3000, days: 60 };
const MANAGER = 'week-manager';

/**
 * Issue #22, the manager's week: the first start seen from the login page, then next week's
 * forecast, draft plan and orders without any command, and the guard rails of a plan (an unusual
 * override asks first, approval shows a summary and asks, an approved plan is revised).
 */
describeWithChromium("the manager's week in a browser, from the first start", () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let browser: Browser;
  let baseUrl: string;
  let page: Page;
  let starting: Promise<void> | undefined;
  const errors: string[] = [];
  const comingWeek = isoWeek(addDays(localDate(new Date(), 'Asia/Shanghai'), 7));

  beforeAll(async () => {
    await ensureWebBuild();
    database = await createTestDatabase();
    // Demo mode on, as the embedded `npm start` has it: the first start seeds the empty database.
    app = await createHttpApp(database.config, { demo: 'on' });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await app.get(UserService).create({ username: MANAGER, role: 'manager', canteenIds: [1, 2], password: TEST_PASSWORD });
    browser = await launchChromium();
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('console', (message) => {
      // Answers the page expects: /health is 503 while the start prepares, a change out of range is 409 until confirmed.
      const expected = /status of (503 \(Service Unavailable\)|409 \(Conflict\))$/.test(message.text()) && /\/(health|api\/plans\/[^/]+\/(overrides|approve))$/.test(message.location().url);
      if (message.type() === 'error' && !expected) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await starting?.catch(() => undefined);
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  it('shows the preparation on the login page while the demo seeds; then next week has a forecast, a draft plan and orders', async () => {
    starting = app.get(FirstStartService).start({ size: SIZE });
    await page.goto('/login.html');
    const progress = page.locator('[data-view=start-progress]');
    await progress.waitFor({ state: 'visible' });
    expect(['正在生成演示数据', '正在预测并起草下周计划']).toContain(await page.locator('#start-phase').textContent());
    expect(await page.locator('#start-percent').textContent()).toMatch(/^\d{1,3}%$/);
    await screenshot(page, 'first-start-login');
    // The notice goes when the demo has its forecasts and drafts; then signing in shows them.
    await progress.waitFor({ state: 'hidden', timeout: 600_000 });
    await page.fill('#username', MANAGER);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForFunction(() => (globalThis as unknown as { larder?: { rendered: number } }).larder?.rendered === 1);

    await openView(page, '/?page=purchasing&canteens=1');
    expect(await page.locator('select[name=week]').inputValue()).toBe(comingWeek);
    expect(await page.locator('[data-plan-status]').getAttribute('data-plan-status')).toBe('draft');
    // Drafted by the nightly run: the plans table names the run as the Jobs page does, not its command name.
    expect(await page.locator(`[data-table=plans-${comingWeek}] tbody`).textContent()).toContain('夜间任务');
    expect(await page.locator(`[data-table=orders-${comingWeek}] tbody tr`).count()).toBeGreaterThan(0);
    expect(await page.locator(`[data-table=plan-lines-${comingWeek}] tbody tr`).count()).toBeGreaterThan(0);
    await screenshot(page, 'first-start-purchasing');
    await expectLateOrdersShown();

    const monday = isoWeekStart(comingWeek);
    await openView(page, `/?page=demand&from=${addDays(monday, -21)}&to=${addDays(monday, 6)}`);
    const band = (await charts(page)).find((chart) => chart.id === 'forecast-vs-actual')!;
    const forecast = band.series.find((series) => series.name === '预测')!;
    const days = (forecast.data as unknown[]).length;
    const stored = (forecast.data as unknown[]).filter((value) => typeof value === 'number' && value > 0).length;
    // Next week's days and the past weeks' (the forecast history) all have a stored forecast.
    expect(stored).toBeGreaterThanOrEqual(days - 2);
    expect(await page.locator('[data-table=forecast-accuracy] tbody tr').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'first-start-demand');
    expect(errors.splice(0)).toEqual([]);
  }, 900_000);

  /**
   * The orders the plan store counts as late are the ones the page marks (how many depends on the
   * weekday the test runs); then one order made late shows in the list, the notice and the order itself.
   */
  async function expectLateOrdersShown(): Promise<void> {
    const dataSource = app.get(DataSource);
    const ordersOf = `FROM purchase_order o JOIN production_plan p ON p.id = o.plan_id WHERE p.canteen_id = 1 AND p.week = $1 AND p.status = 'draft'`;
    const [{ late }] = (await dataSource.query(`SELECT count(*) FILTER (WHERE o.late)::int AS late ${ordersOf}`, [comingWeek])) as { late: number }[];
    const orders = page.locator(`[data-table=orders-${comingWeek}]`);
    expect(await orders.locator('[data-late]').count()).toBe(late);
    expect(await page.locator('[data-notice=late-orders]').count()).toBe(late > 0 ? 1 : 0);
    const [{ id }] = (await dataSource.query(`SELECT o.id ${ordersOf} AND NOT o.late ORDER BY o.delivery_date, o.id LIMIT 1`, [comingWeek])) as { id: string }[];
    await dataSource.query('UPDATE purchase_order SET late = true WHERE id = $1', [id]);
    try {
      await openView(page, `/?page=purchasing&canteens=1&week=${comingWeek}`);
      expect(await orders.locator('[data-late]').count()).toBe(late + 1);
      expect(await page.locator('[data-notice=late-orders]').textContent()).toContain(String(late + 1));
      await openView(page, `/?page=purchasing&canteens=1&week=${comingWeek}&order=${id}`);
      expect(await page.locator('[data-view=order] [data-late]').count()).toBe(1);
      expect(await page.locator('[data-notice=late-order]').count()).toBe(1);
    } finally {
      await dataSource.query('UPDATE purchase_order SET late = false WHERE id = $1', [id]);
    }
  }

  it('asks before an out-of-range override, shows the summary before approving, and revises an approved plan', async () => {
    await openView(page, `/?page=purchasing&canteens=1&week=${comingWeek}`);
    // The override is edited in the plan-lines table, on the line itself.
    const edit = page.locator(`[data-table=plan-lines-${comingWeek}] [data-action=edit-line]`);
    expect(await edit.count()).toBeGreaterThan(0);
    await edit.first().click();
    const editor = page.locator('[data-editor=override]');
    await editor.locator('input[name=portions]').fill('999999');
    await editor.locator('input[name=reason]').fill('多按了几个9');
    await editor.locator('button[type=submit]').click();
    const asked = page.locator('[data-dialog=override]');
    await asked.waitFor();
    expect(await asked.locator('[data-reason=above-forecast]').textContent()).toMatch(/超过预测 P99/);
    expect(await asked.locator('[data-reason=above-capacity]').textContent()).toMatch(/超过座位数/);
    expect(await asked.locator('table').textContent()).toContain('采购金额');
    await screenshot(page, 'override-confirmation');
    // Cancelled, nothing is stored; confirmed, the override is made.
    await asked.locator('[data-action=cancel]').click();
    expect(await page.locator(`[data-table=overrides-${comingWeek}] tbody tr`).count()).toBe(0);
    await editor.locator('button[type=submit]').click();
    await afterRender(page, () => page.locator('[data-dialog=override] [data-action=confirm]').click());
    expect(await page.locator(`[data-table=overrides-${comingWeek}] tbody`).textContent()).toContain('999,999');

    await page.locator('[data-action=approve]').click();
    const approval = page.locator('[data-dialog=approve]');
    await approval.waitFor();
    expect(await approval.locator('table').textContent()).toMatch(/人次[\s\S]*计划份数[\s\S]*采购金额[\s\S]*预计剩余/);
    expect(await approval.locator('[data-changes]').getAttribute('data-changes')).toBe('1');
    await screenshot(page, 'approve-confirmation');
    await afterRender(page, () => approval.locator('[data-action=confirm]').click());
    expect(await page.locator('[data-plan-status]').getAttribute('data-plan-status')).toBe('approved');
    const version = Number(await page.locator('[data-plan-status]').getAttribute('data-plan-version'));

    await afterRender(page, () => page.locator('[data-action=revise]').click());
    expect(await page.locator('[data-plan-status]').getAttribute('data-plan-status')).toBe('draft');
    expect(Number(await page.locator('[data-plan-status]').getAttribute('data-plan-version'))).toBe(version + 1);
    // The revision carries the override over; the approved version stands until it is approved.
    expect(await page.locator(`[data-table=overrides-${comingWeek}] tbody`).textContent()).toContain('999,999');
    expect(await page.locator(`[data-table=plans-${comingWeek}] tbody`).textContent()).toContain('已批准');
    expect(errors.splice(0)).toEqual([]);
  }, 300_000);

  it('runs the nightly run from the Jobs page, showing how far it is', async () => {
    await openView(page, '/?page=jobs');
    const rendered = await page.evaluate(() => (globalThis as unknown as { larder: { rendered: number } }).larder.rendered);
    await page.locator('[data-action=run-nightly]').click();
    await page.locator('[data-run-progress]').filter({ hasText: '正在运行' }).waitFor();
    expect(await page.locator('[data-action=run-forecast]').isDisabled()).toBe(true);
    // The page draws itself again when the run has answered.
    await page.waitForFunction(
      (before) => {
        const state = (globalThis as unknown as { larder: { rendered: number; busy: boolean } }).larder;
        return state.rendered > before && !state.busy;
      },
      rendered,
      { timeout: 600_000 },
    );
    const newest = await page.locator('[data-table=job-runs] tbody tr').first().textContent();
    expect(newest).toContain('夜间任务');
    expect(newest).toContain('成功');
    expect(errors.splice(0)).toEqual([]);
  }, 700_000);
});
