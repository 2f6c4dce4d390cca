import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UserService } from '@larder/auth';
import { DemoSeedService } from '@larder/ingestion';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

const END = '2026-11-20';

describe('hostile requests are refused with 4xx, and every caller keeps to what is theirs', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let manager: SignedInAgent;
  let union: SignedInAgent;
  let finance: SignedInAgent;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp({ ...database.config, trustProxy: 'loopback' });
    await app.get(DemoSeedService).seed({ seed: 7, canteens: 3, employees: 300, days: 21, endDate: END });
    manager = await signIn(app, { username: 'hostile-manager', role: 'manager', canteenIds: [1, 2] });
    union = await signIn(app, { username: 'hostile-union', role: 'union' });
    finance = await signIn(app, { username: 'hostile-finance', role: 'finance' });
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('refuses a deeply nested login body at once, before any sign-in work, as 400', async () => {
    const deep = `{"username":"admin","password":${'['.repeat(250_000)}${']'.repeat(250_000)}}`;
    const started = performance.now();
    const response = await request(app.getHttpServer()).post('/api/auth/login').set('content-type', 'application/json').send(deep).expect(400);
    expect(performance.now() - started).toBeLessThan(300);
    expect(response.body).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.stringMatching(/nested deeper than 32 levels/) });
    await request(app.getHttpServer()).post('/api/auth/login').set('content-type', 'application/json').send('{"username": "admin", ').expect(400);
  });

  it('answers NUL bytes, ids past the integer range and objects for ids with 400 naming the field', async () => {
    const nul = await manager.agent.get('/api/plans?canteen=C01%00').expect(400);
    expect(nul.body.message).toMatch(/query parameter "canteen" contains a NUL character/);
    const body = await manager.agent.post('/api/plans').set('x-csrf-token', manager.csrfToken).send({ canteen: 'C01\u0000', week: '2026-W48' }).expect(400);
    expect(body.body.message).toMatch(/NUL/);
    const huge = await manager.agent.get('/api/plans?canteen=1234567890123456789012345678901234567890').expect(400);
    expect(huge.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { parameter: 'canteen' } });
    const object = await manager.agent
      .post('/api/plans')
      .set('x-csrf-token', manager.csrfToken)
      .send({ canteen: { id: 1 }, week: '2026-W48' })
      .expect(400);
    expect(object.body.message).toMatch(/"canteen" is required/);
    // a value PostgreSQL cannot take anywhere else is still the request's fault: 400, not 500
    await manager.agent.get('/api/purchase-orders?canteen=1&status=%E0%A4%A').expect((response) => expect(response.status).toBeLessThan(500));
  });

  it('limits a manager’s forecast runs to their own canteens', async () => {
    const foreign = await manager.agent.post('/api/forecasts/runs').set('x-csrf-token', manager.csrfToken).send({ canteen: 'C03' }).expect(403);
    expect(foreign.body.message).toMatch(/not one of yours/);
    expect(await app.get(DataSource).query('SELECT count(*)::int AS n FROM forecast_run')).toEqual([{ n: 0 }]);
    const own = await manager.agent.post('/api/forecasts/runs').set('x-csrf-token', manager.csrfToken).send({ asOf: END, horizonDays: 3 }).expect(201);
    const canteens: { canteen_id: number }[] = await app.get(DataSource).query('SELECT DISTINCT canteen_id FROM forecast WHERE run_id = $1 ORDER BY 1', [own.body.runId]);
    expect(canteens.map((row) => Number(row.canteen_id))).toEqual([1, 2]);
  }, 120_000);

  it('gives the union no money figures', async () => {
    const covers = (await union.agent.get(`/api/covers/daily?from=2026-11-10&to=${END}`).expect(200)).body;
    expect(covers.length).toBeGreaterThan(0);
    for (const row of covers) expect(Object.keys(row).sort()).toEqual(['canteenId', 'covers', 'serviceDate', 'transactions']);
    const panel = (await union.agent.get(`/api/dashboard/satisfaction?from=2026-11-01&to=${END}`).expect(200)).body;
    expect(panel.priceFairness.every((row: { averagePaidFen: number | null }) => row.averagePaidFen === null)).toBe(true);
    const forFinance = (await finance.agent.get(`/api/covers/daily?from=2026-11-10&to=${END}`).expect(200)).body;
    expect(forFinance[0].paidFen).toEqual(expect.any(Number));
  });

  it('refuses unknown dashboard parameters instead of making a new cache entry for each', async () => {
    const refused = await manager.agent.get(`/api/dashboard/overview?from=2026-11-01&to=${END}&_=1`).expect(400);
    expect(refused.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { parameter: '_' } });
    await manager.agent.get(`/api/dashboard/overview?to=${END}&from=2026-11-01`).expect(200);
  });

  it('sends a report whose canteen code is not ASCII, with an RFC 5987 file name', async () => {
    await app.get(DataSource).query(`UPDATE canteen SET code = '食堂"六' WHERE id = 3`);
    const response = await finance.agent
      .get('/api/reports/waste?month=2026-11&canteen=3')
      .buffer(true)
      .parse((res, done) => {
        res.on('data', () => undefined);
        res.on('end', () => done(null, null));
      })
      .expect(200);
    const header = String(response.headers['content-disposition']);
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toContain('食堂"六');
    expect(header.split('filename="')[1].split('"')[0]).not.toMatch(/["\\]/);
  });

  it('marks the session cookie Secure behind a TLS proxy it trusts', async () => {
    await signIn(app, { username: 'hostile-viewer', role: 'viewer' });
    const login = (proto?: string) => {
      const call = request(app.getHttpServer()).post('/api/auth/login').send({ username: 'hostile-viewer', password: 'test-password-0123' });
      return (proto ? call.set('x-forwarded-proto', proto) : call).expect(200);
    };
    expect(String((await login('https')).headers['set-cookie'])).toMatch(/; Secure/);
    expect(String((await login()).headers['set-cookie'])).not.toMatch(/; Secure/);
  });

  it('refuses weak passwords, and lets a person change theirs, ending their other sessions', async () => {
    const users = app.get(UserService);
    for (const weak of ['aaaaaaaaaa', 'aaaaaaaaaaaa', 'abcabcabcabc', '123456789012', 'Password1234', 'short-1']) {
      await expect(users.create({ username: `weak-${weak.length}`, password: weak, role: 'viewer' })).rejects.toThrow(/password/);
    }
    await expect(users.create({ username: 'wang.li', password: 'wang.li-canteen-77', role: 'viewer' })).rejects.toThrow(/username/);
    const first = await signIn(app, { username: 'changer', role: 'viewer' });
    const second = await signIn(app, { username: 'changer', role: 'viewer' });
    const change = (agent: SignedInAgent, body: object) => agent.agent.post('/api/auth/password').set('x-csrf-token', agent.csrfToken).send(body);
    await change(first, { oldPassword: 'not-the-password', newPassword: 'a-better-secret-phrase-42' }).expect(403);
    const weak = await change(first, { oldPassword: 'test-password-0123', newPassword: 'aaaaaaaaaaaa' }).expect(400);
    expect(weak.body.message).toMatch(/repeated/);
    const common = await change(first, { oldPassword: 'test-password-0123', newPassword: 'Iloveyou2024!' }).expect(400);
    expect(common.body.message).toMatch(/常用密码列表.*published list of common passwords/);
    await change(first, { oldPassword: 'test-password-0123', newPassword: 'a-better-secret-phrase-42' }).expect(204);
    await first.agent.get('/api/auth/me').expect(200);
    await second.agent.get('/api/auth/me').expect(401);
    await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'changer', password: 'a-better-secret-phrase-42' }).expect(200);
    await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'changer', password: 'test-password-0123' }).expect(401);
  });
});
