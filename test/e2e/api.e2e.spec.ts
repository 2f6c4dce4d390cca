import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DemoSeedService } from '@larder/ingestion';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

describe('API over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let viewer: SignedInAgent;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    viewer = await signIn(app, { username: 'viewer', role: 'viewer' });
    await app.get(DemoSeedService).seed({ seed: 7, canteens: 2, employees: 800, days: 30, endDate: '2026-11-20', futureDays: 7 });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('GET /health reports the database and its migrations', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', database: { status: 'up', migrations: { pending: 0 } } });
    expect(['embedded', 'postgres']).toContain(response.body.database.engine);
  });

  it('serves the dashboard page at /', async () => {
    const response = await request(app.getHttpServer()).get('/').expect(200);
    expect(response.text).toContain('<title>');
  });

  it('summarises the seeded data from the rollups', async () => {
    const response = await viewer.agent.get('/api/summary').expect(200);
    expect(response.body.canteens).toBe(2);
    expect(response.body.transactions).toBeGreaterThan(1000);
    expect(response.body.lastServiceDate <= '2026-11-20').toBe(true);
  });

  it('answers a bad query with a clear 400 naming the parameter', async () => {
    const response = await viewer.agent.get('/api/covers/daily?from=2026-13-01&to=2026-11-20').expect(400);
    expect(response.body).toMatchObject({ error: 'VALIDATION_FAILED' });
    expect(response.body.message).toContain('"from"');
  });
});
