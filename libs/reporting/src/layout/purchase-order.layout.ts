import { lineAmountFen } from '@larder/procurement';
import { fenToYuan } from './cells';
import { codeName, fill } from './labels';
import { OrderLine, ORDER_LINE_OFFSETS, orderLineCells, orderLineColumns } from './order-lines';
import { frameOf, labelsOf, Named, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

/** One order to one supplier for one delivery to one canteen, as printed for the supplier (采购单). */
export interface PurchaseOrderSheetData {
  context: ReportContext;
  order: { id: string; status: string; orderDate: string; orderCutoff: string | null; deliveryDate: string; leadTimeDays: number | null };
  supplier: Named & { contact: string | null; address: string | null; phone: string | null };
  canteen: Named;
  lines: OrderLine[];
}

// The order lines fill the table from its first column.
const PACKS_COLUMN = 1 + ORDER_LINE_OFFSETS.packs;
const AMOUNT_COLUMN = 1 + ORDER_LINE_OFFSETS.amount;

/** The weekday of a YYYY-MM-DD date, Monday = 0. */
function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The 采购单: A4 portrait fitted to the width, the supplier's address and phone and the delivery under
 * the title, the lines with live amounts and total, then the terms and the signature lines.
 */
export function writePurchaseOrderSheet(input: { workbook: WorkbookWriter; data: PurchaseOrderSheetData }): { amountFen: number } {
  const { workbook, data } = input;
  const { context, order, supplier } = data;
  const labels = labelsOf(context);
  const delivery = fill(labels.deliveryOn, { date: order.deliveryDate, weekday: (labels.weekdays as string[])[weekdayIndex(order.deliveryDate)] });
  const frame = frameOf(context, {
    name: labels.orderSheetTitle,
    reportTitle: labels.orderSheetTitle,
    title: `${nameOf(context, supplier)} → ${nameOf(context, data.canteen)}`,
    columns: orderLineColumns(labels),
  });
  // The supplier's particulars and the delivery head the page, where a supplier looks first.
  const subtitle = [
    fill(labels.orderNumber, { number: order.id.slice(0, 8).toUpperCase() }),
    `${labels.address}: ${supplier.address ?? '–'}`,
    `${labels.phone}: ${supplier.phone ?? '–'}`,
    `${labels.deliveryWindow}: ${delivery}`,
  ].join(' · ');
  const sheet = ReportSheet.open(workbook, { ...frame, subtitle });
  let amountFen = 0;
  for (const line of data.lines) {
    amountFen += lineAmountFen(line.packs, line.packPriceFen);
    sheet.add(orderLineCells({ context, sheet, row: sheet.currentRow, first: 1, line }));
  }
  const lastLine = sheet.currentRow - 1;
  sheet.endTable();
  sheet.add(
    [
      labels.orderTotal,
      null,
      null,
      { formula: sheet.sum(PACKS_COLUMN, sheet.firstDataRow, lastLine), result: data.lines.reduce((sum, line) => sum + line.packs, 0) },
      null,
      { formula: sheet.sum(AMOUNT_COLUMN, sheet.firstDataRow, lastLine), result: fenToYuan(amountFen) },
    ],
    'total',
  );
  sheet.blank();
  const terms: [string, string][] = [
    [labels.supplier, `${nameOf(context, supplier)} (${supplier.code})`],
    [labels.address, supplier.address ?? '–'],
    [labels.phone, supplier.phone ?? '–'],
    [labels.contact, supplier.contact ?? '–'],
    [labels.deliverTo, `${nameOf(context, data.canteen)} (${data.canteen.code})`],
    [labels.deliveryWindow, delivery],
    [labels.orderBy, `${order.orderDate} ${order.orderCutoff ?? ''}`.trim()],
    [labels.leadTime, order.leadTimeDays === null ? '–' : fill(order.leadTimeDays === 1 ? labels.leadDay : labels.leadDays, { days: order.leadTimeDays })],
    [labels.status, codeName(context.language, order.status)],
  ];
  // Each term's text runs across the table's width: a name or an address is not wrapped into one narrow column.
  for (const [label, value] of terms) sheet.term(label, value);
  sheet.blank();
  sheet.note(labels.orderSheetNote);
  sheet.blank();
  sheet.add([labels.signSupplier]);
  sheet.blank();
  sheet.add([labels.signReceiver]);
  sheet.finish();
  return { amountFen };
}
