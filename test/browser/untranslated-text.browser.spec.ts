import type { Browser } from 'playwright-core';
import { pagesFor, type DashboardRole } from '@larder/analytics';
import { ADMIN_PAGE_ORDER, SUBSCRIPTIONS_PAGE } from '../../apps/web/src/admin-pages';
import { charts, describeWithChromium, launchChromium, openView, PLAN_WEEK, showView, signedInPage, startDashboardServer, DashboardServer } from './support/dashboard-browser';
import { PageText, untranslated } from './support/untranslated-text';
import { translator } from '../../apps/web/src/i18n';
import { checkCharts, checkEmptyStates, checkErrorCard, checkHelp, checkHourAxis, checkLoading, DEMO_RANGE } from './support/clear-checks';

const ROLES: DashboardRole[] = ['admin', 'manager', 'finance', 'union'];
const LANGS = [
  { lang: 'zh-CN', locale: 'zh-CN' },
  { lang: 'en', locale: 'en-US' },
] as const;

/**
 * Known cases still on the pages, each a data value or a name the page cannot translate yet.
 * Keep it short: every entry is a finding someone decided to leave, not a loosened rule.
 */
const KNOWN: Record<'zh-CN' | 'en', string[]> = {
  'zh-CN': [
    // The subscription's delivery channel: 企业微信 and 钉钉 call their robot address "Webhook" in Chinese too.
    'english: Webhook',
  ],
  en: [],
};

/** Issue #22: no untranslated text. Every page each role sees, in zh-CN and en, scanned for raw codes and the other language. */
describeWithChromium('untranslated text on every page (admin, manager, finance, union; zh-CN and en)', () => {
  let server: DashboardServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDashboardServer();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(ROLES.flatMap((role) => LANGS.map(({ lang, locale }) => ({ role, lang, locale }))))(
    'shows the $role nothing untranslated in $lang',
    async ({ role, lang, locale }) => {
      const username = `scan${role}`;
      const session = await signedInPage({ browser, server, username, role, locale, canteenIds: role === 'manager' ? server.plannedCanteens : undefined });
      const pages = [...pagesFor(role), SUBSCRIPTIONS_PAGE, ...(role === 'admin' ? ADMIN_PAGE_ORDER : [])];
      const found: string[] = [];
      for (const pageId of pages) {
        // The first view loads the page; the others are drawn in it, as its links draw them.
        const show = pageId === pages[0] ? openView : showView;
        await show(session.page, pageId === 'purchasing' ? `/?page=purchasing&canteens=${server.plannedCanteens[0]}&week=${PLAN_WEEK}` : `/?page=${pageId}`);
        expect(await session.page.locator('html').getAttribute('lang')).toBe(lang);
        const texts: PageText[] = await session.page.evaluate(() => {
          interface Element {
            parentElement: Element | null;
            textContent: string | null;
            closest(selector: string): Element | null;
            getAttribute(name: string): string | null;
          }
          const doc = (
            globalThis as unknown as { document: { body: Element; createTreeWalker(root: Element, show: number): { nextNode(): Element | null }; querySelectorAll(selector: string): Element[] } }
          ).document;
          const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
          const out: { text: string; data: boolean }[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            const text = node.textContent?.trim();
            if (!parent || !text || parent.closest('script, style')) continue;
            // Table data cells hold data values: names (dish names may be Chinese), SKUs, people.
            out.push({ text, data: parent.closest('td') !== null });
          }
          for (const element of doc.querySelectorAll('[placeholder], [title]')) {
            for (const attribute of ['placeholder', 'title']) {
              const value = element.getAttribute(attribute);
              if (value) out.push({ text: value, data: false });
            }
          }
          return out;
        });
        // Chart legends and series are drawn, not in the page's text.
        for (const chart of await charts(session.page)) for (const series of chart.series) texts.push({ text: series.name ?? '', data: false });
        // Data values in English: the people (this one, and who drafted the test's plans) and a job's
        // command name, shown beside its translated name on the Jobs page.
        const words = new Set([username, 'browser-test', 'nightly']);
        found.push(
          ...untranslated(texts, lang, { words })
            .filter((finding) => !KNOWN[lang].includes(finding))
            .map((finding) => `${pageId}: ${finding}`),
        );
      }
      await session.context.close();
      expect([...new Set(found)]).toEqual([]);
      // The admin's thirteen views, all but the first drawn in the open page, take about 20 s on a loaded two-core machine.
    },
    150_000,
  );

  /** Issue #23 item 4, on each role's own page: errors, loading, empty states, chart axes, PNGs and explanations. */
  const CLEAR_PAGES = { manager: 'demand', finance: 'finance', union: 'satisfaction' } as const;
  it.each((['manager', 'finance', 'union'] as const).flatMap((role) => LANGS.map(({ lang, locale }) => ({ role, lang, locale }))))(
    'makes the $role page clear in $lang',
    async ({ role, lang, locale }) => {
      const t = translator(lang);
      const session = await signedInPage({ browser, server, username: `clear${role}`, role, locale, canteenIds: role === 'manager' ? server.plannedCanteens : undefined });
      const { page } = session;
      const pageId = CLEAR_PAGES[role];
      await checkErrorCard(page, pageId, lang);
      await checkLoading(page, pageId, lang);
      await checkEmptyStates(page, pageId, lang);
      // A manager's scope is their canteens, named; the others see every canteen.
      const chips = await page.locator('.canteen-chips label.chip').allTextContents();
      const canteens = role === 'manager' ? chips.map((chip) => chip.trim()).join(lang === 'en' ? ', ' : '、') : t('allCanteens');
      await checkCharts(page, pageId, lang, { canteens, meal: t('allMeals') });
      const whole = `&from=${DEMO_RANGE.from}&to=${DEMO_RANGE.to}`;
      if (role === 'manager') {
        checkHourAxis((await charts(page)).find((chart) => chart.id === 'hour-heatmap')?.categories ?? []);
        await checkHelp(page, `/?page=demand${whole}`, {
          '[data-panel=forecast-accuracy]': [[t('help.wape'), t('help.bias'), t('help.coverage80')].join('\n')],
          '[data-table=forecast-accuracy]': [t('help.wape'), t('help.bias'), t('help.coverage80')],
          '[data-table=value-added]': [t('help.valueAdded'), t('help.wape'), t('help.bias')],
        });
        await checkHelp(page, `/?page=dishes${whole}`, { '[data-panel=menu-matrix]': [t('help.quadrants')], '[data-table=dishes]': [t('help.quadrants')] });
        await checkHelp(page, `/?page=overview${whole}`, { '[data-kpi=participationRate]': [t('help.participation')], '[data-kpi=wastePct]': [t('help.wastePct')] });
      }
      if (role === 'finance') await checkHelp(page, `/?page=finance${whole}`, { '[data-kpi=subsidy-used]': [t('help.subsidyUsed')], '[data-kpi=food-cost-pct]': [t('help.foodCostPct')] });
      if (role === 'union') await checkHelp(page, `/?page=satisfaction${whole}`, { '[data-panel=participation-price]': [t('help.participation')] });
      expect(session.errors.filter((error) => !/400 \(Bad Request\)/.test(error))).toEqual([]);
      await session.context.close();
    },
    150_000,
  );
});
