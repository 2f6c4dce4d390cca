import { INestApplicationContext } from '@nestjs/common';
import * as ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ReportService } from '@larder/reporting';
import { openReportingContext, renderReport as render } from '../support/reporting-context';
import { TestDatabase } from '../support/test-config';

function texts(sheet: ExcelJS.Worksheet): string[] {
  const found: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => found.push(String(cell.value))));
  return found;
}

/**
 * The workers' congress summary: one printed page of aggregates, comment themes only of released
 * groups of five diners or more (a canteen of four shows nothing), money only for readers of money.
 */
describe("workers' congress summary", () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let reports: ReportService;
  let dataSource: DataSource;
  // made after December: its figures come from the whole ISO weeks that have ended
  const AFTER_DECEMBER = new Date('2027-01-05T04:00:00Z');

  beforeAll(async () => {
    ({ database, app, reports, dataSource } = await openReportingContext());
    let id = 9_100_000;
    const answer = (canteen: number, diner: string, rating: number, tags: string[], comment: string) =>
      dataSource.query(
        `INSERT INTO feedback (canteen_id, id, submitted_at, service_date, meal, dish_id, rating, tags, diner_pseudonym, comment) VALUES ($1, $2, '2026-12-07T04:00:00Z', '2026-12-07', 'lunch', 1, $3, $4, $5, $6)`,
        [canteen, id++, rating, tags, diner, comment],
      );
    for (let n = 0; n < 7; n++) await answer(1, `salty-${n}`, 2, ['太咸'], `菜太咸了，我的工号是E10${n}，王师傅少放点盐`);
    for (let n = 0; n < 5; n++) await answer(1, `tasty-${n}`, 5, ['好吃'], '红烧肉很好吃，食堂辛苦了');
    // canteen 2: a group of four diners, the same complaint each
    for (let n = 0; n < 4; n++) await answer(2, `queue-${n}`, 1, ['排队久'], '排队太长了，窗口太少');
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('fits one A4 page and prints themes of groups of five or more only, never a person', async () => {
    const [first, second]: { name: string; name_en: string }[] = await dataSource.query('SELECT name, name_en FROM canteen ORDER BY id');
    const { workbook, summary } = await render(reports, { kind: 'congress', month: '2026-12', language: 'en', now: AFTER_DECEMBER, money: false });
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary']);
    const sheet = workbook.getWorksheet('Summary')!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    const all = texts(sheet);
    // canteen 1's twelve commenters are a released group; its complaint theme is named, its praise too
    const theme = all.find((text) => text.startsWith(first.name_en));
    expect(theme).toMatch(/complaints: .*Too salty/);
    expect(theme).toMatch(/praise: .*Tasty/);
    // canteen 2's four diners show nothing: no theme line, no tag, no word of their comment
    expect(all.some((text) => text.startsWith(second.name_en))).toBe(false);
    expect(all.some((text) => /排队|Long queue|窗口/.test(text))).toBe(false);
    // nothing per person: no pseudonym, no staff number, no name
    expect(all.some((text) => /salty-|tasty-|queue-|E10|王/.test(text))).toBe(false);
    // the union reads no money
    expect(all.some((text) => text.includes('not shown to this role'))).toBe(true);
    expect(all.some((text) => text.includes('subsidy per meal'))).toBe(false);
    expect(summary.totals.subsidyPerMealFen).toBeNull();
    const tagRow = sheet.getColumn(1).values.indexOf('Too salty');
    expect(sheet.getRow(tagRow).getCell(2).value).toBe(7);
  });

  it('compares with the previous month and shows the money per meal to a reader of money', async () => {
    const { workbook, summary } = await render(reports, { kind: 'congress', month: '2026-11', language: 'zh-CN', money: true, now: AFTER_DECEMBER });
    const sheet = workbook.worksheets[0];
    const row = (label: string) => sheet.getRow(sheet.getColumn(1).values.indexOf(label));
    const subsidy = row('每餐单位补贴（元）');
    const perMeal = async (from: string, to: string) => {
      const [sums]: { covers: string; subsidy: string }[] = await dataSource.query(
        'SELECT sum(covers) AS covers, sum(subsidy_fen) AS subsidy FROM daily_meal_rollup WHERE service_date BETWEEN $1 AND $2',
        [from, to],
      );
      return Number(sums.subsidy) / Number(sums.covers);
    };
    const november = await perMeal('2026-11-01', '2026-11-30');
    const october = await perMeal('2026-10-01', '2026-10-31');
    expect(summary.totals.subsidyPerMealFen).toBeCloseTo(november, 6);
    expect(subsidy.getCell(2).value).toBeCloseTo(november / 100, 2);
    expect(subsidy.getCell(3).value).toBeCloseTo(october / 100, 2);
    expect(Number(subsidy.getCell(4).value)).toBeCloseTo(Number(subsidy.getCell(2).value) - Number(subsidy.getCell(3).value), 6);
    expect(String(sheet.getCell('B3').value)).toContain('2026-11');
    expect(String(sheet.getCell('C3').value)).toContain('2026-10');
  });
});
