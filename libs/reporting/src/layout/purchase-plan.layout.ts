import { lineAmountFen } from '@larder/procurement';
import { fenToYuan, FORMATS, sheetDate, TextCell } from './cells';
import { writeNotesSheet } from './common-sheets';
import { codeName } from './labels';
import { OrderLine, ORDER_LINE_OFFSETS, orderLineCells, orderLineColumns } from './order-lines';
import { frameOf, labelsOf, Named, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';
import { SupplierComparisonSheetData, writeSupplierComparisonSheet } from './supplier-comparison.layout';

export interface PurchaseLine extends OrderLine {
  canteen: Named;
  orderDate: string;
  deliveryDate: string;
  amountFen: number;
  /** The status of the line's order (draft, approved, sent, received). */
  status: string;
  /** The line's order holds items that cannot arrive before the day they are needed (ordered for the earliest delivery). */
  late: boolean;
}

export interface SupplierOrders {
  supplier: Named & { contact: string | null };
  orders: number;
  lines: PurchaseLine[];
}

export interface PurchasePlanData {
  context: ReportContext;
  suppliers: SupplierOrders[];
  /** The 货比三家 sheet, when the workbook carries one. */
  comparison?: SupplierComparisonSheetData;
}

const text = (value: string): TextCell => ({ text: value });
/** Sheet names may not hold []:*?/\ and are at most 31 characters; supplier names come from imported data. */
function sheetName(supplier: Named, context: ReportContext, taken: Set<string>): string {
  const base =
    `${supplier.code} ${nameOf(context, supplier)}`
      .replace(/[[\]:*?/\\']/g, ' ')
      .replace(/^[=+\-@\s]+/, '')
      .slice(0, 28)
      .trim() || supplier.code;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 26)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
const linesAmountFen = (lines: PurchaseLine[]) => lines.reduce((sum, line) => sum + lineAmountFen(line.packs, line.packPriceFen), 0);
// A supplier sheet: canteen, order date and delivery date, then the order line's columns, then the status.
const FIRST_LINE_COLUMN = 4;
const AMOUNT_COLUMN = FIRST_LINE_COLUMN + ORDER_LINE_OFFSETS.amount;

/** A summary with live links to each supplier's total, then one printable order sheet per supplier. */
export async function writePurchasePlanReport(input: { workbook: WorkbookWriter; data: PurchasePlanData }): Promise<{ amountFen: number; storedAmountFen: number }> {
  const { workbook, data } = input;
  const { context } = data;
  const labels = labelsOf(context);
  const title = labels.purchaseTitle;
  const taken = new Set<string>([labels.summary.toLowerCase(), labels.notes.toLowerCase(), labels.comparisonSheet.toLowerCase()]);
  const sheets = data.suppliers.map((entry) => ({ entry, name: sheetName(entry.supplier, context, taken) }));
  const summary = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.summary,
      reportTitle: title,
      title: labels.summary,
      columns: [
        { header: labels.supplier, width: 30 },
        { header: labels.orders, width: 9, format: FORMATS.integer },
        { header: labels.lines, width: 9, format: FORMATS.integer },
        { header: labels.amount, width: 16, format: FORMATS.yuan },
        { header: labels.contact, width: 26 },
      ],
    }),
  );
  let amountFen = 0;
  for (const { entry, name } of sheets) {
    const supplierFen = linesAmountFen(entry.lines);
    amountFen += supplierFen;
    // The supplier sheet's total row follows its lines directly: header row 3, lines from row 4.
    const totalRow = summary.firstDataRow + entry.lines.length;
    summary.add([
      text(nameOf(context, entry.supplier)),
      entry.orders,
      entry.lines.length,
      { formula: `${quoted(name)}!${summary.ref(AMOUNT_COLUMN, totalRow)}`, result: fenToYuan(supplierFen) },
      entry.supplier.contact ? text(entry.supplier.contact) : null,
    ]);
  }
  const last = summary.currentRow - 1;
  summary.endTable();
  summary.add(
    [
      labels.total,
      { formula: summary.sum(2, summary.firstDataRow, last), result: data.suppliers.reduce((s, e) => s + e.orders, 0) },
      { formula: summary.sum(3, summary.firstDataRow, last), result: data.suppliers.reduce((s, e) => s + e.lines.length, 0) },
      { formula: summary.sum(4, summary.firstDataRow, last), result: fenToYuan(amountFen) },
    ],
    'total',
  );
  if (data.suppliers.length === 0) summary.note(labels.noOrders);
  summary.finish();

  for (const { entry, name } of sheets) {
    const supplierName = nameOf(context, entry.supplier);
    const frame = frameOf(context, {
      name,
      reportTitle: title,
      title: supplierName,
      columns: [
        { header: labels.canteen, width: 22 },
        { header: labels.orderDate, width: 11, format: FORMATS.date },
        { header: labels.deliveryDate, width: 11, format: FORMATS.date },
        ...orderLineColumns(labels),
        { header: labels.status, width: 18 },
      ],
    });
    // The title reads "purchase plan · supplier" once; the printed page header names the supplier too.
    const sheet = ReportSheet.open(workbook, { ...frame, pageHeader: { ...frame.pageHeader, left: `${frame.pageHeader.left} · ${supplierName}` } });
    for (const line of entry.lines) {
      const status = codeName(context.language, line.status);
      sheet.add([
        text(nameOf(context, line.canteen)),
        sheetDate(line.orderDate),
        sheetDate(line.deliveryDate),
        ...orderLineCells({ context, sheet, row: sheet.currentRow, first: FIRST_LINE_COLUMN, line }),
        line.late ? `${status} · ${labels.lateOrder}` : status,
      ]);
    }
    const lastLine = sheet.currentRow - 1;
    sheet.endTable();
    const beforeAmount = Array<null>(AMOUNT_COLUMN - 2).fill(null);
    sheet.add([labels.total, ...beforeAmount, { formula: sheet.sum(AMOUNT_COLUMN, sheet.firstDataRow, lastLine), result: fenToYuan(linesAmountFen(entry.lines)) }], 'total');
    sheet.finish();
  }
  if (data.comparison) writeSupplierComparisonSheet({ workbook, context, reportTitle: title, data: data.comparison });
  writeNotesSheet({ workbook, context, reportTitle: title, notes: labels.purchaseNotes as string[] });
  return Promise.resolve({ amountFen, storedAmountFen: data.suppliers.reduce((sum, e) => sum + e.lines.reduce((s, line) => s + line.amountFen, 0), 0) });
}
