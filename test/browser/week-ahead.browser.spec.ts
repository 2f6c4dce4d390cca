import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays, isoWeekStart, localDate } from '@larder/domain';
import { calendarDayFixture, takeAwayDay } from '../support/service-day-fixtures';
import {
  afterRender,
  charts,
  describeWithChromium,
  launchChromium,
  openView,
  PLAN_WEEK,
  screenshot,
  signedInPage,
  SignedInPage,
  startDashboardServer,
  DashboardServer,
} from './support/dashboard-browser';

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

  it('says today has no menu yet, and how to get one, on a service day the imported menus do not reach; closed only on a holiday', async () => {
    const today = localDate(new Date(), 'Asia/Shanghai');
    const card = manager.page.locator('[data-kpi=today]');
    // The demo's menus end with its data. Today is set as a working day in the calendar, so whatever the weekday every canteen serves.
    const calendarDay = await calendarDayFixture(db, today);
    const setDay = calendarDay.set;
    const english = await signedInPage({ browser, server, username: 'week-ahead-manager-en', role: 'manager', canteenIds: server.plannedCanteens, locale: 'en-US' });
    // The demo plans menus ahead and forecasts them: today's of both are taken away, as for a canteen whose menus stop before today.
    const restore = [await takeAwayDay(db, 'menu_item', today), await takeAwayDay(db, 'forecast', today)];
    const weekendOpeners = (await db.query('SELECT id FROM canteen WHERE id = ANY($1::int[]) AND opens_weekends', [server.plannedCanteens])).map((row: { id: number }) => row.id);
    try {
      await setDay('makeup_workday', 'National Day', '国庆节');
      await openView(manager.page, '/?page=overview');
      expect(await card.getAttribute('data-today')).toBe('no_menu');
      expect(await card.textContent()).toContain('今天还没有菜单');
      expect(await card.textContent()).not.toContain('不营业');
      // a manager cannot open the import page: the note says to ask an administrator, and where
      expect(await card.locator('[data-today-note]').textContent()).toContain('请管理员在「管理 → 数据导入」导入菜单');
      await screenshot(manager.page, 'overview-today-no-menu');
      await openView(english.page, '/?page=overview');
      const englishCard = english.page.locator('[data-kpi=today]');
      expect(await englishCard.textContent()).toContain('No menu for today yet');
      expect(await englishCard.locator('[data-today-note]').textContent()).toContain('ask an administrator to import the menu under "Admin → Data import"');
      // A canteen that does not open on holidays is closed on one, and the card names it.
      await setDay('holiday', 'National Day', '国庆节');
      await db.query('UPDATE canteen SET opens_weekends = false WHERE id = ANY($1::int[])', [weekendOpeners]);
      await openView(manager.page, '/?page=overview');
      expect(await card.getAttribute('data-today')).toBe('closed');
      expect(await card.textContent()).toContain('今天不营业');
      expect(await card.locator('[data-today-note]').textContent()).toBe('节假日：国庆节');
      await screenshot(manager.page, 'overview-today-holiday');
      expect(english.errors).toEqual([]);
    } finally {
      await english.context.close();
      for (const put of restore) await put();
      await db.query('UPDATE canteen SET opens_weekends = true WHERE id = ANY($1::int[])', [weekendOpeners]);
      await calendarDay.restore();
    }
  });

  it('marks a closure on the covers chart: the day stands on the axis, empty, shaded with its reason', async () => {
    // A canteen closed on a Wednesday of the range: no covers and no forecast that day, as after a closure imported ahead.
    const day = '2026-11-18';
    const restore = [await takeAwayDay(db, 'daily_meal_rollup', day), await takeAwayDay(db, 'forecast', day)];
    await db.query(`INSERT INTO canteen_closure (canteen_id, from_date, to_date, reason) SELECT id, $1, $1, '设备检修' FROM unnest($2::int[]) AS c(id)`, [day, server.plannedCanteens]);
    try {
      await openView(manager.page, '/?page=overview');
      const chart = (await charts(manager.page)).find((entry) => entry.id === 'covers-vs-forecast')!;
      const at = chart.categories.indexOf(day);
      expect(chart.categories.slice(at - 1, at + 2)).toEqual(['2026-11-17', day, '2026-11-19']);
      const actual = chart.series.find((series) => series.name === '实际')!;
      expect(actual.data[at]).toBeNull();
      expect(actual.data[at - 1]).not.toBeNull();
      expect(actual.markAreas).toEqual([{ name: '停业：设备检修', from: '2026-11-17', to: '2026-11-19' }]);
      await screenshot(manager.page, 'overview-chart-closure');
    } finally {
      await db.query(`DELETE FROM canteen_closure WHERE from_date = $1 AND reason = '设备检修'`, [day]);
      for (const put of restore) await put();
    }
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
      // No day of this week is in either: the week says so rather than 0 covers against a forecast.
      expect(await manager.page.locator('[data-kpi=week]').textContent()).toContain('本周还没有数据');
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

  it('answers "+10 % covers on Friday" and "the main ingredient +15 %" against the plan, with cost per meal and waste', async () => {
    const { page } = manager;
    await openView(page, `/?page=purchasing&canteens=${server.plannedCanteens[0]}&week=${PLAN_WEEK}`);
    const panel = page.locator('[data-panel=what-if]');
    const friday = addDays(isoWeekStart(PLAN_WEEK), 4);
    expect(await panel.locator('select[name=whatif-day] option[value="' + friday + '"]').textContent()).toBe(`周五 ${friday}`);
    await panel.locator('select[name=whatif-day]').selectOption(friday);
    await panel.locator('input[name=whatif-covers]').fill('10');
    await panel.locator('button[type=submit]').click();
    const rows = panel.locator('[data-whatif-result] tbody tr');
    await rows.first().waitFor();
    const cells = async (label: string) => (await rows.filter({ hasText: label }).first().locator('td').allTextContents()).slice(1);
    const [planCovers, scenarioCovers, coversChange] = await cells('人次');
    expect(Number(scenarioCovers!.replace(/,/g, ''))).toBeGreaterThan(Number(planCovers!.replace(/,/g, '')));
    expect(coversChange).toMatch(/^\+/);
    expect(await rows.count()).toBe(8);
    expect(await panel.locator('thead').textContent()).toMatch(/当前计划[\s\S]*假设[\s\S]*变化/);

    // The ingredient the plan spends most on comes first; priced 15 % up, covers stay and cost per meal rises.
    await panel.locator('select[name=whatif-day]').selectOption('');
    await panel.locator('input[name=whatif-covers]').fill('0');
    const ingredient = (await panel.locator('select[name=whatif-ingredient] option').nth(1).getAttribute('value'))!;
    await panel.locator('select[name=whatif-ingredient]').selectOption(ingredient);
    await panel.locator('input[name=whatif-price]').fill('15');
    const before = await panel.locator('[data-whatif-result]').innerHTML();
    await panel.locator('button[type=submit]').click();
    await page.waitForFunction((html) => {
      const result = (globalThis as unknown as { document: { querySelector(selector: string): { innerHTML: string } } }).document.querySelector('[data-whatif-result]');
      return result.innerHTML !== html;
    }, before);
    expect((await cells('人次'))[2]).toBe('0');
    expect((await cells('每餐成本'))[2]).toMatch(/^\+¥/);
    expect((await cells('采购金额'))[2]).toMatch(/^\+¥/);
    await screenshot(page, 'purchasing-what-if');

    // A what-if the server refuses says why (here: signed out), not "check the figures".
    await page.route('**/api/plans/what-if', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ statusCode: 401, error: 'UNAUTHENTICATED', message: 'sign in first' }) }),
    );
    await panel.locator('button[type=submit]').click();
    const message = panel.locator('.form-message');
    await message.filter({ hasText: '无法计算此假设' }).waitFor();
    expect(await message.textContent()).toBe('无法计算此假设: 登录已失效。 请重新登录后继续。');
    await page.unroute('**/api/plans/what-if');
    manager.errors.splice(0, manager.errors.length, ...manager.errors.filter((error) => !/401 \(Unauthorized\)/.test(error)));
  });

  it('edits a draft line in the plan-lines table, filtered by day, meal and dish, meals in the order of the day', async () => {
    const { page } = manager;
    const canteen = server.plannedCanteens[0];
    await openView(page, `/?page=purchasing&canteens=${canteen}&week=${PLAN_WEEK}`);
    const table = page.locator(`[data-table=plan-lines-${PLAN_WEEK}]`);
    const filters = page.locator('[data-filters=plan-lines]');
    // Meals in the order of the day, on the filter and within each day of the table.
    const mealOptions = (await filters.locator('select[name=line-meal] option').allTextContents()).slice(1);
    const order = ['早餐', '午餐', '晚餐', '夜宵'];
    expect(mealOptions).toEqual(order.filter((meal) => mealOptions.includes(meal)));
    const monday = isoWeekStart(PLAN_WEEK);
    await filters.locator('select[name=line-day]').selectOption(monday);
    const mealsOfMonday = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(mealsOfMonday.map((meal) => order.indexOf(meal))).toEqual([...mealsOfMonday.map((meal) => order.indexOf(meal))].sort((a, b) => a - b));
    await filters.locator('select[name=line-meal]').selectOption('lunch');
    const firstDish = (await table.locator('tbody tr').first().locator('td').nth(2).textContent())!;
    await filters.locator('input[name=line-dish]').fill(firstDish);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    for (const cells of await Promise.all((await rows.all()).map((row) => row.locator('td').allTextContents()))) {
      expect(cells.slice(0, 3)).toEqual([monday, '午餐', expect.stringContaining(firstDish)]);
    }

    // No override yet: the empty table says what that means and how to make one, not to widen filters the page has not.
    expect(await page.locator(`[data-table=overrides-${PLAN_WEEK}]`).textContent()).toContain('这份计划还没有调整：份数都是按预测计算的。要改某一行，在下方计划明细中点该行的“调整份数”');
    // Edited in its row: a usual quantity is saved at once, with its reason, and the line shows it.
    const planned = Number((await rows.first().locator('td').nth(4).textContent())!.replace(/[^\d]/g, ''));
    await rows.first().locator('[data-action=edit-line]').click();
    const editor = table.locator('[data-editor=override]');
    await editor.locator('input[name=portions]').fill(String(planned + 1));
    await editor.locator('button[type=submit]').click();
    expect(await editor.locator('[role=alert]').textContent()).toBe('请填写原因');
    await editor.locator('input[name=reason]').fill('部门聚餐');
    await afterRender(page, () => editor.locator('button[type=submit]').click());
    const overrides = page.locator(`[data-table=overrides-${PLAN_WEEK}] tbody`);
    expect(await overrides.textContent()).toContain('部门聚餐');
    const stored = await db.query('SELECT new_portions FROM plan_override WHERE reason = $1', ['部门聚餐']);
    expect(stored.map((row: { new_portions: number }) => Number(row.new_portions))).toEqual([planned + 1]);

    // The filters stay as they were after the save redrew the page.
    expect(await filters.locator('select[name=line-meal]').inputValue()).toBe('lunch');
    expect(await filters.locator('input[name=line-dish]').inputValue()).toBe(firstDish);
    // An unusual quantity asks first (409 CONFIRMATION_REQUIRED); cancelled, nothing more is stored.
    await page.locator(`[data-table=plan-lines-${PLAN_WEEK}] [data-action=edit-line]`).first().click();
    await editor.locator('input[name=portions]').fill('999999');
    await editor.locator('input[name=reason]').fill('多按了几个9');
    await editor.locator('button[type=submit]').click();
    const asked = page.locator('[data-dialog=override]');
    await asked.waitFor();
    expect(await asked.textContent()).toContain('采购金额');
    await asked.locator('[data-action=cancel]').click();
    expect(await db.query('SELECT count(*)::int AS n FROM plan_override WHERE reason = $1', ['多按了几个9'])).toEqual([{ n: 0 }]);
    await screenshot(page, 'purchasing-plan-lines');
    // Expected answers of the page: the 409 that asks for the confirmation.
    manager.errors.splice(0, manager.errors.length, ...manager.errors.filter((error) => !/409 \(Conflict\)/.test(error)));
  });

  it("says in the page's language why a plan has no lines and where its quantities come from", async () => {
    const canteens: { id: number }[] = await db.query('SELECT id FROM canteen ORDER BY id');
    const empty = canteens.map((canteen) => canteen.id).filter((id) => !server.plannedCanteens.includes(id));
    expect(empty.length).toBeGreaterThan(0);
    const reader = await signedInPage({ browser, server, username: 'week-ahead-finance', role: 'finance', locale: 'zh-CN' });
    await openView(reader.page, `/?page=purchasing&canteens=${empty[0]}&week=${PLAN_WEEK}`);
    const card = reader.page.locator('[data-view=empty-plan]');
    const text = (await card.textContent())!;
    expect(text).toContain('该周没有录入菜单，或没有可用的需求预测');
    expect(text).toMatch(/份数按(已保存的预测|近期销量的季节性估算)计算/);
    // No sentence of the API's log notes (English, a forecast run's id) on the Chinese page.
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    // Its empty orders table says why there is nothing to order, not to widen filters the page has not.
    expect(await reader.page.locator(`[data-table=orders-${PLAN_WEEK}]`).textContent()).toContain('这份计划没有采购单：没有需要购买的原料');
    expect(reader.errors).toEqual([]);
    await reader.context.close();
  });
});
