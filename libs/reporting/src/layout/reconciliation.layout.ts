import type { Reconciliation } from '../reconciliation/settlement';
import { fenToYuan, FORMATS, noteText, sheetDate } from './cells';
import { codeName, fill } from './labels';
import { frameOf, labelsOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

export type ReconciliationResult = Reconciliation & { canteenOnly: boolean };

/** Every day × channel whose settlement total differs from the canteen payments, with live differences. */
export function writeReconciliationSheet(input: { workbook: WorkbookWriter; context: ReportContext; result: ReconciliationResult | null }): void {
  const { context, result } = input;
  const labels = labelsOf(context);
  const sheet = ReportSheet.open(
    input.workbook,
    frameOf(context, {
      name: labels.reconciliation,
      reportTitle: labels.financeTitle,
      title: labels.reconciliationTitle,
      columns: [
        { header: labels.date, width: 12, format: FORMATS.date },
        { header: labels.channel, width: 14 },
        { header: labels.settlementAmount, width: 16, format: FORMATS.yuan },
        { header: labels.larderAmount, width: 16, format: FORMATS.yuan },
        { header: labels.difference, width: 15, format: FORMATS.yuan },
        { header: labels.status, width: 20 },
      ],
    }),
  );
  if (result === null) {
    sheet.note(labels.noSettlement);
    sheet.finish();
    return;
  }
  const statusLabel = { differs: labels.statusDiffers, only_settlement: labels.statusOnlySettlement, only_larder: labels.statusOnlyLarder };
  for (const mismatch of result.mismatches) {
    const n = sheet.currentRow;
    const s = fenToYuan(mismatch.settlementFen);
    const l = fenToYuan(mismatch.larderFen);
    sheet.add([
      sheetDate(mismatch.date),
      codeName(context.language, mismatch.channel),
      s,
      l,
      { formula: `N(${sheet.ref(3, n)})-N(${sheet.ref(4, n)})`, result: fenToYuan((mismatch.settlementFen ?? 0) - (mismatch.larderFen ?? 0)) },
      statusLabel[mismatch.status],
    ]);
  }
  const last = sheet.currentRow - 1;
  if (result.mismatches.length > 0) {
    sheet.endTable();
    const sum = (key: 'settlementFen' | 'larderFen') => result.mismatches.reduce((total, m) => total + (m[key] ?? 0), 0);
    sheet.add(
      [
        labels.total,
        null,
        { formula: sheet.sum(3, sheet.firstDataRow, last), result: fenToYuan(sum('settlementFen')) },
        { formula: sheet.sum(4, sheet.firstDataRow, last), result: fenToYuan(sum('larderFen')) },
        { formula: sheet.sum(5, sheet.firstDataRow, last), result: fenToYuan(sum('settlementFen') - sum('larderFen')) },
      ],
      'total',
    );
  }
  sheet.blank();
  if (result.mismatches.length === 0) sheet.note(fill(labels.reconciliationAgrees, { pairs: result.pairs }));
  sheet.note(
    fill(labels.reconciliationTotals, {
      file: result.fileName,
      settlementRows: result.settlementLines,
      settlement: noteText.yuan(result.settlementFen),
      larder: noteText.yuan(result.larderFen),
      agree: result.agree,
      differ: result.mismatches.length,
    }),
  );
  sheet.note(
    fill(labels.reconciliationBasis, {
      rejected:
        result.rejected.length === 0
          ? '0'
          : result.rejected
              .map((r) => `#${r.line} ${r.reason}`)
              .slice(0, 20)
              .join('; '),
    }),
  );
  if (result.canteenOnly) sheet.note(labels.reconciliationCanteen);
  sheet.finish();
}
