import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditService } from '@larder/auth';
import { ConfigModule, LarderConfig } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { DemoSeedService, IngestionModule } from '@larder/ingestion';
import { MenuProposalService, MenuProposalView, PlanService, ProcurementModule } from '@larder/procurement';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/** The demo ends on Friday 2026-11-20 with menus written ten days ahead; the proposal is for 2026-W48. */
const AS_OF = '2026-11-20';
const FROM = '2026-11-23';
const WEEK = '2026-W48';

function openContext(config: LarderConfig): Promise<INestApplicationContext> {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, IngestionModule, ProcurementModule] })
  class MenuProposalTestModule {}
  return NestFactory.createApplicationContext(MenuProposalTestModule, { logger: false });
}

describe('menu proposals', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let menus: MenuProposalService;
  let proposal: MenuProposalView;
  const menuOf = async (canteenId: number, date: string, meal: string): Promise<number[]> =>
    (
      (await context
        .get(DatabaseService)
        .dataSource.query('SELECT dish_id FROM menu_item WHERE canteen_id = $1 AND service_date = $2::date AND meal = $3 ORDER BY 1', [canteenId, date, meal])) as Array<{ dish_id: number }>
    ).map((row) => row.dish_id);

  beforeAll(async () => {
    database = await createTestDatabase();
    context = await openContext(database.config);
    await context.get(DatabaseService).migrate();
    await context.get(DemoSeedService).seed({ seed: 5, canteens: 2, employees: 600, days: 120, endDate: AS_OF, futureDays: 10 });
    menus = context.get(MenuProposalService);
    proposal = await menus.propose({ canteenId: 1, from: FROM, weeks: 1, createdBy: 'manager-1' });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  it('proposes changes that explain themselves, with predicted figures per day and in total', async () => {
    expect(proposal.slots.length).toBeGreaterThan(0);
    expect(proposal.changes.length).toBeGreaterThan(0);
    for (const change of proposal.changes) {
      expect(change.status).toBe('proposed');
      expect(change.explanation.zh).not.toMatch(/[A-Za-z]/);
      expect(change.explanation.en).toMatch(/^(replace|add|take off) /);
      expect(change.date >= FROM && change.date <= '2026-11-29').toBe(true);
    }
    // Within each meal's budget (no dearer than the dearest current day) and never worse on the objective's terms.
    expect(proposal.totals.proposed.costFenPerCover).toBeLessThanOrEqual(Math.max(...proposal.slots.map((slot) => slot.current.costFenPerCover)) + 1e-6);
    expect(proposal.totals.proposed.covers).toBe(proposal.totals.current.covers);
    const audit = await context.get(AuditService).search({ limit: 10, action: 'menu.propose' });
    expect(audit.map((entry) => entry.detail.proposalId)).toContain(proposal.id);
  });

  it('writes an accepted change into the menu, audited, and the next plan cooks it', async () => {
    const change = proposal.changes.find((entry) => entry.kind === 'replace')!;
    expect(await menuOf(1, change.date, change.meal)).toContain(change.fromDishId);
    const decided = await menus.decide({ proposalId: proposal.id, seq: change.seq, decision: 'accept', reason: 'less waste', decidedBy: 'manager-1' });
    expect(decided).toMatchObject({ status: 'accepted', decidedBy: 'manager-1', reason: 'less waste' });
    const served = await menuOf(1, change.date, change.meal);
    expect(served).toContain(change.toDishId);
    expect(served).not.toContain(change.fromDishId);
    const [entry] = await context.get(AuditService).search({ limit: 1, action: 'menu.change.accept' });
    expect(entry).toMatchObject({ actor: 'manager-1', detail: expect.objectContaining({ proposalId: proposal.id, seq: change.seq, toDishId: change.toDishId, reason: 'less waste' }) });

    const plan = await context.get(PlanService).createPlan({ canteenId: 1, week: WEEK, createdBy: 'manager-1' });
    const cooked = plan.lines.filter((line) => line.serviceDate === change.date && line.meal === change.meal).map((line) => line.dishId);
    expect(cooked).toContain(change.toDishId);
    expect(cooked).not.toContain(change.fromDishId);
  }, 120_000);

  it("leaves the menu alone on a rejection, serves the manager's dish on an edit, and decides a change once", async () => {
    const [rejected, edited] = proposal.changes.filter((entry) => entry.kind === 'replace' && entry.status === 'proposed').slice(1);
    const before = await menuOf(1, rejected.date, rejected.meal);
    await menus.decide({ proposalId: proposal.id, seq: rejected.seq, decision: 'reject', reason: 'the cook is away', decidedBy: 'manager-1' });
    expect(await menuOf(1, rejected.date, rejected.meal)).toEqual(before);

    const own = proposal.slots
      .flatMap((slot) => slot.currentDishIds)
      .find((dishId) => !proposal.slots.find((slot) => slot.date === edited.date && slot.meal === edited.meal)!.currentDishIds.includes(dishId))!;
    const result = await menus.decide({ proposalId: proposal.id, seq: edited.seq, decision: 'edit', dishId: own, reason: 'a regular asks for it', decidedBy: 'manager-1' });
    expect(result).toMatchObject({ status: 'edited', toDishId: own });
    const served = await menuOf(1, edited.date, edited.meal);
    expect(served).toContain(own);
    expect(served).not.toContain(edited.fromDishId);
    await expect(menus.decide({ proposalId: proposal.id, seq: edited.seq, decision: 'accept', decidedBy: 'manager-1' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('writes a whole rotation menu when a day has none yet, so one change never leaves a slot with one dish', async () => {
    const later = await menus.propose({ canteenId: 2, from: '2026-12-07', weeks: 2, createdBy: 'manager-2' });
    const change = later.changes.find((entry) => entry.kind === 'replace')!;
    expect(await menuOf(2, change.date, change.meal)).toEqual([]);
    await menus.decide({ proposalId: later.id, seq: change.seq, decision: 'accept', decidedBy: 'manager-2' });
    const slot = later.slots.find((entry) => entry.date === change.date && entry.meal === change.meal)!;
    const expected = [...slot.currentDishIds.filter((dishId) => dishId !== change.fromDishId), change.toDishId!].sort((a, b) => a - b);
    expect(await menuOf(2, change.date, change.meal)).toEqual(expected);
  }, 120_000);

  it('prices the subsidy of the cycle in the what-if: per cover and in total, at the rule in force per meal and day', async () => {
    // Rules set by hand for the cycle: lunch rises mid-week, so both rules apply to one proposal.
    await context.get(DatabaseService).dataSource.query(
      `INSERT INTO subsidy_rule (valid_from, meal, subsidy_fen) VALUES ('2026-11-23', 'breakfast', 300), ('2026-11-23', 'lunch', 800), ('2026-11-25', 'lunch', 1200),
       ('2026-11-23', 'dinner', 600), ('2026-11-23', 'night', 500) ON CONFLICT (valid_from, meal) DO UPDATE SET subsidy_fen = EXCLUDED.subsidy_fen`,
    );
    const view = await menus.get(proposal.id);
    const hand = (meal: string, date: string) => ({ breakfast: 300, lunch: date >= '2026-11-25' ? 1200 : 800, dinner: 600, night: 500 })[meal]!;
    const covers = view.slots.reduce((sum, slot) => sum + slot.covers, 0);
    const subsidyFen = view.slots.reduce((sum, slot) => sum + slot.covers * hand(slot.meal, slot.date), 0);
    expect(view.slots.some((slot) => slot.meal === 'lunch' && slot.date < '2026-11-25') && view.slots.some((slot) => slot.meal === 'lunch' && slot.date >= '2026-11-25')).toBe(true);
    for (const side of [view.whatIf.current, view.whatIf.proposed]) {
      expect(side.covers).toBe(covers);
      expect(side.subsidyFen).toBeCloseTo(subsidyFen, 6);
      expect(side.subsidyFenPerCover).toBeCloseTo(subsidyFen / covers, 6);
    }
    // Food cost, leftovers and stars are the cycle totals the proposal already states, now also in total.
    expect(view.whatIf.proposed.costFenPerCover).toBeCloseTo(view.totals.proposed.costFenPerCover, 6);
    expect(view.whatIf.current.wasteKgPerCover).toBeCloseTo(view.totals.current.wasteKgPerCover, 6);
    expect(view.whatIf.proposed.costFen).toBeCloseTo(view.totals.proposed.costFenPerCover * covers, 3);
  });
});
