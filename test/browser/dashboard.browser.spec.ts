import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DASHBOARD_PAGE_ORDER } from '@larder/analytics';
import { TEST_PASSWORD } from '../support/http-app';
import {
  afterRender,
  charts,
  describeWithChromium,
  launchChromium,
  openView,
  pointCount,
  ROOT,
  screenshot,
  signedInPage,
  SignedInPage,
  startDashboardServer,
  DashboardServer,
} from './support/dashboard-browser';

// `node scripts/screenshots.js` sets this to refresh the README's screenshots.
const DOCS_SCREENSHOTS = process.env.LARDER_DOCS_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : null;

async function pageScreenshot(session: SignedInPage, name: string): Promise<void> {
  const path = await screenshot(session.page, name);
  // The finance page's own test (finance.browser.spec.ts) draws its README picture, with a budget and a subsidy change in view.
  if (DOCS_SCREENSHOTS && name !== 'finance') {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(path, join(DOCS_SCREENSHOTS, `${name}.png`));
  }
}

describeWithChromium('the dashboard in a browser (admin, every page)', () => {
  let server: DashboardServer;
  let browser: Browser;
  let admin: SignedInPage;

  beforeAll(async () => {
    server = await startDashboardServer();
    browser = await launchChromium();
    admin = await signedInPage({ browser, server, username: 'admin-browser', role: 'admin', locale: 'en-US' });
    expect(server.plannedCanteens).not.toHaveLength(0);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    // Emptied each time so one page's error is reported once, against that page.
    expect(admin.errors.splice(0)).toEqual([]);
  });

  // The menu page draws its chart once a proposal exists: test/browser/menu.browser.spec.ts makes one and covers it.
  it.each(DASHBOARD_PAGE_ORDER.filter((page) => page !== 'menu'))('draws the %s page with data in every chart and export controls', async (pageId) => {
    // The purchasing page opens on the first canteen's plan; show one that has orders.
    await openView(admin.page, pageId === 'purchasing' ? `/?page=purchasing&canteens=${server.plannedCanteens[0]}` : `/?page=${pageId}`);
    await pageScreenshot(admin, pageId);
    expect(await admin.page.locator('[data-view=error]').count()).toBe(0);
    expect(await admin.page.locator('[data-view=not-permitted]').count()).toBe(0);
    const drawn = await charts(admin.page);
    expect(drawn.length).toBeGreaterThan(0);
    for (const chart of drawn) {
      expect({ chart: chart.id, points: pointCount(chart) > 0, png: chart.png }).toEqual({ chart: chart.id, points: true, png: true });
    }
    if (pageId !== 'overview') expect(await admin.page.locator('[data-export=csv]').count()).toBeGreaterThan(0);
  });

  it('opens a dish page from the ranking table, with its own sales history', async () => {
    await openView(admin.page, '/?page=dishes');
    await afterRender(admin.page, () => admin.page.locator('[data-table=dishes] tbody tr').first().click());
    expect(admin.page.url()).toMatch(/[?&]dish=\d+/);
    const drawn = await charts(admin.page);
    expect(drawn.map((chart) => chart.id).sort()).toEqual(['dish-ratings', 'dish-sales']);
    expect(pointCount(drawn.find((chart) => chart.id === 'dish-sales')!)).toBeGreaterThan(0);
    await pageScreenshot(admin, 'dish');
  });

  it('puts filters in the URL, redraws the charts, and restores the view from a shared URL', async () => {
    await openView(admin.page, '/?page=overview');
    const before = (await charts(admin.page)).find((chart) => chart.id === 'covers-vs-forecast')!;
    const firstCanteen = admin.page.locator('input[name=canteen]').first();
    const canteenId = await firstCanteen.getAttribute('value');
    await afterRender(admin.page, () => admin.page.locator('input[name=canteen]').nth(1).uncheck());
    expect(new URL(admin.page.url()).searchParams.get('canteens')).toBe(canteenId);
    const oneCanteen = (await charts(admin.page)).find((chart) => chart.id === 'covers-vs-forecast')!;
    expect(oneCanteen.series).not.toEqual(before.series);

    await afterRender(admin.page, async () => {
      await admin.page.selectOption('select[name=meal]', 'lunch');
    });
    await afterRender(admin.page, () => admin.page.fill('input[name=from]', '2026-11-01').then(() => admin.page.locator('input[name=from]').dispatchEvent('change')));
    const shared = admin.page.url();
    expect(new URL(shared).searchParams.get('meal')).toBe('lunch');
    expect(new URL(shared).searchParams.get('from')).toBe('2026-11-01');
    const lunch = (await charts(admin.page)).find((chart) => chart.id === 'covers-vs-forecast')!;
    expect(lunch.series).not.toEqual(oneCanteen.series);

    const other = await signedInPage({ browser, server, username: 'admin-browser', role: 'admin' });
    try {
      await openView(other.page, shared);
      expect(await other.page.locator('select[name=meal]').inputValue()).toBe('lunch');
      expect(await other.page.locator('input[name=from]').inputValue()).toBe('2026-11-01');
      expect(await other.page.locator('input[name=canteen]:checked').count()).toBe(1);
      expect((await charts(other.page)).find((chart) => chart.id === 'covers-vs-forecast')!.series).toEqual(lunch.series);
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('goes back to the previous view with the browser history', async () => {
    await openView(admin.page, '/?page=waste');
    await afterRender(admin.page, () => admin.page.locator('[data-nav=finance]').click());
    expect(new URL(admin.page.url()).searchParams.get('page')).toBe('finance');
    await afterRender(admin.page, () => admin.page.goBack().then(() => undefined));
    expect(new URL(admin.page.url()).searchParams.get('page')).toBe('waste');
    expect((await charts(admin.page)).some((chart) => chart.id === 'waste-trend')).toBe(true);
  });

  it('fits a tablet held upright without sideways scrolling', async () => {
    const tablet = await signedInPage({ browser, server, username: 'admin-browser', role: 'admin' });
    try {
      await tablet.page.setViewportSize({ width: 820, height: 1180 });
      for (const pageId of ['overview', 'dishes', 'finance'] as const) {
        await openView(tablet.page, `/?page=${pageId}`);
        expect(await tablet.page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
      }
      await screenshot(tablet.page, 'finance-tablet');
      expect(tablet.errors).toEqual([]);
    } finally {
      await tablet.context.close();
    }
  });

  it('exports a table as CSV with a header row and one line per row', async () => {
    await openView(admin.page, '/?page=dishes');
    const rows = await admin.page.locator('[data-table=dishes] tbody tr').count();
    const [download] = await Promise.all([admin.page.waitForEvent('download'), admin.page.locator('[data-table=dishes] [data-export=csv]').click()]);
    expect(download.suggestedFilename()).toBe('dishes.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toContain('Dish');
    expect(lines).toHaveLength(rows + 1);
  });

  it('sends a visitor who is not signed in to the login page and back to the view they asked for', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-US' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto('/?page=waste&meal=lunch');
      await page.waitForURL(/\/login\.html\?next=/);
      await page.fill('#username', 'admin-browser');
      await page.fill('#password', 'wrong-password-0000');
      await page.click('button[type=submit]');
      await page.locator('#error', { hasText: 'Wrong username or password' }).waitFor();
      await page.fill('#password', TEST_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL(/\/\?page=waste&meal=lunch$/);
      await page.waitForFunction(() => ((globalThis as unknown as { larder?: { rendered: number } }).larder?.rendered ?? 0) > 0);
      expect((await charts(page)).some((chart) => chart.id === 'waste-trend')).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows the forecast value added on the demand page, in English and in Chinese', async () => {
    const view = '/?page=demand&from=2026-11-10&to=2026-11-20';
    for (const [locale, title, line] of [
      ['en-US', 'Forecast value added (dish portions)', 'Larder over the kitchen'],
      ['zh-CN', '预测增值（菜品份数）', 'Larder 相对厨房的增值'],
    ] as const) {
      const session = await signedInPage({ browser, server, username: `value-added-${locale.slice(0, 2)}`, role: 'admin', locale });
      try {
        await openView(session.page, view);
        const panel = session.page.locator('[data-panel=value-added]');
        // The heading's own text; its ⓘ explanation is a child of its own.
        expect(
          await panel.locator('h3').evaluate((heading) =>
            [...heading.childNodes]
              .filter((node) => node.nodeType === 3 /* text */)
              .map((node) => node.textContent)
              .join(''),
          ),
        ).toBe(title);
        expect(await panel.locator('tbody tr').count()).toBe(3);
        expect(await panel.locator('[data-line=value-added]').first().textContent()).toContain(line);
        await panel.scrollIntoViewIfNeeded();
        await pageScreenshot(session, `demand-value-added-${locale === 'en-US' ? 'en' : 'zh'}`);
        expect(session.errors).toEqual([]);
      } finally {
        await session.context.close();
      }
    }
  });

  it('shows Chinese to a browser that asks for it, switches to English, and remembers the choice', async () => {
    const zh = await signedInPage({ browser, server, username: 'admin-browser', role: 'admin', locale: 'zh-CN' });
    try {
      await openView(zh.page, '/?page=overview');
      expect(await zh.page.locator('[data-nav=overview]').textContent()).toBe('概览');
      expect(await zh.page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await pageScreenshot(zh, 'overview-zh');
      await afterRender(zh.page, () => zh.page.locator('[data-action=lang]').click());
      expect(await zh.page.locator('[data-nav=overview]').textContent()).toBe('Overview');
      await openView(zh.page, '/?page=overview');
      expect(await zh.page.locator('[data-nav=overview]').textContent()).toBe('Overview');
      expect(zh.errors).toEqual([]);
    } finally {
      await zh.context.close();
    }
  });
});
