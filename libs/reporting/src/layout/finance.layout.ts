import type { FinanceFigures, SubsidyReachView, SupplierSpend } from '@larder/analytics';
import { barChart, lineChart, pieChart } from '../charts/chart-options';
import type { ChartOption } from '../charts/chart-renderer';
import { fenToYuan, FORMATS, TextCell } from './cells';
import { writeChartSheet, writeNotesSheet } from './common-sheets';
import { writeSubsidyReachSheet } from './subsidy-reach.layout';
import { writeSupplierSpendSheet } from './supplier-spend.layout';
import { FinanceRow, SubsidyChange, writeBudgetSheet, writePeriodsSheet } from './finance-comparison.layout';
import { codeName } from './labels';
import { participationBasis } from './participation-basis';
import { Picture } from './pictures';
import { frameOf, labelsOf, Named, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';
import { ReconciliationResult, writeReconciliationSheet } from './reconciliation.layout';

export type { FinanceRow, SubsidyChange } from './finance-comparison.layout';

export interface FinanceReportData {
  context: ReportContext;
  canteens: (FinanceRow & { canteen: Named })[];
  total: FinanceRow;
  /** The total's participation counts the staff of every site (no canteen was named), not only the canteens' own sites. */
  allSites: boolean;
  channels: string[];
  daily: { date: string; canteen: Named; covers: number }[];
  /** Subsidy rules that changed within the month, said beside the budget. */
  subsidyChanges: SubsidyChange[];
  reconciliation: ReconciliationResult | null;
  /** Subsidy reach per site over the month (remote sites included); absent in older callers. */
  subsidyReach?: SubsidyReachView;
  /** Received purchase orders by supplier × ingredient category (the finance page's figures); absent in older callers. */
  supplierSpend?: SupplierSpend;
}

const yuan = fenToYuan;
const text = (value: string): TextCell => ({ text: value });

function writeSummary(workbook: WorkbookWriter, data: FinanceReportData): void {
  const labels = labelsOf(data.context);
  const money = { width: 14, format: FORMATS.yuan };
  const sheet = ReportSheet.open(
    workbook,
    frameOf(data.context, {
      name: labels.summary,
      reportTitle: labels.financeTitle,
      title: labels.summary,
      columns: [
        { header: labels.canteen, width: 16 },
        { header: labels.serviceDays, width: 7, format: FORMATS.integer },
        { header: labels.covers, width: 10, format: FORMATS.integer },
        { header: labels.transactions, width: 10, format: FORMATS.integer },
        { header: labels.refunds, width: 7, format: FORMATS.integer },
        { header: labels.paid, ...money },
        { header: labels.subsidy, ...money },
        { header: labels.revenue, ...money },
        { header: labels.ingredientCost, ...money },
        { header: labels.wasteCost, ...money },
        { header: labels.costPerMeal, width: 10, format: FORMATS.yuan },
        { header: labels.foodCostPct, width: 9, format: FORMATS.percent },
        { header: labels.participationOfStaff, width: 14, format: FORMATS.percent },
      ],
    }),
  );
  const figureRow = (label: string | TextCell, f: FinanceFigures, row: number, sums: { from: number; to: number } | null) => {
    const cell = (column: number, value: number | null) => (sums ? { formula: sheet.sum(column, sums.from, sums.to), result: value } : value);
    return [
      label,
      f.serviceDays,
      cell(3, f.covers),
      cell(4, f.transactions),
      cell(5, f.refunds),
      cell(6, yuan(f.paidFen)),
      cell(7, yuan(f.subsidyFen)),
      { formula: `${sheet.ref(6, row)}+${sheet.ref(7, row)}`, result: yuan(f.revenueFen) },
      cell(9, yuan(f.ingredientCostFen)),
      cell(10, yuan(f.wasteCostFen)),
      { formula: `IF(${sheet.ref(3, row)}=0,"",${sheet.ref(9, row)}/${sheet.ref(3, row)})`, result: f.costPerMealFen === null ? '' : f.costPerMealFen / 100 },
      { formula: `IF(${sheet.ref(8, row)}=0,"",${sheet.ref(9, row)}/${sheet.ref(8, row)})`, result: f.foodCostRatio ?? '' },
      f.participation,
    ];
  };
  for (const row of data.canteens) sheet.add(figureRow(text(nameOf(data.context, row.canteen)), row.figures, sheet.currentRow, null));
  const last = sheet.currentRow - 1;
  sheet.endTable();
  sheet.add(figureRow(labels.total, data.total.figures, sheet.currentRow, { from: sheet.firstDataRow, to: last }), 'total');
  sheet.note(participationBasis(labels, { ...data.total.figures, allSites: data.allSites }));
  sheet.finish();
}

function writeChannels(workbook: WorkbookWriter, data: FinanceReportData): void {
  const labels = labelsOf(data.context);
  const columns = data.channels.length;
  const sheet = ReportSheet.open(
    workbook,
    frameOf(data.context, {
      name: labels.channels,
      reportTitle: labels.financeTitle,
      title: labels.channels,
      columns: [
        { header: labels.canteen, width: 26 },
        ...data.channels.map((channel) => ({ header: `${codeName(data.context.language, channel)} (¥)`, width: 15, format: FORMATS.yuan })),
        { header: labels.channelTotal, width: 16, format: FORMATS.yuan },
        { header: labels.subsidy, width: 16, format: FORMATS.yuan },
        { header: labels.revenue, width: 16, format: FORMATS.yuan },
      ],
    }),
  );
  const rowOf = (label: string | TextCell, f: FinanceFigures, row: number, sums: { from: number; to: number } | null) => [
    label,
    ...data.channels.map((channel, index) => {
      const value = yuan(f.paidByChannel[channel] ?? 0);
      return sums ? { formula: sheet.sum(index + 2, sums.from, sums.to), result: value } : value;
    }),
    { formula: `SUM(${sheet.ref(2, row)}:${sheet.ref(columns + 1, row)})`, result: yuan(Object.values(f.paidByChannel).reduce((a, b) => a + b, 0)) },
    sums ? { formula: sheet.sum(columns + 3, sums.from, sums.to), result: yuan(f.subsidyFen) } : yuan(f.subsidyFen),
    { formula: `${sheet.ref(columns + 2, row)}+${sheet.ref(columns + 3, row)}`, result: yuan(Object.values(f.paidByChannel).reduce((a, b) => a + b, 0) + f.subsidyFen) },
  ];
  for (const row of data.canteens) sheet.add(rowOf(text(nameOf(data.context, row.canteen)), row.figures, sheet.currentRow, null));
  const last = sheet.currentRow - 1;
  sheet.endTable();
  sheet.add(rowOf(labels.total, data.total.figures, sheet.currentRow, { from: sheet.firstDataRow, to: last }), 'total');
  sheet.finish();
}

export function financeCharts(data: FinanceReportData): { option: ChartOption; description: string }[] {
  const labels = labelsOf(data.context);
  const names = data.canteens.map((row) => nameOf(data.context, row.canteen));
  const perMeal = (f: FinanceFigures) => fenToYuan(f.costPerMealFen);
  const dates = [...new Set(data.daily.map((day) => day.date))].sort();
  // Revenue in its parts: the subsidy and each channel's payments, as on the finance page.
  const channelSlices = [
    { name: labels.subsidyPart, value: yuan(data.total.figures.subsidyFen)! },
    ...data.channels.map((channel) => ({ name: codeName(data.context.language, channel), value: yuan(data.total.figures.paidByChannel[channel] ?? 0)! })),
  ];
  return [
    {
      description: labels.costPerMeal,
      option: barChart({
        title: labels.costPerMeal,
        categories: names,
        series: [
          { name: labels.thisMonth, values: data.canteens.map((row) => perMeal(row.figures)) },
          { name: labels.lastMonth, values: data.canteens.map((row) => perMeal(row.lastMonth)) },
        ],
      }),
    },
    {
      description: labels.foodCostPct,
      option: barChart({
        title: labels.foodCostPct,
        categories: names,
        percent: true,
        series: [
          { name: labels.thisMonth, values: data.canteens.map((row) => row.figures.foodCostRatio) },
          { name: labels.lastMonth, values: data.canteens.map((row) => row.lastMonth.foodCostRatio) },
        ],
      }),
    },
    { description: labels.channels, option: pieChart({ title: labels.channels, slices: channelSlices }) },
    {
      description: labels.covers,
      option: lineChart({
        title: labels.covers,
        categories: dates.map((date) => date.slice(5)),
        series: data.canteens.map((row) => ({
          name: nameOf(data.context, row.canteen),
          values: dates.map((date) => data.daily.find((day) => day.date === date && day.canteen.code === row.canteen.code)?.covers ?? null),
        })),
      }),
    },
  ];
}

/**
 * The whole finance workbook, sheet by sheet, onto a streaming writer; the caller commits it. The
 * payments, one line each, are a separate export (writePaymentDetail), so this one prints in seconds.
 */
export function writeFinanceReport(input: { workbook: WorkbookWriter; data: FinanceReportData; charts: Picture[] | null }): void {
  const { workbook, data } = input;
  const labels = labelsOf(data.context);
  writeSummary(workbook, data);
  writeChannels(workbook, data);
  writeBudgetSheet(workbook, data);
  writePeriodsSheet(workbook, data);
  if (data.supplierSpend) writeSupplierSpendSheet(workbook, { context: data.context, reportTitle: labels.financeTitle, spend: data.supplierSpend });
  writeReconciliationSheet({ workbook, context: data.context, result: data.reconciliation });
  if (data.subsidyReach) writeSubsidyReachSheet({ workbook, context: data.context, reportTitle: labels.financeTitle, reach: data.subsidyReach, money: true });
  writeChartSheet({ workbook, context: data.context, reportTitle: labels.financeTitle, charts: input.charts });
  const uncosted = data.total.figures.uncostedPortions;
  writeNotesSheet({ workbook, context: data.context, reportTitle: labels.financeTitle, notes: labels.financeNotes as string[], values: { uncosted } });
}
