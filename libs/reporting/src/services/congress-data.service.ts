import { Inject, Injectable } from '@nestjs/common';
import { CommentThemesService, feedbackTagKind, FinanceService, ReleasedSatisfactionService, ReportPeriod, shiftMonth, TagFigures, weekPeriod } from '@larder/analytics';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { addDays, isoWeek, localDate } from '@larder/domain';
import type { CongressFigures, CongressSummaryData, CongressTagLine, CongressTheme, PublishedCount } from '../layout/congress.layout';
import { ReportDataService } from './report-data.service';
import { ReportScope } from './report-scope.service';

function previousPeriod(period: ReportPeriod): ReportPeriod {
  return period.kind === 'month' ? shiftMonth(period, -1) : weekPeriod(isoWeek(addDays(period.from, -7)));
}

/** All canteens' tag lines of one kind, this period against the previous, most picked first. */
function tagLines(now: TagFigures[], before: TagFigures[], keep: (tag: string) => boolean): CongressTagLine[] {
  const count = (row: TagFigures): PublishedCount => (row.suppressed || row.mentions === null ? 'hidden' : row.mentions);
  const rank = (value: PublishedCount) => (value === 'hidden' ? -1 : value);
  return now
    .filter((row) => row.canteenId === null && keep(row.tag))
    .map((row) => {
      const old = before.find((entry) => entry.canteenId === null && entry.tag === row.tag);
      return { tag: row.tag, now: count(row), before: old === undefined ? null : count(old) };
    })
    .sort((a, b) => rank(b.now) - rank(a.now) || (a.tag < b.tag ? -1 : 1));
}

/**
 * The figures of the workers' congress summary: the satisfaction report's released figures (one
 * owner, ReportDataService) for this and the previous period, the comment themes of released
 * cells, and per-meal money only when the reader may read money.
 */
@Injectable()
export class CongressDataService {
  constructor(
    private readonly reports: ReportDataService,
    private readonly released: ReleasedSatisfactionService,
    private readonly commentThemes: CommentThemesService,
    private readonly finance: FinanceService,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  async data(scope: ReportScope, options: { money: boolean }): Promise<CongressSummaryData> {
    const previous = previousPeriod(scope.period);
    const before = { ...scope, period: previous, context: { ...scope.context, period: { label: previous.label, from: previous.from, to: previous.to } } };
    const [now, old] = [await this.reports.satisfactionData(scope), await this.reports.satisfactionData(before)];
    const figures = async (period: ReportPeriod, satisfaction: typeof now): Promise<CongressFigures> => ({
      participation: satisfaction.participationTotal.participation,
      ratings: satisfaction.result.total,
      money: options.money ? await this.money(scope, period) : null,
    });
    const kind = (tag: string) => feedbackTagKind(tag, this.config.feedback);
    return {
      context: scope.context,
      previousLabel: previous.label,
      weeks: now.period,
      minGroupDiners: now.result.minGroupDiners,
      now: await figures(scope.period, now),
      before: await figures(previous, old),
      praiseTags: tagLines(now.result.tags, old.result.tags, (tag) => kind(tag) === 'praise'),
      complaintTags: tagLines(now.result.tags, old.result.tags, (tag) => kind(tag) === 'complaint'),
      themes: await this.themes(scope),
    };
  }

  private async themes(scope: ReportScope): Promise<CongressTheme[]> {
    const range = { from: scope.period.from, to: scope.period.to, canteenIds: scope.canteenIds, meal: scope.meal };
    const released = await this.released.released(range, { today: localDate(scope.context.generatedAt, scope.context.timeZone) });
    const groups = await this.commentThemes.themes(range, released);
    return scope.canteens.flatMap((canteen) => {
      const group = groups.find((entry) => entry.canteenId === canteen.id && entry.dishId === null);
      if (!group) return [];
      const words = (sentiment: string) => group.keywords.filter((keyword) => keyword.sentiment === sentiment).map((keyword) => keyword.word);
      return [{ canteen: { code: canteen.code, name: canteen.name, nameEn: canteen.nameEn }, diners: group.diners, complaints: words('complaint'), praise: words('praise') }];
    });
  }

  private async money(scope: ReportScope, period: ReportPeriod): Promise<CongressFigures['money']> {
    const { total } = await this.finance.figures({ from: period.from, to: period.to, canteenIds: scope.canteenIds, allSites: scope.canteen === null, meal: scope.meal, participation: false });
    const perMeal = (fen: number) => (total.covers > 0 ? fen / total.covers : null);
    return { subsidyPerMealFen: perMeal(total.subsidyFen), paidPerMealFen: perMeal(total.paidFen), costPerMealFen: total.costPerMealFen };
  }
}
