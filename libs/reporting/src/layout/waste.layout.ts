import type { CanteenWaste, DailyWaste, DishWaste } from '@larder/analytics';
import { barChart, lineChart } from '../charts/chart-options';
import type { ChartOption } from '../charts/chart-renderer';
import { CellInput, fenToYuan, FORMATS, sheetDate, TextCell } from './cells';
import { writeChartSheet, writeNotesSheet } from './common-sheets';
import { Picture } from './pictures';
import { frameOf, labelsOf, Named, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

export interface WasteReportData {
  context: ReportContext;
  canteens: (Named & { id: number; covers: number; waste: CanteenWaste })[];
  /** Dishes per canteen, most costly first. */
  dishes: { canteen: Named; dish: Named; waste: DishWaste }[];
  daily: (DailyWaste & { canteen: Named })[];
}

const text = (value: string): TextCell => ({ text: value });
const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function wasteCharts(data: WasteReportData): { option: ChartOption; description: string }[] {
  const labels = labelsOf(data.context);
  const dates = [...new Set(data.daily.map((d) => d.serviceDate))].sort();
  return [
    {
      description: labels.totalKg,
      option: barChart({
        title: labels.totalKg,
        categories: data.canteens.map((c) => nameOf(data.context, c)),
        series: [
          { name: labels.overKg, values: data.canteens.map((c) => round3(c.waste.overproductionKg)) },
          { name: labels.plateKg, values: data.canteens.map((c) => round3(c.waste.plateKg)) },
          { name: labels.spoilageKg, values: data.canteens.map((c) => round3(c.waste.spoilageKg)) },
        ],
      }),
    },
    {
      description: labels.daily,
      option: lineChart({
        title: `${labels.totalKg} · ${labels.daily}`,
        categories: dates.map((d) => d.slice(5)),
        series: data.canteens.map((c) => ({
          name: nameOf(data.context, c),
          values: dates.map((date) => {
            const day = data.daily.find((d) => d.serviceDate === date && d.canteen.code === c.code);
            return day ? round3(day.overproductionKg + day.plateKg + day.spoilageKg) : null;
          }),
        })),
      }),
    },
  ];
}

export async function writeWasteReport(input: { workbook: WorkbookWriter; data: WasteReportData; charts: Picture[] | null }): Promise<void> {
  const { workbook, data } = input;
  const { context } = data;
  const labels = labelsOf(context);
  const title = labels.wasteTitle;
  const summary = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.summary,
      reportTitle: title,
      title: labels.summary,
      columns: [
        { header: labels.canteen, width: 24 },
        { header: labels.covers, width: 11, format: FORMATS.integer },
        { header: labels.prepared, width: 11, format: FORMATS.integer },
        { header: labels.sold, width: 11, format: FORMATS.integer },
        { header: labels.overPortions, width: 11, format: FORMATS.integer },
        { header: labels.overKg, width: 12, format: FORMATS.kg },
        { header: labels.plateKg, width: 12, format: FORMATS.kg },
        { header: labels.spoilageKg, width: 12, format: FORMATS.kg },
        { header: labels.totalKg, width: 12, format: FORMATS.kg },
        { header: labels.overCost, width: 14, format: FORMATS.yuan },
        { header: labels.spoilageCost, width: 14, format: FORMATS.yuan },
        { header: labels.wasteCost, width: 14, format: FORMATS.yuan },
        { header: labels.wasteShare, width: 11, format: FORMATS.percent },
        { header: labels.gramsPerCover, width: 11, format: FORMATS.decimal1 },
      ],
    }),
  );
  const rowOf = (label: string | TextCell, covers: number, w: CanteenWaste, n: number, sums: { from: number; to: number } | null): CellInput[] => {
    const r = (column: number) => summary.ref(column, n);
    const cell = (column: number, value: number | null) => (sums ? { formula: summary.sum(column, sums.from, sums.to), result: value } : value);
    const totalKg = w.overproductionKg + w.plateKg + w.spoilageKg;
    return [
      label,
      cell(2, covers),
      cell(3, w.preparedPortions),
      cell(4, w.soldPortions),
      cell(5, w.overproductionPortions),
      cell(6, round3(w.overproductionKg)),
      cell(7, round3(w.plateKg)),
      cell(8, round3(w.spoilageKg)),
      { formula: `${r(6)}+${r(7)}+${r(8)}`, result: round3(round3(w.overproductionKg) + round3(w.plateKg) + round3(w.spoilageKg)) },
      cell(10, fenToYuan(w.overproductionCostFen)),
      cell(11, fenToYuan(w.spoilageCostFen)),
      { formula: `${r(10)}+${r(11)}`, result: fenToYuan(w.wasteCostFen) },
      { formula: `IF(${r(3)}=0,"",${r(5)}/${r(3)})`, result: w.preparedPortions > 0 ? w.overproductionPortions / w.preparedPortions : '' },
      { formula: `IF(${r(2)}=0,"",${r(9)}*1000/${r(2)})`, result: covers > 0 ? ((round3(w.overproductionKg) + round3(w.plateKg) + round3(w.spoilageKg)) * 1000) / covers : totalKg ? '' : '' },
    ];
  };
  for (const canteen of data.canteens) summary.add(rowOf(text(nameOf(context, canteen)), canteen.covers, canteen.waste, summary.currentRow, null));
  const last = summary.currentRow - 1;
  summary.endTable();
  const total: CanteenWaste = data.canteens
    .map((c) => c.waste)
    .reduce(
      (sum, w) => ({
        ...sum,
        preparedPortions: sum.preparedPortions + w.preparedPortions,
        soldPortions: sum.soldPortions + w.soldPortions,
        overproductionPortions: sum.overproductionPortions + w.overproductionPortions,
        overproductionKg: round3(sum.overproductionKg + round3(w.overproductionKg)),
        plateKg: round3(sum.plateKg + round3(w.plateKg)),
        spoilageKg: round3(sum.spoilageKg + round3(w.spoilageKg)),
        overproductionCostFen: sum.overproductionCostFen + w.overproductionCostFen,
        spoilageCostFen: sum.spoilageCostFen + w.spoilageCostFen,
        wasteCostFen: sum.wasteCostFen + w.wasteCostFen,
        spoilageUncostedKg: sum.spoilageUncostedKg + w.spoilageUncostedKg,
      }),
      {
        canteenId: 0,
        preparedPortions: 0,
        soldPortions: 0,
        overproductionPortions: 0,
        overproductionKg: 0,
        overproductionCostFen: 0,
        plateKg: 0,
        spoilageKg: 0,
        spoilageCostFen: 0,
        spoilageUncostedKg: 0,
        wasteCostFen: 0,
      },
    );
  summary.add(
    rowOf(
      labels.total,
      data.canteens.reduce((sum, c) => sum + c.covers, 0),
      total,
      summary.currentRow,
      { from: summary.firstDataRow, to: last },
    ),
    'total',
  );
  summary.finish();

  const dishes = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.dishes,
      reportTitle: title,
      title: labels.dishes,
      columns: [
        { header: labels.canteen, width: 24 },
        { header: labels.dish, width: 24 },
        { header: labels.prepared, width: 11, format: FORMATS.integer },
        { header: labels.sold, width: 11, format: FORMATS.integer },
        { header: labels.overPortions, width: 11, format: FORMATS.integer },
        { header: labels.overKg, width: 12, format: FORMATS.kg },
        { header: labels.overCost, width: 14, format: FORMATS.yuan },
        { header: labels.wasteShare, width: 11, format: FORMATS.percent },
      ],
    }),
  );
  for (const row of data.dishes) {
    const n = dishes.currentRow;
    dishes.add([
      text(nameOf(context, row.canteen)),
      text(nameOf(context, row.dish)),
      row.waste.preparedPortions,
      row.waste.soldPortions,
      row.waste.wastedPortions,
      round3(row.waste.wastedKg),
      fenToYuan(row.waste.wasteCostFen),
      { formula: `IF(${dishes.ref(3, n)}=0,"",${dishes.ref(5, n)}/${dishes.ref(3, n)})`, result: row.waste.preparedPortions > 0 ? row.waste.wastedPortions / row.waste.preparedPortions : '' },
    ]);
  }
  dishes.finish();

  const daily = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.daily,
      reportTitle: title,
      title: labels.daily,
      columns: [
        { header: labels.date, width: 12, format: FORMATS.date },
        { header: labels.canteen, width: 24 },
        { header: labels.overKg, width: 12, format: FORMATS.kg },
        { header: labels.plateKg, width: 12, format: FORMATS.kg },
        { header: labels.spoilageKg, width: 12, format: FORMATS.kg },
      ],
    }),
  );
  for (const day of data.daily) daily.add([sheetDate(day.serviceDate), text(nameOf(context, day.canteen)), round3(day.overproductionKg), round3(day.plateKg), round3(day.spoilageKg)]);
  daily.finish();

  writeChartSheet({ workbook, context, reportTitle: title, charts: input.charts });
  writeNotesSheet({ workbook, context, reportTitle: title, notes: labels.wasteNotes as string[], values: { uncosted: round3(total.spoilageUncostedKg) } });
  return Promise.resolve();
}
