import { fill } from './labels';
import { addPictures, Picture } from './pictures';
import { A4_COLUMN_UNITS } from './print-setup';
import { frameOf, labelsOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

/** A sheet of charts, two to a row, or a note that charts could not be drawn. */
export function writeChartSheet(input: { workbook: WorkbookWriter; context: ReportContext; reportTitle: string; charts: Picture[] | null }): void {
  const labels = labelsOf(input.context);
  const sheet = ReportSheet.open(
    input.workbook,
    frameOf(input.context, { name: labels.charts, reportTitle: input.reportTitle, title: labels.charts, columns: Array.from({ length: 16 }, () => ({ header: '', width: 10 })), table: false }),
  );
  if (input.charts === null) sheet.note(labels.chartsUnavailable);
  else addPictures(input.workbook, sheet.worksheet, input.charts);
  sheet.finish();
}

/** Where the figures come from and what they mean, in the report's language. */
export function writeNotesSheet(input: { workbook: WorkbookWriter; context: ReportContext; reportTitle: string; notes: string[]; values?: Record<string, string | number> }): void {
  const labels = labelsOf(input.context);
  const sheet = ReportSheet.open(
    input.workbook,
    frameOf(input.context, { name: labels.notes, reportTitle: input.reportTitle, title: labels.notes, columns: [{ header: labels.notes, width: A4_COLUMN_UNITS.portrait }] }),
  );
  input.notes.forEach((note, index) => sheet.add([`${index + 1}. ${fill(note, input.values ?? {})}`], 'paragraph'));
  sheet.finish();
}

/** Chart placement on the chart sheet: two columns of 8 cells, each chart 16 rows high. */
export function placeCharts(pngs: { png: Buffer | null; description: string }[], size: { widthPx: number; heightPx: number }): Picture[] | null {
  if (pngs.some((chart) => chart.png === null)) return null;
  return pngs.map((chart, index) => ({
    png: chart.png!,
    description: chart.description,
    widthPx: size.widthPx,
    heightPx: size.heightPx,
    column: (index % 2) * 8,
    row: 3 + Math.floor(index / 2) * Math.ceil(size.heightPx / 20 + 1),
  }));
}
