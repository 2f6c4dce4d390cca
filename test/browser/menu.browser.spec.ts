import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { MenuProposalService, MenuProposalView } from '@larder/procurement';
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
  if (DOCS_SCREENSHOTS) {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(path, join(DOCS_SCREENSHOTS, `${name}.png`));
  }
}

/** Clicks the page's workbook link and reads what it downloads. */
async function downloadWorkbook(page: Page): Promise<{ fileName: string; workbook: ExcelJS.Workbook }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=menu-workbook]').click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  return { fileName: download.suggestedFilename(), workbook };
}

/** Issue #21: the proposed menu beside the current one, each change explained, decided by the manager, in both languages. */
describeWithChromium('the menu page in a browser (manager, en and zh-CN)', () => {
  let server: DashboardServer;
  let browser: Browser;
  let db: DataSource;
  let canteenId: number;
  let proposal: MenuProposalView;
  const served = async (date: string, meal: string) =>
    ((await db.query('SELECT dish_id FROM menu_item WHERE canteen_id = $1 AND service_date = $2::date AND meal = $3', [canteenId, date, meal])) as Array<{ dish_id: number }>).map(
      (row) => row.dish_id,
    );

  beforeAll(async () => {
    server = await startDashboardServer();
    db = server.app.get(DataSource);
    canteenId = server.plannedCanteens[0]!;
    proposal = await server.app.get(MenuProposalService).propose({ canteenId, from: '2026-11-23', weeks: 1, createdBy: 'browser-test' });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the what-if and the explained changes in English, and an accepted change goes into the menu', async () => {
    const manager = await signedInPage({ browser, server, username: 'menu-manager-en', role: 'manager', canteenIds: [canteenId], locale: 'en-US' });
    const { page } = manager;
    await openView(page, `/?page=menu&canteens=${canteenId}`);
    expect(await page.locator('[data-proposal]').getAttribute('data-proposal')).toBe(proposal.id);
    const whatIf = await page.locator('[data-table=menu-what-if] tbody tr').allTextContents();
    expect(whatIf).toHaveLength(7);
    expect(whatIf[0]).toContain('Food cost per cover');
    expect(whatIf[5]).toContain('Subsidy per cover');
    expect(whatIf[6]).toContain('Subsidy in the cycle');
    const first = proposal.changes[0]!;
    const row = page.locator('[data-table=menu-changes] tbody tr').first();
    expect(await row.textContent()).toContain(first.explanation.en);
    expect(await page.locator('[data-table=menu-by-day] tbody tr').count()).toBeGreaterThan(0);
    const [chart] = (await charts(page)).filter((drawn) => drawn.id === 'menu-waste-by-day');
    expect(pointCount(chart!)).toBeGreaterThan(0);
    await pageScreenshot(manager, 'menu-en');
    const en = await downloadWorkbook(page);
    expect(en.fileName).toMatch(/^larder-menu-proposal-C\d+-2026-11-23-en\.xlsx$/);
    expect(en.workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Changes', 'Menu']);

    await afterRender(page, () => row.locator('[data-action=accept-change]').click());
    expect(await page.locator('[data-table=menu-changes] tbody tr').first().textContent()).toContain('Accepted');
    const dishes = await served(first.date, first.meal);
    if (first.toDishId !== null) expect(dishes).toContain(first.toDishId);
    if (first.fromDishId !== null) expect(dishes).not.toContain(first.fromDishId);
    expect(manager.errors).toEqual([]);
  }, 120_000);

  it('speaks Chinese and serves the dish the manager picks instead', async () => {
    const manager = await signedInPage({ browser, server, username: 'menu-manager-zh', role: 'manager', canteenIds: [canteenId], locale: 'zh-CN' });
    const { page } = manager;
    await openView(page, `/?page=menu&canteens=${canteenId}`);
    expect(await page.locator('h2.page-title').textContent()).toBe('菜单');
    expect(await page.locator('[data-table=menu-what-if]').textContent()).toContain('当前与建议对比');
    const open = proposal.changes.find((change) => change.seq !== proposal.changes[0]!.seq && change.toDishId !== null)!;
    const row = page.locator(`[data-table=menu-changes] tbody tr:has([data-change="${open.seq}"])`);
    expect(await row.textContent()).toContain(open.explanation.zh);
    expect(open.explanation.zh).not.toMatch(/[A-Za-z]/);
    await pageScreenshot(manager, 'menu');
    expect(await page.locator('[data-table=menu-what-if]').textContent()).toContain('人均补贴');
    const zh = await downloadWorkbook(page);
    expect(zh.fileName).toMatch(/^larder-menu-proposal-C\d+-2026-11-23-zh-CN\.xlsx$/);
    expect(zh.workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '调整建议', '菜单']);

    const options = await row.locator('select[name=edit-dish] option').evaluateAll((elements) => elements.map((element) => (element as unknown as { value: string }).value));
    const other = Number(options.find((value) => Number(value) !== open.toDishId && Number(value) !== open.fromDishId));
    await row.locator('select[name=edit-dish]').selectOption(String(other));
    await afterRender(page, () => row.locator('[data-action=edit-change]').click());
    expect(await page.locator('[data-table=menu-changes]').textContent()).toContain('已修改');
    expect(await served(open.date, open.meal)).toContain(other);
    expect(manager.errors).toEqual([]);
  }, 120_000);
  it('names the canteen shown when several are chosen, and switches to another', async () => {
    const admin = await signedInPage({ browser, server, username: 'menu-admin-en', role: 'admin', locale: 'en-US' });
    const { page } = admin;
    const [other] = ((await db.query('SELECT id FROM canteen WHERE id <> $1 ORDER BY id LIMIT 1', [canteenId])) as Array<{ id: number }>).map((row) => row.id);
    await openView(page, `/?page=menu&canteens=${canteenId},${other}`);
    const head = page.locator('[data-view=menu-head]');
    const shown = await head.locator('h3').textContent();
    expect(await head.locator('[data-menu-others]').getAttribute('data-menu-others')).toBe(String(other));
    expect(await head.locator('[data-menu-others]').textContent()).toContain('Menus are proposed per canteen');
    await afterRender(page, () => head.locator(`[data-menu-canteen="${other}"]`).click());
    expect(new URL(page.url()).searchParams.get('canteens')).toBe(String(other));
    expect(await page.locator('[data-view=menu-head] h3').textContent()).not.toBe(shown);
    expect(await page.locator('[data-menu-others]').count()).toBe(0);
    expect(admin.errors).toEqual([]);
  }, 120_000);
});
