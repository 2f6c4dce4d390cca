import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { AuditService } from '@larder/auth';
import { DataSource } from 'typeorm';
import { addDays, isoWeekStart } from '@larder/domain';
import { createHttpApp, signIn } from '../support/http-app';
import { createDemoDatabase } from '../support/demo-presets';
import type { TestDatabase } from '../support/test-config';

const WEEK = '2026-W48';

describe('plans over HTTP', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let get: (path: string) => request.Test;
  let post: (path: string) => request.Test;
  let actor = 'api';

  beforeAll(async () => {
    database = await createDemoDatabase('ordering');
    app = await createHttpApp(database.config);
    const open = await request(app.getHttpServer()).get('/api/plans');
    if (open.status === 401) {
      // Behind the access guard: sign in as a manager of both canteens.
      const { agent, csrfToken } = await signIn(app, { username: 'plan-manager', role: 'manager', canteenIds: [1, 2] });
      get = (path) => agent.get(path);
      post = (path) => agent.post(path).set('x-csrf-token', csrfToken);
      actor = 'plan-manager';
    } else {
      get = (path) => request(app.getHttpServer()).get(path);
      post = (path) => request(app.getHttpServer()).post(path);
    }
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('creates a draft, overrides a line with a reason, approves it and serves its orders', async () => {
    const created = await post('/api/plans').send({ canteen: 'C02', week: WEEK }).expect(201);
    const plan = created.body;
    expect(plan).toMatchObject({ canteenId: 2, week: WEEK, status: 'draft', version: 1, forecastSource: 'seasonal-estimate' });
    expect(plan.lines.length).toBeGreaterThan(10);
    expect(plan.orders.length).toBeGreaterThan(0);

    const line = plan.lines[0];
    const overridden = await post(`/api/plans/${plan.id}/overrides`)
      .send({ serviceDate: line.serviceDate, meal: line.meal, dishId: line.dishId, portions: line.plannedPortions + 30, reason: 'training day' })
      .expect(201);
    expect(overridden.body.overrides).toEqual([expect.objectContaining({ newPortions: line.plannedPortions + 30, reason: 'training day' })]);
    const missingReason = await post(`/api/plans/${plan.id}/overrides`).send({ serviceDate: line.serviceDate, meal: line.meal, dishId: line.dishId, portions: 5 }).expect(400);
    expect(String(missingReason.body.message)).toContain('reason');

    // The week is past (the plan is made today for an old week): approving it warns, and is done only when confirmed.
    const warned = await post(`/api/plans/${plan.id}/approve`).expect(409);
    expect(warned.body).toMatchObject({ error: 'CONFIRMATION_REQUIRED', details: { reasons: expect.arrayContaining([expect.objectContaining({ code: 'week-started' })]) } });
    expect(warned.body.message).toMatch(/the week began on 2026-11-23/);
    await post(`/api/plans/${plan.id}/approve`).send({ confirm: 'yes' }).expect(400);
    const approved = await post(`/api/plans/${plan.id}/approve`).send({ confirm: true }).expect(200);
    expect(approved.body.status).toBe('approved');
    const frozen = await post(`/api/plans/${plan.id}/overrides`).send({ serviceDate: line.serviceDate, meal: line.meal, dishId: line.dishId, portions: 5, reason: 'late' }).expect(409);
    expect(frozen.body.error).toBe('CONFLICT');

    const orders = await get(`/api/plans/${plan.id}/orders`).expect(200);
    expect(orders.body.every((order: { status: string }) => order.status === 'approved')).toBe(true);
    const byDelivery = await get('/api/purchase-orders?canteen=C02&status=approved').expect(200);
    expect(byDelivery.body.length).toBe(orders.body.length);
    const listed = await get(`/api/plans?canteen=2&week=${WEEK}`).expect(200);
    expect(listed.body.map((entry: { id: string }) => entry.id)).toContain(plan.id);

    // The signed-in manager is who the audit log names for the override and the approval.
    const audit = (await app.get(AuditService).recent(20)).filter((entry) => (entry.detail as { planId?: string }).planId === plan.id);
    expect(audit.map(({ actor: who, action }) => ({ who, action }))).toEqual([
      { who: actor, action: 'plan.approve' },
      { who: actor, action: 'plan.override' },
    ]);
    expect(audit[1].detail).toMatchObject({ dishId: line.dishId, from: line.plannedPortions, to: line.plannedPortions + 30, reason: 'training day' });
  });

  it('asks before an unusual override, names why and what it costs; revises an approved plan into a new version', async () => {
    const plan = (await post('/api/plans').send({ canteen: 'C02', week: WEEK }).expect(201)).body;
    const line = plan.lines.reduce((most: { plannedPortions: number }, entry: { plannedPortions: number }) => (entry.plannedPortions > most.plannedPortions ? entry : most));
    const huge = { serviceDate: line.serviceDate, meal: line.meal, dishId: line.dishId, portions: 999_999, reason: 'typo' };
    const asked = await post(`/api/plans/${plan.id}/overrides`).send(huge).expect(409);
    expect(asked.body.error).toBe('CONFIRMATION_REQUIRED');
    expect(asked.body.message).toMatch(/999999 portions is out of the usual range: more than \d+ portions \(the forecast's p99/);
    expect(asked.body.details.after.purchaseCostFen).toBeGreaterThan(asked.body.details.before.purchaseCostFen);
    expect(asked.body.details.after.expectedLeftoverKg).toBeGreaterThan(asked.body.details.before.expectedLeftoverKg);
    await post(`/api/plans/${plan.id}/overrides`)
      .send({ ...huge, portions: -5, confirm: true })
      .expect(400);
    const made = await post(`/api/plans/${plan.id}/overrides`)
      .send({ ...huge, confirm: true })
      .expect(201);
    expect(made.body.overrides).toEqual([expect.objectContaining({ newPortions: 999_999 })]);

    await post(`/api/plans/${plan.id}/revise`).expect(409);
    await post(`/api/plans/${plan.id}/approve`).send({ confirm: true }).expect(200);
    const revised = await post(`/api/plans/${plan.id}/revise`).expect(201);
    expect(revised.body).toMatchObject({ status: 'draft', version: plan.version + 1, overrides: [expect.objectContaining({ newPortions: 999_999 })] });
    await post(`/api/plans/${revised.body.id}/approve`).send({ confirm: true }).expect(200);
    const old = await get(`/api/plans/${plan.id}/orders`).expect(200);
    expect(old.body.length).toBeGreaterThan(0);
    expect(old.body.every((order: { status: string }) => order.status === 'cancelled')).toBe(true);
    expect((await get(`/api/plans/${plan.id}`).expect(200)).body.status).toBe('superseded');
  });

  it('answers what-if questions without storing anything', async () => {
    const before = (await get('/api/plans').expect(200)).body.length;
    const response = await post('/api/plans/what-if')
      .send({ week: WEEK, canteens: [2], scenario: { headcountFactor: 0.5, serviceLevel: 0.7 } })
      .expect(200);
    expect(response.body.scenario.covers).toBeLessThan(response.body.base.covers);
    expect(response.body.change.purchaseCostFen).toBeLessThan(0);
    expect(response.body.canteens).toHaveLength(1);
    expect((await get('/api/plans').expect(200)).body.length).toBe(before);
    await post('/api/plans/what-if')
      .send({ week: WEEK, scenario: { headcountFactor: -2 } })
      .expect(400);
  });

  it("sets a what-if against the plan shown: the plan's column is that plan, overrides included", async () => {
    const plan = (await post('/api/plans').send({ canteen: 'C02', week: WEEK }).expect(201)).body;
    const line = plan.lines.find((entry: { plannedPortions: number }) => entry.plannedPortions > 0);
    const portions = line.plannedPortions + 200;
    const overridden = (
      await post(`/api/plans/${plan.id}/overrides`).send({ serviceDate: line.serviceDate, meal: line.meal, dishId: line.dishId, portions, reason: 'team day', confirm: true }).expect(201)
    ).body;
    const figures = (summary: Record<string, number>) => ({
      covers: summary.covers,
      plannedPortions: summary.plannedPortions,
      purchaseCostFen: summary.purchaseCostFen,
      foodCostFen: summary.foodCostFen,
      // As the page shows it: the stored lines are rounded, so the third decimal may differ.
      expectedLeftoverKg: Math.round(summary.expectedLeftoverKg * 10) / 10,
    });
    const unchanged = (
      await post('/api/plans/what-if')
        .send({ week: WEEK, canteens: [2], plan: plan.id, scenario: {} })
        .expect(200)
    ).body;
    expect(figures(unchanged.base)).toEqual(figures(overridden.summary));
    expect(unchanged.change.plannedPortions).toBe(0);
    // 10 % fewer diners: measured from the plan with its override, not from a fresh draft without it.
    const fewer = (
      await post('/api/plans/what-if')
        .send({ week: WEEK, canteens: [2], plan: plan.id, scenario: { headcountFactor: 0.9 } })
        .expect(200)
    ).body;
    expect(fewer.base.plannedPortions).toBe(overridden.summary.plannedPortions);
    expect(fewer.change.plannedPortions).toBeLessThan(0);
    const elsewhere = await post('/api/plans/what-if')
      .send({ week: WEEK, canteens: [1], plan: plan.id, scenario: {} })
      .expect(400);
    expect(elsewhere.body.message).toContain("is canteen 2's");
    // Closing the plan's canteen does not make its plan one of the canteens asked about.
    await post('/api/plans/what-if')
      .send({ week: WEEK, canteens: [1], plan: plan.id, scenario: { closeCanteens: [2] } })
      .expect(400);
    const otherWeek = await post('/api/plans/what-if')
      .send({ week: '2026-W49', canteens: [2], plan: plan.id, scenario: {} })
      .expect(400);
    expect(otherWeek.body.message).toContain('is for 2026-W48');
  });

  it('answers "+10 % covers on one day" and "an ingredient +15 %" with cost per meal and waste', async () => {
    const monday = isoWeekStart(WEEK);
    const busier = (
      await post('/api/plans/what-if')
        .send({ week: WEEK, canteens: [2], scenario: { dayFactors: [{ serviceDate: addDays(monday, 4), factor: 1.1 }] } })
        .expect(200)
    ).body;
    expect(busier.change.covers).toBeGreaterThan(0);
    expect(busier.change.plannedPortions).toBeGreaterThan(0);
    expect(busier.change.purchaseCostFen).toBeGreaterThanOrEqual(0);
    // The ingredient the week buys most of, priced 15 % up: purchase cost and cost per meal rise, covers stay.
    const [{ ingredient_id: ingredient }] = await app.get(DataSource).query('SELECT ingredient_id FROM purchase_order_line WHERE canteen_id = 2 GROUP BY 1 ORDER BY sum(amount_fen) DESC LIMIT 1');
    const dearer = (
      await post('/api/plans/what-if')
        .send({ week: WEEK, canteens: [2], scenario: { priceFactors: [{ ingredientId: ingredient, factor: 1.15 }] } })
        .expect(200)
    ).body;
    expect(dearer.change.covers).toBe(0);
    expect(dearer.change.purchaseCostFen).toBeGreaterThan(0);
    expect(dearer.change.costPerMealFen).toBeGreaterThan(0);
    const unknown = await post('/api/plans/what-if')
      .send({ week: WEEK, scenario: { priceFactors: [{ ingredientId: 999999, factor: 1.1 }] } })
      .expect(404);
    expect(unknown.body).toMatchObject({ error: 'NOT_FOUND' });
    const outOfRange = await post('/api/plans/what-if')
      .send({ week: WEEK, scenario: { dayFactors: [{ serviceDate: monday, factor: 9 }] } })
      .expect(400);
    expect(outOfRange.body.message).toContain('must be between 0 and 5');
    const mistyped = await post('/api/plans/what-if')
      .send({ week: WEEK, scenario: { priceFactors: [{ ingredientId: 'pork', factor: 1.1 }] } })
      .expect(400);
    expect(mistyped.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: ['scenario.priceFactors.0.ingredientId'] } });
  });

  it('refuses what-if bodies with unknown or mistyped fields, naming them', async () => {
    const unknown = await post('/api/plans/what-if')
      .send({ week: WEEK, scenario: { headcount: 0.5 } })
      .expect(400);
    expect(unknown.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: ['scenario.headcount'] } });
    const swap = await post('/api/plans/what-if')
      .send({ week: WEEK, scenario: { swaps: [{ fromDishId: 1, toDishId: 2, meal: 'brunch' }] } })
      .expect(400);
    expect(swap.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: ['scenario.swaps.0.meal'] } });
    const canteens = await post('/api/plans/what-if')
      .send({ week: WEEK, canteens: ['C01'] })
      .expect(400);
    expect(canteens.body.message).toContain('"canteens" must be a list of canteen ids');
    await post('/api/plans/what-if')
      .send({ week: WEEK, scenario: { swaps: [{ fromDishId: 1, toDishId: 2, serviceDate: '2026-11-31' }] } })
      .expect(400);
  });

  it('accounts waste by week, canteen and kind', async () => {
    const response = await get('/api/waste/accounting?from=2026-11-02&to=2026-11-15&canteen=C02').expect(200);
    expect(response.body.canteenWeeks.map((week: { week: string }) => week.week)).toEqual(['2026-W45', '2026-W46']);
    expect(response.body.total.kg).toBeGreaterThan(0);
    expect(response.body.canteenWeeks[0].plateKgPerCover).toBeGreaterThan(0);
    await get('/api/waste/accounting?from=2026-11-15&to=2026-11-02').expect(400);
  });

  it('lets a manager run the nightly run from the page for their own canteens only', async () => {
    const own = await signIn(app, { username: 'night-manager', role: 'manager', canteenIds: [2] });
    const run = await own.agent.post('/api/jobs/nightly/runs').set('x-csrf-token', own.csrfToken).expect(201);
    expect(run.body.status).toBe('succeeded');
    const perCanteen = run.body.steps.filter((step: { canteenId: number | null }) => step.canteenId !== null);
    expect(perCanteen.map((step: { name: string }) => step.name)).toEqual(expect.arrayContaining(['refresh-rollups', 'forecast', 'draft-plans']));
    expect(perCanteen.every((step: { canteenId: number }) => step.canteenId === 2)).toBe(true);
    const other = await own.agent.post('/api/jobs/inbox/runs').set('x-csrf-token', own.csrfToken).expect(403);
    expect(other.body.message).toMatch(/nightly job only/);
  });

  it('answers unknown plans and bad weeks clearly', async () => {
    await get('/api/plans/00000000-0000-0000-0000-000000000000').expect(404);
    const bad = await post('/api/plans').send({ canteen: 'C02', week: '2026-48' }).expect(400);
    expect(String(bad.body.message)).toContain('week');
    await post('/api/plans').send({ canteen: 'C02', week: WEEK, extra: 1 }).expect(400);
    await post('/api/plans').send({ canteen: 'C99', week: WEEK }).expect(404);
  });
});
