import type { RatingFigures } from '@larder/analytics';
import { feedbackTagName } from '@larder/domain';
import { CellInput, fenToYuan, FORMATS, TextCell } from './cells';
import { congressLabelsFor } from './congress-labels';
import { fill } from './labels';
import { frameOf, labelsOf, Named, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

/** A published count, or 'hidden' where fewer than five diners gave it. */
export type PublishedCount = number | 'hidden';

export interface CongressTagLine {
  tag: string;
  now: PublishedCount;
  /** Null: not picked in the previous period. */
  before: PublishedCount | null;
}

/** The figures of one period; money only for readers who may read it (never the union). */
export interface CongressFigures {
  participation: number | null;
  ratings: RatingFigures;
  money: { subsidyPerMealFen: number | null; paidPerMealFen: number | null; costPerMealFen: number | null } | null;
}

export interface CongressTheme {
  canteen: Named;
  /** Diners who commented, in released groups of five or more. */
  diners: number;
  complaints: string[];
  praise: string[];
}

export interface CongressSummaryData {
  context: ReportContext;
  previousLabel: string;
  /** The whole weeks the figures cover (null: none ended yet). */
  weeks: { from: string; to: string } | null;
  minGroupDiners: number;
  now: CongressFigures;
  before: CongressFigures;
  praiseTags: CongressTagLine[];
  complaintTags: CongressTagLine[];
  themes: CongressTheme[];
}

const TAGS_SHOWN = 5;
const THEME_WORDS = 3;
const SIGNED = { integer: '+#,##0;-#,##0;0', decimal2: '+0.00;-0.00;0.00', yuan: '+"¥"0.00;-"¥"0.00;"¥"0.00' } as const;
const text = (value: string): TextCell => ({ text: value });

/** This period, the previous one and the change, with the formats of the line. */
function comparison(now: number | null, before: number | null, kind: 'share' | 'integer' | 'decimal2' | 'yuan', pointsFormat: string): { cells: CellInput[]; formats: (string | undefined)[] } {
  const change = now === null || before === null ? null : kind === 'share' ? (now - before) * 100 : now - before;
  const format = kind === 'share' ? FORMATS.percent : FORMATS[kind];
  return { cells: [now, before, change], formats: [undefined, format, format, kind === 'share' ? pointsFormat : SIGNED[kind]] };
}

/**
 * The one-page summary for the workers' congress: participation, satisfaction, praise and complaint
 * tags, anonymised comment themes and (for readers of money) subsidy and prices per meal, each with
 * the previous period and the change. Aggregates only, every group under five diners left out.
 */
export function writeCongressSummary(input: { workbook: WorkbookWriter; data: CongressSummaryData }): void {
  const { workbook, data } = input;
  const { context } = data;
  const labels = labelsOf(context);
  const words = congressLabelsFor(context.language);
  const hidden = fill(labels.suppressed, { min: data.minGroupDiners });
  const sheet = ReportSheet.open(
    workbook,
    frameOf(context, {
      name: words.congressSheet,
      reportTitle: words.congressTitle,
      title: words.congressSheet,
      onePage: true,
      columns: [
        { header: '', width: 44 },
        { header: fill(words.thisPeriodHeader, { period: context.period.label }), width: 16 },
        { header: fill(words.previousHeader, { period: data.previousLabel }), width: 16 },
        { header: words.changeHeader, width: 14 },
      ],
    }),
  );
  const line = (label: string, now: number | null, before: number | null, kind: Parameters<typeof comparison>[2]) => {
    const { cells, formats } = comparison(now, before, kind, words.changePointsFormat);
    sheet.add([text(label), ...cells], 'plain', formats);
  };
  const ratingLine = (label: string, pick: (figures: RatingFigures) => number | null, kind: Parameters<typeof comparison>[2]) => {
    if (data.now.ratings.suppressed)
      sheet.add([text(label), hidden, data.before.ratings.suppressed ? null : pick(data.before.ratings)], 'plain', [undefined, undefined, kind === 'share' ? FORMATS.percent : FORMATS[kind]]);
    else line(label, pick(data.now.ratings), data.before.ratings.suppressed ? null : pick(data.before.ratings), kind);
  };

  sheet.add([words.participationSection], 'section');
  line(words.participationRate, data.now.participation, data.before.participation, 'share');

  sheet.add([words.satisfactionSection], 'section');
  ratingLine(labels.responses, (f) => f.responses, 'integer');
  ratingLine(labels.averageRating, (f) => f.averageRating, 'decimal2');
  ratingLine(labels.satisfiedShare, (f) => f.satisfiedShare, 'share');
  ratingLine(labels.dissatisfiedShare, (f) => f.dissatisfiedShare, 'share');

  for (const [section, tags] of [
    [words.praiseTagsSection, data.praiseTags],
    [words.complaintTagsSection, data.complaintTags],
  ] as const) {
    sheet.add([section], 'section');
    const shown = tags.slice(0, TAGS_SHOWN);
    for (const tag of shown) {
      const name = feedbackTagName(tag.tag, context.language);
      if (tag.now === 'hidden' || tag.before === 'hidden') sheet.add([text(name), tag.now === 'hidden' ? hidden : tag.now, tag.before === 'hidden' ? hidden : tag.before]);
      else line(name, tag.now, tag.before ?? 0, 'integer');
    }
    if (shown.length === 0) sheet.add([fill(words.noTags, { min: data.minGroupDiners })]);
  }

  sheet.add([words.themesSection], 'section');
  for (const theme of data.themes) {
    const listed = (kind: string, themeWords: string[]) =>
      themeWords.length > 0
        ? `${kind}: ${themeWords
            .slice(0, THEME_WORDS)
            .map((word) => feedbackTagName(word, context.language))
            .join(', ')}`
        : null;
    const summary = [listed(words.themeComplaints, theme.complaints), listed(words.themePraise, theme.praise)].filter(Boolean).join(' · ');
    sheet.add([text(summary ? `${nameOf(context, theme.canteen)} — ${summary}` : nameOf(context, theme.canteen)), theme.diners], 'plain', [undefined, FORMATS.integer]);
  }
  if (data.themes.length === 0) sheet.add([fill(words.noThemes, { min: data.minGroupDiners })]);

  sheet.add([words.moneySection], 'section');
  const { now, before } = data;
  if (now.money && before.money) {
    line(words.subsidyPerMeal, fenToYuan(now.money.subsidyPerMealFen), fenToYuan(before.money.subsidyPerMealFen), 'yuan');
    line(words.paidPerMeal, fenToYuan(now.money.paidPerMealFen), fenToYuan(before.money.paidPerMealFen), 'yuan');
    line(words.costPerMeal, fenToYuan(now.money.costPerMealFen), fenToYuan(before.money.costPerMealFen), 'yuan');
  } else {
    sheet.note(words.moneyWithheld);
  }
  sheet.endTable();
  const values = { min: data.minGroupDiners, hidden, from: data.weeks?.from ?? '-', to: data.weeks?.to ?? '-', previous: data.previousLabel };
  for (const note of words.notes as string[]) sheet.note(fill(note, values));
  sheet.finish();
}
