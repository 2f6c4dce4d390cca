import type { CategoryAmounts, SupplierSpend } from '@larder/analytics';
import { ingredientCategoryName } from '@larder/domain';
import { fenToYuan, FORMATS, TextCell } from './cells';
import { codeName, fill } from './labels';
import { frameOf, labelsOf, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

/**
 * Supplier spend of the month: suppliers × ingredient categories, with live totals; the same figures
 * the finance page charts (SupplierSpendService), so the two agree cell for cell.
 */
export function writeSupplierSpendSheet(workbook: WorkbookWriter, input: { context: ReportContext; reportTitle: string; spend: SupplierSpend }): void {
  const { context, spend } = input;
  const labels = labelsOf(context);
  const categories = spend.categories;
  const sheet = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.supplierSpend,
      reportTitle: input.reportTitle,
      title: labels.supplierSpend,
      columns: [
        { header: labels.supplier, width: 24 },
        ...categories.map((category) => ({ header: `${ingredientCategoryName(category, context.language)} (¥)`, width: 13, format: FORMATS.yuan })),
        { header: labels.spendTotal, width: 15, format: FORMATS.yuan },
      ],
    }),
  );
  // The total cell is a live SUM; its cached result is the row's own total from SupplierSpendService.
  const amounts = (line: { byCategory: CategoryAmounts; totalFen: number }, row: number, sums: { from: number; to: number } | null) => [
    ...categories.map((category, index) => {
      const value = fenToYuan(line.byCategory[category] ?? 0);
      return sums ? { formula: sheet.sum(index + 2, sums.from, sums.to), result: value } : value;
    }),
    { formula: `SUM(${sheet.ref(2, row)}:${sheet.ref(categories.length + 1, row)})`, result: fenToYuan(line.totalFen) },
  ];
  for (const supplier of spend.suppliers) {
    const name: TextCell = { text: `${supplier.code} ${nameOf(context, supplier)}` };
    sheet.add([name, ...amounts(supplier, sheet.currentRow, null)]);
  }
  const last = sheet.currentRow - 1;
  sheet.endTable();
  if (spend.suppliers.length > 0) sheet.add([labels.total, ...amounts(spend, sheet.currentRow, { from: sheet.firstDataRow, to: last })], 'total');
  sheet.note(spend.suppliers.length > 0 ? labels.spendRule : labels.spendNone);
  if (spend.awaitingReceipt.orders > 0) sheet.note(fill(labels.spendAwaiting, { orders: spend.awaitingReceipt.orders, amount: fenToYuan(spend.awaitingReceipt.totalFen).toFixed(2) }));
  if (context.meal) sheet.note(fill(labels.spendAllMeals, { meal: codeName(context.language, context.meal) }));
  sheet.finish();
}
