import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterRender, charts, describeWithChromium, launchChromium, openView, ROOT, screenshot, signedInPage, startDashboardServer, DashboardServer, SignedInPage } from './support/dashboard-browser';

// `node scripts/screenshots.js` sets this to refresh the README's screenshots.
const DOCS_SCREENSHOTS = process.env.LARDER_DOCS_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : null;

/** The small demo's history runs to 2026-11-20; its subsidy rules rise on 2026-11-01 (lunch ¥8 → ¥10, dinner ¥6 → ¥8). */
const NOVEMBER = '/?page=finance&from=2026-11-01&to=2026-11-20';

describeWithChromium('the finance page for finance (zh-CN and en)', () => {
  let server: DashboardServer;
  let browser: Browser;
  const sessions = new Map<string, SignedInPage>();

  beforeAll(async () => {
    server = await startDashboardServer();
    browser = await launchChromium();
    for (const locale of ['zh-CN', 'en-US']) sessions.set(locale, await signedInPage({ browser, server, username: `finance-${locale.toLowerCase()}`, role: 'finance', locale }));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const panel = async (session: SignedInPage) => (await session.context.request.get('/api/dashboard/finance?from=2026-11-01&to=2026-11-20')).json();

  it('shows the budget, the subsidy change beside the subsidy and on the chart, and revenue in its parts, in English', async () => {
    const session = sessions.get('en-US')!;
    const { page, errors } = session;
    await openView(page, NOVEMBER);
    const body = await panel(session);
    const subsidy = page.locator('[data-kpi=subsidy]');
    expect(await subsidy.textContent()).toContain(`Budget ¥${(body.budget.subsidyFen / 100).toLocaleString('en-GB', { maximumFractionDigits: 0 })}`);
    expect(await subsidy.locator('[data-subsidy-change]').getAttribute('data-subsidy-change')).toBe('2026-11-01');
    expect(await subsidy.textContent()).toContain('2026-11-01: Lunch subsidy changed from ¥8.00 to ¥10.00');
    // nothing a year earlier in this demo: said, not compared with something else
    expect(await page.locator('[data-kpi=revenue]').textContent()).toContain('Same period last year No data');
    const drawn = await charts(page);
    const parts = drawn.find((chart) => chart.id === 'revenue-by-channel')!;
    const slices = parts.series[0].data as { name: string; value: number }[];
    expect(slices[0].name).toBe('Subsidy');
    expect(slices.reduce((sum, slice) => sum + slice.value, 0)).toBeCloseTo(body.total.revenueFen / 100, 1);
    expect(slices.slice(1).every((slice) => slice.name.startsWith('Paid ('))).toBe(true);
    expect(drawn.find((chart) => chart.id === 'twelve-months')!.categories).toHaveLength(12);
    // One colour for the subsidy and one for what diners paid on every chart of the page.
    const colourOf = (chart: string, name: string) => drawn.find((entry) => entry.id === chart)!.series.find((series) => series.name === name)!.color;
    const sliceColours = (slices as unknown as { itemStyle: { color: string } }[]).map((slice) => slice.itemStyle.color);
    expect(sliceColours[0]).toBe(colourOf('twelve-months', 'Subsidy'));
    expect(sliceColours[0]).toBe(colourOf('budget-vs-actual', 'Subsidy · Actual'));
    expect(sliceColours[1]).toBe(colourOf('twelve-months', 'Paid by diners'));
    expect(new Set(sliceColours).size).toBe(sliceColours.length);
    expect((await page.locator('[data-partial-months]').getAttribute('data-partial-months'))?.split(',')).toContain('2026-11');
    expect(await page.locator('[data-change=subsidy]').count()).toBe(2);
    // No settlement file behind the page: the card asks for one rather than show a difference of ¥0.00.
    const reconciliation = await page.locator('[data-section=reconciliation]').textContent();
    expect(reconciliation).toContain("Choose the month's bank or card settlement file");
    expect(reconciliation).not.toContain('Difference');
    await screenshot(page, 'finance-en');
    if (DOCS_SCREENSHOTS) {
      mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
      copyFileSync(join(ROOT, 'test-artifacts', 'screenshots', 'finance-en.png'), join(DOCS_SCREENSHOTS, 'finance.png'));
    }
    expect(errors).toEqual([]);
  });

  it('enters a budget on the page, and says 未设预算 where none is set, in Chinese', async () => {
    const session = sessions.get('zh-CN')!;
    const { page, errors } = session;
    await openView(page, NOVEMBER);
    expect(await page.locator('[data-kpi=subsidy]').textContent()).toContain('预算 ¥');
    expect(await page.locator('[data-kpi=subsidy]').textContent()).toContain('2026-11-01 午餐补贴由 ¥8.00 调整为 ¥10.00');
    expect(await page.locator('[data-kpi=revenue]').textContent()).toContain('去年同期 暂无数据');
    // An empty amount removes canteen 1's subsidy line: the total no longer has a subsidy budget.
    const form = page.locator('[data-form=budget-entry]');
    await form.locator('select[name=budget-canteen]').selectOption('1');
    await form.locator('input[name=budget-month]').fill('2026-11');
    await form.locator('select[name=budget-line]').selectOption('subsidy');
    // The chosen line's stored amount is shown and fills the field.
    const stored = ((await (await session.context.request.get('/api/budgets?from=2026-11&to=2026-11')).json()).lines as { canteenId: number; line: string; amountFen: number }[]).find(
      (entry) => entry.canteenId === 1 && entry.line === 'subsidy',
    )!;
    const current = form.locator('[data-budget-current]');
    // (the form first shows its first line's amount; this waits for the subsidy line's)
    await current.filter({ hasText: `当前预算 ¥${(stored.amountFen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 0 })}` }).waitFor();
    expect(await form.locator('input[name=budget-amount]').inputValue()).toBe(String(stored.amountFen / 100));
    await form.locator('input[name=budget-amount]').fill('');
    // An emptied amount: saving it asks first, and cancelling keeps the line.
    await form.locator('button[type=submit]').click();
    const ask = page.locator('[data-dialog=confirm-budget-remove]');
    expect(await ask.textContent()).toContain('总部机关食堂 2026-11 的餐费补贴预算');
    await ask.locator('[data-action=cancel]').click();
    expect((await panel(session)).budget.subsidyFen).not.toBeNull();
    await form.locator('button[type=submit]').click();
    await afterRender(page, () => ask.locator('[data-action=confirm]').click());
    expect(await page.locator('[data-kpi=subsidy]').textContent()).toContain('未设预算');
    expect(await page.locator('[data-kpi=subsidy-used] .kpi-value').textContent()).toBe('未设预算');
    expect((await panel(session)).budget.subsidyFen).toBeNull();
    // …and a new amount sets it again, prorated over the 20 of November's 30 days shown.
    await form.locator('select[name=budget-line]').selectOption('subsidy');
    await current.filter({ hasText: '此科目本月尚未设预算' }).waitFor();
    await form.locator('input[name=budget-amount]').fill('300000');
    await afterRender(page, () => form.locator('button[type=submit]').click());
    const body = await panel(session);
    expect(body.budget.subsidyFen).not.toBeNull();
    expect(await page.locator('[data-kpi=subsidy]').textContent()).toContain('不完整月按天折算');
    expect(await page.locator('[data-table=finance-months]').count()).toBe(1);
    await screenshot(page, 'finance-zh');
    expect(errors).toEqual([]);
  });

  it.each([
    { locale: 'zh-CN', refused: '这些值未被接受：金额（元）。 请修改后再试。' },
    { locale: 'en-US', refused: 'Not accepted: Amount (¥). Correct it and try again.' },
  ])('says which budget value the API refused, by its label on the form, in $locale', async ({ locale, refused }) => {
    const session = sessions.get(locale)!;
    const { page, errors } = session;
    await openView(page, NOVEMBER);
    const before = (await panel(session)).budget;
    const form = page.locator('[data-form=budget-entry]');
    const amount = form.locator('input[name=budget-amount]');
    await form.locator('select[name=budget-line]').selectOption('labour');
    // ¥2,000,000,000 passes the form's own check (a number, not negative) but is over the API's largest amount.
    await amount.fill('2000000000');
    await form.locator('button[type=submit]').click();
    await form.locator('.form-message [data-error=VALIDATION_FAILED]').waitFor();
    expect(await form.locator('.form-message [data-error]').getAttribute('data-fields')).toBe('amountFen');
    expect(await form.locator('.form-message').textContent()).toBe(refused);
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('[aria-invalid]').count()).toBe(1);
    expect((await panel(session)).budget).toEqual(before);
    // The refused request, as the browser logs it (once it has).
    for (let wait = 0; wait < 20 && errors.length === 0; wait++) await page.waitForTimeout(50);
    expect(errors.splice(0)).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    // Sent again, the mark goes: here an empty amount, which asks before removing the line (cancelled).
    await amount.fill('');
    await form.locator('button[type=submit]').click();
    const ask = page.locator('[data-dialog=confirm-budget-remove]');
    await ask.waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBeNull();
    await ask.locator('[data-action=cancel]').click();
    expect((await panel(session)).budget).toEqual(before);
    expect(errors).toEqual([]);
  });

  const spendChart = async (session: SignedInPage) => {
    const body = await panel(session);
    const chart = (await charts(session.page)).find((drawn) => drawn.id === 'supplier-spend')!;
    // Each category's bars add up to the panel's figure, in yuan.
    body.supplierSpend.categories.forEach((category: string, index: number) => {
      const bars = chart.series[index].data as number[];
      expect(bars.reduce((sum, bar) => sum + bar, 0)).toBeCloseTo(body.supplierSpend.byCategory[category] / 100, 2);
    });
    return { body, chart };
  };

  it('charts supplier spend by month, stacked by ingredient category, and lists it by supplier, in English', async () => {
    const session = sessions.get('en-US')!;
    const { page, errors } = session;
    await openView(page, NOVEMBER);
    const { body, chart } = await spendChart(session);
    // The demo's canteens buy their food: received orders in every category they cook with, and the last day's deliveries still waiting.
    expect(body.supplierSpend.totalFen).toBeGreaterThan(0);
    expect(body.supplierSpend.categories).toEqual(expect.arrayContaining(['meat_poultry', 'seafood', 'vegetables', 'grain_oil']));
    expect(chart.series.map((series) => series.type)).toEqual(body.supplierSpend.categories.map(() => 'bar'));
    expect(chart.series.map((series) => series.name)).toEqual(expect.arrayContaining(['Meat & poultry', 'Seafood', 'Vegetables']));
    expect(chart.categories).toEqual(['2026-11']);
    const { orders, totalFen } = body.supplierSpend.awaitingReceipt;
    expect([orders > 0, totalFen > 0]).toEqual([true, true]);
    expect(await page.locator('[data-spend-note=rule]').textContent()).toContain(`${orders} more orders due in this period are not received yet (¥`);
    const table = page.locator('[data-table=finance-supplier-spend]');
    expect(await table.locator('tbody tr').count()).toBe(body.supplierSpend.suppliers.length);
    expect(await table.locator('thead').textContent()).toContain('All categories');
    expect(errors).toEqual([]);
  });

  it('names the categories in Chinese, and on one meal says the budget covers all meals', async () => {
    const session = sessions.get('zh-CN')!;
    const { page, errors } = session;
    await openView(page, NOVEMBER);
    const { chart } = await spendChart(session);
    expect(chart.series.map((series) => series.name)).toEqual(expect.arrayContaining(['肉禽', '水产', '蔬菜']));
    expect(await page.locator('[data-table=finance-supplier-spend] thead').textContent()).toContain('全部类别');
    expect(await page.locator('[data-budget-all-meals]').count()).toBe(0);
    await openView(page, `${NOVEMBER}&meal=lunch`);
    const note = await page.locator('[data-budget-all-meals=lunch]').textContent();
    expect(note).toContain('当前只看午餐的实际数');
    expect(note).not.toContain('{');
    expect(await page.locator('[data-kpi=ingredient-cost]').textContent()).toContain('预算覆盖全部餐次');
    expect(await page.locator('[data-spend-note]').textContent()).toContain('采购不分餐次');
    expect((await charts(page)).find((drawn) => drawn.id === 'budget-vs-actual')!.series[0].name).toContain('预算覆盖全部餐次');
    await screenshot(page, 'finance-zh-lunch');
    expect(errors).toEqual([]);
  });

  it('says, for a range still running, that its comparisons stop at the last day with data, in Chinese', async () => {
    const { page, errors } = sessions.get('zh-CN')!;
    // to a month past today (the demo ends on 20 November): compared through 20 November, against 1–10 November
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await openView(page, `/?page=finance&from=2026-11-11&to=${future}`);
    const note = page.locator('[data-compared-through]');
    expect(await note.getAttribute('data-compared-through')).toBe('2026-11-20');
    expect(await note.textContent()).toContain('对比截至 2026-11-20');
    expect(await note.getAttribute('title')).toContain('同样的天数');
    // and the subsidy spent so far is read against the budget of those days
    expect(await page.locator('[data-kpi=subsidy-used] [data-budget-pace]').textContent()).toMatch(/^截至 2026-11-20 的预算 ¥[\d,]+，已用 [\d.]+%$/);
    await openView(page, NOVEMBER);
    expect(await page.locator('[data-compared-through]').count()).toBe(0);
    expect(await page.locator('[data-budget-pace]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('reconciles a settlement file chosen on the page and downloads the workbook with it, in Chinese', async () => {
    const { page, errors } = sessions.get('zh-CN')!;
    await openView(page, NOVEMBER);
    const section = page.locator('[data-section=reconciliation]');
    // 1–20 November stands for October, the last whole month: the workbook link's month too
    expect(await section.textContent()).toContain('2026-10 结算文件');
    // a bank file with no October lines but one of another month: every payment day differs, and the line is named
    const file = { name: '结算-10月.csv', mimeType: 'text/csv', buffer: Buffer.from('日期,渠道,金额\n2026-11-02,wechat,12.00\n') };
    // the file picker speaks the page's language, not the browser's, and names the file chosen
    expect(await section.locator('.file-picker').textContent()).toBe('选择文件未选择文件');
    await section.locator('input[name=settlement]').setInputFiles(file);
    expect(await section.locator('[data-file-chosen]').textContent()).toBe('结算-10月.csv');
    await section.locator('button[type=submit]').click();
    const summary = section.locator('[data-recon-summary]');
    await summary.waitFor();
    expect(await summary.locator('.badge').textContent()).toBe('存在差异');
    const [checked, mismatched] = [...(await summary.textContent())!.matchAll(/(\d+)/g)].map((match) => Number(match[1]));
    expect(checked).toBeGreaterThan(20);
    expect(mismatched).toBe(checked);
    const table = section.locator('[data-table=reconciliation-mismatches]');
    expect(await table.locator('tbody tr').count()).toBe(10);
    expect(await table.locator('tbody').textContent()).toContain('微信支付');
    expect(await table.locator('tbody').textContent()).toContain('仅系统有');
    expect(await section.locator('[data-rejected]').getAttribute('data-rejected')).toBe('2');
    expect(await section.locator('[data-rejected]').textContent()).toContain('1 行未计入（第 2 行）');
    await section.screenshot({ path: join(ROOT, 'test-artifacts', 'screenshots', 'finance-zh-reconciliation.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), section.locator('[data-action=recon-workbook]').click()]);
    expect(download.suggestedFilename()).toBe('larder-finance-2026-10-zh-CN.xlsx');
    expect(errors).toEqual([]);
  });

  it('answers a two-year range without an error', async () => {
    const { page, errors } = sessions.get('zh-CN')!;
    await openView(page, '/?page=finance&from=2024-12-01&to=2026-11-20');
    expect(await page.locator('[data-view=error]').count()).toBe(0);
    const months = await page.locator('[data-table=finance-months] tbody tr').count();
    expect(months).toBe(24);
    expect(errors).toEqual([]);
  });
});
