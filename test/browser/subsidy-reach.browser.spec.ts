import type { Browser } from 'playwright-core';
import { ReportService } from '@larder/reporting';
import { renderReport } from '../support/reporting-context';
import { createHttpApp } from '../support/http-app';
import { createDemoDatabase } from '../support/demo-presets';
import { DashboardServer, DEMO_END, describeWithChromium, ensureWebBuild, launchChromium, openView, screenshot, serveForBrowser, signedInPage } from './support/dashboard-browser';
import { untranslated } from './support/untranslated-text';

/** Subsidy reach per site: finance (en, with yuan) on the finance page, the union (zh-CN, shares only) on the satisfaction page; the page's figures are the workbook's. */
describeWithChromium('subsidy reach panel in a browser', () => {
  let server: DashboardServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    // The ordering demo (42 days of sales to DEMO_END), seeded once per run; the page and the workbook read the same copy.
    const database = await createDemoDatabase('ordering');
    const app = await createHttpApp(database.config);
    server = await serveForBrowser(app, database);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    { role: 'finance', lang: 'en', locale: 'en-US', page: 'finance', kind: 'finance', sheet: 'Subsidy by site', money: true },
    { role: 'union', lang: 'zh-CN', locale: 'zh-CN', page: 'satisfaction', kind: 'satisfaction', sheet: '各站点补贴', money: false },
  ] as const)('shows $role on the $page page ($lang) the figures of the workbook', async ({ role, lang, locale, page: pageId, kind, sheet: sheetName, money }) => {
    const { page, errors } = await signedInPage({ browser, server, username: `reach-${role}`, role, locale });
    await openView(page, `/?page=${pageId}`);
    const panel = page.locator('[data-panel=subsidy-reach]');
    const month = (await panel.getAttribute('data-month'))!;
    expect(month).toBe(DEMO_END.slice(0, 7));
    const cells = await panel
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows
          .map((row) => (row as unknown as { querySelectorAll(s: string): { textContent: string | null }[] }).querySelectorAll('td'))
          .map((tds) => Array.from({ length: tds.length }, (_, index) => (tds[index].textContent ?? '').trim())),
      );

    const { workbook } = await renderReport(server.app.get(ReportService), { kind, month, language: lang });
    const sheet = workbook.getWorksheet(sheetName)!;
    expect(sheet.getRow(3).cellCount).toBe(money ? 8 : 6);
    const number = (text: string) => Number(text.replace(/[¥,%\s]/g, ''));
    cells.forEach((row, index) => {
      const sheetRow = sheet.getRow(4 + index);
      expect(number(row[1])).toBe(sheetRow.getCell(3).value);
      const diners = sheetRow.getCell(4).value;
      if (typeof diners === 'string') return expect(row[2]).toMatch(/5/);
      expect(number(row[2])).toBe(diners);
      expect(number(row[3])).toBeCloseTo(Number(sheetRow.getCell(5).value) * 100, 1);
      if (money) expect(number(row[4])).toBe(Math.round(Number(sheetRow.getCell(6).value)));
      expect(number(row[row.length - 1])).toBeCloseTo(Number(sheetRow.getCell(money ? 8 : 6).value) * 100, 1);
    });
    expect(cells.length).toBeGreaterThan(2);
    // The line under the hint says what reach is measured against, with the total row's own counts.
    const total = sheet.getRow(4 + cells.length - 1);
    expect(total.getCell(1).value).toBe(lang === 'en' ? 'Total' : '合计');
    const basis = (await panel.locator('[data-basis=reach]').textContent()) ?? '';
    const grouped = (value: unknown) => Number(value).toLocaleString('en-US');
    const percent = (value: unknown) => `${(Number(value) * 100).toFixed(1)}%`;
    for (const figure of [grouped(total.getCell(4).value), grouped(total.getCell(3).value), percent(total.getCell(5).value), percent(total.getCell(money ? 8 : 6).value)]) {
      expect(basis).toContain(figure);
    }
    if (!money) expect(await panel.textContent()).not.toMatch(/¥/);

    const texts = (await panel.locator('h3, p, th, td').allTextContents()).map((text) => ({ text: text.trim(), data: false }));
    expect(
      untranslated(
        texts.filter((entry) => entry.text),
        lang,
      ),
    ).toEqual([]);
    await screenshot(page, `subsidy-reach-${pageId}-${lang}`);
    expect(errors).toEqual([]);
  });
});
