import { PassThrough } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { lineAmountFen } from '@larder/procurement';
import { fenToYuan } from './cells';
import { writePurchaseOrderSheet } from './purchase-order.layout';
import { PurchaseLine, writePurchasePlanReport } from './purchase-plan.layout';
import type { ReportContext } from './report-context';
import type { WorkbookWriter } from './report-sheet';

const context: ReportContext = {
  language: 'en',
  period: { label: 'W48', from: '2026-11-23', to: '2026-11-29' },
  canteen: null,
  generatedAt: new Date('2026-11-18T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
};
const named = (code: string) => ({ code, name: code, nameEn: code });
// Prices that leave fen in the amount, so a cell that rounds or drops them shows.
const LINES = [
  { packs: 3, packPriceFen: 1250 },
  { packs: 7, packPriceFen: 12599 },
];

async function written(write: (workbook: WorkbookWriter) => Promise<unknown>): Promise<ExcelJS.Workbook> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  await write(workbook);
  await workbook.commit();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return read;
}

describe('purchase sheets price lines by the order rule', () => {
  const lineYuan = LINES.map((line) => fenToYuan(lineAmountFen(line.packs, line.packPriceFen)));
  const totalFen = LINES.reduce((sum, line) => sum + lineAmountFen(line.packs, line.packPriceFen), 0);

  it('the 采购单 keeps its live formulas and carries the rule’s amounts as their results', async () => {
    let amountFen = 0;
    const book = await written((workbook) => {
      const lines = LINES.map((line) => ({ ...line, ingredient: named('RICE'), unit: 'kg', sku: 'SKU', packSize: 25 }));
      const data = {
        context,
        order: { id: 'a1b2c3d4-0000', status: 'approved', orderDate: '2026-11-20', orderCutoff: '16:00', deliveryDate: '2026-11-23', leadTimeDays: 1 },
        supplier: { ...named('S1'), contact: null, address: null, phone: null },
        canteen: named('C1'),
        lines,
      };
      amountFen = writePurchaseOrderSheet({ workbook, data }).amountFen;
      return Promise.resolve();
    });
    expect(amountFen).toBe(totalFen);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('F4').value).toEqual({ formula: 'D4*E4', result: lineYuan[0] });
    expect(sheet.getCell('F5').value).toEqual({ formula: 'D5*E5', result: lineYuan[1] });
    expect(sheet.getCell('F6').value).toEqual({ formula: 'SUM(F4:F5)', result: fenToYuan(totalFen) });
    // One day's lead time reads as the page has it, "1 day".
    const terms = new Map<unknown, ExcelJS.Row>();
    sheet.eachRow((row) => terms.set(row.getCell(1).value, row));
    expect(terms.get('Lead time')!.getCell(2).value).toBe('1 day');
    // A term's text runs across the table, not wrapped in the SKU column's width.
    const supplierRow = terms.get('Supplier')!;
    expect(supplierRow.getCell(2).value).toBe('S1 (S1)');
    expect(supplierRow.getCell(6).master.address).toBe(`B${supplierRow.number}`);
  });

  it('the purchase plan keeps its live formulas, and its amount is the stored orders’ amount', async () => {
    const lines: PurchaseLine[] = LINES.map((line) => ({
      ...line,
      canteen: named('C1'),
      orderDate: '2026-11-20',
      deliveryDate: '2026-11-23',
      ingredient: named('RICE'),
      unit: 'kg',
      sku: 'SKU',
      packSize: 25,
      amountFen: lineAmountFen(line.packs, line.packPriceFen),
      status: 'approved',
      late: line.packs === 7,
    }));
    let amounts = { amountFen: 0, storedAmountFen: 0 };
    const book = await written(async (workbook) => {
      amounts = await writePurchasePlanReport({ workbook, data: { context, suppliers: [{ supplier: { ...named('S1'), contact: null }, orders: 1, lines }] } });
    });
    expect(amounts).toEqual({ amountFen: totalFen, storedAmountFen: totalFen });
    const supplier = book.getWorksheet('S1 S1')!;
    // The supplier's sheet is titled with its name once, and its printed pages name it in the header.
    expect(supplier.getCell('A1').value).toBe('Purchase plan · S1');
    expect(supplier.headerFooter.oddHeader).toContain('Purchase plan · S1');
    expect(supplier.getCell('I4').value).toEqual({ formula: 'G4*H4', result: lineYuan[0] });
    expect(supplier.getCell('I5').value).toEqual({ formula: 'G5*H5', result: lineYuan[1] });
    expect(supplier.getCell('I6').value).toEqual({ formula: 'SUM(I4:I5)', result: fenToYuan(totalFen) });
    // The second line's order cannot arrive in time: its status says so, the first's does not.
    expect([supplier.getCell('J4').value, supplier.getCell('J5').value]).toEqual(['Approved, to send', 'Approved, to send · too late']);
    const summary = book.worksheets[0];
    expect(summary.getCell('D4').value).toEqual({ formula: "'S1 S1'!I6", result: fenToYuan(totalFen) });
    expect(summary.getCell('D5').value).toEqual({ formula: 'SUM(D4:D4)', result: fenToYuan(totalFen) });
  });
});
