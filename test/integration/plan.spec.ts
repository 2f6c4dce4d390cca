import { randomUUID } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AuditService } from '@larder/auth';
import { ConfigModule } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { MEAL_PERIODS } from '@larder/domain';
import { DemoSeedService, IngestionModule } from '@larder/ingestion';
import { PlanService, ProcurementModule, surplusValueFen } from '@larder/procurement';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/** Wednesday 2026-11-18, 10:00 in Shanghai: the week 2026-W48 (Mon 23 – Sun 29 Nov) is planned. Canteen 3 is closed for refurbishment. */
const AT = new Date('2026-11-18T02:00:00Z');
const WEEK = '2026-W48';

describe('production plans and purchase orders (integration)', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let plans: PlanService;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ ...database.config, demo: 'off' }), DatabaseModule, IngestionModule, ProcurementModule],
    }).compile();
    await moduleRef.init();
    await moduleRef.get(DatabaseService).migrate();
    await moduleRef.get(DemoSeedService).seed({ seed: 7, canteens: 3, employees: 900, days: 42, endDate: '2026-11-20', futureDays: 10 });
    plans = moduleRef.get(PlanService);
    dataSource = moduleRef.get(DataSource);
  }, 180_000);

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  it('plans a week from the seasonal estimate when no forecast is stored, and says so', async () => {
    const draft = (await plans.computeWeek({ canteenId: 1, week: WEEK, at: AT })).plan;
    const plan = await plans.createPlan({ canteenId: 1, week: WEEK, at: AT, createdBy: 'chef' });
    expect(plan).toMatchObject({ status: 'draft', version: 1, forecastSource: 'seasonal-estimate', forecastRunId: null, createdBy: 'chef' });
    // Lines come day by day, meals in the order of the day.
    const order = plan.lines.map((line) => `${line.serviceDate}|${MEAL_PERIODS.indexOf(line.meal)}`);
    expect(order).toEqual([...order].sort());
    expect(new Set(plan.lines.map((line) => line.meal)).size).toBeGreaterThan(1);
    expect(plan.notes.join(' ')).toMatch(/seasonal estimate/);
    const [menu] = await dataSource.query(`SELECT count(*)::int AS n FROM menu_item WHERE canteen_id = 1 AND service_date BETWEEN '2026-11-23' AND '2026-11-29'`);
    expect(plan.lines).toHaveLength(menu.n);
    expect(plan.covers.length).toBeGreaterThan(0);
    for (const line of plan.lines) {
      expect(line.serviceLevel).toBeGreaterThanOrEqual(0.05);
      expect(line.serviceLevel).toBeLessThanOrEqual(0.99);
      if (line.serviceLevel >= 0.5) expect(line.plannedPortions).toBeGreaterThanOrEqual(Math.floor(line.forecastP50));
    }
    expect(plan.orders.length).toBeGreaterThan(0);
    for (const order of plan.orders) {
      expect(order.status).toBe('draft');
      expect(order.orderDate >= '2026-11-18').toBe(true);
      expect(order.totalFen).toBe(order.lines.reduce((sum, line) => sum + line.amountFen, 0));
      expect(new Set(order.lines.map((line) => line.supplierItemId)).size).toBe(order.lines.length);
    }
    const keys = plan.orders.map((order) => `${order.supplierId}|${order.deliveryDate}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(plan.summary.purchaseCostFen).toBe(plan.orders.reduce((sum, order) => sum + order.totalFen, 0));
    expect(plan.summary.costPerMealFen).toBeGreaterThan(0);
    // The stored plan values its rounding surplus by the one rule, as the draft did, on the lines as
    // stored: needed quantities kept to 3 decimals move a line's value by up to 0.0005 of a unit.
    const packSizes = new Map<number, number>((await dataSource.query('SELECT id, pack_size::float8 AS size FROM supplier_item')).map((row: { id: number; size: number }) => [row.id, row.size]));
    const stored = plan.orders.flatMap((order) => order.lines.map((line) => ({ ...line, packSize: packSizes.get(line.supplierItemId)! })));
    expect(plan.summary.purchaseCostFen).toBe(draft.summary.purchaseCostFen);
    expect(plan.summary.roundingSurplusFen).toBe(stored.reduce((sum, line) => sum + surplusValueFen(line), 0));
    const storageSlack = stored.reduce((sum, line) => sum + (0.0005 / line.packSize) * line.packPriceFen + 1, 0);
    expect(Math.abs(plan.summary.roundingSurplusFen - draft.summary.roundingSurplusFen)).toBeLessThanOrEqual(storageSlack);
  });

  it('keeps which orders are late: the stored plan counts as many as the draft', async () => {
    // Sunday 22 Nov, 18:00 in Shanghai: every cut-off for a Monday delivery has passed.
    const sunday = new Date('2026-11-22T10:00:00Z');
    const draft = (await plans.computeWeek({ canteenId: 1, week: WEEK, at: sunday })).plan;
    expect(draft.summary.lateOrders).toBeGreaterThan(0);
    const plan = await plans.getPlan((await plans.createPlan({ canteenId: 1, week: WEEK, at: sunday })).id);
    expect(plan.summary.lateOrders).toBe(draft.summary.lateOrders);
    const lateness = (orders: { supplierId: number; deliveryDate: string; late: boolean }[]) => orders.map((order) => `${order.supplierId}|${order.deliveryDate}|${order.late}`);
    expect(lateness(plan.orders)).toEqual(lateness(draft.orders));
  });

  it("applies a manager's service level to every dish", async () => {
    const plan = await plans.createPlan({ canteenId: 2, week: WEEK, at: AT, serviceLevel: 0.9 });
    expect(plan.serviceLevel).toBe(0.9);
    expect(new Set(plan.lines.map((line) => line.serviceLevel))).toEqual(new Set([0.9]));
    await expect(plans.createPlan({ canteenId: 2, week: WEEK, at: AT, serviceLevel: 1.5 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(plans.createPlan({ canteenId: 2, week: '2026-W99x', at: AT })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('plans nothing for the days a canteen is closed', async () => {
    const plan = await plans.createPlan({ canteenId: 3, week: WEEK, at: AT });
    expect(plan.lines).toEqual([]);
    expect(plan.orders).toEqual([]);
    expect(plan.notes.join(' ')).toMatch(/closed on 2026-11-23/);
  });

  it('keeps overrides with their reason and re-computes the orders', async () => {
    const plan = await plans.createPlan({ canteenId: 1, week: WEEK, at: AT });
    const line = plan.lines[0];
    await expect(plans.override(plan.id, { ...line, portions: line.plannedPortions + 50, reason: ' ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const changed = await plans.override(plan.id, {
      serviceDate: line.serviceDate,
      meal: line.meal,
      dishId: line.dishId,
      portions: line.plannedPortions + 200,
      reason: 'union meeting in the canteen',
      createdBy: 'manager',
      at: AT,
      confirm: true,
    });
    const after = changed.lines.find((entry) => entry.serviceDate === line.serviceDate && entry.meal === line.meal && entry.dishId === line.dishId)!;
    expect(after.plannedPortions).toBe(line.plannedPortions + 200);
    expect(after.expectedLeftover).toBeGreaterThan(line.expectedLeftover);
    expect(changed.overrides).toEqual([
      expect.objectContaining({ previousPortions: line.plannedPortions, newPortions: line.plannedPortions + 200, reason: 'union meeting in the canteen', createdBy: 'manager' }),
    ]);
    expect(changed.summary.foodCostFen).toBeGreaterThan(plan.summary.foodCostFen);
    // The orders are re-computed from the new need; stock the demo's deliveries left in store may cover
    // the extra portions, so what they cost cannot fall but need not rise.
    expect(changed.summary.purchaseCostFen).toBeGreaterThanOrEqual(plan.summary.purchaseCostFen);
    // A second override keeps the first one.
    const other = plan.lines[1];
    const twice = await plans.override(plan.id, { serviceDate: other.serviceDate, meal: other.meal, dishId: other.dishId, portions: 0, reason: 'dish withdrawn', at: AT });
    expect(twice.overrides).toHaveLength(2);
    expect(twice.lines.find((entry) => entry.dishId === line.dishId && entry.serviceDate === line.serviceDate && entry.meal === line.meal)!.plannedPortions).toBe(line.plannedPortions + 200);
  });

  it('freezes an approved plan: a revision is a whole new version whose approval cancels the old orders, audited', async () => {
    const draft = await plans.createPlan({ canteenId: 2, week: WEEK, at: AT });
    const approved = await plans.approve(draft.id, { approvedBy: 'manager', at: AT });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'manager' });
    expect(approved.orders.every((order) => order.status === 'approved')).toBe(true);
    const line = approved.lines[0];
    await expect(plans.override(draft.id, { ...line, portions: 1, reason: 'too late' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(plans.approve(draft.id)).rejects.toMatchObject({ code: 'CONFLICT' });

    const again = await plans.revise(draft.id, { createdBy: 'manager', at: AT });
    expect(again.version).toBe(approved.version + 1);
    expect(again.status).toBe('draft');
    // The approved orders are what the revision replaces, not stock on the way: it buys the whole week again.
    expect(again.summary.purchaseCostFen).toBeGreaterThan(approved.summary.purchaseCostFen * 0.8);
    await expect(plans.revise(again.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const frozen = await plans.getPlan(draft.id);
    expect(frozen.lines).toEqual(approved.lines);
    expect(frozen.status).toBe('approved');

    await plans.approve(again.id, { approvedBy: 'manager', at: AT });
    const history = await plans.listPlans({ canteenId: 2, week: WEEK });
    const status = Object.fromEntries(history.map((plan) => [plan.version, plan.status]));
    expect(status[approved.version]).toBe('superseded');
    expect(status[again.version]).toBe('approved');
    const oldOrders = await plans.orders({ planId: draft.id });
    expect(oldOrders.every((order) => order.status === 'cancelled')).toBe(true);
    const cancels = (await moduleRef.get(AuditService).recent(200)).filter((entry) => entry.action === 'purchase-order.cancel' && (entry.detail as { planId?: string }).planId === draft.id);
    expect(cancels.map((entry) => (entry.detail as { orderId: string }).orderId).sort()).toEqual(oldOrders.map((order) => order.id).sort());
    expect(cancels.every((entry) => entry.actor === 'manager' && (entry.detail as { replacedBy: string }).replacedBy === again.id)).toBe(true);
    const revision = (await moduleRef.get(AuditService).recent(200)).find((entry) => entry.action === 'plan.revise' && (entry.detail as { planId?: string }).planId === again.id);
    expect(revision?.detail).toMatchObject({ revises: draft.id, fromVersion: approved.version, version: again.version });
  });

  it('asks for confirmation before an out-of-range override or a late approval, with the cost shown', async () => {
    const draft = await plans.createPlan({ canteenId: 2, week: '2026-W49', at: AT });
    const line = draft.lines.find((entry) => entry.plannedPortions > 20)!;
    const huge = { serviceDate: line.serviceDate, meal: line.meal, dishId: line.dishId, portions: 999_999, reason: 'typo', at: AT };
    const refused = await plans.override(draft.id, huge).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    const details = (refused as { details: { reasons: { code: string; limit: number }[]; before: { purchaseCostFen: number }; after: { purchaseCostFen: number; expectedLeftoverKg: number } } })
      .details;
    expect(details.reasons.map((reason) => reason.code)).toEqual(['above-forecast', 'above-capacity']);
    expect(details.reasons[0].limit).toBeGreaterThan(line.plannedPortions);
    expect(details.after.purchaseCostFen).toBeGreaterThan(details.before.purchaseCostFen);
    expect((await plans.getPlan(draft.id)).overrides).toHaveLength(0);
    // Within the range nothing is asked; confirmed, the unusual one is made.
    await plans.override(draft.id, { ...huge, portions: line.plannedPortions + 5 });
    const made = await plans.override(draft.id, { ...huge, confirm: true });
    expect(made.overrides.map((entry) => entry.newPortions)).toEqual([line.plannedPortions + 5, 999_999]);
    await expect(plans.override(draft.id, { ...huge, portions: -1, confirm: true })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    // The Monday of the week, after every cut-off: approval warns and needs confirming.
    const late = new Date('2026-11-30T04:00:00Z');
    const warned = await plans.approve(draft.id, { approvedBy: 'manager', at: late }).catch((error: unknown) => error);
    expect(warned).toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect((warned as { details: { reasons: { code: string }[] } }).details.reasons.map((reason) => reason.code)).toContain('week-started');
    expect((await plans.getPlan(draft.id)).status).toBe('draft');
    expect((await plans.approve(draft.id, { approvedBy: 'manager', at: late, confirm: true })).status).toBe('approved');
  });

  it('records approvals and overrides in the audit log: who, plan, line, old and new quantity, reason, when', async () => {
    const draft = await plans.createPlan({ canteenId: 1, week: '2026-W49', at: AT });
    const line = draft.lines[0];
    const before = new Date();
    await plans.override(draft.id, { serviceDate: line.serviceDate, meal: line.meal, dishId: line.dishId, portions: line.plannedPortions + 12, reason: 'team lunch', createdBy: 'wang.li', at: AT });
    await expect(plans.override(draft.id, { serviceDate: line.serviceDate, meal: line.meal, dishId: line.dishId, portions: 5, reason: '' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const approved = await plans.approve(draft.id, { approvedBy: 'zhang.wei', at: AT });
    await expect(plans.approve(draft.id, { approvedBy: 'zhang.wei' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const entries = (await moduleRef.get(AuditService).recent(50)).filter((entry) => (entry.detail as { planId?: string }).planId === draft.id);
    expect(entries.map((entry) => entry.action)).toEqual(['plan.approve', 'plan.override']);
    const [approval, override] = entries;
    expect(override).toMatchObject({
      actor: 'wang.li',
      detail: {
        planId: draft.id,
        canteenId: 1,
        week: '2026-W49',
        version: draft.version,
        serviceDate: line.serviceDate,
        meal: line.meal,
        dishId: line.dishId,
        from: line.plannedPortions,
        to: line.plannedPortions + 12,
        reason: 'team lunch',
      },
    });
    expect(approval).toMatchObject({
      actor: 'zhang.wei',
      detail: { planId: draft.id, canteenId: 1, week: '2026-W49', version: draft.version, orders: approved.orders.length, ordersFen: approved.orders.reduce((sum, order) => sum + order.totalFen, 0) },
    });
    for (const entry of entries) expect(entry.at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('reads stored forecast quantiles when a forecast run covers the week', async () => {
    const runId = randomUUID();
    await dataSource.query(`INSERT INTO forecast_run (id, as_of, horizon_days, status) VALUES ($1, '2026-11-20', 14, 'done')`, [runId]);
    const menu: { service_date: string; meal: string; dish_id: number }[] = await dataSource.query(
      `SELECT service_date::text AS service_date, meal, dish_id FROM menu_item WHERE canteen_id = 1 AND service_date BETWEEN '2026-11-23' AND '2026-11-29'`,
    );
    for (const item of menu) {
      await dataSource.query(`INSERT INTO forecast (canteen_id, run_id, service_date, meal, dish_id, model, p10, p50, p90, quantiles) VALUES (1, $1, $2, $3, $4, 'test', 40, 50, 60, '{"0.95": 66}')`, [
        runId,
        item.service_date,
        item.meal,
        item.dish_id,
      ]);
    }
    const plan = await plans.createPlan({ canteenId: 1, week: WEEK, at: AT, serviceLevel: 0.9 });
    expect(plan).toMatchObject({ forecastSource: 'stored', forecastRunId: runId });
    expect(plan.lines.every((line) => line.forecastP50 === 50 && line.plannedPortions === 60)).toBe(true);
  });
});
