import type { RatingFigures, SatisfactionResult, SubsidyReachView, WeeklyParticipation } from '@larder/analytics';
import { barChart, lineChart } from '../charts/chart-options';
import type { ChartOption } from '../charts/chart-renderer';
import { CellInput, FORMATS, noteText, TextCell } from './cells';
import { writeChartSheet, writeNotesSheet } from './common-sheets';
import { writeSubsidyReachSheet } from './subsidy-reach.layout';
import { fill, Labels } from './labels';
import { participationBasis, ParticipationBasis } from './participation-basis';
import { Picture } from './pictures';
import { frameOf, labelsOf, Named, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

export interface SatisfactionReportData {
  context: ReportContext;
  /** The whole, ended ISO weeks the figures cover (null: none of the period has ended yet). */
  period: { from: string; to: string } | null;
  canteens: (Named & { id: number; participation: number | null })[];
  dishes: Map<number, Named>;
  result: SatisfactionResult;
  /** The total participation with its counts: the staff of every site, or of the chosen canteens' sites. */
  participationTotal: ParticipationBasis;
  weeklyParticipation: WeeklyParticipation[];
  /** Subsidy reach per site over the period, as shares (the union reads no yuan). */
  subsidyReach?: SubsidyReachView;
}

const text = (value: string): TextCell => ({ text: value });

/** Four figure cells, or the suppression label and blanks. */
function ratingCells(figures: RatingFigures, suppressedLabel: string): CellInput[] {
  if (figures.suppressed) return [suppressedLabel, null, null, null];
  return [figures.responses, figures.averageRating, figures.satisfiedShare, figures.dissatisfiedShare];
}

const RATING_COLUMNS = (labels: ReturnType<typeof labelsOf>) => [
  { header: labels.responses, width: 16, format: FORMATS.integer },
  { header: labels.averageRating, width: 12, format: FORMATS.decimal2 },
  { header: labels.satisfiedShare, width: 12, format: FORMATS.percent },
  { header: labels.dissatisfiedShare, width: 12, format: FORMATS.percent },
];

/**
 * The line under the total's ratings: their denominator is responses, with the total's counts
 * (a share times its responses gives back the whole count it was made of). None when suppressed.
 */
function ratingBasis(labels: Labels, total: RatingFigures): string | null {
  if (total.suppressed || total.responses === null || total.satisfiedShare === null || total.dissatisfiedShare === null) return null;
  const responses = total.responses;
  return fill(labels.ratingBasis, {
    responses: noteText.count(responses),
    satisfied: noteText.count(Math.round(total.satisfiedShare * responses)),
    dissatisfied: noteText.count(Math.round(total.dissatisfiedShare * responses)),
    satisfiedRate: noteText.percent(total.satisfiedShare),
    dissatisfiedRate: noteText.percent(total.dissatisfiedShare),
  });
}

export function satisfactionCharts(data: SatisfactionReportData): { option: ChartOption; description: string }[] {
  const labels = labelsOf(data.context);
  const weeks = [...new Set([...data.result.weeks.map((w) => w.week), ...data.weeklyParticipation.map((w) => w.week)])].sort();
  return [
    {
      description: labels.averageRating,
      option: barChart({
        title: labels.averageRating,
        categories: data.canteens.map((c) => nameOf(data.context, c)),
        series: [
          {
            name: labels.averageRating,
            values: data.canteens.map((c) => data.result.canteens.find((r) => r.canteenId === c.id)?.averageRating ?? null).map((v) => (v === null ? null : Math.round(v * 100) / 100)),
          },
        ],
      }),
    },
    {
      description: labels.trends,
      option: lineChart({
        title: `${labels.averageRating} · ${labels.week}`,
        categories: weeks,
        series: data.canteens.map((c) => ({
          name: nameOf(data.context, c),
          values: weeks.map((week) => data.result.weeks.find((w) => w.week === week && w.canteenId === c.id)?.averageRating ?? null),
        })),
      }),
    },
    {
      description: labels.participation,
      option: lineChart({
        title: `${labels.participation} · ${labels.week}`,
        categories: weeks,
        percent: true,
        series: data.canteens.map((c) => ({
          name: nameOf(data.context, c),
          values: weeks.map((week) => {
            const w = data.weeklyParticipation.find((p) => p.week === week && p.canteenId === c.id);
            return w && w.staffOnDutyDays > 0 ? w.dinerDays / w.staffOnDutyDays : null;
          }),
        })),
      }),
    },
  ];
}

export async function writeSatisfactionReport(input: { workbook: WorkbookWriter; data: SatisfactionReportData; charts: Picture[] | null }): Promise<void> {
  const { workbook, data } = input;
  const { context, result } = data;
  const labels = labelsOf(context);
  const title = labels.satisfactionTitle;
  const hidden = fill(labels.suppressed, { min: result.minGroupDiners });
  const canteenName = new Map(data.canteens.map((c) => [c.id, nameOf(context, c)]));

  const summary = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.summary,
      reportTitle: title,
      title: labels.summary,
      columns: [{ header: labels.canteen, width: 26 }, ...RATING_COLUMNS(labels), { header: labels.participationOfStaff, width: 14, format: FORMATS.percent }],
    }),
  );
  for (const canteen of data.canteens) {
    const figures = result.canteens.find((row) => row.canteenId === canteen.id) ?? { suppressed: true, responses: null, averageRating: null, satisfiedShare: null, dissatisfiedShare: null };
    summary.add([text(nameOf(context, canteen)), ...ratingCells(figures, hidden), canteen.participation]);
  }
  summary.endTable();
  summary.add([labels.total, ...ratingCells(result.total, hidden), data.participationTotal.participation], 'total');
  // The totals are not the rows added up, and shares of responses read easily as shares of diners.
  summary.note(participationBasis(labels, data.participationTotal));
  summary.note(fill(labels.participationWeeks, { from: data.period?.from ?? '-', to: data.period?.to ?? '-', min: result.minGroupDiners }));
  const ratings = ratingBasis(labels, result.total);
  if (ratings) summary.note(ratings);
  summary.finish();

  const dishes = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.dishes,
      reportTitle: title,
      title: labels.dishes,
      columns: [{ header: labels.canteen, width: 24 }, { header: labels.dish, width: 24 }, ...RATING_COLUMNS(labels)],
    }),
  );
  for (const row of result.dishes) {
    const dish = data.dishes.get(row.dishId);
    dishes.add([text(canteenName.get(row.canteenId) ?? String(row.canteenId)), text(dish ? nameOf(context, dish) : String(row.dishId)), ...ratingCells(row, hidden)]);
  }
  if (result.dishes.length === 0) dishes.note(labels.noData);
  dishes.finish();

  const tags = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.tags,
      reportTitle: title,
      title: labels.tags,
      columns: [
        { header: labels.canteen, width: 24 },
        { header: labels.tag, width: 20 },
        { header: labels.mentions, width: 16, format: FORMATS.integer },
        { header: labels.shareOfResponses, width: 14, format: FORMATS.percent },
        { header: labels.lowRatingShare, width: 14, format: FORMATS.percent },
      ],
    }),
  );
  for (const row of result.tags) {
    const figures: CellInput[] = row.suppressed ? [hidden, null, null] : [row.mentions, row.shareOfResponses, row.lowRatingShare];
    tags.add([row.canteenId === null ? labels.allCanteens : text(canteenName.get(row.canteenId) ?? ''), text(row.tag), ...figures]);
  }
  if (result.tags.length === 0) tags.note(labels.noData);
  else tags.note(fill(labels.tagBasis, { responses: result.total.responses === null ? labels.noDataCell : noteText.count(result.total.responses) }));
  tags.finish();

  const trends = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: labels.trends,
      reportTitle: title,
      title: labels.trends,
      columns: [{ header: labels.week, width: 10 }, { header: labels.canteen, width: 24 }, ...RATING_COLUMNS(labels), { header: labels.participationOfStaff, width: 14, format: FORMATS.percent }],
    }),
  );
  const weekKeys = [
    ...new Set([...result.weeks.map((w) => `${w.week}|${w.canteenId}`), ...data.weeklyParticipation.filter((w) => w.canteenId !== null).map((w) => `${w.week}|${w.canteenId}`)]),
  ].sort();
  for (const key of weekKeys) {
    const [week, id] = [key.split('|')[0], Number(key.split('|')[1])];
    const ratings = result.weeks.find((w) => w.week === week && w.canteenId === id);
    const participation = data.weeklyParticipation.find((w) => w.week === week && w.canteenId === id);
    trends.add([
      week,
      text(canteenName.get(id) ?? String(id)),
      ...(ratings ? ratingCells(ratings, hidden) : [null, null, null, null]),
      participation && participation.staffOnDutyDays > 0 ? participation.dinerDays / participation.staffOnDutyDays : null,
    ]);
  }
  trends.note(fill(labels.trendParticipation, { min: result.minGroupDiners }));
  trends.finish();

  if (data.subsidyReach) writeSubsidyReachSheet({ workbook, context, reportTitle: title, reach: data.subsidyReach, money: false });
  writeChartSheet({ workbook, context, reportTitle: title, charts: input.charts });
  writeNotesSheet({
    workbook,
    context,
    reportTitle: title,
    notes: labels.satisfactionNotes as string[],
    values: { min: result.minGroupDiners, from: data.period?.from ?? '-', to: data.period?.to ?? '-' },
  });
  return Promise.resolve();
}
