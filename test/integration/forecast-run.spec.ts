import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { DemandHistoryService, DemandModule, ForecastQueryService, ForecastRunService, ForecastRunSummary } from '@larder/demand';
import { addDays, isoWeekday, ProgressUpdate } from '@larder/domain';
import { parseIsoDate } from '@larder/forecasting';
import { DemoSeedService, IngestionModule } from '@larder/ingestion';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/** History ends on Tuesday 2026-09-22: the next 28 days hold Mid-Autumn, National Day and make-up Saturday 10-10. */
const AS_OF = '2026-09-22';
const HORIZON_END = addDays(AS_OF, 28);

interface StoredRow {
  canteen_id: number;
  service_date: string;
  meal: string;
  dish_id: number;
  model: string;
  p10: string;
  p50: string;
  p90: string;
  backtest_wape: string | null;
}

describe('forecast runs on a seeded demo', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let runs: ForecastRunService;
  let summary: ForecastRunSummary;
  let rows: StoredRow[];
  let canteens: { id: number; code: string; opens_weekends: boolean }[];
  const seedProgress: ProgressUpdate[] = [];
  const runProgress: ProgressUpdate[] = [];

  const rowsOf = (runId: string): Promise<StoredRow[]> =>
    dataSource.query(
      `SELECT canteen_id, service_date::text AS service_date, meal, dish_id, model, p10, p50, p90, backtest_wape
       FROM forecast WHERE run_id = $1 ORDER BY canteen_id, service_date, meal, dish_id`,
      [runId],
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ ...database.config, demo: 'off' }), DatabaseModule, IngestionModule, DemandModule],
    }).compile();
    moduleRef.useLogger(['error']);
    await moduleRef.init();
    await moduleRef.get(DatabaseService).migrate();
    await moduleRef.get(DemoSeedService).seed({ seed: 11, canteens: 2, employees: 800, days: 150, endDate: AS_OF, futureDays: 35 }, { onProgress: (update) => seedProgress.push(update) });
    dataSource = moduleRef.get(DataSource);
    runs = moduleRef.get(ForecastRunService);
    canteens = await dataSource.query('SELECT id, code, opens_weekends FROM canteen ORDER BY id');
    // A planned closure of the weekend canteen, and a menu put on a plain Saturday of the weekday-only canteen.
    const weekendCanteen = canteens.find((canteen) => canteen.opens_weekends)!;
    await dataSource.query(`INSERT INTO canteen_closure (canteen_id, from_date, to_date, reason) VALUES ($1, '2026-10-13', '2026-10-14', 'test closure')`, [weekendCanteen.id]);
    const weekdayCanteen = canteens.find((canteen) => !canteen.opens_weekends)!;
    await dataSource.query(`INSERT INTO menu_item (canteen_id, service_date, meal, dish_id) SELECT $1, '2026-10-17', 'lunch', id FROM dish ORDER BY id LIMIT 3`, [weekdayCanteen.id]);

    summary = await runs.run({ asOf: AS_OF, onProgress: (update) => runProgress.push(update) });
    rows = await rowsOf(summary.runId);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  it('reports the progress of the seeding and of the run, step by step and never backwards', () => {
    const steps = (updates: ProgressUpdate[]) => [...new Set(updates.map((update) => update.step))];
    const fractions = (updates: ProgressUpdate[]) => updates.map((update) => update.fraction!);
    expect(steps(seedProgress)).toEqual(['master tables', 'days of sales', 'indexes', 'rollups']);
    expect(fractions(seedProgress)).toEqual([...fractions(seedProgress)].sort((a, b) => a - b));
    expect(seedProgress.find((update) => update.step === 'days of sales' && update.done === update.total)).toMatchObject({ total: 150 + 35, fraction: 0.8 });
    expect(steps(runProgress)).toEqual(['canteens read', 'series forecast', 'storing']);
    expect(fractions(runProgress)).toEqual([...fractions(runProgress)].sort((a, b) => a - b));
    const forecast = runProgress.filter((update) => update.step === 'series forecast');
    expect(forecast.map((update) => update.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(forecast.at(-1)).toMatchObject({ total: 7, fraction: 0.95 });
  });

  it('stores a done run with covers and dish forecasts for every canteen and meal', async () => {
    expect(summary).toMatchObject({ status: 'done', asOf: AS_OF, horizonDays: 28, failed: [] });
    expect(summary.series).toBe(7); // C01 breakfast/lunch/dinner, C02 the same plus night
    expect(summary.forecasts).toBe(rows.length);
    expect(rows.some((row) => row.dish_id === 0)).toBe(true);
    expect(rows.some((row) => row.dish_id !== 0)).toBe(true);
    const [run] = await dataSource.query('SELECT status, as_of::text AS as_of FROM forecast_run WHERE id = $1', [summary.runId]);
    expect(run).toEqual({ status: 'done', as_of: AS_OF });
    expect(summary.meanBacktestWape.covers).toBeGreaterThan(0);
    expect(summary.meanBacktestWape.covers).toBeLessThan(0.5);
    expect(summary.meanBacktestWape.dishes).toBeGreaterThan(0);
    for (const row of rows.filter((entry) => entry.dish_id === 0)) {
      expect(row.backtest_wape).not.toBeNull();
      // The series' own model, alone or mixed with the global one ("global50%+regression").
      expect(row.model).toMatch(/^(global(25|50|75|100)%\+)?(seasonalNaive|median4|mean4|ets|regression|ensemble)$/);
    }
  });

  it('forecasts only the service days of the next 28 days: menu days, no closures, holidays or plain weekends of weekday canteens', async () => {
    const menus: { canteen_id: number; service_date: string; meal: string }[] = await dataSource.query(
      `SELECT DISTINCT canteen_id, service_date::text AS service_date, meal FROM menu_item WHERE service_date > $1::date AND service_date <= $2::date`,
      [AS_OF, HORIZON_END],
    );
    const kinds = new Map<string, string>((await dataSource.query(`SELECT day::text AS day, kind FROM calendar_day`)).map((row: { day: string; kind: string }) => [row.day, row.kind]));
    const expected = menus
      .filter((menu) => {
        const canteen = canteens.find((entry) => entry.id === menu.canteen_id)!;
        if (canteen.opens_weekends) return !(menu.service_date >= '2026-10-13' && menu.service_date <= '2026-10-14');
        return kinds.get(menu.service_date) !== 'weekend' && kinds.get(menu.service_date) !== 'holiday';
      })
      .map((menu) => `${menu.canteen_id}|${menu.service_date}|${menu.meal}`)
      .sort();
    const covers = rows
      .filter((row) => row.dish_id === 0)
      .map((row) => `${row.canteen_id}|${row.service_date}|${row.meal}`)
      .sort();
    expect(covers).toEqual(expected);
    for (const row of rows) {
      expect(row.service_date > AS_OF && row.service_date <= HORIZON_END).toBe(true);
      // a canteen open on weekends serves on public holidays too (dayService); a weekday canteen never
      if (kinds.get(row.service_date) === 'holiday') expect(canteens.find((canteen) => canteen.id === row.canteen_id)!.opens_weekends).toBe(true);
    }
    expect(rows.some((row) => kinds.get(row.service_date) === 'holiday')).toBe(true);
    const weekdayCanteen = canteens.find((canteen) => !canteen.opens_weekends)!;
    const weekdayRows = rows.filter((row) => row.canteen_id === weekdayCanteen.id);
    expect(weekdayRows.some((row) => row.service_date === '2026-10-17')).toBe(false);
    expect(weekdayRows.every((row) => isoWeekday(row.service_date) <= 5 || kinds.get(row.service_date) === 'makeup_workday')).toBe(true);
    expect(weekdayRows.some((row) => row.service_date === '2026-10-10')).toBe(true); // make-up Saturday
  });

  it("forecasts exactly the dishes on each day's menu", async () => {
    const menu: { canteen_id: number; service_date: string; meal: string; dish_id: number }[] = await dataSource.query(
      `SELECT canteen_id, service_date::text AS service_date, meal, dish_id FROM menu_item WHERE service_date > $1::date AND service_date <= $2::date`,
      [AS_OF, HORIZON_END],
    );
    const served = new Set(rows.filter((row) => row.dish_id === 0).map((row) => `${row.canteen_id}|${row.service_date}|${row.meal}`));
    const expected = menu
      .filter((item) => served.has(`${item.canteen_id}|${item.service_date}|${item.meal}`))
      .map((item) => `${item.canteen_id}|${item.service_date}|${item.meal}|${item.dish_id}`)
      .sort();
    const dishes = rows
      .filter((row) => row.dish_id !== 0)
      .map((row) => `${row.canteen_id}|${row.service_date}|${row.meal}|${row.dish_id}`)
      .sort();
    expect(dishes).toEqual(expected);
    // The model names the dish path that served: the share model's split, the dish's own series or their mean.
    expect(rows.filter((row) => row.dish_id !== 0).every((row) => /^(.+\+shares|own series|mean\(.+\+shares, own series\))$/.test(row.model))).toBe(true);
  });

  it('keeps p10 <= p50 <= p90 on every row', () => {
    for (const row of rows) {
      expect(Number(row.p10)).toBeLessThanOrEqual(Number(row.p50));
      expect(Number(row.p50)).toBeLessThanOrEqual(Number(row.p90));
      expect(Number(row.p10)).toBeGreaterThanOrEqual(0);
    }
    const covers = rows.filter((row) => row.dish_id === 0);
    expect(covers.filter((row) => Number(row.p90) > Number(row.p10)).length).toBeGreaterThan(covers.length / 2);
  });

  it('splits covers into dish portions consistent with covers x portions per cover of the history', async () => {
    const history: { canteen_id: number; meal: string; ratio: number }[] = await dataSource.query(
      `SELECT m.canteen_id, m.meal, (SELECT sum(quantity) FROM daily_dish_rollup d WHERE d.canteen_id = m.canteen_id AND d.meal = m.meal AND d.service_date <= $1::date)::float8
              / sum(m.covers)::float8 AS ratio
       FROM daily_meal_rollup m WHERE m.service_date <= $1::date GROUP BY m.canteen_id, m.meal`,
      [AS_OF],
    );
    for (const series of history) {
      const seriesRows = rows.filter((row) => row.canteen_id === series.canteen_id && row.meal === series.meal);
      const covers = seriesRows.filter((row) => row.dish_id === 0).reduce((sum, row) => sum + Number(row.p50), 0);
      const portions = seriesRows.filter((row) => row.dish_id !== 0).reduce((sum, row) => sum + Number(row.p50), 0);
      expect(covers).toBeGreaterThan(0);
      expect(portions / covers).toBeGreaterThan(series.ratio * 0.8);
      expect(portions / covers).toBeLessThan(series.ratio * 1.25);
    }
  });

  it('gives intervals that cover most of what was then sold (a run as of four weeks earlier)', async () => {
    const earlier = await runs.run({ asOf: addDays(AS_OF, -28) });
    const actual: { canteen_id: number; service_date: string; meal: string; dish_id: number; quantity: number }[] = await dataSource.query(
      `SELECT canteen_id, service_date::text AS service_date, meal, 0 AS dish_id, covers AS quantity FROM daily_meal_rollup WHERE service_date > $1::date AND service_date <= $2::date
       UNION ALL
       SELECT canteen_id, service_date::text, meal, dish_id, quantity FROM daily_dish_rollup WHERE service_date > $1::date AND service_date <= $2::date`,
      [addDays(AS_OF, -28), AS_OF],
    );
    const sold = new Map(actual.map((row) => [`${row.canteen_id}|${row.service_date}|${row.meal}|${row.dish_id}`, Number(row.quantity)]));
    const coverage = (predicate: (row: StoredRow) => boolean) => {
      const scored = forecastRows.filter(predicate).filter((row) => sold.has(`${row.canteen_id}|${row.service_date}|${row.meal}|${row.dish_id}`));
      const inside = scored.filter((row) => {
        const value = sold.get(`${row.canteen_id}|${row.service_date}|${row.meal}|${row.dish_id}`)!;
        return Number(row.p10) <= value && value <= Number(row.p90);
      });
      return { n: scored.length, share: inside.length / scored.length };
    };
    const forecastRows = await rowsOf(earlier.runId);
    const covers = coverage((row) => row.dish_id === 0);
    const dishes = coverage((row) => row.dish_id !== 0);
    expect(covers.n).toBeGreaterThan(100);
    expect(dishes.n).toBeGreaterThan(500);
    expect(covers.share).toBeGreaterThan(0.6);
    expect(dishes.share).toBeGreaterThan(0.7);
    expect(dishes.share).toBeLessThan(0.97);
  });

  it('is deterministic: a run limited to one canteen reproduces its forecasts', async () => {
    const first = canteens[0];
    const again = await runs.run({ asOf: AS_OF, canteenCodes: [first.code] });
    const repeated = await rowsOf(again.runId);
    const strip = (list: StoredRow[]) => list.filter((row) => row.canteen_id === first.id).map((row) => ({ ...row }));
    expect(repeated.length).toBeGreaterThan(0);
    expect(strip(repeated)).toEqual(strip(rows));
    // The API's default picks each canteen's latest run: the limited run for the first, the full run for the other.
    const listing = await moduleRef.get(ForecastQueryService).forecasts({});
    expect(new Set(listing.forecasts.map((row) => row.runId))).toEqual(new Set([again.runId, summary.runId]));
    expect(listing.forecasts.filter((row) => row.canteenId === first.id).every((row) => row.runId === again.runId)).toBe(true);
  });

  it('gives each meal the staff at work on the sites without a canteen, past days and horizon', async () => {
    const outlying: { id: number }[] = await dataSource.query('SELECT s.id FROM site s WHERE NOT EXISTS (SELECT 1 FROM canteen c WHERE c.site_id = s.id) ORDER BY s.id');
    expect(outlying.length).toBeGreaterThan(0);
    const [row] = await dataSource.query(`SELECT id, site_id, opens_weekends FROM canteen ORDER BY id LIMIT 1`);
    const asOf = parseIsoDate(AS_OF);
    const inputs = await moduleRef
      .get(DemandHistoryService)
      .mealInputs({ id: row.id, code: 'x', siteId: row.site_id, opensWeekends: row.opens_weekends }, { historyFrom: asOf - 60, sharesFrom: asOf - 28, asOf, horizonEnd: asOf + 7 });
    const lunch = inputs.get('lunch')!;
    const day = lunch.days[lunch.days.length - 1];
    const [headcount] = await dataSource.query(`SELECT on_duty - remote AS on_site FROM headcount WHERE site_id = $1 AND day = $2::date`, [outlying[0].id, AS_OF]);
    expect(day).toBe(asOf);
    for (const site of outlying) {
      expect(lunch.drivers[`staff_on_site_${site.id}`]).toHaveLength(lunch.days.length);
      expect(lunch.horizonDrivers[`staff_on_site_${site.id}`]).toHaveLength(lunch.horizon.length);
    }
    expect(lunch.drivers[`staff_on_site_${outlying[0].id}`].at(-1)).toBe(Number(headcount.on_site));
  });

  it('records a failing canteen/meal and stores the others', async () => {
    const night = canteens.find((canteen) => canteen.opens_weekends)!;
    const [broken] = await dataSource.query(`SELECT service_date::text AS service_date, covers FROM daily_meal_rollup WHERE canteen_id = $1 AND meal = 'night' ORDER BY service_date DESC LIMIT 1`, [
      night.id,
    ]);
    await dataSource.query(`UPDATE daily_meal_rollup SET covers = -1 WHERE canteen_id = $1 AND meal = 'night' AND service_date = $2::date`, [night.id, broken.service_date]);
    try {
      const partial = await runs.run({ asOf: AS_OF });
      expect(partial.status).toBe('done');
      expect(partial.failed).toEqual([expect.objectContaining({ canteenId: night.id, meal: 'night' })]);
      expect(partial.series).toBe(6);
      const stored = await rowsOf(partial.runId);
      expect(stored.some((row) => row.canteen_id === night.id && row.meal === 'night')).toBe(false);
      expect(stored.some((row) => row.canteen_id === night.id && row.meal === 'lunch')).toBe(true);
      const [listed] = await moduleRef.get(ForecastQueryService).runs(1);
      expect(listed).toMatchObject({ id: partial.runId, status: 'done', counts: { series: 6, failed: 1 } });
      expect(listed.failed[0]).toMatchObject({ canteenCode: night.code, meal: 'night' });
      expect(listed.failed[0].error).toContain('non-negative');
    } finally {
      await dataSource.query(`UPDATE daily_meal_rollup SET covers = $3 WHERE canteen_id = $1 AND meal = 'night' AND service_date = $2::date`, [night.id, broken.service_date, broken.covers]);
    }
  });
});
