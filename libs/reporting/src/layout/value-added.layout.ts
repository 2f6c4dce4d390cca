import type { ForecastValueAdded, MethodError } from '@larder/analytics';
import { CellInput, FORMATS } from './cells';
import { fill } from './labels';
import { frameOf, labelsOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

const methodCells = (error: MethodError): CellInput[] => [error.wape, error.bias, error.over, error.under];

/** The "Forecast value added" sheet: Larder, the kitchen and median4 on the same dish services, and what each adds. */
export function writeValueAddedSheet(input: { workbook: WorkbookWriter; context: ReportContext; reportTitle: string; figures: ForecastValueAdded }): void {
  const { context, figures } = input;
  const labels = labelsOf(context);
  const sheet = ReportSheet.open(
    input.workbook,
    frameOf(context, {
      name: labels.valueAdded,
      reportTitle: input.reportTitle,
      title: labels.valueAdded,
      columns: [
        { header: labels.valueAddedNumber, width: 44 },
        { header: labels.servicesCompared, width: 12, format: FORMATS.integer },
        { header: labels.wape, width: 10, format: FORMATS.percent },
        { header: labels.bias, width: 10, format: FORMATS.percent },
        { header: labels.overShare, width: 12, format: FORMATS.percent },
        { header: labels.underShare, width: 12, format: FORMATS.percent },
        { header: labels.addedOverMedian4, width: 18, format: FORMATS.decimal2 },
      ],
    }),
  );
  const counts = fill(labels.valueAddedCounts, { scored: figures.scored, compared: figures.compared, withoutKitchen: figures.withoutKitchen, withoutHistory: figures.withoutHistory });
  if (figures.compared === 0) {
    sheet.note(labels.noValueAdded);
    sheet.note(counts);
  } else {
    sheet.add([labels.larderNumber, figures.compared, ...methodCells(figures.larder), figures.larderOverMedian4]);
    sheet.add([labels.kitchenNumber, figures.compared, ...methodCells(figures.kitchen), figures.kitchenOverMedian4]);
    sheet.add([labels.median4Number, figures.compared, ...methodCells(figures.median4), null]);
    sheet.endTable();
    sheet.add([labels.larderOverKitchen, null, null, null, null, null, figures.larderOverKitchen], 'total');
    if (figures.leftover) {
      sheet.add([labels.kitchenOutcome, null, null, null, figures.leftover.kitchenLeftover, figures.leftover.kitchenShortfall, null]);
      const level = String(Math.round(figures.leftover.level * 1000) / 10);
      sheet.add([
        fill(figures.leftover.matched ? labels.larderAtKitchenShortfall : labels.larderNearestShortfall, { level }),
        null,
        null,
        null,
        figures.leftover.larderLeftover,
        figures.leftover.larderShortfall,
        null,
      ]);
    }
    sheet.blank();
    sheet.note(counts);
  }
  sheet.note(labels.valueAddedExplanation);
  sheet.finish();
}
