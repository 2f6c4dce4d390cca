import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays } from '@larder/domain';
import { DashboardServer, describeWithChromium, launchChromium, openView, screenshot, signedInPage, startDashboardServer } from './support/dashboard-browser';

const lastDayOf = (month: string) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

/** What a canteen manager walking the demand page reads: the accuracy report it offers. */
describeWithChromium('the demand page', () => {
  let server: DashboardServer;
  let browser: Browser;
  let db: DataSource;

  beforeAll(async () => {
    server = await startDashboardServer();
    browser = await launchChromium();
    db = server.app.get(DataSource);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers the accuracy report of a month with stored forecasts, and says the month chosen has none', async () => {
    const canteens: number[] = server.plannedCanteens;
    const [{ first, last }] = await db.query(`SELECT min(service_date)::text AS first, max(service_date)::text AS last FROM forecast WHERE canteen_id = ANY($1)`, [canteens]);
    // the whole month before the first forecast: chosen exactly, it has nothing to score
    const empty = addDays(`${first.slice(0, 7)}-01`, -1).slice(0, 7);
    for (const [locale, words] of [
      ['en-US', 'No forecast is stored for'],
      ['zh-CN', '没有已存的预测'],
    ] as const) {
      const { page, errors, context } = await signedInPage({ browser, server, username: `accuracy-period-${locale.slice(0, 2)}`, role: 'manager', canteenIds: canteens, locale });
      try {
        await openView(page, `/?page=demand&from=${empty}-01&to=${lastDayOf(empty)}`);
        const query = new URL((await page.locator('[data-report=accuracy]').getAttribute('href'))!, server.baseUrl).searchParams;
        const month = query.get('month');
        expect(month).not.toBe(empty);
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM forecast WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3)`, [
          `${month}-01`,
          lastDayOf(month!),
          canteens,
        ]);
        expect(n).toBeGreaterThan(0);
        const note = await page.locator('[data-note=accuracy-period]').textContent();
        expect(note).toContain(words);
        expect(note).toContain(empty);
        expect(note).toContain(first);
        expect(note).toContain(last);
        await screenshot(page, `demand-accuracy-period-${locale.slice(0, 2)}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
