import type { NestExpressApplication } from '@nestjs/platform-express';
import { ForecastRunService } from '@larder/demand';
import { DemoSeedService } from '@larder/ingestion';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

const AS_OF = '2026-11-20';
/** A week earlier: the forecasts that history would have had, made after the current run. */
const BACKFILL_AS_OF = '2026-11-13';
const WEEK = '2026-W48';
const WEEK_DAYS = { from: '2026-11-23', to: '2026-11-29' };

/**
 * One rule says which stored forecast is current (@larder/demand): a backfill, made later for an
 * older as_of and covering the same days ahead, must not replace it in any reader.
 */
describe('the current forecast after a backfill', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let manager: SignedInAgent;
  let current: string;
  let backfill: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    await app.get(DemoSeedService).seed({ seed: 7, canteens: 2, employees: 800, days: 60, endDate: AS_OF, futureDays: 21 });
    // Canteen 1 of this demo is closed for most of November: canteen 2 is planned.
    manager = await signIn(app, { username: 'current-manager', role: 'manager', canteenIds: [2] });
    const runs = app.get(ForecastRunService);
    current = (await runs.run({ asOf: AS_OF, horizonDays: 21, canteenIds: [2], trigger: 'manual' })).runId;
    backfill = (await runs.run({ asOf: BACKFILL_AS_OF, horizonDays: 21, canteenIds: [2], trigger: 'manual' })).runId;
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('plans, /api/forecasts and the dashboard all read the run with the latest as_of', async () => {
    const listed = (await manager.agent.get(`/api/forecasts?canteen=C02&from=${WEEK_DAYS.from}&to=${WEEK_DAYS.to}`).expect(200)).body;
    expect(listed.runs.map((run: { id: string }) => run.id)).toEqual([current]);
    // The backfill forecasts the same week, with other numbers: the readers below can tell them apart.
    const backfilled = (await manager.agent.get(`/api/forecasts?run=${backfill}&canteen=C02&dish=covers&from=${WEEK_DAYS.from}&to=${WEEK_DAYS.to}`).expect(200)).body;
    expect(backfilled.forecasts.length).toBeGreaterThan(3);

    const plan = (await manager.agent.post('/api/plans').set('x-csrf-token', manager.csrfToken).send({ canteen: 'C02', week: WEEK }).expect(201)).body;
    expect(plan).toMatchObject({ forecastSource: 'stored', forecastRunId: current });

    const covers = listed.forecasts.filter((row: { dishId: number }) => row.dishId === 0);
    const perDay = new Map<string, number>();
    for (const row of covers) perDay.set(row.serviceDate, (perDay.get(row.serviceDate) ?? 0) + row.p50);
    const backfillPerDay = new Map<string, number>();
    for (const row of backfilled.forecasts) backfillPerDay.set(row.serviceDate, (backfillPerDay.get(row.serviceDate) ?? 0) + row.p50);
    expect([...perDay.keys()].some((day) => Math.abs(perDay.get(day)! - (backfillPerDay.get(day) ?? 0)) > 1e-6)).toBe(true);

    const demand = (await manager.agent.get(`/api/dashboard/demand?from=${WEEK_DAYS.from}&to=${WEEK_DAYS.to}`).expect(200)).body;
    const charted = demand.series.filter((point: { p50: number | null }) => point.p50 !== null);
    expect(charted.map((point: { date: string }) => point.date).sort()).toEqual([...perDay.keys()].sort());
    for (const point of charted) expect(point.p50).toBeCloseTo(perDay.get(point.date)!, 6);
  });
});
