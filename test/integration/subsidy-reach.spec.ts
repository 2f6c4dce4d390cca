import * as ExcelJS from 'exceljs';
import { SubsidyReachService, SubsidyReachView } from '@larder/analytics';
import { openReportingContext, ReportingContext, renderReport } from '../support/reporting-context';

/** Table rows of a sheet (data from row 4) until the total row. */
function tableRows(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let n = 4; n <= sheet.rowCount && sheet.getRow(n).getCell(1).value !== label; n += 1) rows.push(sheet.getRow(n));
  return rows;
}

describe('subsidy reach per site on the demo', () => {
  let context: ReportingContext;
  let view: SubsidyReachView;

  beforeAll(async () => {
    context = await openReportingContext();
    view = await context.app.get(SubsidyReachService).reach({ from: '2026-11-01', to: '2026-11-30' });
  });

  afterAll(async () => {
    await context?.app.close();
    await context?.database.drop();
  });

  it('counts staff, diners and subsidy per site, remote sites included, from the pseudonymised roster', async () => {
    const remote = view.sites.filter((site) => !site.hasCanteen);
    expect(remote.length).toBeGreaterThan(0);
    expect(await context.one('SELECT count(*) FROM staff_site')).toBe(800);
    const diners = await context.one(`SELECT count(DISTINCT diner_pseudonym) FROM sale_transaction WHERE service_date BETWEEN '2026-11-01' AND '2026-11-30' AND kind = 'sale'`);
    expect(view.total.diners).toBe(diners);
    expect(view.total.usedFen).toBe(await context.one(`SELECT sum(subsidy_fen) FROM sale_transaction WHERE service_date BETWEEN '2026-11-01' AND '2026-11-30'`));
    for (const site of view.sites.filter((row) => !row.hidden)) {
      expect(site.diners!).toBeLessThanOrEqual(site.staff);
      expect(site.usedFen!).toBeLessThanOrEqual(site.entitledFen! * 3);
    }
    // Remote staff rarely reach a canteen: their reach is below the canteen sites'.
    const shown = remote.filter((site) => !site.hidden);
    const ownCanteen = view.sites.filter((site) => site.hasCanteen && !site.hidden);
    expect(Math.max(...shown.map((site) => site.reach!))).toBeLessThan(Math.min(...ownCanteen.map((site) => site.reach!)));
  });

  it('counts staff and entitlement only to the last day with sales, not the planned roster after it', async () => {
    const served = await context.app.get(SubsidyReachService).reach({ from: '2026-11-01', to: '2026-11-20' });
    expect(await context.one(`SELECT count(*) FROM headcount WHERE day BETWEEN '2026-11-21' AND '2026-11-30'`)).toBeGreaterThan(0);
    expect(view.sites.map((site) => [site.staff, site.entitledFen, site.usedShare])).toEqual(served.sites.map((site) => [site.staff, site.entitledFen, site.usedShare]));
  });

  it.each([
    ['finance', 'en', 'Subsidy by site', true],
    ['satisfaction', 'zh-CN', '各站点补贴', false],
  ] as const)('the %s workbook (%s) has the same figures as the API', async (kind, language, sheetName, money) => {
    const { workbook } = await renderReport(context.reports, { kind, month: '2026-11', language, now: new Date('2026-12-05T04:00:00Z') });
    const sheet = workbook.getWorksheet(sheetName)!;
    const rows = tableRows(sheet, language === 'en' ? 'Total' : '合计');
    expect(rows).toHaveLength(view.sites.length);
    const ordered = [...view.sites].sort((a, b) => Number(a.hasCanteen) - Number(b.hasCanteen) || a.siteId - b.siteId);
    rows.forEach((row, index) => {
      const site = ordered[index];
      expect(row.getCell(3).value).toBe(site.staff);
      if (site.hidden) return expect(String(row.getCell(4).value)).toMatch(/5/);
      expect(row.getCell(4).value).toBe(site.diners);
      if (money) expect(Math.round(Number(row.getCell(6).value) * 100)).toBe(site.usedFen);
      expect(Number(row.getCell(money ? 8 : 6).value)).toBeCloseTo(site.usedShare!, 10);
      // the union's sheet has no yuan column
      if (!money) expect(sheet.getRow(3).cellCount).toBe(6);
    });
  });
  it.each([
    ['finance', 'en', 'Subsidy by site', true],
    ['satisfaction', 'zh-CN', '各站点补贴', false],
  ] as const)('the %s workbook (%s) says what reach and the used share are measured against, with the total row’s figures', async (kind, language, sheetName, money) => {
    const { workbook } = await renderReport(context.reports, { kind, month: '2026-11', language, now: new Date('2026-12-05T04:00:00Z') });
    const sheet = workbook.getWorksheet(sheetName)!;
    const totalNumber = tableRows(sheet, language === 'en' ? 'Total' : '合计').length + 4;
    const total = sheet.getRow(totalNumber);
    const [reachNote, usedNote] = [1, 2].map((offset) => String(sheet.getRow(totalNumber + offset).getCell(1).value));
    const grouped = (n: number) => n.toLocaleString('en-US');
    const percent = (cell: ExcelJS.Cell) => `${(Number(cell.value) * 100).toFixed(1)}%`;
    const [staff, diners] = [Number(total.getCell(3).value), Number(total.getCell(4).value)];
    expect([staff, diners]).toEqual([view.total.staff, view.total.diners]);
    expect(Number(total.getCell(5).value)).toBeCloseTo(diners / staff, 10);
    if (language === 'en') {
      expect(sheet.getRow(3).getCell(5).value).toBe('Reach (diners / staff)');
      expect(reachNote).toContain(
        `the total is ${grouped(diners)} members of staff who ate at least once from 2026-11-01 to 2026-11-30, at any canteen, over the ${grouped(staff)} staff of every site on the payroll (${percent(total.getCell(5))})`,
      );
    } else {
      expect(sheet.getRow(3).getCell(5).value).toBe('覆盖率（就餐人数/员工数）');
      expect(reachNote).toContain(
        `合计为 2026-11-01 至 2026-11-30 期间在任一食堂至少就餐一次的 ${grouped(diners)} 名员工，除以全部站点的在册员工 ${grouped(staff)} 人（${percent(total.getCell(5))}）`,
      );
    }
    if (money) {
      const [used, entitled] = [Number(total.getCell(6).value), Number(total.getCell(7).value)];
      expect(Number(total.getCell(8).value)).toBeCloseTo(used / entitled, 10);
      const yuan = (amount: number) => amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      expect(usedNote).toContain(`the total is ¥${yuan(used)} of subsidy on their meals (refunds netted) over ¥${yuan(entitled)}`);
      expect(usedNote).toContain(`(${percent(total.getCell(8))})`);
    } else {
      expect(usedNote).toContain(`全部站点合计 ${percent(total.getCell(6))}`);
      expect(usedNote).not.toMatch(/¥|元/);
    }
  });
});
