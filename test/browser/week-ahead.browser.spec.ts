import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { localDate } from '@larder/domain';
import { describeWithChromium, launchChromium, openView, screenshot, signedInPage, SignedInPage, startDashboardServer, DashboardServer } from './support/dashboard-browser';

/** Issue #22, the week ahead at a glance: today on the overview, the what-if and overrides in the plan-lines table. */
describeWithChromium('the week ahead in a browser (manager, zh-CN)', () => {
  let server: DashboardServer;
  let browser: Browser;
  let manager: SignedInPage;
  let db: DataSource;

  beforeAll(async () => {
    server = await startDashboardServer();
    db = server.app.get(DataSource);
    browser = await launchChromium();
    manager = await signedInPage({ browser, server, username: 'week-ahead-manager', role: 'manager', canteenIds: server.plannedCanteens, locale: 'zh-CN' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(manager.errors.splice(0)).toEqual([]);
  });

  it("shows today in Asia/Shanghai on the overview: closed today, or open with no data yet, never the demo's last day", async () => {
    const today = localDate(new Date(), 'Asia/Shanghai');
    const canteens = server.plannedCanteens;
    const card = manager.page.locator('[data-kpi=today]');
    const [{ id: dish }] = await db.query('SELECT id FROM dish ORDER BY id LIMIT 1');
    const added = await db.query(
      `INSERT INTO menu_item (canteen_id, service_date, meal, dish_id) SELECT id, $1, 'lunch', $2 FROM unnest($3::int[]) AS c(id) ON CONFLICT DO NOTHING RETURNING canteen_id`,
      [today, dish, canteens],
    );
    try {
      await openView(manager.page, '/?page=overview');
      expect(await card.getAttribute('data-today')).toBe('awaiting');
      expect(await card.textContent()).toContain(`今日人次 · ${today}`);
      expect(await card.textContent()).toContain('今天还没有数据');
      await db.query(`INSERT INTO canteen_closure (canteen_id, from_date, to_date, reason) SELECT id, $1, $1, 'browser test' FROM unnest($2::int[]) AS c(id)`, [today, canteens]);
      await openView(manager.page, '/?page=overview');
      expect(await card.getAttribute('data-today')).toBe('closed');
      expect(await card.textContent()).toContain('今天不营业');
      await screenshot(manager.page, 'overview-closed-today');
    } finally {
      await db.query(`DELETE FROM canteen_closure WHERE from_date = $1 AND reason = 'browser test'`, [today]);
      for (const { canteen_id: canteen } of added) await db.query('DELETE FROM menu_item WHERE canteen_id = $1 AND service_date = $2 AND meal = $3 AND dish_id = $4', [canteen, today, 'lunch', dish]);
    }
  });
});
