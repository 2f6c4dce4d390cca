import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AuditService } from '@larder/auth';
import { ImportService } from '@larder/ingestion';
import { importMasters, scratchDir } from '../fixtures/import/import-test-kit';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

describe('admin: users and the audit log', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let admin: SignedInAgent;
  const dir = scratchDir('admin-users');

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    await importMasters(app.get(ImportService), dir);
    admin = await signIn(app, { username: 'chief', role: 'admin' });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const write = (method: 'post' | 'patch', path: string) => admin.agent[method](path).set('x-csrf-token', admin.csrfToken);
  const login = (username: string, password: string) => request(app.getHttpServer()).post('/api/auth/login').send({ username, password });

  it('creates a manager with a password shown once, changes canteens, disables and enables them, resets the password', async () => {
    const created = await write('post', '/api/admin/users')
      .send({ username: 'li.ming', role: 'manager', canteens: ['C1'] })
      .expect(201);
    expect(created.body.user).toMatchObject({ username: 'li.ming', role: 'manager', canteens: ['C1'], active: true });
    const first = created.body.password as string;
    expect(first.length).toBeGreaterThanOrEqual(12);
    const li = request.agent(app.getHttpServer());
    await li.post('/api/auth/login').send({ username: 'li.ming', password: first }).expect(200);
    expect((await li.get('/api/auth/me').expect(200)).body).toMatchObject({ username: 'li.ming', canteenIds: [1] });

    // New canteens end the session, so the next sign-in carries them.
    expect(
      (
        await write('patch', '/api/admin/users/li.ming')
          .send({ canteens: ['C1', 'C2'] })
          .expect(200)
      ).body.canteens,
    ).toEqual(['C1', 'C2']);
    await li.get('/api/auth/me').expect(401);
    await li.post('/api/auth/login').send({ username: 'li.ming', password: first }).expect(200);
    expect((await li.get('/api/auth/me').expect(200)).body.canteenIds).toEqual([1, 2]);

    // Disabled: the open session is refused at once and so is signing in.
    expect((await write('patch', '/api/admin/users/li.ming').send({ active: false }).expect(200)).body.active).toBe(false);
    await li.get('/api/auth/me').expect(401);
    await login('li.ming', first).expect(401);
    await write('patch', '/api/admin/users/li.ming').send({ active: true }).expect(200);
    await login('li.ming', first).expect(200);

    const reset = await write('post', '/api/admin/users/li.ming/password').expect(200);
    expect(reset.body.password).not.toBe(first);
    await login('li.ming', first).expect(401);
    await login('li.ming', reset.body.password).expect(200);

    const listed = (await admin.agent.get('/api/admin/users').expect(200)).body as { username: string }[];
    expect(listed.map((user) => user.username)).toEqual(expect.arrayContaining(['chief', 'li.ming']));
    expect(JSON.stringify(listed)).not.toMatch(/password|hash/i);
  });

  it('refuses what would break access: unknown canteens and roles, unknown fields, the last admin', async () => {
    const unknownCanteen = await write('post', '/api/admin/users')
      .send({ username: 'wang.fang', role: 'manager', canteens: ['C9'] })
      .expect(400);
    expect(unknownCanteen.body.message).toContain('C9');
    await write('post', '/api/admin/users').send({ username: 'wang.fang', role: 'chef' }).expect(400);
    await write('patch', '/api/admin/users/chief').send({ superuser: true }).expect(400);
    await write('patch', '/api/admin/users/nobody').send({ active: false }).expect(404);
    const last = await write('patch', '/api/admin/users/chief').send({ active: false }).expect(409);
    expect(last.body.message).toMatch(/last active admin/);
    await write('patch', '/api/admin/users/chief').send({ role: 'viewer' }).expect(409);
    const manager = await signIn(app, { username: 'zhao.lei', role: 'manager', canteenIds: [1] });
    await manager.agent.get('/api/admin/users').expect(403);
    await manager.agent.patch('/api/admin/users/zhao.lei').set('x-csrf-token', manager.csrfToken).send({ role: 'admin' }).expect(403);
  });

  it('filters the audit log by who, action, day and canteen, and exports it as CSV', async () => {
    const audit = app.get(AuditService);
    await audit.record({ actor: 'zhao.lei', action: 'plan.approve', detail: { planId: 'p1', canteenId: 2, week: '2026-W49' } });
    await audit.record({ actor: '=HYPERLINK("x")', action: 'plan.override', detail: { planId: 'p1', canteenId: 1 } });
    const byAction = (await admin.agent.get('/api/admin/audit?action=user').expect(200)).body as { action: string; actor: string }[];
    expect(byAction.length).toBeGreaterThanOrEqual(5);
    expect(new Set(byAction.map((entry) => entry.action.split('.')[0]))).toEqual(new Set(['user']));
    expect(byAction.every((entry) => entry.actor === 'chief')).toBe(true);
    const plans = (await admin.agent.get('/api/admin/audit?action=plan&canteen=C2').expect(200)).body as { action: string }[];
    expect(plans.map((entry) => entry.action)).toEqual(['plan.approve']);
    expect((await admin.agent.get('/api/admin/audit?actor=zhao.lei&action=plan').expect(200)).body).toHaveLength(1);
    expect((await admin.agent.get('/api/admin/audit?from=2000-01-01&to=2000-01-31').expect(200)).body).toEqual([]);
    const bad = await admin.agent.get('/api/admin/audit?from=yesterday').expect(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/from must be a date/);
    await admin.agent.get('/api/admin/audit?canteen=C9').expect(400);

    const csv = await admin.agent.get('/api/admin/audit?action=plan&format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="?larder-audit\.csv"?$/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('at,actor,action,detail');
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toContain(`'=HYPERLINK`);
  });
});
