import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { supersedeForecasts } from '@larder/demand';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/**
 * The readers sort only forecasts not marked superseded. Whatever order runs are stored in (a run
 * made on an earlier day stored later, two runs with the same as_of and creation time, a run that
 * could already see the day), the rows left must be exactly those the day is judged by: of the done
 * runs made before it, those with the greatest (as_of, created_at).
 */
describe('forecast: superseded marks leave the latest forecast made before each day', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot({ ...database.config, demo: 'off' }), DatabaseModule] }).compile();
    app = await moduleRef.init();
    await app.get(DatabaseService).migrate();
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** A done run forecasting covers (dish 0) and dish 5 at lunch in canteen 1 for the given days. */
  async function storeRun(input: { id: number; asOf: string; createdAt: string; days: string[]; dishes?: number[] }): Promise<void> {
    const runId = `00000000-0000-4000-8000-${String(input.id).padStart(12, '0')}`;
    await dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO forecast_run (id, as_of, horizon_days, status, created_at) VALUES ($1, $2::date, 7, 'done', $3::timestamptz)`, [runId, input.asOf, input.createdAt]);
      for (const day of input.days) {
        for (const dish of input.dishes ?? [0, 5]) {
          await manager.query(`INSERT INTO forecast (canteen_id, run_id, service_date, meal, dish_id, model, p50, p10, p90) VALUES (1, $1, $2::date, 'lunch', $3, 'test', $4, $4, $4)`, [
            runId,
            day,
            dish,
            input.id * 100 + dish,
          ]);
        }
      }
      await supersedeForecasts(manager, runId);
    });
  }

  /** Eligible rows (done run made before the day) whose superseded mark disagrees with their rank among their series and day. */
  async function wrongMarks(): Promise<unknown[]> {
    return dataSource.query(`
      SELECT service_date::text AS day, dish_id, p50, superseded, position FROM (
        SELECT f.service_date, f.dish_id, f.p50, f.superseded,
               rank() OVER (PARTITION BY f.canteen_id, f.service_date, f.meal, f.dish_id ORDER BY r.as_of DESC, r.created_at DESC) AS position
        FROM forecast f JOIN forecast_run r ON r.id = f.run_id WHERE r.status = 'done' AND r.as_of < f.service_date
      ) ranked
      WHERE superseded <> (position > 1) ORDER BY 1, 2, 3`);
  }

  const current = async (): Promise<{ day: string; dish_id: number; p50: string }[]> =>
    dataSource.query(`SELECT f.service_date::text AS day, f.dish_id, f.p50::text AS p50 FROM forecast f JOIN forecast_run r ON r.id = f.run_id
      WHERE NOT f.superseded AND r.as_of < f.service_date ORDER BY 1, 2, 3`);

  const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-11-${String(from + i).padStart(2, '0')}`);

  it('keeps only the newest run made before each day, whatever order the runs are stored in', async () => {
    await storeRun({ id: 1, asOf: '2026-10-31', createdAt: '2026-10-31T22:00:00Z', days: days(1, 7) });
    await storeRun({ id: 2, asOf: '2026-11-02', createdAt: '2026-11-02T22:00:00Z', days: days(3, 9), dishes: [0] });
    expect(await wrongMarks()).toEqual([]);
    // made on an earlier day but stored later: it replaces run 1 on days 2-8 where run 2 is absent or cannot see them
    await storeRun({ id: 3, asOf: '2026-11-01', createdAt: '2026-11-03T22:00:00Z', days: days(2, 8) });
    expect(await wrongMarks()).toEqual([]);
    // the same as_of and creation time as run 2: both stay current for the days both forecast
    await storeRun({ id: 4, asOf: '2026-11-02', createdAt: '2026-11-02T22:00:00Z', days: days(3, 4) });
    // made on the day it forecasts: not a forecast of that day, so it replaces nothing there
    await storeRun({ id: 5, asOf: '2026-11-05', createdAt: '2026-11-05T22:00:00Z', days: days(5, 6) });
    expect(await wrongMarks()).toEqual([]);
    const rows = await current();
    const at = (day: string, dish: number) =>
      rows
        .filter((row) => row.day === day && row.dish_id === dish)
        .map((row) => Number(row.p50))
        .sort();
    expect(at('2026-11-01', 0)).toEqual([100]);
    expect(at('2026-11-02', 5)).toEqual([305]);
    expect(at('2026-11-03', 0)).toEqual([200, 400]);
    expect(at('2026-11-03', 5)).toEqual([405]);
    expect(at('2026-11-05', 5)).toEqual([305]);
    expect(at('2026-11-06', 0)).toEqual([500]);
    expect(at('2026-11-09', 0)).toEqual([200]);
    const superseded = await dataSource.query(`SELECT count(*)::int AS n FROM forecast WHERE superseded`);
    expect(superseded[0].n).toBeGreaterThan(10);
  });
});
