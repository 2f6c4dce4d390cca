import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AccuracyService, FinanceService, SatisfactionService, WasteService } from '@larder/analytics';
import { ForecastRunService } from '@larder/demand';
import { DemoSeedService } from '@larder/ingestion';
import { createHttpApp, signIn, SignedInAgent } from '../support/http-app';
import { createTestDatabase, TestDatabase } from '../support/test-config';

const END = '2026-11-20';

describe('the dashboard API over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let admin: SignedInAgent;
  let finance: SignedInAgent;
  let manager: SignedInAgent;
  let union: SignedInAgent;
  let viewer: SignedInAgent;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createHttpApp(database.config);
    await app.get(DemoSeedService).seed({ seed: 7, canteens: 2, employees: 800, days: 60, endDate: END });
    await app.get(ForecastRunService).run({ asOf: '2026-10-30', horizonDays: 21, trigger: 'manual' });
    admin = await signIn(app, { username: 'dash-admin', role: 'admin' });
    finance = await signIn(app, { username: 'dash-finance', role: 'finance' });
    manager = await signIn(app, { username: 'dash-manager', role: 'manager', canteenIds: [1] });
    union = await signIn(app, { username: 'dash-union', role: 'union' });
    viewer = await signIn(app, { username: 'dash-viewer', role: 'viewer' });
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  describe('meta', () => {
    it('lists the pages, canteens and dishes each role may use', async () => {
      const all = (await finance.agent.get('/api/dashboard/meta').expect(200)).body;
      expect(all.role).toBe('finance');
      expect(all.pages).toEqual(['overview', 'dishes', 'demand', 'waste', 'purchasing', 'finance', 'jobs']);
      expect(all.canteens.map((canteen: { id: number }) => canteen.id)).toEqual([1, 2]);
      expect(all.dishes.length).toBeGreaterThan(10);
      expect(all.meals).toEqual(['breakfast', 'lunch', 'dinner', 'night']);
      expect(all.lastServiceDate).toBe(END);
      expect(all.timeZone).toBe('Asia/Shanghai');
      const own = (await manager.agent.get('/api/dashboard/meta').expect(200)).body;
      expect(own.canteens.map((canteen: { id: number }) => canteen.id)).toEqual([1]);
      expect((await union.agent.get('/api/dashboard/meta').expect(200)).body.pages).toEqual(['satisfaction']);
    });
  });

  describe('overview', () => {
    it('defaults to the last 28 service days of every visible canteen, with KPIs equal to the report figures', async () => {
      const body = (await finance.agent.get('/api/dashboard/overview').expect(200)).body;
      expect(body.filters).toMatchObject({ to: END, asOf: END, canteens: [1, 2], meal: null });
      const dates: { d: string }[] = await app.get(DataSource).query(`SELECT DISTINCT service_date::text AS d FROM daily_meal_rollup ORDER BY 1 DESC LIMIT 28`);
      expect(body.filters.from).toBe(dates[27].d);
      const scope = { from: body.filters.from, to: END, canteenIds: [1, 2], allSites: true };
      const figures = (await app.get(FinanceService).figures(scope)).total;
      expect(body.kpis.covers.value).toBe(figures.covers);
      expect(body.kpis.revenueFen.value).toBe(figures.revenueFen);
      expect(body.kpis.subsidyFen.value).toBe(figures.subsidyFen);
      expect(body.kpis.foodCostPct.value).toBeCloseTo(figures.foodCostRatio!, 10);
      expect(body.kpis.participationRate.value).toBeCloseTo(figures.participation!, 10);
      const waste = await app.get(WasteService).waste(scope);
      const wasted = waste.canteens.reduce((sum, row) => sum + row.overproductionPortions, 0);
      const prepared = waste.canteens.reduce((sum, row) => sum + row.preparedPortions, 0);
      expect(body.kpis.wastePct.value).toBeCloseTo(wasted / prepared, 10);
      expect(body.kpis.wasteKg.value).toBeCloseTo(waste.canteens.reduce((sum, row) => sum + row.overproductionKg + row.plateKg + row.spoilageKg, 0), 2);
      const ratings = await app.get(SatisfactionService).satisfaction(scope);
      expect(body.kpis.satisfaction.value).toBeCloseTo(ratings.total.averageRating!, 10);
      // The daily trend adds up to the range: covers day by day sum to the KPI.
      expect(body.kpis.covers.trend[0].date).toBe(body.filters.from);
      expect(body.kpis.covers.trend.reduce((sum: number, point: { value: number | null }) => sum + (point.value ?? 0), 0)).toBe(figures.covers);
      const previous = (await app.get(FinanceService).figures({ ...scope, from: shift(body.filters.from, body.filters.to).from, to: shift(body.filters.from, body.filters.to).to })).total;
      expect(body.kpis.covers.previous).toBe(previous.covers);
      expect(body.coversToday).toMatchObject({ date: END });
      expect(body.coversToday.actual).toBeGreaterThan(0);
      expect(body.coversVsForecast.filter((point: { p50: number | null }) => point.p50 !== null).length).toBeGreaterThan(5);
      expect(Array.isArray(body.alerts)).toBe(true);
    });

    it('narrows to a canteen and a meal', async () => {
      const all = (await finance.agent.get(`/api/dashboard/overview?from=2026-11-01&to=${END}`).expect(200)).body;
      const lunch = (await finance.agent.get(`/api/dashboard/overview?from=2026-11-01&to=${END}&canteens=2&meal=lunch`).expect(200)).body;
      expect(lunch.filters).toMatchObject({ from: '2026-11-01', to: END, canteens: [2], meal: 'lunch' });
      const scope = { from: '2026-11-01', to: END, canteenIds: [2], allSites: false, meal: 'lunch' };
      const figures = (await app.get(FinanceService).figures(scope)).total;
      expect(lunch.kpis.covers.value).toBe(figures.covers);
      expect(lunch.kpis.covers.value).toBeLessThan(all.kpis.covers.value);
      expect(lunch.kpis.foodCostPct.value).toBeCloseTo(figures.foodCostRatio!, 10);
    });

    it('answers bad filters with VALIDATION_FAILED naming the parameter', async () => {
      const bad = async (query: string, text: string) => {
        const response = await finance.agent.get(`/api/dashboard/overview?${query}`).expect(400);
        expect(response.body.error).toBe('VALIDATION_FAILED');
        expect(response.body.message).toContain(text);
      };
      await bad('meal=brunch', '"meal" must be one of');
      await bad('from=2026-11-20&to=2026-11-01', 'must not be after');
      await bad('from=2020-01-01&to=2026-11-01', 'at most 400 days');
      await bad('canteens=1,abc', '"canteens"');
      await bad('canteens=99', 'no canteen with id 99');
      await bad('from=yesterday', '"from" must be a date');
    });

    it('keeps a manager to their own canteens and the union out', async () => {
      const own = (await manager.agent.get('/api/dashboard/overview').expect(200)).body;
      expect(own.filters.canteens).toEqual([1]);
      const figures = (await app.get(FinanceService).figures({ from: own.filters.from, to: own.filters.to, canteenIds: [1], allSites: false })).total;
      expect(own.kpis.covers.value).toBe(figures.covers);
      const refused = await manager.agent.get('/api/dashboard/overview?canteens=1,2').expect(403);
      expect(refused.body.error).toBe('FORBIDDEN');
      await union.agent.get('/api/dashboard/overview').expect(403);
      await viewer.agent.get('/api/dashboard/overview').expect(200);
      await admin.agent.get('/api/dashboard/overview?canteens=2').expect(200);
    });
  });

  void AccuracyService;
});

function shift(from: string, to: string): { from: string; to: string } {
  const day = 86_400_000;
  const length = (Date.parse(to) - Date.parse(from)) / day + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(Date.parse(from) - length * day), to: iso(Date.parse(from) - day) };
}
