import type { Browser } from 'playwright-core';
import { afterRender, describeWithChromium, DashboardServer, launchChromium, openView, screenshot, signedInPage, serveWithMasters } from './support/dashboard-browser';

/** What the subscriptions page must say in each language. */
const LANGS = [
  {
    lang: 'zh-CN',
    locale: 'zh-CN',
    nav: '订阅',
    report: '浪费报告',
    weekly: '每周',
    alert: '计划待审批',
    needChannel: '请填写电子邮件或 Webhook 地址',
    channelRule: 'Webhook 只能填写企业微信或钉钉机器人的地址',
    noData: '暂无数据',
  },
  {
    lang: 'en',
    locale: 'en-US',
    nav: 'Subscriptions',
    report: 'Waste report',
    weekly: 'Weekly',
    alert: 'Plan ready for approval',
    needChannel: 'Give an e-mail address or a webhook URL',
    channelRule: 'a webhook can only be a WeCom or DingTalk robot address',
    noData: 'No data',
  },
] as const;

describeWithChromium('the subscriptions page in a browser', () => {
  let server: DashboardServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveWithMasters('subscriptions-browser');
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(LANGS)('lets a manager in $lang subscribe to a report and an alert, and remove one', async (text) => {
    const { page, context, errors } = await signedInPage({ browser, server, username: `sub-manager-${text.lang.toLowerCase()}`, role: 'manager', canteenIds: [1], locale: text.locale });
    await openView(page, '/?page=subscriptions');
    expect(await page.locator('[data-nav=subscriptions]').textContent()).toBe(text.nav);
    expect(await page.locator('[data-table=subscriptions]').textContent()).toContain(text.noData);

    const form = page.locator('form[data-form=add-subscription]');
    // A manager's report is for their own canteen: it is the only one offered.
    expect(await form.locator('select[name=canteen] option').count()).toBe(1);
    await form.locator('select[name=subject]').selectOption('waste');
    await form.locator('select[name=period]').selectOption('weekly');
    await form.locator('button[type=submit]').click();
    expect(await form.locator('.form-message').textContent()).toBe(text.needChannel);
    // A webhook outside WeCom and DingTalk is refused: the form says which field, not the filters' message.
    await form.locator('input[name=webhookUrl]').fill('https://example.com/hook');
    await form.locator('button[type=submit]').click();
    await form.locator('.form-message [data-error=VALIDATION_FAILED]').waitFor();
    expect(await form.locator('.form-message').textContent()).toContain(text.channelRule);
    errors.splice(0); // the refused request, as the browser logs it
    await form.locator('input[name=webhookUrl]').fill('');
    await form.locator('input[name=email]').fill('li@example.com');
    await afterRender(page, () => form.locator('button[type=submit]').click());

    await page.locator('form[data-form=add-subscription] select[name=topic]').selectOption('alert');
    await page.locator('form[data-form=add-subscription] select[name=subject]').selectOption('plan_ready');
    // An alert may cover all their canteens.
    expect(await page.locator('form[data-form=add-subscription] select[name=canteen] option').count()).toBe(2);
    expect(await page.locator('form[data-form=add-subscription] select[name=period]').isDisabled()).toBe(true);
    await page.locator('form[data-form=add-subscription] input[name=email]').fill('li@example.com');
    await afterRender(page, () => page.locator('form[data-form=add-subscription] button[type=submit]').click());

    const rows = page.locator('[data-table=subscriptions] tbody tr');
    expect(await rows.count()).toBe(2);
    const tableText = await page.locator('[data-table=subscriptions]').textContent();
    expect(tableText).toContain(text.report);
    expect(tableText).toContain(text.weekly);
    expect(tableText).toContain(text.alert);
    const meta = (await (await context.request.get('/api/dashboard/meta')).json()) as { canteens: { id: number; code: string }[] };
    const ownCode = meta.canteens.find((canteen) => canteen.id === 1)!.code;
    const stored = (await (await context.request.get('/api/subscriptions')).json()) as { subject: string; period: string | null; canteen: string | null; language: string }[];
    expect(stored.map(({ subject, period, canteen, language }) => ({ subject, period, canteen, language }))).toEqual([
      { subject: 'waste', period: 'weekly', canteen: ownCode, language: text.lang },
      { subject: 'plan_ready', period: null, canteen: null, language: text.lang },
    ]);
    await screenshot(page, `subscriptions-${text.lang}`);

    await page.locator('[data-table=subscriptions] [data-action=remove]').first().click();
    await afterRender(page, () => page.locator('[data-dialog=confirm-remove] [data-action=confirm]').click());
    expect(await page.locator('[data-table=subscriptions] tbody tr').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
