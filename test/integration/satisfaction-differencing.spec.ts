import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { DashboardModule, DashboardSatisfactionService, type DashboardScope, type SatisfactionPanel } from '@larder/analytics';
import { ConfigModule } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { addDays } from '@larder/domain';
import { deleteSmallWeeks, FEEDBACK_FIRST_DAY, seedSmallGroupFeedback } from '../fixtures/satisfaction-feedback';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/**
 * The red team's attack on issue #25: ask for the satisfaction of many overlapping ranges,
 * canteens and meals, subtract the answers, and look for a difference of one to four answers —
 * a group under five diners. Canteen 2's dinners are few: some weeks hold fewer than five diners.
 */
describe('satisfaction for the union survives differencing', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let service: DashboardSatisfactionService;
  const FIRST = FEEDBACK_FIRST_DAY;
  const TODAY = '2026-12-01';

  beforeAll(async () => {
    database = await createTestDatabase();
    @Module({ imports: [ConfigModule.forRoot({ ...database.config, demo: 'off' }), DatabaseModule, DashboardModule] })
    class SatisfactionTestModule {}
    app = await NestFactory.createApplicationContext(SatisfactionTestModule, { logger: ['error'] });
    await app.get(DatabaseService).migrate();
    dataSource = app.get(DataSource);
    service = app.get(DashboardSatisfactionService);
    await seedSmallGroupFeedback(dataSource);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const scope = (from: string, to: string, canteenIds: number[], meal: 'dinner' | 'lunch' | null): DashboardScope => ({
    filters: { from, to, canteens: canteenIds, meal, asOf: TODAY },
    from,
    to,
    comparedThrough: to,
    canteenIds,
    meal,
    allSites: false,
    previous: { from, to },
    today: TODAY,
  });
  const ask = (request: DashboardScope) => service.panel(request, { money: false, today: TODAY });

  /** Every published count of an answer, by what it is about. */
  function counts(panel: SatisfactionPanel): Map<string, number> {
    const figures = new Map<string, number>([['total', panel.total.responses ?? 0]]);
    for (const row of panel.canteens) figures.set(`canteen ${row.canteenId}`, row.responses ?? 0);
    for (const row of panel.dishes) figures.set(`dish ${row.canteenId}/${row.dishId}`, row.responses ?? 0);
    for (const row of panel.tags) figures.set(`tag ${row.tag}`, row.mentions ?? 0);
    return figures;
  }

  it('gives no two nested answers a difference of one to four answers, over every range of five weeks, canteen and meal', async () => {
    const days = Array.from({ length: 35 }, (_, index) => addDays(FIRST, index));
    const ranges: [string, string][] = [];
    for (let a = 0; a < days.length; a += 2) for (let b = a; b < Math.min(days.length, a + 16); b++) ranges.push([days[a], days[b]]);
    const recovered: string[] = [];
    for (const [canteens, meal] of [
      [[2], 'dinner'],
      [[1, 2], null],
      [[1], 'lunch'],
    ] as [number[], 'dinner' | 'lunch' | null][]) {
      const answers = new Map<string, Map<string, number>>();
      for (const [from, to] of ranges) answers.set(`${from}|${to}`, counts(await ask(scope(from, to, canteens, meal))));
      // nested ranges: the red team's [from, to] against [from, to + 1], and every other nesting
      for (const [from, to] of ranges) {
        for (const [innerFrom, innerTo] of ranges) {
          if (innerFrom < from || innerTo > to || (innerFrom === from && innerTo === to)) continue;
          const outer = answers.get(`${from}|${to}`)!;
          const inner = answers.get(`${innerFrom}|${innerTo}`)!;
          for (const [what, value] of outer) {
            const difference = value - (inner.get(what) ?? 0);
            if (difference > 0 && difference < 5) recovered.push(`${canteens}/${meal} ${what}: [${from}, ${to}] - [${innerFrom}, ${innerTo}] = ${difference}`);
          }
        }
      }
    }
    expect(recovered.slice(0, 5)).toEqual([]);
  }, 300_000);

  it('gives no answer that moves with canteen 2’s dinners when they are too few: the same with them removed', async () => {
    const requests = [
      scope('2026-10-20', '2026-11-01', [2], 'dinner'),
      scope('2026-10-20', '2026-11-02', [2], 'dinner'),
      scope(FIRST, '2026-11-15', [1, 2], null),
      scope(FIRST, '2026-11-15', [2], null),
    ];
    const before = await Promise.all(requests.map(ask));
    expect(before[2].total.responses).toBeGreaterThan(0);
    // the small weeks: canteen 2's dinner weeks with fewer than five diners
    expect((await deleteSmallWeeks(dataSource)).length).toBeGreaterThan(0);
    const after = await Promise.all(requests.map(ask));
    expect(after).toEqual(before);
  });
});
