import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DASHBOARD_PAGE_ORDER, pagesFor, type DashboardPageId, type DashboardRole } from '@larder/analytics';
import { afterRender, charts, describeWithChromium, launchChromium, openView, signedInPage, SignedInPage, startDashboardServer, DashboardServer } from './support/dashboard-browser';

const ROLES: { role: Exclude<DashboardRole, 'admin'>; scoped: boolean }[] = [
  { role: 'manager', scoped: true },
  { role: 'finance', scoped: false },
  { role: 'union', scoped: false },
  { role: 'viewer', scoped: false },
];

describeWithChromium('the dashboard for each role', () => {
  let server: DashboardServer;
  let browser: Browser;
  const sessions = new Map<string, SignedInPage>();
  let canteenIds: number[];

  beforeAll(async () => {
    server = await startDashboardServer();
    browser = await launchChromium();
    canteenIds = (await server.app.get(DataSource).query('SELECT id FROM canteen ORDER BY id')).map((row: { id: number }) => row.id);
    for (const { role, scoped } of ROLES) {
      sessions.set(role, await signedInPage({ browser, server, username: `${role}-browser`, role, canteenIds: scoped ? [server.plannedCanteens[0]!] : undefined }));
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(ROLES)('shows the $role only its pages, and "not permitted" on a direct link to another', async ({ role }) => {
    const session = sessions.get(role)!;
    const allowed = pagesFor(role);
    await openView(session.page, `/?page=${allowed[0]}`);
    const nav = await session.page.locator('[data-nav]').evaluateAll((links) => links.map((link) => link.getAttribute('data-nav')));
    // Every person also has their own subscriptions page, after the figures.
    expect(nav).toEqual([...allowed, 'subscriptions']);
    expect(await charts(session.page)).not.toHaveLength(0);
    for (const forbidden of DASHBOARD_PAGE_ORDER.filter((page: DashboardPageId) => !allowed.includes(page))) {
      await openView(session.page, `/?page=${forbidden}`);
      expect(await session.page.locator('[data-view=not-permitted]').count()).toBe(1);
      expect(await charts(session.page)).toHaveLength(0);
    }
    expect(session.errors).toEqual([]);
  });

  it.each(ROLES)('lands the $role on its first permitted page after sign-in', async ({ role }) => {
    const session = sessions.get(role)!;
    await openView(session.page, '/');
    expect(await session.page.locator('main.content').getAttribute('data-page')).toBe(pagesFor(role)[0]);
    expect(new URL(session.page.url()).searchParams.get('page')).toBe(pagesFor(role)[0]);
    expect(await session.page.locator('[data-view=not-permitted]').count()).toBe(0);
    expect(await charts(session.page)).not.toHaveLength(0);
    expect(session.errors).toEqual([]);
  });

  it('offers a manager only their own canteen in the filters', async () => {
    const manager = sessions.get('manager')!;
    await openView(manager.page, '/?page=overview');
    const offered = await manager.page.locator('input[name=canteen]').evaluateAll((boxes) => boxes.map((box) => Number((box as unknown as { value: string }).value)));
    expect(offered).toEqual([server.plannedCanteens[0]]);
    expect(canteenIds.length).toBeGreaterThan(1);
  });

  it('lets a manager override a draft plan with a reason, then approve it', async () => {
    const manager = sessions.get('manager')!;
    await openView(manager.page, '/?page=purchasing');
    expect(await manager.page.locator('[data-table^=overrides] tbody tr').count()).toBe(0);
    // Overridden on its line in the plan-lines table.
    await manager.page.locator('[data-action=edit-line]').first().click();
    await manager.page.fill('[data-editor=override] input[name=portions]', '7');
    await manager.page.fill('[data-editor=override] input[name=reason]', 'school trip');
    await afterRender(manager.page, () => manager.page.locator('[data-editor=override] button[type=submit]').click());
    expect(await manager.page.locator('[data-table^=overrides] tbody tr').count()).toBe(1);
    expect(await manager.page.locator('[data-table^=overrides] tbody').textContent()).toContain('school trip');
    // Approval asks first, showing the summary and the change made since the draft.
    await manager.page.locator('[data-action=approve]').click();
    expect(await manager.page.locator('[data-dialog=approve] [data-changes]').getAttribute('data-changes')).toBe('1');
    await afterRender(manager.page, () => manager.page.locator('[data-dialog=approve] [data-action=confirm]').click());
    expect(await manager.page.locator('[data-action=approve]').count()).toBe(0);
    expect(await manager.page.locator('[data-report=purchase-plan]').getAttribute('href')).toMatch(/^\/api\/reports\/purchase-plan\?.*week=2026-W48/);
    expect(manager.errors).toEqual([]);
  });
});
