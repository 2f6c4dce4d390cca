import { PassThrough } from 'node:stream';
import { INestApplicationContext } from '@nestjs/common';
import * as ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ReportService } from '@larder/reporting';
import { openReportingContext, ReportingContext, renderReport as render } from '../support/reporting-context';
import { TestDatabase } from '../support/test-config';

/** The total row: the first row whose first cell is the language's word for total. */
function totalRow(sheet: ExcelJS.Worksheet, word: string): ExcelJS.Row {
  for (let n = 4; n <= sheet.rowCount; n += 1) if (sheet.getRow(n).getCell(1).value === word) return sheet.getRow(n);
  throw new Error(`no ${word} row on ${sheet.name}`);
}

function result(cell: ExcelJS.Cell): number {
  const value = cell.value as ExcelJS.CellFormulaValue;
  expect(typeof value.formula).toBe('string');
  return Number(value.result);
}

describe('finance report', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let reports: ReportService;
  let dataSource: DataSource;
  const month = { from: '2026-11-01', to: '2026-11-30' };
  let one: ReportingContext['one'];

  beforeAll(async () => {
    ({ database, app, reports, dataSource, one } = await openReportingContext());
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('totals on the summary equal the database, as live formulas, without the payments detail', async () => {
    const { workbook, summary } = await render(reports, { kind: 'finance', month: '2026-11', language: 'zh-CN' });
    const covers = await one('SELECT sum(covers) FROM daily_meal_rollup WHERE service_date BETWEEN $1 AND $2', [month.from, month.to]);
    const paidFen = await one('SELECT sum(amount_paid_fen) FROM sale_transaction WHERE service_date BETWEEN $1 AND $2', [month.from, month.to]);
    const subsidyFen = await one('SELECT sum(subsidy_fen) FROM sale_transaction WHERE service_date BETWEEN $1 AND $2', [month.from, month.to]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '支付渠道', '预算执行', '环比与同比', '供应商采购额', '对账', '各站点补贴', '图表', '说明']);

    const sheet = workbook.getWorksheet('汇总')!;
    const total = totalRow(sheet, '合计');
    expect(result(total.getCell(3))).toBe(covers);
    expect(result(total.getCell(6))).toBeCloseTo(paidFen / 100, 2);
    expect(result(total.getCell(7))).toBeCloseTo(subsidyFen / 100, 2);
    expect(result(total.getCell(8))).toBeCloseTo((paidFen + subsidyFen) / 100, 2);
    expect(result(total.getCell(9))).toBeCloseTo(summary.totals.ingredientCostFen! / 100, 2);
    expect(result(total.getCell(11))).toBeCloseTo(summary.totals.ingredientCostFen! / 100 / covers, 6);
    // Canteen rows are numbers, not text, and add up to the total.
    const canteenCovers = [4, 5].map((n) => sheet.getRow(n).getCell(3).value);
    expect(canteenCovers.every((value) => typeof value === 'number')).toBe(true);
    expect((canteenCovers as number[]).reduce((a, b) => a + b, 0)).toBe(covers);

    const channels = workbook.getWorksheet('支付渠道')!;
    // the channels add up to what diners paid; with the subsidy beside them, to the revenue
    expect(result(totalRow(channels, '合计').getCell(channels.columnCount - 2))).toBeCloseTo(paidFen / 100, 2);
    expect(result(totalRow(channels, '合计').getCell(channels.columnCount - 1))).toBeCloseTo(subsidyFen / 100, 2);
    expect(result(totalRow(channels, '合计').getCell(channels.columnCount))).toBeCloseTo((paidFen + subsidyFen) / 100, 2);

    expect(summary.totals.paymentLines).toBeUndefined();
  });

  it('says "no data" for a month without trade on the month-on-month sheet, as the page does, not ¥0.00', async () => {
    // The demo begins on 2026-10-07: October has no month before it, and neither month a year before.
    const { workbook } = await render(reports, { kind: 'finance', month: '2026-10', language: 'zh-CN' });
    const sheet = workbook.getWorksheet('环比与同比')!;
    const total = totalRow(sheet, '合计');
    for (const row of [sheet.getRow(4), sheet.getRow(5), total]) {
      // Last month (revenue, ingredient cost) and the same month last year (revenue, subsidy, ingredient cost, covers).
      expect([3, 4, 7, 10, 11, 14].map((column) => row.getCell(column).value)).toEqual(Array(6).fill('暂无数据'));
      // No year-on-year change against no data (an empty result reads back as no value).
      expect([5, 8, 12].map((column) => typeof (row.getCell(column).value as ExcelJS.CellFormulaValue).result)).not.toContain('number');
    }
    expect(result(total.getCell(2))).toBeGreaterThan(0);
    // November has October before it: those cells are figures again.
    const november = await render(reports, { kind: 'finance', month: '2026-11', language: 'en' });
    const novemberTotal = totalRow(november.workbook.getWorksheet('Month on month, year on year')!, 'Total');
    expect(result(novemberTotal.getCell(3))).toBeGreaterThan(0);
    expect(novemberTotal.getCell(4).value).toBe('no data');
  });

  it('the payments export holds every payment of the month, one line each, with live totals', async () => {
    const { workbook, summary } = await render(reports, { kind: 'finance', month: '2026-11', language: 'zh-CN', paymentsDetail: true });
    const paidFen = await one('SELECT sum(amount_paid_fen) FROM sale_transaction WHERE service_date BETWEEN $1 AND $2', [month.from, month.to]);
    const subsidyFen = await one('SELECT sum(subsidy_fen) FROM sale_transaction WHERE service_date BETWEEN $1 AND $2', [month.from, month.to]);
    const payments = await one('SELECT count(*) FROM sale_transaction WHERE service_date BETWEEN $1 AND $2', [month.from, month.to]);
    expect(summary.fileName).toBe('larder-finance-payments-2026-11-zh-CN.xlsx');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['收款明细']);
    const detail = workbook.getWorksheet('收款明细')!;
    const detailTotal = totalRow(detail, '合计');
    expect(detailTotal.number - 4).toBe(payments);
    expect(result(detailTotal.getCell(8))).toBeCloseTo(paidFen / 100, 2);
    expect(result(detailTotal.getCell(9))).toBeCloseTo(subsidyFen / 100, 2);
    expect(summary.totals.paymentLines).toBe(payments);
    expect(detail.getCell('A4').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(typeof detail.getCell('H4').value).toBe('number');
    await expect(reports.prepare({ kind: 'waste', month: '2026-11', paymentsDetail: true })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('is print-ready: A4 fitted to the width, repeated title rows, frozen header, autofilter, page header, one font', async () => {
    const { workbook } = await render(reports, { kind: 'finance', month: '2026-11', language: 'en' });
    const sheet = workbook.getWorksheet('Summary')!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('1:3');
    // Readable once fitted: the columns take at most 10 % more than the landscape page holds.
    const width = sheet.columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
    expect(width).toBeLessThanOrEqual(136 * 1.1);
    const fonts = new Set<string>();
    for (const each of workbook.worksheets)
      each.eachRow((row) =>
        row.eachCell((cell) => {
          fonts.add(cell.font?.name ?? 'default');
        }),
      );
    expect([...fonts]).toEqual(['Noto Sans CJK SC']);
    // The notes wrap inside the page: one column no wider than portrait A4, each note a wrapped cell.
    const notes = workbook.getWorksheet('Notes')!;
    expect(notes.pageSetup.orientation).toBe('portrait');
    expect(notes.getColumn(1).width).toBeLessThanOrEqual(92);
    expect(notes.getCell('A4').alignment?.wrapText).toBe(true);
    // The chart sheet has no table, so no filter and no empty header row.
    const charts = workbook.getWorksheet('Charts')!;
    expect(charts.autoFilter).toBeFalsy();
    expect(charts.getRow(3).values).toEqual([]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.headerFooter.oddHeader).toContain('Monthly finance cost report');
    expect(sheet.getCell('A1').value).toContain('Monthly finance cost report');
    expect(sheet.getCell('I3').value).toBe('Ingredient cost (¥)');
    expect(sheet.getCell('I4').numFmt).toContain('¥');
    const reconciliation = workbook.getWorksheet('Reconciliation')!;
    expect(String(reconciliation.getCell('A4').value)).toContain('No settlement file was given');
    // It says where to give one on the page, and sends to no sheet the workbook does not hold.
    expect(String(reconciliation.getCell('A4').value)).toContain('under Reconciliation on the Finance page');
    expect(workbook.worksheets.map((entry) => entry.name)).not.toContain('Payments');
    expect(String(reconciliation.getCell('A4').value)).not.toContain('Payments sheet');
  });

  it('lists every day × channel where the settlement file and the payments differ', async () => {
    const rows: { day: string; channel: string; fen: string }[] = await dataSource.query(
      `SELECT (occurred_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day, channel, sum(amount_paid_fen)::text AS fen
       FROM sale_transaction WHERE (occurred_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1 AND $2 GROUP BY 1, 2 ORDER BY 1, 2`,
      [month.from, month.to],
    );
    const lines = rows.map((row) => [row.day, row.channel, (Number(row.fen) / 100).toFixed(2)]);
    const changed = lines[3];
    changed[2] = (Number(changed[2]) + 12.34).toFixed(2);
    const dropped = lines.splice(5, 1)[0];
    lines.push(['2026-11-25', 'alipay', '9.99'], ['2026-11-02', 'card', '=HYPERLINK("x")']);
    const text = ['date,channel,amount', ...lines.map((line) => line.join(','))].join('\n');
    const { workbook, summary } = await render(reports, { kind: 'finance', month: '2026-11', language: 'en', settlement: { name: 'bank.csv', text } });
    expect(summary.totals.mismatches).toBe(3);
    const sheet = workbook.getWorksheet('Reconciliation')!;
    const listed = [4, 5, 6].map((n) => [(sheet.getCell(`A${n}`).value as Date).toISOString().slice(0, 10), sheet.getCell(`F${n}`).value]);
    expect(listed).toEqual(
      expect.arrayContaining([
        [changed[0], 'amounts differ'],
        [dropped[0], 'only in canteen payments'],
        ['2026-11-25', 'only in settlement'],
      ]),
    );
    const notes = sheet.getColumn(1).values.map(String).join('\n');
    expect(notes).toContain('amount is not a number of yuan');
  });

  it('says what the participation of each canteen and of the total is measured against, with the total figures', async () => {
    const grouped = (n: number) => n.toLocaleString('en-US');
    const serviceDays = `SELECT DISTINCT service_date FROM daily_meal_rollup WHERE service_date BETWEEN $1 AND $2`;
    const diners = await one(`SELECT sum(busiest) FROM (SELECT max(covers) AS busiest FROM daily_meal_rollup WHERE service_date BETWEEN $1 AND $2 GROUP BY canteen_id, service_date) d`, [
      month.from,
      month.to,
    ]);
    const everySite = await one(`SELECT sum(on_duty) FROM headcount WHERE day IN (${serviceDays})`, [month.from, month.to]);
    const ownSite = await one(`SELECT sum(on_duty) FROM headcount WHERE day IN (${serviceDays} AND canteen_id = 2) AND site_id = (SELECT site_id FROM canteen WHERE id = 2)`, [month.from, month.to]);
    expect(everySite).toBeGreaterThan(ownSite);
    const basis = async (request: { language: 'en' | 'zh-CN'; canteen?: string }) => {
      const sheet = (await render(reports, { kind: 'finance', month: '2026-11', ...request })).workbook.worksheets[0];
      const total = totalRow(sheet, request.language === 'en' ? 'Total' : '合计');
      const header = sheet.getRow(sheet.getColumn(13).values.findIndex((value) => typeof value === 'string' && /Participation|就餐率/.test(value)));
      return { header: String(header.getCell(13).value), rate: Number(total.getCell(13).value), note: String(sheet.getRow(total.number + 1).getCell(1).value) };
    };
    const all = await basis({ language: 'en' });
    expect(all.header).toBe('Participation (diners / staff on duty)');
    expect(all.note).toContain(`The total is ${grouped(diners)} diner-days over ${grouped(everySite)} staff-on-duty days at every site, sites without a canteen included`);
    expect(all.rate).toBeCloseTo(diners / everySite, 10);
    const chinese = await basis({ language: 'zh-CN' });
    expect(chinese.header).toBe('就餐率（就餐人数/在岗人数）');
    expect(chinese.note).toContain(`合计为 ${grouped(diners)} 就餐人日除以全部单位（含没有食堂的单位）的 ${grouped(everySite)} 在岗人日`);
    const one2 = await basis({ language: 'en', canteen: 'C02' });
    expect(one2.note).toContain(`over ${grouped(ownSite)} staff-on-duty days at the chosen canteens' sites`);
  });

  it('refuses a week for the monthly finance report and an unknown canteen', async () => {
    await expect(reports.write({ kind: 'finance', week: '2026-W46' }, new PassThrough())).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(reports.prepare({ kind: 'finance', month: '2026-11', canteen: 'C99' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('one canteen: its own figures only', async () => {
    const { workbook } = await render(reports, { kind: 'finance', month: '2026-11', canteen: 'C02', language: 'en' });
    const covers = await one('SELECT sum(covers) FROM daily_meal_rollup WHERE canteen_id = 2 AND service_date BETWEEN $1 AND $2', [month.from, month.to]);
    expect(result(totalRow(workbook.getWorksheet('Summary')!, 'Total').getCell(3))).toBe(covers);
  });
});
