import type { NestExpressApplication } from '@nestjs/platform-express';
import { DemoSeedService } from '@larder/ingestion';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

const AS_OF = '2026-11-20';

describe('forecasts over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let manager: SignedInAgent;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    manager = await signIn(app, { username: 'fc-manager', role: 'manager', canteenIds: [1, 2] });
    await app.get(DemoSeedService).seed({ seed: 7, canteens: 2, employees: 800, days: 120, endDate: AS_OF, futureDays: 35 });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('answers 404 with a hint before any run', async () => {
    const response = await manager.agent.get('/api/forecasts').expect(404);
    expect(response.body).toMatchObject({ error: 'NOT_FOUND' });
    expect(response.body.message).toContain('larder -- forecast');
  });

  it('POST /api/forecasts/runs runs a refresh and answers with its summary', async () => {
    const response = await manager.agent.post('/api/forecasts/runs').set('x-csrf-token', manager.csrfToken).send({ asOf: AS_OF }).expect(201);
    expect(response.body).toMatchObject({ status: 'done', asOf: AS_OF, horizonDays: 28, series: 7, failed: [] });
    expect(response.body.forecasts).toBeGreaterThan(300);
    expect(response.body.meanBacktestWape.covers).toBeGreaterThan(0);
  });

  it('GET /api/forecasts serves covers and dish quantiles with the model and its backtest WAPE', async () => {
    const response = await manager.agent.get('/api/forecasts?canteen=C01&meal=lunch&from=2026-11-23&to=2026-11-27').expect(200);
    const { forecasts, runs } = response.body;
    expect(runs).toHaveLength(1);
    expect(forecasts.length).toBeGreaterThan(5);
    const dates = new Set(forecasts.map((row: { serviceDate: string }) => row.serviceDate));
    expect([...dates].every((date) => (date as string) >= '2026-11-23' && (date as string) <= '2026-11-27')).toBe(true);
    for (const row of forecasts) {
      expect(row).toMatchObject({ canteenCode: 'C01', meal: 'lunch', runId: runs[0].id });
      expect(row.p10).toBeLessThanOrEqual(row.p50);
      expect(row.p50).toBeLessThanOrEqual(row.p90);
      expect(typeof row.model).toBe('string');
      expect(row.quantiles).toHaveProperty(['0.8']);
    }
    const covers = forecasts.filter((row: { dishId: number }) => row.dishId === 0);
    expect(covers).toHaveLength(dates.size);
    expect(covers[0].backtestWape).toBeGreaterThan(0);
    const dish = forecasts.find((row: { dishId: number }) => row.dishId !== 0);
    expect(dish.dishCode).toEqual(expect.any(String));

    const one = await manager.agent.get(`/api/forecasts?canteen=C01&meal=lunch&dish=${dish.dishCode}`).expect(200);
    expect(one.body.forecasts.every((row: { dishId: number }) => row.dishId === dish.dishId)).toBe(true);
    const coversOnly = await manager.agent.get(`/api/forecasts?dish=covers&run=${runs[0].id}`).expect(200);
    expect(coversOnly.body.forecasts.every((row: { dishId: number }) => row.dishId === 0)).toBe(true);
    expect(new Set(coversOnly.body.forecasts.map((row: { canteenCode: string }) => row.canteenCode))).toEqual(new Set(['C01', 'C02']));
  });

  it('GET /api/forecasts/runs lists runs with status, counts and mean backtest WAPE', async () => {
    const response = await manager.agent.get('/api/forecasts/runs').expect(200);
    expect(response.body).toHaveLength(1);
    expect(response.body[0]).toMatchObject({ status: 'done', asOf: AS_OF, horizonDays: 28, counts: { series: 7, failed: 0 }, failed: [] });
    expect(response.body[0].counts.dishes).toBeGreaterThan(response.body[0].counts.covers);
    expect(response.body[0].meanBacktestWape.dishes).toBeGreaterThan(0);
  });

  it.each([
    ['/api/forecasts?meal=brunch', '"meal"'],
    ['/api/forecasts?from=2026-13-01', '"from"'],
    ['/api/forecasts?from=2026-12-01&to=2026-11-01', '"from"'],
    ['/api/forecasts?canteen=ZZ9', '"canteen"'],
    ['/api/forecasts?dish=NO_SUCH_DISH', '"dish"'],
    ['/api/forecasts?run=latest', '"run"'],
    ['/api/forecasts?week=2026-W48', '"week"'],
    ['/api/forecasts/runs?limit=0', '"limit"'],
  ])('GET %s is a 400 naming the parameter', async (url, name) => {
    const response = await manager.agent.get(url).expect(400);
    expect(response.body).toMatchObject({ error: 'VALIDATION_FAILED' });
    expect(response.body.message).toContain(name);
  });

  it('rejects a bad run request with a 400 and an unknown run with a 404', async () => {
    const bad = await manager.agent.post('/api/forecasts/runs').set('x-csrf-token', manager.csrfToken).send({ horizonDays: 500 }).expect(400);
    expect(bad.body.message).toContain('"horizonDays"');
    await manager.agent.post('/api/forecasts/runs').set('x-csrf-token', manager.csrfToken).send({ asOf: '20261120' }).expect(400);
    const unknown = await manager.agent.post('/api/forecasts/runs').set('x-csrf-token', manager.csrfToken).send({ asOf: AS_OF, horizon: 7 }).expect(400);
    expect(unknown.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: ['horizon'] } });
    await manager.agent.post('/api/forecasts/runs').set('x-csrf-token', manager.csrfToken).send({ asOf: '2026-02-30' }).expect(400);
    await manager.agent.get('/api/forecasts?run=00000000-0000-4000-8000-000000000000').expect(404);
  });
});
