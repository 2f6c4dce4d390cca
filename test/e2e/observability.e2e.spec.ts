import iconv from 'iconv-lite';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiTokenService } from '@larder/auth';
import { DatabaseService } from '@larder/database';
import { addDays, localDate } from '@larder/domain';
import { ImportService } from '@larder/ingestion';
import { csv, importMasters, scratchDir } from '../fixtures/import/import-test-kit';
import { createHttpApp, signIn, TEST_PASSWORD } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

const CARD = '6222080000000000456';
const STAFF = 'E7001';

/** Everything the process writes to stdout while `work` runs: pino writes request lines there. */
async function captureStdout(work: () => Promise<void>): Promise<string> {
  const original = process.stdout.write.bind(process.stdout);
  const chunks: string[] = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = original;
  }
  return chunks.join('');
}

describe('structured logs and /metrics', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let dataSource: DataSource;
  const dir = scratchDir('observability');

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp({ ...database.config, logLevel: 'log', logFormat: 'json' });
    dataSource = app.get(DatabaseService).dataSource;
    await importMasters(app.get(ImportService), dir);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const cardExport = () =>
    iconv.encode(
      csv([
        ['交易流水号', '交易时间', '卡号', '工号', '消费金额', '补贴金额', '实付金额', '窗口', '餐别', '菜品编码', '菜品名称', '数量', '单价', '支付方式', '食堂', '身份证号'],
        ['HG0001', '2026/11/24 12:01:30', CARD, STAFF, '18.00', '6.00', '12.00', '二号窗口', '午餐', 'D001', '红烧肉', '1', '18.00', '一卡通', '一食堂', '11010119900307451X'],
        ['HG0002', '2026/11/24 18:20:00', CARD, STAFF, 'abc', '0.00', '9.50', '一号窗口', '晚餐', 'D002', '番茄炒蛋', '1', '9.50', '一卡通', '一食堂', '11010119900307451X'],
      ]),
      'gbk',
    );

  it('logs each API request as one JSON line with id, route, status, duration and who — never a secret or a person', async () => {
    const token = (await app.get(ApiTokenService).create({ name: 'pos export', scopes: ['import'] })).token;
    let cookie = '';
    const output = await captureStdout(async () => {
      const server = app.getHttpServer();
      await request(server).post('/api/auth/login').send({ username: 'nobody', password: 'wrong-password-0123' }).expect(401);
      const admin = await signIn(app, { username: 'ops-admin', role: 'admin' });
      cookie = String((await request(server).post('/api/auth/login').send({ username: 'ops-admin', password: TEST_PASSWORD }).expect(200)).headers['set-cookie']);
      await admin.agent.get(`/api/plans?canteen=${CARD}`).set('x-request-id', 'trace-42');
      await admin.agent.get(`/api/no-such-thing/${CARD}`).expect(404);
      const upload = await request(server)
        .post('/api/import/auto?profile=cn-card')
        .set('authorization', `Bearer ${token}`)
        .attach('file', cardExport(), { filename: '消费流水.csv', contentType: 'text/csv' });
      expect(upload.status).toBe(200);
      expect(upload.body).toMatchObject({ accepted: 1, rejected: 1 });
    });
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = entries.filter((entry) => typeof entry.route === 'string');
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const entry of requests) {
      expect(entry).toEqual(
        expect.objectContaining({ reqId: expect.any(String), durationMs: expect.any(Number), req: expect.objectContaining({ method: expect.any(String) }), res: { statusCode: expect.any(Number) } }),
      );
    }
    expect(requests).toContainEqual(expect.objectContaining({ route: '/api/auth/login', level: 30, res: { statusCode: 401 } }));
    expect(requests).toContainEqual(expect.objectContaining({ route: '/api/import/:kind', principal: 'token:pos export', res: { statusCode: 200 } }));
    expect(requests).toContainEqual(expect.objectContaining({ route: 'unmatched', req: { method: 'GET', url: '/api/no-such-thing/***' }, res: { statusCode: 404 } }));
    const traced = requests.find((entry) => entry.reqId === 'trace-42');
    expect(traced).toEqual(expect.objectContaining({ route: '/api/plans', principal: 'ops-admin' }));
    // Nothing that finds a person or opens a door: card, staff and ID-card numbers, passwords, the token, the session.
    const session = /larder_session=([^;]+)/.exec(cookie)?.[1] ?? 'no-session-cookie';
    for (const secret of [CARD, STAFF, '11010119900307451X', TEST_PASSWORD, 'wrong-password-0123', token, session]) expect(output).not.toContain(secret);
  });

  it('serves Prometheus metrics to an admin or a metrics token, with requests, imports, jobs, accuracy and the pool', async () => {
    const admin = await signIn(app, { username: 'metrics-admin', role: 'admin' });
    const manager = await signIn(app, { username: 'metrics-manager', role: 'manager', canteenIds: [1] });
    const tokens = app.get(ApiTokenService);
    const metricsToken = (await tokens.create({ name: 'prometheus', scopes: ['metrics'] })).token;
    const readToken = (await tokens.create({ name: 'dashboard', scopes: ['read'] })).token;
    await seedAccuracy(dataSource);
    await admin.agent.get('/api/dashboard/meta').expect(200);

    await manager.agent.get('/metrics').expect(403);
    await request(app.getHttpServer()).get('/metrics').set('authorization', `Bearer ${readToken}`).expect(403);
    await request(app.getHttpServer()).get('/metrics').expect(401);
    const scraped = await request(app.getHttpServer()).get('/metrics').set('authorization', `Bearer ${metricsToken}`).expect(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    const text = scraped.text;
    expect(text).toMatch(/larder_http_request_duration_seconds_count\{method="GET",route="\/api\/dashboard\/meta",status="200"\} 1\n/);
    expect(text).toMatch(/larder_import_rows_total\{kind="transactions",outcome="accepted"\} 1\n/);
    expect(text).toMatch(/larder_import_rows_total\{kind="transactions",outcome="rejected"\} 1\n/);
    expect(text).toMatch(/larder_import_batches_total\{kind="dishes",status="committed"\} 1\n/);
    expect(text).toMatch(/larder_job_runs_total\{job="nightly",status="failed"\} 1\n/);
    expect(text).toMatch(/larder_job_step_attempts_total\{job="nightly",step="forecast"\} 3\n/);
    const [{ code }] = (await dataSource.query('SELECT code FROM canteen WHERE id = 1')) as { code: string }[];
    expect(text).toContain(`larder_forecast_wape{canteen="${code}"} 0.1\n`);
    expect(text).toContain(`larder_forecast_interval_hit_rate{canteen="${code}"} 0.5\n`);
    expect(Number(/larder_import_seconds_total\{kind="transactions"\} ([\d.e-]+)/.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/larder_db_pool_connections\{state="total"\} [1-9]/);
    expect(text).toMatch(/larder_process_resident_memory_bytes \d+/);
    expect((await admin.agent.get('/metrics').expect(200)).text).toContain('larder_import_batches_total');
  });
});

/** Two days of covers forecast for C01 against what was sold, inside the last four weeks; one failed nightly run. */
async function seedAccuracy(dataSource: DataSource): Promise<void> {
  const yesterday = addDays(localDate(new Date(), 'Asia/Shanghai'), -1);
  const days = [addDays(yesterday, -2), addDays(yesterday, -1)];
  const runId = '00000000-0000-4000-8000-0000000000a1';
  await dataSource.query(`INSERT INTO forecast_run (id, as_of, horizon_days, status) VALUES ($1, $2::date, 14, 'done')`, [runId, addDays(days[0], -7)]);
  // 100 forecast against 90 and 110 sold: WAPE 20 / 200 = 0.1; only the second falls inside p10–p90.
  await dataSource.query(
    `INSERT INTO forecast (run_id, canteen_id, service_date, meal, dish_id, p10, p50, p90, model) VALUES ($1, 1, $2, 'lunch', 0, 95, 100, 105, 'test'), ($1, 1, $3, 'lunch', 0, 80, 100, 120, 'test')`,
    [runId, days[0], days[1]],
  );
  await dataSource.query(`INSERT INTO daily_meal_rollup (canteen_id, service_date, meal, covers) VALUES (1, $1, 'lunch', 90), (1, $2, 'lunch', 110)`, days);
  const nightly = '00000000-0000-4000-8000-0000000000b1';
  await dataSource.query(`INSERT INTO job_run (id, name, trigger, started_at, finished_at, status) VALUES ($1, 'nightly', 'manual', now() - interval '1 minute', now(), 'failed')`, [nightly]);
  await dataSource.query(`INSERT INTO job_step (run_id, step_no, name, started_at, finished_at, status, attempts) VALUES ($1, 1, 'forecast', now() - interval '1 minute', now(), 'failed', 3)`, [
    nightly,
  ]);
}
