import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { loadConfig } from '@larder/config';
import { charts, describeWithChromium, launchChromium, openView, screenshot, signedInPage, startDashboardServer, DashboardServer, SignedInPage } from './support/dashboard-browser';

const { praiseTags, complaintTags } = loadConfig({}).feedback;
const HAN = /[\u4e00-\u9fff]/;

describeWithChromium('the satisfaction page for union officials', () => {
  let server: DashboardServer;
  let browser: Browser;
  const sessions = new Map<string, SignedInPage>();

  beforeAll(async () => {
    server = await startDashboardServer();
    browser = await launchChromium();
    // The small demo has few comments a week: six diners of canteen 1 comment alike on one lunch, with a number and a name.
    const dataSource = server.app.get(DataSource);
    const [{ canteen, dish }] = await dataSource.query('SELECT (SELECT min(id) FROM canteen) AS canteen, (SELECT min(id) FROM dish) AS dish');
    for (let n = 0; n < 6; n++) {
      await dataSource.query(
        `INSERT INTO feedback (canteen_id, id, submitted_at, service_date, meal, dish_id, rating, tags, diner_pseudonym, comment)
         VALUES ($1, $2, '2026-11-04 12:30+08', '2026-11-04', 'lunch', $3, 2, '{太咸}', $4, '今天的菜太咸了，我工号10${n}23，找王师傅反映过')`,
        [canteen, 900_000 + n, dish, `theme-diner-${n}`],
      );
    }
    for (const locale of ['zh-CN', 'en-US']) sessions.set(locale, await signedInPage({ browser, server, username: `union-${locale.toLowerCase()}`, role: 'union', locale }));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const WHOLE_DEMO = '/?page=satisfaction&from=2026-10-01&to=2026-11-30';

  it('charts complaint tags apart from praise, in Chinese', async () => {
    const { page, errors } = sessions.get('zh-CN')!;
    await openView(page, WHOLE_DEMO);
    const drawn = await charts(page);
    const complaints = drawn.find((chart) => chart.id === 'complaint-tags');
    const praise = drawn.find((chart) => chart.id === 'praise-tags');
    expect(complaints ?? praise).toBeDefined();
    for (const tag of complaints?.categories ?? []) expect(complaintTags).toContain(tag);
    for (const tag of praise?.categories ?? []) expect(praiseTags).toContain(tag);
    expect(await page.locator('[data-panel=comment-themes] > h3').textContent()).toBe('评论主题');
    await screenshot(page, 'satisfaction-union-zh');
    expect(errors).toEqual([]);
  });

  it("names the demo's tags in English, and shows comment themes with masked examples", async () => {
    const { page, errors } = sessions.get('en-US')!;
    await openView(page, WHOLE_DEMO);
    const drawn = await charts(page);
    const tagCharts = drawn.filter((chart) => chart.id === 'complaint-tags' || chart.id === 'praise-tags');
    expect(tagCharts.flatMap((chart) => chart.categories).length).toBeGreaterThan(0);
    for (const tag of tagCharts.flatMap((chart) => chart.categories)) expect(tag).not.toMatch(HAN);
    const tagCells = await page.locator('[data-table^=feedback-tags] tbody tr td:first-child').allTextContents();
    for (const tag of tagCells) expect(tag).not.toMatch(HAN);
    expect(await page.locator('[data-panel=comment-themes] > h3').textContent()).toBe('Comment themes');
    // a sentiment under five diners is shown as withheld, never as a count of none
    expect(await page.locator('[data-table^=theme-groups] thead th').allTextContents()).toContain('Sentiment withheld');
    const examples = await page.locator('[data-table^=theme-words] tbody q.comment').allTextContents();
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(example).not.toMatch(/\d|王/);
    expect(examples).toContain('今天的菜太咸了，我工号***，找*师傅反映过');
    // the demo's data ends on Friday 2026-11-20: its week is partial, drawn apart from the whole weeks
    expect((await page.locator('[data-partial-weeks]').getAttribute('data-partial-weeks'))?.split(',')).toContain('2026-W47');
    expect(await page.locator('[data-partial-weeks]').textContent()).toContain('2026-W47 has data on 5 of 7 days');
    const participation = drawn.find((chart) => chart.id === 'participation-price')!;
    const at = participation.categories.indexOf('2026-W47');
    expect(at).toBeGreaterThan(0);
    const series = new Map(participation.series.map((entry) => [entry.name, entry.data]));
    expect(series.get('Participation')![at]).toBeNull();
    expect(series.get('Participation')![at - 1]).not.toBeNull();
    expect(series.get('Participation · partial week')![at]).toEqual(expect.any(Number));
    expect(series.get('Participation · partial week')![at - 1]).toBeNull();
    await screenshot(page, 'satisfaction-union-en');
    expect(errors).toEqual([]);
  });
});
