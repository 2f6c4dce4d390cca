import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays } from '@larder/domain';
import { takeAwayDay } from '../support/service-day-fixtures';
import { charts, DashboardServer, describeWithChromium, launchChromium, openView, screenshot, signedInPage, startDashboardServer } from './support/dashboard-browser';

const lastDayOf = (month: string) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

/** What a canteen manager walking the demand page reads: the accuracy report it offers, and the days its chart draws. */
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

  it('offers the accuracy report of the dish chosen, and says so', async () => {
    const [{ dish_id: dish, code, name, name_en: nameEn }] = await db.query(
      `SELECT r.dish_id, d.code, d.name, d.name_en FROM daily_dish_rollup r JOIN dish d ON d.id = r.dish_id GROUP BY 1, 2, 3, 4 ORDER BY sum(r.quantity) DESC LIMIT 1`,
    );
    for (const [locale, dishName, words] of [
      ['en-US', nameEn ?? name, 'alone'],
      ['zh-CN', name, '只统计'],
    ] as const) {
      const { page, errors, context } = await signedInPage({ browser, server, username: `accuracy-dish-${locale.slice(0, 2)}`, role: 'manager', canteenIds: server.plannedCanteens, locale });
      try {
        await openView(page, '/?page=demand&from=2026-11-01&to=2026-11-30');
        expect(await page.locator('[data-note=accuracy-scope]').count()).toBe(0);
        const all = new URL((await page.locator('[data-report=accuracy]').getAttribute('href'))!, server.baseUrl);
        expect(all.searchParams.has('dish')).toBe(false);
        await openView(page, `/?page=demand&from=2026-11-01&to=2026-11-30&dish=${dish}`);
        const note = await page.locator('[data-note=accuracy-scope]').textContent();
        expect(note).toContain(dishName);
        expect(note).toContain(words);
        const link = new URL((await page.locator('[data-report=accuracy]').getAttribute('href'))!, server.baseUrl);
        expect(link.searchParams.get('dish')).toBe(String(dish));
        expect([...link.searchParams.keys()].filter((key) => key !== 'dish').sort()).toEqual([...all.searchParams.keys()].sort());
        // the link answers with the dish's workbook, as the manager who follows it gets it
        const answer = await page.request.get(link.toString());
        expect(answer.status()).toBe(200);
        expect(answer.headers()['content-disposition']).toContain(`-${code}-`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('draws the dish view over every day the canteens served, a day without the dish left empty', async () => {
    const [from, to] = ['2026-10-20', '2026-11-20'];
    const canteens: number[] = server.plannedCanteens;
    const served: string[] = (
      await db.query(`SELECT DISTINCT service_date::text AS d FROM daily_meal_rollup WHERE service_date BETWEEN $1 AND $2 AND canteen_id = ANY($3) ORDER BY 1`, [from, to, canteens])
    ).map((row: { d: string }) => row.d);
    // the dish sold on the fewest of those days, and not on none
    const [{ dish_id: dish }] = await db.query(
      `SELECT dish_id FROM daily_dish_rollup WHERE service_date BETWEEN $1 AND $2 AND canteen_id = ANY($3) GROUP BY 1 HAVING count(DISTINCT service_date) > 1 ORDER BY count(DISTINCT service_date), 1 LIMIT 1`,
      [from, to, canteens],
    );
    const offered = new Set<string>(
      (
        await db.query(
          `SELECT service_date::text AS d FROM daily_dish_rollup WHERE dish_id = $1 AND service_date BETWEEN $2 AND $3 AND canteen_id = ANY($4)
           UNION SELECT service_date::text FROM forecast WHERE dish_id = $1 AND service_date BETWEEN $2 AND $3 AND canteen_id = ANY($4)`,
          [dish, from, to, canteens],
        )
      ).map((row: { d: string }) => row.d),
    );
    const without = served.filter((day) => !offered.has(day));
    expect(without.length).toBeGreaterThan(0);
    const { page, errors, context } = await signedInPage({ browser, server, username: 'dish-days', role: 'manager', canteenIds: canteens });
    try {
      await openView(page, `/?page=demand&from=${from}&to=${to}&dish=${dish}`);
      const chart = (await charts(page)).find((entry) => entry.id === 'forecast-vs-actual')!;
      expect(chart.categories).toEqual(expect.arrayContaining(served));
      const actual = chart.series.find((series) => series.name === 'Actual')!;
      for (const day of without) expect(actual.data[chart.categories.indexOf(day)]).toBeNull();
      // the chart says why its line breaks
      expect(await page.locator('[data-panel=forecast-vs-actual] [data-help]').getAttribute('title')).toContain('without this dish');
      await screenshot(page, 'demand-dish-days');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("draws a lone forecast day's P10–P90 band as a bar beside its median", async () => {
    const canteens: number[] = server.plannedCanteens;
    const view = '/?page=demand&from=2026-11-01&to=2026-11-20';
    const { page, errors, context } = await signedInPage({ browser, server, username: 'demand-lone-day', role: 'manager', canteenIds: canteens });
    const restore: (() => Promise<void>)[] = [];
    try {
      await openView(page, view);
      const before = (await charts(page)).find((entry) => entry.id === 'forecast-vs-actual')!;
      const p50 = before.series.find((series) => series.name === 'Forecast')!.data;
      const actual = before.series.find((series) => series.name === 'Actual')!.data;
      // a forecast day between two served forecast days: their forecasts taken away, it stands alone
      const at = p50.findIndex((value, i) => i > 0 && value !== null && p50[i - 1] !== null && p50[i + 1] != null && actual[i - 1] !== null && actual[i + 1] != null);
      expect(at).toBeGreaterThan(0);
      const [day, neighbours] = [before.categories[at], [before.categories[at - 1], before.categories[at + 1]]];
      for (const other of neighbours) restore.push(await takeAwayDay(db, 'forecast', other));
      await openView(page, view);
      const chart = (await charts(page)).find((entry) => entry.id === 'forecast-vs-actual')!;
      const index = chart.categories.indexOf(day);
      expect(chart.categories.slice(index - 1, index + 2)).toEqual([neighbours[0], day, neighbours[1]]);
      const forecast = chart.series.find((series) => series.name === 'Forecast')!;
      expect([forecast.data[index - 1], forecast.data[index + 1]]).toEqual([null, null]);
      const p10 = chart.series.find((series) => series.name === 'p10')!.data[index] as number;
      const band = chart.series.find((series) => series.name === 'Forecast band P10–P90')!;
      expect(band.markSegments).toHaveLength(1);
      const [{ from, to }] = band.markSegments;
      expect([from, to[0]]).toEqual([[day, p10], day]);
      expect(to[1]).toBeCloseTo(p10 + (band.data[index] as number), 6);
      expect(to[1]).toBeGreaterThan(p10);
      await screenshot(page, 'demand-lone-forecast-day');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      for (const put of restore) await put();
    }
  });

  it('marks a closure on the forecast chart, for all dishes and for one: the day stands on the axis, empty, shaded', async () => {
    const day = '2026-11-18';
    const canteens: number[] = server.plannedCanteens;
    const [{ dish_id: dish }] = await db.query(`SELECT dish_id FROM daily_dish_rollup WHERE service_date = $1 AND canteen_id = ANY($2) ORDER BY quantity DESC, 1 LIMIT 1`, [day, canteens]);
    const restore = [await takeAwayDay(db, 'daily_meal_rollup', day), await takeAwayDay(db, 'daily_dish_rollup', day), await takeAwayDay(db, 'forecast', day)];
    await db.query(`INSERT INTO canteen_closure (canteen_id, from_date, to_date, reason) SELECT id, $1, $1, '设备检修' FROM unnest($2::int[]) AS c(id)`, [day, canteens]);
    const { page, errors, context } = await signedInPage({ browser, server, username: 'demand-closure', role: 'manager', canteenIds: canteens });
    try {
      for (const view of ['/?page=demand&from=2026-11-01&to=2026-11-20', `/?page=demand&from=2026-11-01&to=2026-11-20&dish=${dish}`]) {
        await openView(page, view);
        const chart = (await charts(page)).find((entry) => entry.id === 'forecast-vs-actual')!;
        const at = chart.categories.indexOf(day);
        expect(chart.categories.slice(at - 1, at + 2)).toEqual(['2026-11-17', day, '2026-11-19']);
        const actual = chart.series.find((series) => series.name === 'Actual')!;
        expect(actual.data[at]).toBeNull();
        expect(actual.markAreas).toEqual([{ name: 'Closure: 设备检修', from: '2026-11-17', to: '2026-11-19' }]);
      }
      await screenshot(page, 'demand-chart-closure');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await db.query(`DELETE FROM canteen_closure WHERE from_date = $1 AND reason = '设备检修'`, [day]);
      for (const put of restore) await put();
    }
  });
});
