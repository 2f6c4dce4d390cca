import { PassThrough } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { looksLikeFormula, sheetDateTime } from './layout/cells';
import { addPictures } from './layout/pictures';
import { wrappedLineCount } from './layout/print-setup';
import { ColumnSpec, ReportSheet, WorkbookWriter } from './layout/report-sheet';
import { parseSettlementCsv, reconcile, reconciliationAnswer } from './reconciliation/settlement';
import { renderChartSvg } from './charts/chart-renderer';
import { barChart } from './charts/chart-options';

/** One sheet 'S' streamed as the reports stream theirs, written by `write`, finished, committed and read back as a spreadsheet would. */
async function streamedSheet(input: {
  columns: ColumnSpec[];
  pageHeader?: { left: string; right: string };
  write: (sheet: ReportSheet, workbook: WorkbookWriter) => void;
}): Promise<ExcelJS.Worksheet> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  const sheet = ReportSheet.open(workbook, {
    name: 'S',
    title: 'T',
    subtitle: 'sub',
    columns: input.columns,
    pageHeader: input.pageHeader ?? { left: 'l', right: 'r' },
    pageFooter: { left: 'f', pageOf: '{page}/{pages}' },
  });
  input.write(sheet, workbook);
  sheet.finish();
  await workbook.commit();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return read.getWorksheet('S')!;
}

describe('reporting building blocks', () => {
  it('recognises text that a spreadsheet would take for a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(looksLikeFormula(text)).toBe(true);
    for (const text of ['1-1', 'a=b', '红烧肉', '']) expect(looksLikeFormula(text)).toBe(false);
  });

  it('reads a settlement file in either language and lists every difference', () => {
    const file = parseSettlementCsv('\uFEFF日期,渠道,金额\n2026-11-02,员工卡,"1,000.50"\n2026-11-02,Bank app,20\n2026-11-03,bitcoin,1\n2026-11-04,card,abc\n', 'bank.csv');
    expect(file.lines).toEqual([
      { line: 2, date: '2026-11-02', channel: 'card', amountFen: 100050 },
      { line: 3, date: '2026-11-02', channel: 'bank_app', amountFen: 2000 },
    ]);
    expect(file.rejected.map((r) => r.line)).toEqual([4, 5]);
    const result = reconcile({
      file,
      from: '2026-11-01',
      to: '2026-11-30',
      larder: [
        { date: '2026-11-02', channel: 'card', amountFen: 100050 },
        { date: '2026-11-02', channel: 'bank_app', amountFen: 1990 },
        { date: '2026-11-05', channel: 'wechat', amountFen: 700 },
      ],
    });
    expect(result).toMatchObject({ pairs: 3, agree: 1, settlementFen: 102050, larderFen: 102740 });
    expect(result.mismatches.map((m) => m.status)).toEqual(['differs', 'only_larder']);
    expect(parseSettlementCsv('a,b\n1,2', 'x.csv').rejected[0].reason).toContain('header');
  });

  it('calls a month matched only when every line was read and no pair differs', () => {
    const larder = [{ date: '2026-11-02', channel: 'card', amountFen: 100050 }];
    const answer = (text: string) =>
      reconciliationAnswer({ ...reconcile({ file: parseSettlementCsv(text, 'bank.csv'), from: '2026-11-01', to: '2026-11-30', larder }), canteenOnly: false }, '2026-11');
    expect(answer('date,channel,amount\n2026-11-02,card,1000.50\n').status).toBe('matched');
    // a line of another month is set aside, not a reason to doubt the month
    expect(answer('date,channel,amount\n2026-11-02,card,1000.50\n2026-12-01,card,5\n')).toMatchObject({ status: 'matched', rejected: [{ line: 3 }] });
    // an unreadable line may hide a difference
    expect(answer('date,channel,amount\n2026-11-02,card,1000.50\n2026-11-03,card,abc\n')).toMatchObject({ status: 'incomplete', mismatchedDays: 0 });
    expect(answer('date,channel,amount\n2026-11-02,card,1000.00\n2026-11-03,card,abc\n')).toMatchObject({ status: 'mismatched', mismatchedDays: 1, differenceFen: -50 });
  });

  it('converts a moment to the wall clock of a time zone', () => {
    expect(sheetDateTime(new Date('2026-11-03T16:30:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-11-04T00:30:00.000Z');
  });

  it('draws a chart to SVG without a browser', () => {
    const svg = renderChartSvg(barChart({ title: '每餐成本', categories: ['总部', '车辆段'], series: [{ name: '本月', values: [8.1, 7.9] }] }), { widthPx: 400, heightPx: 300 });
    expect(svg).toContain('<svg');
    expect(svg).toContain('每餐成本');
  });

  it('streams a sheet with a live total and an embedded picture that reads back', async () => {
    const back = await streamedSheet({
      columns: [
        { header: 'a', width: 10 },
        { header: 'n', width: 10, format: '#,##0' },
      ],
      pageHeader: { left: 'L & R', right: 'r' },
      write: (sheet, workbook) => {
        sheet.add([{ text: '=cmd|calc' }, 2]);
        sheet.add(['x', 3]);
        sheet.endTable();
        sheet.add(['total', { formula: sheet.sum(2, 4, 5), result: 5 }], 'total');
        // A 1×1 PNG.
        const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
        addPictures(workbook, sheet.worksheet, [{ png, column: 3, row: 1, widthPx: 10, heightPx: 10, description: 'dot' }]);
      },
    });
    expect(back.getCell('A4').value).toBe('=cmd|calc');
    expect(back.getCell('A4').type).toBe(ExcelJS.ValueType.String);
    expect(back.getCell('B6').value).toMatchObject({ formula: 'SUM(B4:B5)', result: 5 });
    expect(back.headerFooter.oddHeader).toBe('&LL && R&Rr');
    expect(back.getImages()).toHaveLength(1);
  });

  it('wraps a long name and grows its row to the wrapped lines, CJK counting double', async () => {
    const back = await streamedSheet({
      columns: [
        { header: 'canteen', width: 12 },
        { header: 'n', width: 10, format: '#,##0' },
      ],
      write: (sheet) => {
        sheet.add([{ text: 'Short' }, 1]);
        sheet.add([{ text: 'Headquarters Staff Canteen' }, 2]);
        sheet.add([{ text: '总部职工食堂二楼西区' }, 3]);
      },
    });
    expect(back.getCell('A4').alignment?.wrapText).toBe(true);
    expect(back.getRow(4).height).toBeUndefined();
    // 26 characters in 10 usable units: three lines; ten CJK characters are 20 units: two lines.
    expect(back.getRow(5).height).toBe(3 * 14 + 2);
    expect(back.getRow(6).height).toBe(2 * 14 + 2);
    expect(back.getCell('B5').alignment?.vertical).toBe('top');
  });

  it('widens a column to its header’s longest word, so a header never breaks inside a word', async () => {
    const back = await streamedSheet({
      columns: [
        { header: 'Participation', width: 9 },
        { header: 'Payments', width: 7 },
        { header: 'Cost per meal (¥)', width: 10 },
        { header: '退款笔数', width: 7 },
      ],
      write: (sheet) => sheet.add([0.43, 15, 6.93, 15]),
    });
    // "Participation" (13) and "Payments" (8) fit whole in bold; "Cost per meal (¥)" wraps between words; Chinese wraps anywhere.
    expect(back.getColumn(1).width).toBeGreaterThanOrEqual(15);
    expect(back.getColumn(2).width).toBeGreaterThanOrEqual(10);
    expect(back.getColumn(3).width).toBe(10);
    expect(back.getColumn(4).width).toBe(7);
  });

  it('counts wrapped lines at spaces, between CJK characters and inside over-long words', () => {
    expect(wrappedLineCount('Short', 10)).toBe(1);
    expect(wrappedLineCount('Staff Canteen', 10)).toBe(2);
    expect(wrappedLineCount('Headquarters', 10)).toBe(2);
    expect(wrappedLineCount('总部职工食堂', 10)).toBe(2);
    expect(wrappedLineCount('one\ntwo', 10)).toBe(2);
  });
});
