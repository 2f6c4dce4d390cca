import { accuracyBy, AccuracyFigures, accuracyOf, ForecastPair, ForecastValueAdded, LeadPair, leadWeekDays, leadWeekOf } from '@larder/analytics';
import { MEAL_PERIODS } from '@larder/domain';
import { barChart, lineChart } from '../charts/chart-options';
import type { ChartOption } from '../charts/chart-renderer';
import { CellInput, FORMATS, sheetDate, TextCell } from './cells';
import { writeChartSheet, writeNotesSheet } from './common-sheets';
import { codeName, fill } from './labels';
import { Picture } from './pictures';
import { frameOf, labelsOf, Named, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';
import { writeValueAddedSheet } from './value-added.layout';

export interface AccuracyReportData {
  context: ReportContext;
  canteens: (Named & { id: number })[];
  /** The one dish the report is of (its pairs are that dish's alone), or null for covers and every dish. */
  dish: (Named & { id: number }) | null;
  dishes: Map<number, Named>;
  stored: number;
  pairs: ForecastPair[];
  /** Every stored forecast of each day (one per run as-of) of the one dish, else of the covers, with its days ahead. */
  leadPairs: LeadPair[];
  /** Larder against the kitchen's numbers and median4 on the dish portions of the report's scope. */
  valueAdded: ForecastValueAdded;
}

const text = (value: string): TextCell => ({ text: value });
const round2 = (value: number) => Math.round(value * 100) / 100;

function figureCells(sheet: ReportSheet, f: AccuracyFigures, n: number, first: number): CellInput[] {
  const r = (offset: number) => sheet.ref(first + offset, n);
  return [
    f.pairs,
    round2(f.actual),
    round2(f.forecast),
    round2(f.absoluteError),
    { formula: `IF(${r(1)}=0,"",${r(3)}/${r(1)})`, result: f.actual > 0 ? round2(f.absoluteError) / round2(f.actual) : '' },
    { formula: `IF(${r(1)}=0,"",(${r(2)}-${r(1)})/${r(1)})`, result: f.actual > 0 ? (round2(f.forecast) - round2(f.actual)) / round2(f.actual) : '' },
    f.intervalHitRate,
  ];
}

function figureColumns(labels: ReturnType<typeof labelsOf>) {
  return [
    { header: labels.pairs, width: 10, format: FORMATS.integer },
    // Covers and portions sold are whole; a forecast's median and its error to a tenth, as the pages show them.
    { header: labels.actual, width: 12, format: FORMATS.integer },
    { header: labels.forecast, width: 12, format: FORMATS.decimal1 },
    { header: labels.absError, width: 12, format: FORMATS.decimal1 },
    { header: labels.wape, width: 9, format: FORMATS.percent },
    { header: labels.bias, width: 9, format: FORMATS.percent },
    { header: labels.intervalHit, width: 11, format: FORMATS.percent },
  ];
}

/** The report's title: of the one dish when it has one. */
function titleOf(data: AccuracyReportData): string {
  const labels = labelsOf(data.context);
  return data.dish ? fill(labels.accuracyDishTitle, { dish: nameOf(data.context, data.dish) }) : labels.accuracyTitle;
}

/** What the Daily sheet and the line chart follow day by day: covers, or the report's one dish against its portions sold. */
function dailyTarget(data: AccuracyReportData): { name: string; pairs: ForecastPair[] } {
  const { dish } = data;
  if (dish) return { name: nameOf(data.context, dish), pairs: data.pairs.filter((p) => p.dishId === dish.id) };
  return { name: labelsOf(data.context).targetCovers, pairs: data.pairs.filter((p) => p.dishId === 0) };
}

export function accuracyCharts(data: AccuracyReportData): { option: ChartOption; description: string }[] {
  if (data.pairs.length === 0) return [];
  const labels = labelsOf(data.context);
  const daily = dailyTarget(data);
  const dates = [...new Set(daily.pairs.map((p) => p.serviceDate))].sort();
  const wapeOf = (pairs: ForecastPair[]) => data.canteens.map((c) => accuracyOf(pairs.filter((p) => p.canteenId === c.id)).wape);
  return [
    {
      description: labels.wape,
      option: barChart({
        title: labels.wape,
        percent: true,
        categories: data.canteens.map((c) => nameOf(data.context, c)),
        // a dish's report has no covers to set beside it
        series: data.dish
          ? [{ name: daily.name, values: wapeOf(daily.pairs) }]
          : [
              { name: labels.targetCovers, values: wapeOf(daily.pairs) },
              { name: labels.targetDishes, values: wapeOf(data.pairs.filter((p) => p.dishId !== 0)) },
            ],
      }),
    },
    {
      description: daily.name,
      option: lineChart({
        title: `${daily.name} · ${labels.actual} / ${labels.forecast}`,
        categories: dates.map((d) => d.slice(5)),
        series: [
          { name: labels.actual, values: dates.map((d) => daily.pairs.filter((p) => p.serviceDate === d).reduce((s, p) => s + p.actual, 0)) },
          { name: labels.forecast, values: dates.map((d) => round2(daily.pairs.filter((p) => p.serviceDate === d).reduce((s, p) => s + p.p50, 0))) },
        ],
      }),
    },
  ];
}

export async function writeAccuracyReport(input: { workbook: WorkbookWriter; data: AccuracyReportData; charts: Picture[] | null }): Promise<void> {
  const { workbook, data } = input;
  const { context } = data;
  const labels = labelsOf(context);
  const title = titleOf(data);
  const dishName = data.dish ? nameOf(context, data.dish) : null;
  const notes = [...(labels.accuracyNotes as string[]), ...(dishName ? [fill(labels.accuracyDishNote, { dish: dishName })] : [])];
  const dishesLabel = dishName ?? labels.targetDishes;
  const target = (pair: ForecastPair) => (pair.dishId === 0 ? labels.targetCovers : dishesLabel);
  const summary = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.summary,
      reportTitle: title,
      title: labels.summary,
      columns: [{ header: labels.canteen, width: 24 }, { header: labels.target, width: 14 }, ...figureColumns(labels)],
    }),
  );
  if (data.stored === 0 || data.pairs.length === 0) {
    const none = dishName ? fill(labels.noDishForecasts, { dish: dishName }) : labels.noForecasts;
    summary.note(data.stored === 0 ? none : fill(labels.noPairs, { stored: data.stored }));
    summary.finish();
    writeNotesSheet({ workbook, context, reportTitle: title, notes });
    return;
  }
  for (const canteen of data.canteens) {
    for (const group of accuracyBy(
      data.pairs.filter((p) => p.canteenId === canteen.id),
      target,
    )) {
      summary.add([text(nameOf(context, canteen)), group.key, ...figureCells(summary, group.figures, summary.currentRow, 3)]);
    }
  }
  summary.endTable();
  for (const group of accuracyBy(data.pairs, target)) summary.add([labels.total, group.key, ...figureCells(summary, group.figures, summary.currentRow, 3)], 'total');
  summary.finish();
  writeValueAddedSheet({ workbook, context, reportTitle: title, figures: data.valueAdded });

  const byMeal = ReportSheet.open(
    workbook,
    frameOf(context, { name: labels.byMeal, reportTitle: title, title: labels.byMeal, columns: [{ header: labels.meal, width: 12 }, { header: labels.target, width: 14 }, ...figureColumns(labels)] }),
  );
  // Meals in the order of the day (breakfast, lunch, dinner, night), as the pages list them, not by their codes' spelling.
  const mealRank = (meal: string) => (MEAL_PERIODS as readonly string[]).indexOf(meal);
  for (const group of accuracyBy(data.pairs, (p) => `${mealRank(p.meal)}|${p.meal}|${p.dishId === 0 ? 0 : 1}`)) {
    const [, meal, kind] = group.key.split('|');
    byMeal.add([codeName(context.language, meal), kind === '0' ? labels.targetCovers : dishesLabel, ...figureCells(byMeal, group.figures, byMeal.currentRow, 3)]);
  }
  byMeal.finish();
  writeByLeadSheet(workbook, data, title);

  const dishes = ReportSheet.open(
    workbook,
    frameOf(context, { name: labels.dishes, reportTitle: title, title: labels.dishes, columns: [{ header: labels.dish, width: 26 }, ...figureColumns(labels)] }),
  );
  const dishGroups = accuracyBy(
    data.pairs.filter((p) => p.dishId !== 0),
    (p) => p.dishId,
  ).sort((a, b) => b.figures.actual - a.figures.actual);
  for (const group of dishGroups) {
    const dish = data.dishes.get(group.key);
    dishes.add([text(dish ? nameOf(context, dish) : String(group.key)), ...figureCells(dishes, group.figures, dishes.currentRow, 2)]);
  }
  dishes.finish();

  const followed = dailyTarget(data);
  const daily = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.daily,
      reportTitle: title,
      title: `${labels.daily} · ${followed.name}`,
      columns: [{ header: labels.date, width: 12, format: FORMATS.date }, { header: labels.canteen, width: 24 }, ...figureColumns(labels)],
    }),
  );
  const names = new Map(data.canteens.map((c) => [c.id, nameOf(context, c)]));
  for (const group of accuracyBy(followed.pairs, (p) => `${p.serviceDate}|${String(p.canteenId).padStart(6, '0')}`)) {
    const [date, id] = group.key.split('|');
    daily.add([sheetDate(date), text(names.get(Number(id)) ?? id), ...figureCells(daily, group.figures, daily.currentRow, 3)]);
  }
  daily.finish();
  writeChartSheet({ workbook, context, reportTitle: title, charts: input.charts });
  writeNotesSheet({ workbook, context, reportTitle: title, notes });
  return Promise.resolve();
}

/**
 * How the forecasts of the followed target (covers, or the report's one dish) hold up further ahead:
 * every stored forecast of each day, grouped by the week of the horizon it was made in. A day counts
 * once per run that forecast it, so the weeks have no total.
 */
function writeByLeadSheet(workbook: WorkbookWriter, data: AccuracyReportData, title: string): void {
  const { context } = data;
  const labels = labelsOf(context);
  const sheet = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.byLead,
      reportTitle: title,
      title: `${labels.byLead} · ${dailyTarget(data).name}`,
      columns: [{ header: labels.daysAhead, width: 14 }, ...figureColumns(labels)],
    }),
  );
  if (data.leadPairs.length === 0) sheet.note(labels.noLeadPairs);
  for (const group of accuracyBy(data.leadPairs, (pair) => leadWeekOf(pair.lead))) {
    const range = fill(labels.daysAheadRange, leadWeekDays(group.key));
    sheet.add([text(range), ...figureCells(sheet, group.figures, sheet.currentRow, 2)]);
  }
  sheet.finish();
}
