import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { DashboardModule, DashboardSatisfactionService, type DashboardScope } from '@larder/analytics';
import { ConfigModule } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { createTestDatabase, TestDatabase } from '../support/test-config';

/**
 * Comment themes on the satisfaction panel come from released cells only: a canteen-week of four
 * diners shows nothing, a dish of four diners shows nothing of its own, and the example comments
 * carry no number or name.
 */
describe('comment themes on the satisfaction panel', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  const TODAY = '2026-12-01';

  beforeAll(async () => {
    database = await createTestDatabase();
    @Module({ imports: [ConfigModule.forRoot({ ...database.config, demo: 'off' }), DatabaseModule, DashboardModule] })
    class ThemesTestModule {}
    app = await NestFactory.createApplicationContext(ThemesTestModule, { logger: ['error'] });
    await app.get(DatabaseService).migrate();
    const dataSource = app.get(DataSource);
    await dataSource.query(`INSERT INTO site (id, code, name, name_en) VALUES (1, 'HQ', '总部', 'HQ')`);
    await dataSource.query(`INSERT INTO canteen (id, code, name, name_en, site_id, seats) VALUES (1, 'C1', '一食堂', 'C1', 1, 300), (2, 'C2', '二食堂', 'C2', 1, 100)`);
    await dataSource.query(
      `INSERT INTO dish (id, code, name, name_en, category, list_price_fen, subsidised_price_fen, portion_kg) VALUES (1, 'D1', '红烧肉', 'D1', 'meat', 1800, 1200, 0.3), (2, 'D2', '番茄炒蛋', 'D2', 'vegetable', 900, 600, 0.3), (3, 'D3', '冬瓜汤', 'D3', 'soup', 200, 100, 0.2)`,
    );
    let id = 1;
    const answer = (canteen: number, diner: string, rating: number, dish: number, tags: string[], comment: string) =>
      dataSource.query(
        `INSERT INTO feedback (canteen_id, id, submitted_at, service_date, meal, dish_id, rating, tags, diner_pseudonym, comment) VALUES ($1, $2, '2026-11-04 12:00+08', '2026-11-04', 'lunch', $3, $4, $5, $6, $7)`,
        [canteen, id++, dish, rating, tags, diner, comment],
      );
    for (let n = 0; n < 7; n++) await answer(1, `salty-${n}`, 2, 1, ['太咸'], `红烧肉太咸了，我的卡号是62220212345678${n}，张师傅少放点盐`);
    for (let n = 0; n < 5; n++) await answer(1, `soup-${n}`, 5, 3, ['好吃'], '冬瓜汤很好吃，食堂师傅辛苦了');
    for (let n = 0; n < 4; n++) await answer(1, `oily-${n}`, 1, 2, ['太油'], '番茄炒蛋太油了，工号E1023');
    for (let n = 0; n < 4; n++) await answer(2, `few-${n}`, 1, 1, ['排队久'], '排队太长了，窗口太少');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const scope = (canteenIds: number[]): DashboardScope => ({
    filters: { from: '2026-11-02', to: '2026-11-08', canteens: canteenIds, meal: null, asOf: TODAY },
    from: '2026-11-02',
    to: '2026-11-08',
    comparedThrough: '2026-11-08',
    canteenIds,
    meal: null,
    allSites: false,
    previous: { from: '2026-10-26', to: '2026-11-01' },
    today: TODAY,
  });

  it('shows themes of released groups of five diners or more only, with masked examples', async () => {
    const panel = await app.get(DashboardSatisfactionService).panel(scope([1, 2]), { money: false, today: TODAY });
    // canteen 2's week of 4 diners is not released: nothing of it, not even its canteen's group
    expect(panel.themes.map((group) => [group.canteenId, group.dishId, group.diners])).toEqual([
      [1, null, 16],
      [1, 1, 7],
    ]);
    const [canteen, dish] = panel.themes;
    expect(canteen.sentiment).toEqual({ complaint: 11, praise: 5, neutral: 0 });
    expect(canteen.sentimentWithheld).toBe(canteen.comments - 16);
    const words = new Map(canteen.keywords.map((keyword) => [keyword.word, keyword]));
    expect(words.get('太咸')).toEqual(expect.objectContaining({ sentiment: 'complaint', diners: 7 }));
    expect(words.get('好吃')).toEqual(expect.objectContaining({ sentiment: 'praise', diners: 5 }));
    // the dish of four diners (番茄炒蛋, 太油) shows no theme of its own, nor in its canteen
    expect(words.has('太油')).toBe(false);
    expect(words.has('番茄')).toBe(false);
    expect(dish.keywords.map((keyword) => keyword.word)).toContain('太咸');
    for (const keyword of [...canteen.keywords, ...dish.keywords]) expect(keyword.example).not.toMatch(/\d|张|E1023/);
    expect(words.get('太咸')!.example).toBe('红烧肉太咸了，我的卡号是***，*师傅少放点盐');
  });

  it('shows nothing for a canteen whose week holds 4 diners', async () => {
    const panel = await app.get(DashboardSatisfactionService).panel(scope([2]), { money: false, today: TODAY });
    expect(panel.themes).toEqual([]);
  });
});
