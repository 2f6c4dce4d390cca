import type { Browser } from 'playwright-core';
import { PlanService, SupplierComparisonService, SupplierComparisonView } from '@larder/procurement';
import { ReportService } from '@larder/reporting';
import { renderReport } from '../support/reporting-context';
import { createHttpApp } from '../support/http-app';
import { createDemoDatabase } from '../support/demo-presets';
import {
  charts,
  DashboardServer,
  describeWithChromium,
  ensureWebBuild,
  launchChromium,
  openView,
  PLAN_WEEK,
  screenshot,
  serveForBrowser,
  signedInPage,
  SignedInPage,
} from './support/dashboard-browser';
import { untranslated } from './support/untranslated-text';

/** 货比三家 on the Purchasing page, in both languages: every multi-supplier ingredient, the saving as the workbook has it. */
describeWithChromium('supplier comparison panel in a browser', () => {
  let server: DashboardServer;
  let browser: Browser;
  let view: SupplierComparisonView;
  let sessions: Record<'zh-CN' | 'en', SignedInPage>;

  beforeAll(async () => {
    await ensureWebBuild();
    const database = await createDemoDatabase('ordering');
    const app = await createHttpApp(database.config);
    await app.get(PlanService).createPlan({ canteenId: 2, week: PLAN_WEEK, createdBy: 'browser-test', at: new Date('2026-11-20T10:00:00+08:00') });
    view = await app.get(SupplierComparisonService).compare({ canteenIds: [2], asOf: '2026-11-29' });
    server = await serveForBrowser(app, database, [2]);
    browser = await launchChromium();
    sessions = {
      'zh-CN': await signedInPage({ browser, server, username: 'sourcing-zh', role: 'finance', locale: 'zh-CN' }),
      en: await signedInPage({ browser, server, username: 'sourcing-en', role: 'manager', canteenIds: [2], locale: 'en-US' }),
    };
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['zh-CN', 'en'] as const)("shows every ingredient with two or more suppliers and the workbook's saving (%s)", async (lang) => {
    const { page, errors } = sessions[lang];
    await openView(page, `/?page=purchasing&canteens=2&week=${PLAN_WEEK}`);
    const panel = page.locator('[data-panel=supplier-comparison]');
    expect(await panel.getAttribute('data-month')).toBe('2026-11');
    const multi = view.ingredients.filter((row) => row.offers.length >= 2);
    expect(multi.length).toBeGreaterThan(5);
    expect(await panel.locator(`[data-table=supplier-comparison-2026-11] tbody tr`).count()).toBe(multi.length);
    expect(await panel.locator('[data-offer]').count()).toBe(multi.reduce((sum, row) => sum + row.offers.length, 0));
    // The table fits its card at 1366 px: the cost and the saving are on screen, not behind a sideways scroll.
    const overflow = await panel
      .locator('[data-table=supplier-comparison-2026-11] .table-wrap')
      .evaluate((wrap) => (wrap as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth - (wrap as unknown as { clientWidth: number }).clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);

    const { workbook } = await renderReport(server.app.get(ReportService), { kind: 'purchase-plan', week: PLAN_WEEK, canteen: 'C02', language: lang });
    const sheet = workbook.getWorksheet(lang === 'en' ? 'Supplier comparison' : '货比三家')!;
    const totalRow = sheet.getRow(4 + view.ingredients.reduce((sum, row) => sum + row.offers.length, 0));
    const workbookSaving = Math.round(Number((totalRow.getCell(totalRow.cellCount).value as { result: number }).result) * 100);
    expect(workbookSaving).toBe(view.savingFen);
    const shown = (await panel.locator('[data-kpi=comparison-saving] .kpi-value').textContent())!;
    expect(Number(shown.replace(/[¥,]/g, ''))).toBe(Math.round(view.savingFen / 100));

    const prices = (await charts(page)).find((chart) => chart.id === 'supplier-prices')!;
    expect(prices.categories).toEqual(view.priceMonths);
    expect(prices.series.length).toBeGreaterThanOrEqual(2);
    const texts = await panel.evaluate((root) => {
      interface TextNode {
        nodeType: number;
        textContent: string | null;
        parentElement: { closest(selector: string): unknown } | null;
        childNodes: { forEach(visit: (node: TextNode) => void): void };
      }
      const out: { text: string; data: boolean }[] = [];
      const walk = (node: TextNode) => {
        const text = node.nodeType === 3 ? node.textContent?.trim() : '';
        if (text) out.push({ text, data: (node.parentElement?.closest('td') ?? null) !== null });
        node.childNodes.forEach(walk);
      };
      walk(root as unknown as TextNode);
      return out;
    });
    expect(untranslated(texts, lang)).toEqual([]);
    await screenshot(page, `supplier-comparison-${lang}`);
    expect(errors).toEqual([]);
  });
});
