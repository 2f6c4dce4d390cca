import type { Browser, Page } from 'playwright-core';
import { afterRender, describeWithChromium, DashboardServer, launchChromium, openView, screenshot, signedInPage, serveWithMasters } from './support/dashboard-browser';

/** What the admin pages must say in each language; the page's own words, never an API code. */
const LANGS = [
  {
    lang: 'zh-CN',
    locale: 'zh-CN',
    group: '管理',
    disabled: '已停用',
    taken: '该用户名已存在',
    revoked: '已撤销',
    disableAction: '停用用户',
    noData: '暂无数据',
    nameRefused: '这些值未被接受：名称。 请修改后再试。',
  },
  {
    lang: 'en',
    locale: 'en-US',
    group: 'Admin',
    disabled: 'Disabled',
    taken: 'That username is taken',
    revoked: 'Revoked',
    disableAction: 'User disabled',
    noData: 'No data',
    nameRefused: 'Not accepted: Name. Correct it and try again.',
  },
] as const;

/** Reads the secret from the show-once dialog and closes it (which redraws the page). */
async function takeSecret(page: Page): Promise<string> {
  const secret = (await page.locator('dialog[data-dialog=secret] [data-secret]').textContent()) ?? '';
  await afterRender(page, () => page.locator('dialog[data-dialog=secret] [data-action=close]').click());
  expect(await page.locator('dialog').count()).toBe(0);
  return secret;
}

/** Waits until the audit results have loaded more often than `before` (a filter is applied in place, without a page render). */
async function auditLoaded(page: Page, before: number): Promise<void> {
  await page.waitForFunction((count) => {
    const results = (globalThis as unknown as { document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null } }).document.querySelector(
      '[data-slot=audit-results]',
    );
    return Number(results?.getAttribute('data-loaded')) > count;
  }, before);
}

describeWithChromium('the admin pages in a browser', () => {
  let server: DashboardServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveWithMasters('admin-browser');
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(LANGS)(
    'lets an admin in $lang add and disable a user, create and revoke a token, and filter the audit log',
    async (text) => {
      const adminName = `admin-${text.lang.toLowerCase()}`;
      const newcomer = `cook-${text.lang.toLowerCase()}`;
      const admin = await signedInPage({ browser, server, username: adminName, role: 'admin', locale: text.locale });
      const { page } = admin;

      // Users: a new manager for the first canteen; the password is shown once.
      await openView(page, '/?page=users');
      expect(await page.locator('[data-nav-group=admin]').textContent()).toBe(text.group);
      const add = page.locator('form[data-form=add-user]');
      await add.locator('input[name=username]').fill(newcomer);
      await add.locator('select[name=role]').selectOption('manager');
      const firstCanteen = add.locator('input[name=canteens]').first();
      const canteenCode = await firstCanteen.getAttribute('value');
      await firstCanteen.check();
      await add.locator('button[type=submit]').click();
      const firstPassword = await takeSecret(page);
      expect(firstPassword.length).toBeGreaterThanOrEqual(12);
      expect(await page.locator(`[data-table=users] tbody tr:has([data-user="${newcomer}"])`).textContent()).toContain(newcomer);
      const stored = async () =>
        ((await (await admin.context.request.get('/api/admin/users')).json()) as { username: string; role: string; canteens: string[] }[]).find((user) => user.username === newcomer);
      expect(await stored()).toMatchObject({ role: 'manager', canteens: [canteenCode] });

      // Edit: the second canteen instead of the first.
      await page.locator(`[data-user="${newcomer}"] [data-action=edit]`).click();
      const edit = page.locator('form[data-form=edit-user]');
      await edit.locator('input[name=canteens]').nth(0).uncheck();
      await edit.locator('input[name=canteens]').nth(1).check();
      const secondCode = await edit.locator('input[name=canteens]').nth(1).getAttribute('value');
      await afterRender(page, () => edit.locator('button[type=submit]').click());
      expect(secondCode).not.toBe(canteenCode);
      expect(await stored()).toMatchObject({ role: 'manager', canteens: [secondCode] });

      // Reset password, after a confirmation; the new one is shown once and copied from the dialog.
      await admin.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.locator(`[data-user="${newcomer}"] [data-action=reset-password]`).click();
      await page.locator('[data-dialog=confirm-reset] [data-action=confirm]').click();
      await page.locator('dialog[data-dialog=secret] [data-action=copy]').click();
      await page.locator('dialog[data-dialog=secret] [role=status]').filter({ hasText: /\S/ }).waitFor();
      const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
      const password = await takeSecret(page);
      expect(copied).toBe(password);
      expect(password).not.toBe(firstPassword);

      // The same name again is refused in the page's language.
      await add.locator('input[name=username]').fill(newcomer);
      await add.locator('button[type=submit]').click();
      await page.locator('form[data-form=add-user] [data-error=CONFLICT]').waitFor();
      expect(await page.locator('form[data-form=add-user] [data-error]').textContent()).toBe(text.taken);

      // The newcomer signs in elsewhere; once disabled, their next request is refused and the page sends them to sign in.
      const cook = await browser.newContext({ baseURL: server.baseUrl, locale: text.locale });
      expect((await cook.request.post('/api/auth/login', { data: { username: newcomer, password } })).status()).toBe(200);
      const cookPage = await cook.newPage();
      await openView(cookPage, '/?page=overview');
      expect(new URL(cookPage.url()).pathname).toBe('/');
      await afterRender(page, () => page.locator(`[data-user="${newcomer}"] [data-action=disable]`).click());
      expect(await page.locator(`[data-table=users] tbody tr:has([data-user="${newcomer}"])`).textContent()).toContain(text.disabled);
      await screenshot(page, `admin-users-${text.lang}`);
      expect((await cook.request.get('/api/auth/me')).status()).toBe(401);
      await cookPage.goto('/?page=overview');
      await cookPage.waitForURL(/\/login\.html/);
      await cook.close();

      // Tokens: a read token works until it is revoked.
      await openView(page, '/?page=tokens');
      const tokenName = `erp-${text.lang}`;
      const create = page.locator('form[data-form=create-token]');
      // A name the form lets through but the API refuses (letters outside a-z): the form names the field by its label and marks it.
      await create.locator('input[name=name]').fill('财务系统');
      await create.locator('input[name=scopes][value=read]').check();
      await create.locator('button[type=submit]').click();
      await create.locator('.form-message [data-error=VALIDATION_FAILED]').waitFor();
      expect(await create.locator('.form-message').textContent()).toBe(text.nameRefused);
      expect(await create.locator('input[name=name]').getAttribute('aria-invalid')).toBe('true');
      await create.locator('input[name=name]').fill(tokenName);
      await create.locator('button[type=submit]').click();
      const token = await takeSecret(page);
      const withToken = () => admin.context.request.get('/api/plans', { headers: { authorization: `Bearer ${token}` } });
      expect((await withToken()).status()).toBe(200);
      await page.locator(`[data-action=revoke][data-token="${tokenName}"]`).click();
      await afterRender(page, () => page.locator('[data-dialog=confirm-revoke] [data-action=confirm]').click());
      expect(await page.locator(`[data-table=tokens] tbody tr:has-text("${tokenName}")`).textContent()).toContain(text.revoked);
      expect(await page.locator(`[data-action=revoke][data-token="${tokenName}"]`).count()).toBe(0);
      expect((await withToken()).status()).toBe(401);
      await screenshot(page, `admin-tokens-${text.lang}`);

      // Audit log: this admin's disabling, and nothing else; the CSV link asks for the same rows.
      await openView(page, '/?page=audit');
      const results = page.locator('[data-slot=audit-results]');
      const loaded = Number(await results.getAttribute('data-loaded'));
      expect(await page.locator('[data-table=audit-log] tbody tr').count()).toBeGreaterThan(1);
      await page.fill('input[name=actor]', adminName);
      await page.selectOption('select[name=action]', 'user.disable');
      await page.locator('form[data-form=audit-filter] button[type=submit]').click();
      await auditLoaded(page, loaded);
      const rows = await page.locator('[data-table=audit-log] tbody tr').allTextContents();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(text.disableAction);
      expect(rows[0]).toContain(newcomer);
      const href = (await page.locator('[data-export=audit-csv]').getAttribute('href'))!;
      expect(href).toContain('format=csv');
      const csv = await (await admin.context.request.get(href)).text();
      const lines = csv.trim().split(/\r?\n/);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('user.disable');
      expect(lines[1]).toContain(newcomer);
      await screenshot(page, `admin-audit-${text.lang}`);
      // Canteen narrows further: no user change names a canteen id, so nothing is left.
      await page.selectOption('select[name=canteen]', canteenCode!);
      await page.locator('form[data-form=audit-filter] button[type=submit]').click();
      await auditLoaded(page, loaded + 1);
      expect(await page.locator('[data-table=audit-log] tbody tr').count()).toBe(0);
      expect(await page.locator('[data-table=audit-log]').textContent()).toContain(text.noData);
      expect(admin.errors.filter((error) => !/400|401|409/.test(error))).toEqual([]);
      await admin.context.close();
    },
    120_000,
  );
});
