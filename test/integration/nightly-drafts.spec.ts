import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditService } from '@larder/auth';
import { ConfigModule, LarderConfig } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { DemoSeedService, IngestionModule } from '@larder/ingestion';
import { JobRunnerService, RunSummary } from '@larder/jobs';
import { NIGHTLY_JOB, PipelineModule } from '@larder/pipeline';
import { NIGHTLY_PLANNER, PlanService } from '@larder/procurement';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/** Friday 2026-11-20: the night's drafts are for 2026-W48 (Mon 23 – Sun 29 Nov). */
const AS_OF = '2026-11-20';
const NEXT_WEEK = '2026-W48';

function openContext(config: LarderConfig): Promise<INestApplicationContext> {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, IngestionModule, PipelineModule] })
  class NightlyDraftsTestModule {}
  return NestFactory.createApplicationContext(NightlyDraftsTestModule, { logger: false });
}

const draftSteps = (summary: RunSummary) => summary.steps.filter((step) => step.name === 'draft-plans');

describe('nightly draft plans', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let plans: PlanService;
  const night = (canteenIds?: number[]) => context.get(JobRunnerService).run(NIGHTLY_JOB, { trigger: 'manual', asOf: AS_OF, canteenIds });
  const versions = async (canteenId: number) => (await plans.listPlans({ canteenId, week: NEXT_WEEK })).map(({ version, status, createdBy }) => ({ version, status, createdBy }));

  beforeAll(async () => {
    database = await createTestDatabase();
    context = await openContext(database.config);
    await context.get(DatabaseService).migrate();
    await context.get(DemoSeedService).seed({ seed: 5, canteens: 2, employees: 600, days: 60, endDate: AS_OF, futureDays: 10 });
    plans = context.get(PlanService);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  it('drafts next week for every canteen after the forecasts, and a re-run adds no identical draft', async () => {
    const first = await night();
    expect(first.status).toBe('succeeded');
    const names = first.steps.map((step) => step.name);
    expect(names.lastIndexOf('forecast')).toBeLessThan(names.indexOf('draft-plans'));
    expect(draftSteps(first).map(({ canteenId, counts }) => ({ canteenId, drafted: counts.drafted }))).toEqual([
      { canteenId: 1, drafted: 1 },
      { canteenId: 2, drafted: 1 },
    ]);
    for (const canteenId of [1, 2]) {
      expect(await versions(canteenId)).toEqual([{ version: 1, status: 'draft', createdBy: NIGHTLY_PLANNER }]);
      const [listed] = await plans.listPlans({ canteenId, week: NEXT_WEEK });
      const plan = await plans.getPlan(listed.id);
      expect(plan.forecastSource).toBe('stored');
      expect(plan.lines.length).toBeGreaterThan(0);
    }

    const again = await night();
    expect(again.status).toBe('succeeded');
    expect(draftSteps(again).map((step) => step.counts)).toEqual([expect.objectContaining({ drafted: 0, unchanged: 1 }), expect.objectContaining({ drafted: 0, unchanged: 1 })]);
    expect(await versions(1)).toHaveLength(1);
    expect(await versions(2)).toHaveLength(1);
  }, 180_000);

  it('never replaces an approved plan, nor a draft a manager has overridden', async () => {
    const [draft1] = await plans.listPlans({ canteenId: 1, week: NEXT_WEEK });
    // The demo's weeks are past by today: approving (and a large override) is confirmed.
    await plans.approve(draft1.id, { approvedBy: 'manager', confirm: true });
    const [draft2] = await plans.listPlans({ canteenId: 2, week: NEXT_WEEK });
    const line = (await plans.getPlan(draft2.id)).lines[0];
    await plans.override(draft2.id, {
      serviceDate: line.serviceDate,
      meal: line.meal,
      dishId: line.dishId,
      portions: line.plannedPortions + 30,
      reason: 'open day',
      createdBy: 'manager',
      confirm: true,
    });
    const summary = await night();
    expect(summary.status).toBe('succeeded');
    expect(draftSteps(summary).map(({ canteenId, counts }) => ({ canteenId, counts }))).toEqual([
      { canteenId: 1, counts: expect.objectContaining({ drafted: 0, 'approved-kept': 1 }) },
      { canteenId: 2, counts: expect.objectContaining({ drafted: 0, 'overridden-kept': 1 }) },
    ]);
    expect(await versions(1)).toEqual([{ version: 1, status: 'approved', createdBy: NIGHTLY_PLANNER }]);
    expect(await versions(2)).toEqual([{ version: 1, status: 'draft', createdBy: NIGHTLY_PLANNER }]);
    const audit = await context.get(AuditService).recent(10);
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['plan.approve', 'plan.override']));
  }, 180_000);

  it('makes a new version when the inputs changed, and a failing canteen does not stop the others', async () => {
    const [draft2] = await plans.listPlans({ canteenId: 2, week: NEXT_WEEK });
    await context.get(DatabaseService).dataSource.query(`DELETE FROM plan_override WHERE plan_id = $1`, [draft2.id]);
    // Canteen 999 does not exist: its draft fails (after the retries) while canteen 2 is drafted anew.
    const summary = await night([999, 2]);
    expect(summary.status).toBe('failed');
    const steps = draftSteps(summary);
    expect(steps.find((step) => step.canteenId === 999)).toMatchObject({ status: 'failed', error: expect.stringMatching(/999/) });
    expect(steps.find((step) => step.canteenId === 2)).toMatchObject({ status: 'succeeded', counts: expect.objectContaining({ drafted: 1 }) });
    expect(await versions(2)).toEqual([
      { version: 2, status: 'draft', createdBy: NIGHTLY_PLANNER },
      { version: 1, status: 'superseded', createdBy: NIGHTLY_PLANNER },
    ]);
  }, 180_000);
});
