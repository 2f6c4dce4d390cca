import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DatabaseService } from '@larder/database';
import { DemoSeedService } from '@larder/ingestion';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

describe('subscriptions over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let manager: SignedInAgent;
  let viewer: SignedInAgent;
  let admin: SignedInAgent;

  beforeAll(async () => {
    database = await createTestDatabase();
    database.config = { ...database.config, delivery: { ...database.config.delivery, webhookHosts: ['qyapi.weixin.qq.com'] } };
    app = await createHttpApp(database.config);
    await app.get(DemoSeedService).seed({ seed: 5, canteens: 2, employees: 200, days: 14, endDate: '2026-11-20', futureDays: 7 });
    manager = await signIn(app, { username: 'sub-manager', role: 'manager', canteenIds: [1] });
    viewer = await signIn(app, { username: 'sub-viewer', role: 'viewer' });
    admin = await signIn(app, { username: 'sub-admin', role: 'admin' });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const post = (who: SignedInAgent, body: object) => who.agent.post('/api/subscriptions').set('x-csrf-token', who.csrfToken).send(body);

  it('lets each person manage their own, refuses what they may not receive, and shows admins all', async () => {
    const created = await post(manager, { topic: 'report', subject: 'waste', period: 'weekly', canteen: 'C01', language: 'zh-CN', email: 'li@example.com' }).expect(201);
    expect(created.body).toEqual(expect.objectContaining({ username: 'sub-manager', subject: 'waste', period: 'weekly', canteen: 'C01', active: true }));
    expect(created.body).not.toHaveProperty('unsubscribeToken');
    await post(manager, { topic: 'alert', subject: 'plan_ready', language: 'en', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' }).expect(201);

    // Bad input is named; another canteen, a report not open to the role, a foreign webhook host are refused.
    expect((await post(manager, { topic: 'report', subject: 'waste', period: 'daily', language: 'en', email: 'li@example.com' }).expect(400)).text).toMatch(/period/);
    expect((await post(manager, { topic: 'alert', subject: 'plan_ready', language: 'en', email: 'not-an-address' }).expect(400)).text).toMatch(/email/);
    await post(manager, { topic: 'alert', subject: 'plan_ready', language: 'en', email: 'li@example.com', extra: 1 }).expect(400);
    await post(manager, { topic: 'report', subject: 'waste', period: 'weekly', canteen: 'C02', language: 'en', email: 'li@example.com' }).expect(403);
    await post(viewer, { topic: 'report', subject: 'finance', period: 'monthly', language: 'en', email: 'v@example.com' }).expect(403);
    await post(viewer, { topic: 'alert', subject: 'unusual_waste', language: 'en', webhookUrl: 'http://169.254.169.254/latest' }).expect(400);
    await post(viewer, { topic: 'alert', subject: 'unusual_waste', language: 'en' }).expect(400);
    const viewers = await post(viewer, { topic: 'alert', subject: 'unusual_waste', language: 'en', email: 'v@example.com' }).expect(201);

    expect((await manager.agent.get('/api/subscriptions').expect(200)).body).toHaveLength(2);
    expect((await viewer.agent.get('/api/subscriptions').expect(200)).body).toHaveLength(1);
    expect((await admin.agent.get('/api/admin/subscriptions').expect(200)).body.map((row: { username: string }) => row.username).sort()).toEqual(['sub-manager', 'sub-manager', 'sub-viewer']);

    // Nobody ends another's subscription but an admin.
    await manager.agent.delete(`/api/subscriptions/${viewers.body.id}`).set('x-csrf-token', manager.csrfToken).expect(404);
    await admin.agent.delete(`/api/subscriptions/${viewers.body.id}`).set('x-csrf-token', admin.csrfToken).expect(204);
    expect((await viewer.agent.get('/api/subscriptions').expect(200)).body).toEqual([]);
  });

  it("ends a subscription from the e-mail link without a sign-in, in the subscriber's language first", async () => {
    const [row]: { unsubscribe_token: string }[] = await app.get(DatabaseService).dataSource.query(`SELECT s.unsubscribe_token FROM subscription s WHERE s.subject = 'waste'`);
    const page = await request(app.getHttpServer()).get(`/api/subscriptions/unsubscribe?token=${row.unsubscribe_token}`).expect(200);
    expect(page.text).toContain('已退订');
    expect(page.text.indexOf('已退订')).toBeLessThan(page.text.indexOf('You are unsubscribed'));
    await request(app.getHttpServer()).get('/api/subscriptions/unsubscribe?token=0000000000000000000000').expect(404);
    const [listed] = (await manager.agent.get('/api/subscriptions').expect(200)).body.filter((item: { subject: string }) => item.subject === 'waste');
    expect(listed.active).toBe(false);
  });
});
