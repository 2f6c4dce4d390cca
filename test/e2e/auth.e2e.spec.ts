import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ApiTokenService } from '@larder/auth';
import { createTestDatabase, TestDatabase } from '../support/test-config';
import { createHttpApp, signIn, TEST_PASSWORD } from '../support/http-app';

describe('accounts, sessions and tokens over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('refuses data to anyone not signed in, but answers /health and the login page', async () => {
    await request(app.getHttpServer()).get('/api/summary').expect(401);
    await request(app.getHttpServer())
      .get('/health')
      .expect((response) => expect([200, 503]).toContain(response.status));
    await request(app.getHttpServer()).get('/login.html').expect(200);
  });

  it('signs in with an HTTP-only, same-site cookie and signs out again', async () => {
    const { agent } = await signIn(app, { username: 'fin', role: 'finance' });
    const login = await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'fin', password: TEST_PASSWORD }).expect(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/larder_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body).toEqual({ kind: 'user', username: 'fin', role: 'finance', canteenIds: [], csrfToken: expect.any(String) });
    await agent.post('/api/auth/logout').set('x-csrf-token', me.body.csrfToken).expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  it('says only "wrong username or password", whichever was wrong, and audits the attempt', async () => {
    await signIn(app, { username: 'union1', role: 'union' });
    const wrongPassword = await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'union1', password: 'not-the-password' }).expect(401);
    const unknownUser = await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'nobody', password: 'whatever-it-is' }).expect(401);
    expect(wrongPassword.body.message).toBe(unknownUser.body.message);
    const { agent } = await signIn(app, { username: 'boss', role: 'admin' });
    const audit = await agent.get('/api/admin/audit').expect(200);
    expect(audit.body.map((entry: { action: string; actor: string }) => `${entry.action}:${entry.actor}`)).toEqual(
      expect.arrayContaining(['login.failed:nobody', 'login.failed:union1', 'login:union1']),
    );
  });

  it('slows password guessing: the eleventh try in a minute for one account is refused', async () => {
    await signIn(app, { username: 'victim', role: 'viewer' });
    for (let attempt = 1; attempt <= 9; attempt++) {
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ username: 'victim', password: `guess-${attempt}` })
        .expect(401);
    }
    await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'victim', password: 'guess-10' }).expect(429);
    await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'someone-else', password: 'guess-1' }).expect(401);
  });

  it('rejects a login body with extra or malformed fields', async () => {
    await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'x', password: 'y', role: 'admin' }).expect(400);
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: ['x'], password: 'y' })
      .expect(400);
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: 'x'.repeat(65), password: 'y' })
      .expect(400);
  });

  it('requires the CSRF header on writes made with a session cookie', async () => {
    const { agent, csrfToken } = await signIn(app, { username: 'root2', role: 'admin' });
    await agent
      .post('/api/admin/tokens')
      .send({ name: 'card system', scopes: ['import'] })
      .expect(403);
    await agent
      .post('/api/admin/tokens')
      .set('x-csrf-token', 'forged')
      .send({ name: 'card system', scopes: ['import'] })
      .expect(403);
    await agent
      .post('/api/admin/tokens')
      .set('x-csrf-token', csrfToken)
      .send({ name: 'card system', scopes: ['import'] })
      .expect(201);
  });

  it('lets an admin create and revoke tokens; a revoked token stops working at once', async () => {
    const { agent, csrfToken } = await signIn(app, { username: 'root', role: 'admin' });
    const created = await agent
      .post('/api/admin/tokens')
      .set('x-csrf-token', csrfToken)
      .send({ name: 'reader', scopes: ['read'] })
      .expect(201);
    expect(created.body.token).toMatch(/^lrd_/);
    const listed = await agent.get('/api/admin/tokens').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    await request(app.getHttpServer()).get('/api/summary').set('authorization', `Bearer ${created.body.token}`).expect(200);
    await agent.delete(`/api/admin/tokens/${created.body.id}`).set('x-csrf-token', csrfToken).expect(204);
    await request(app.getHttpServer()).get('/api/summary').set('authorization', `Bearer ${created.body.token}`).expect(401);
  });

  it('keeps an import-only token away from what it may not read', async () => {
    const { token } = await app.get(ApiTokenService).create({ name: 'pusher', scopes: ['import'] });
    await request(app.getHttpServer()).get('/api/summary').set('authorization', `Bearer ${token}`).expect(403);
    await request(app.getHttpServer()).get('/api/admin/tokens').set('authorization', `Bearer ${token}`).expect(403);
  });

  it('sends security headers', async () => {
    const response = await request(app.getHttpServer()).get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
