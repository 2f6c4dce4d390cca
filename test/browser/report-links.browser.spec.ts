import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { describeWithChromium, launchChromium, openView, signedInPage, startDashboardServer, DashboardServer } from './support/dashboard-browser';

/** A page's report links carry its filters exactly: the period, every canteen shown and the meal. */
describeWithChromium('report links follow the page filters', () => {
  let server: DashboardServer;
  let browser: Browser;
  let canteens: { id: number; code: string }[];

  beforeAll(async () => {
    server = await startDashboardServer();
    browser = await launchChromium();
    canteens = await server.app.get(DataSource).query('SELECT id, code FROM canteen ORDER BY id');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('gives a manager of two canteens both of them and the meal, not canteen 1 alone', async () => {
    const [first, second] = canteens;
    const { page, errors } = await signedInPage({ browser, server, username: 'links-manager', role: 'manager', canteenIds: [first.id, second.id] });
    await openView(page, '/?page=waste&from=2026-10-01&to=2026-10-31&meal=lunch');
    const href = await page.locator('[data-report=waste]').getAttribute('href');
    // the link names the month it downloads
    expect(await page.locator('[data-report=waste]').textContent()).toMatch(/ · 2026-10$/);
    const query = new URL(href!, server.baseUrl).searchParams;
    expect(query.get('month')).toBe('2026-10');
    expect(query.get('canteen')).toBe(`${first.id},${second.id}`);
    expect(query.get('meal')).toBe('lunch');
    // the workbook is written while it streams: allow a loaded machine its time
    const download = await page.context().request.get(href!, { timeout: 180_000 });
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain(`${first.code}+${second.code}-lunch`);
    // one canteen chosen: that one only
    await openView(page, `/?page=waste&from=2026-10-01&to=2026-10-31&canteens=${second.id}`);
    const one = new URL((await page.locator('[data-report=waste]').getAttribute('href'))!, server.baseUrl).searchParams;
    expect(one.get('canteen')).toBe(String(second.id));
    expect(one.has('meal')).toBe(false);
    expect(errors).toEqual([]);
  });

  it("offers the union the workers' congress summary of the page's scope", async () => {
    const { page, errors } = await signedInPage({ browser, server, username: 'links-union', role: 'union', locale: 'zh-CN' });
    await openView(page, '/?page=satisfaction&from=2026-10-01&to=2026-10-31&meal=dinner');
    const link = page.locator('[data-report=congress]');
    expect(await link.textContent()).toBe('⬇ 职代会简报（一页） · 2026-10');
    const query = new URL((await link.getAttribute('href'))!, server.baseUrl).searchParams;
    expect(query.get('month')).toBe('2026-10');
    expect(query.get('meal')).toBe('dinner');
    expect(query.has('canteen')).toBe(false);
    const download = await page.context().request.get((await link.getAttribute('href'))!, { timeout: 180_000 });
    expect(download.status()).toBe(200);
    expect(errors).toEqual([]);
  });
});
