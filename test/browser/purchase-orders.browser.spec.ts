import type { AddressInfo } from 'node:net';
import * as ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { PlanService, type PlanView } from '@larder/procurement';
import { createHttpApp } from '../support/http-app';
import { createDemoDatabase } from '../support/demo-presets';
import { afterRender, DashboardServer, describeWithChromium, ensureWebBuild, launchChromium, openView, PLAN_WEEK, screenshot, signedInPage, SignedInPage } from './support/dashboard-browser';

/** A buyer on the Purchasing page: opens an order, changes a line with a reason, downloads the 采购单, sends and receives the order. */
describeWithChromium('purchase orders in a browser', () => {
  let server: DashboardServer;
  let browser: Browser;
  let plan: PlanView;
  let zh: SignedInPage;
  let en: SignedInPage;

  beforeAll(async () => {
    await ensureWebBuild();
    const database = await createDemoDatabase('ordering');
    const app = await createHttpApp(database.config);
    const plans = app.get(PlanService);
    const at = new Date('2026-11-20T10:00:00+08:00');
    plan = await plans.createPlan({ canteenId: 2, week: PLAN_WEEK, createdBy: 'browser-test', at });
    plan = await plans.approve(plan.id, { approvedBy: 'browser-test', at, confirm: true });
    await app.listen(0, '127.0.0.1');
    server = {
      app,
      database,
      plannedCanteens: [2],
      baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
      close: async () => {
        await app.close();
        await database.drop();
      },
    };
    browser = await launchChromium();
    zh = await signedInPage({ browser, server, username: 'buyer-zh', role: 'manager', canteenIds: [2], locale: 'zh-CN' });
    en = await signedInPage({ browser, server, username: 'buyer-en', role: 'manager', canteenIds: [2], locale: 'en-US' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists every order of the week, opens one, changes a line with a reason and downloads its 采购单', async () => {
    const { page } = zh;
    await openView(page, `/?page=purchasing&canteens=2&week=${PLAN_WEEK}`);
    const rows = page.locator(`[data-table=orders-${PLAN_WEEK}] tbody tr`);
    expect(await rows.count()).toBe(plan.orders.length);
    await afterRender(page, () => rows.first().click());
    const panel = page.locator('[data-view=order]');
    expect(await panel.getAttribute('data-order-status')).toBe('approved');
    const terms = await panel.locator('dl.terms').textContent();
    expect(terms).toMatch(/地址上海市/);
    expect(terms).toMatch(/电话021-/);
    expect(terms).toMatch(/提前期\d+ 天/);
    const totalBefore = Number(await panel.locator('[data-order-total]').getAttribute('data-order-total'));

    // A change without a reason is refused on the page; with one it is saved, and the total follows.
    const firstLine = plan.orders[0]!.lines[0]!;
    await panel.locator(`[data-action=edit-line][data-item="${firstLine.supplierItemId}"]`).click();
    const dialog = page.locator('[data-dialog=order-line]');
    await dialog.locator('input[name=packs]').fill(String(firstLine.packs + 3));
    await dialog.locator('[data-action=confirm]').click();
    expect(await panel.locator('[data-order-message]').textContent()).toBe('请填写原因');
    await panel.locator(`[data-action=edit-line][data-item="${firstLine.supplierItemId}"]`).click();
    await dialog.locator('input[name=packs]').fill(String(firstLine.packs + 3));
    await dialog.locator('input[name=order-reason]').fill('周五团建加餐');
    await afterRender(page, () => dialog.locator('[data-action=confirm]').click());
    const reopened = page.locator('[data-view=order]');
    expect(Number(await reopened.locator('[data-order-total]').getAttribute('data-order-total'))).toBe(totalBefore + 3 * firstLine.packPriceFen);
    expect(await page.locator(`[data-table=order-edits-${plan.orders[0]!.id}] tbody`).textContent()).toContain('周五团建加餐');
    // The edit counts packs (件数), not a plan's portions (份数).
    expect(await page.locator(`[data-table=order-edits-${plan.orders[0]!.id}] thead`).textContent()).toMatch(/原件数[\s\S]*新件数/);
    await screenshot(page, 'purchase-order-zh');

    const [download] = await Promise.all([page.waitForEvent('download'), reopened.locator('[data-action=order-sheet]').click()]);
    expect(download.suggestedFilename()).toMatch(/^larder-purchase-order-.*-zh-CN\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('采购单');
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain('合计');

    await afterRender(page, () => reopened.locator('[data-action=order-sent]').click());
    expect(await page.locator('[data-view=order]').getAttribute('data-order-status')).toBe('sent');
    expect(await page.locator('[data-view=order] [data-action=edit-line]').count()).toBe(0);

    // 验收入库 with a short delivery of the changed line: flagged on the line, the received total below the order's.
    await page.locator('[data-view=order] [data-action=order-received]').click();
    const receipt = page.locator('[data-dialog=order-receive]');
    await receipt.locator(`input[name=received-${firstLine.supplierItemId}]`).fill(String(firstLine.packs + 1));
    await receipt.locator('input[name=receive-note]').fill('少送两件');
    await afterRender(page, () => receipt.locator('[data-action=confirm]').click());
    const received = page.locator('[data-view=order]');
    expect(await received.getAttribute('data-order-status')).toBe('received');
    expect(await received.locator('[data-differences=short]').textContent()).toBe('少送');
    expect(Number(await received.locator('[data-received-total]').getAttribute('data-received-total'))).toBe(totalBefore + firstLine.packPriceFen);
    await screenshot(page, 'purchase-order-received-zh');
    // The stock the next plan nets, beside the orders: last count, received since, on hand, on the way.
    const stock = page.locator('[data-table=stock-2]');
    expect(await stock.locator('thead').textContent()).toMatch(/盘点数量[\s\S]*盘点后到货[\s\S]*可用库存[\s\S]*在途/);
    expect(await stock.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(zh.errors).toEqual([]);
  }, 120_000);

  it('says why an ingredient has no usable stock and what to do, in both languages', async () => {
    type Line = { ingredientId: number; onHand: number; noneUsable: { reason: string } | null };
    await openView(zh.page, `/?page=purchasing&canteens=2&week=${PLAN_WEEK}`);
    const stock = (await zh.page.evaluate(async () => (await fetch('/api/stock?canteen=2')).json())) as { countedOn: string | null; lines: Line[] };
    const empty = stock.lines.filter((line) => line.onHand === 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((line) => line.noneUsable !== null)).toBe(true);
    for (const [{ page }, pattern] of [
      [zh, /盘点|保质期/],
      [en, /count|shelf life/],
    ] as const) {
      await openView(page, `/?page=purchasing&canteens=2&week=${PLAN_WEEK}`);
      const table = page.locator('[data-table=stock-2]');
      const notes = table.locator('[data-none-usable]');
      // every row reading 0.0 on hand carries its reason (the table shows its first 20 rows)
      const zeros = await table.locator('tbody tr').evaluateAll((rows) => rows.filter((row) => /^0\.0(?!\d)/.test(row.querySelectorAll('td')[4]?.textContent ?? '')).length);
      expect(zeros).toBeGreaterThan(0);
      expect(await notes.count()).toBe(zeros);
      expect(await notes.first().textContent()).toMatch(pattern);
      const used = table.locator('[data-none-usable=used-up]');
      if (stock.countedOn && (await used.count()) > 0) expect(await used.first().textContent()).toContain(stock.countedOn);
    }
    await screenshot(zh.page, 'stock-none-usable-zh');
  }, 60_000);

  it('shows the opened order in English', async () => {
    const { page } = en;
    const order = plan.orders[1]!;
    await openView(page, `/?page=purchasing&canteens=2&week=${PLAN_WEEK}&order=${order.id}`);
    const panel = page.locator('[data-view=order]');
    expect(await panel.locator('h3').first().textContent()).toMatch(/^Purchase order · /);
    expect(await panel.locator('dl.terms').textContent()).toMatch(/Lead time(1 day|([02-9]|\d{2,}) days)$/);
    expect(await panel.locator('[data-action=order-sheet]').getAttribute('href')).toBe(`/api/purchase-orders/${order.id}/sheet?lang=en`);
    expect(await page.locator('[data-table=stock-2] thead').textContent()).toMatch(/Last count[\s\S]*Received since[\s\S]*On hand[\s\S]*On the way/);
    await screenshot(page, 'purchase-order-en');
    expect(en.errors).toEqual([]);
  }, 60_000);
});
