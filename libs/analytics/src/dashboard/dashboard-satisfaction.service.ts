import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { query } from '@larder/database';
import { feedbackTagKind } from '../feedback-tag.calculator';
import { CommentThemesService } from '../comment-themes.service';
import { ParticipationService } from '../participation.service';
import { addCounts, sumBy } from '../released-cells.calculator';
import { ReleasedSatisfactionService } from '../released-satisfaction.service';
import { emptyRatingCounts, MIN_GROUP_DINERS, publishRatings, RatingGroupCounts } from '../satisfaction.calculator';
import type { SatisfactionPanel } from './dashboard.contract';
import { ratio } from './dashboard.calculator';
import { partialWeeks } from './partial-weeks.calculator';
import type { DashboardScope } from './dashboard-scope.service';
import { PAID_SQL, PaidWeekRow, SPAN_SQL, SpanRow } from './dashboard-satisfaction.queries';

/** Tags that say the price is unfair. */
export const PRICE_COMPLAINT_TAGS = ['价格贵'];

/**
 * The satisfaction page, for the union above all: every rating, tag and participation figure is a
 * sum over released cells of whole, ended ISO weeks (released-cells.calculator.ts), never over
 * the range as asked, so no two answers differ by a group under five diners.
 */
@Injectable()
export class DashboardSatisfactionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cells: ReleasedSatisfactionService,
    private readonly participation: ParticipationService,
    private readonly commentThemes: CommentThemesService,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  /** `money: false` (the union) leaves out the price paid per cover: the union reads no money figures. */
  async panel(scope: DashboardScope, options: { money: boolean; today?: string } = { money: true }): Promise<SatisfactionPanel> {
    const answer = await this.cells.released(scope, { today: options.today });
    const { period: weeks, cells: released } = answer;
    const empty = {
      filters: scope.filters,
      minGroupDiners: MIN_GROUP_DINERS,
      period: null,
      total: { average: null, responses: null, satisfiedShare: null, suppressed: true },
      canteens: scope.canteenIds.map((canteenId) => ({ canteenId, average: null, responses: null, suppressed: true })),
      dishes: [],
      tags: [],
      participation: [],
      priceFairness: [],
      trend: [],
      partialWeeks: [],
      themes: [],
    };
    if (weeks === null) return empty;
    const parameters = [weeks.from, weeks.to, scope.canteenIds, scope.meal];
    const [paidRows, participation, themes, spanRows] = await Promise.all([
      options.money ? query<PaidWeekRow>(this.dataSource, PAID_SQL, parameters) : Promise.resolve([]),
      this.participation.weekly({ ...scope, from: weeks.from, to: weeks.to, minDiners: MIN_GROUP_DINERS }),
      this.commentThemes.themes(scope, answer),
      query<SpanRow>(this.dataSource, SPAN_SQL, [scope.canteenIds]),
    ]);
    const span = spanRows[0]?.first && spanRows[0]?.last ? { first: spanRows[0].first, last: spanRows[0].last } : null;
    const total = released.parents.reduce((sum, cell) => addCounts(sum, cell), emptyRatingCounts());
    const byCanteen = sumBy(released.parents, (cell) => String(cell.canteenId));
    const byWeek = sumBy(released.parents, (cell) => cell.week);
    const byDish = sumBy(
      released.children.filter((child) => child.dishId !== 0),
      (child) => `${child.canteenId}|${child.dishId}`,
    );
    const byTag = sumBy(released.tags, (tag) => tag.tag);
    const priceByWeek = sumBy(
      released.tags.filter((tag) => PRICE_COMPLAINT_TAGS.includes(tag.tag)),
      (tag) => tag.week,
    );
    const published = (counts: RatingGroupCounts | undefined) => publishRatings(counts ?? emptyRatingCounts(), { suppress: false });
    const totalFigures = published(total);
    const paid = new Map(paidRows.map((row) => [row.week, ratio(row.paid, row.covers)]));
    const weekLabels = [...new Set([...byWeek.keys(), ...paid.keys(), ...participation.map((row) => row.week)])].sort();
    return {
      filters: scope.filters,
      minGroupDiners: MIN_GROUP_DINERS,
      period: weeks,
      total: { average: totalFigures.averageRating, responses: totalFigures.responses, satisfiedShare: totalFigures.satisfiedShare, suppressed: totalFigures.suppressed },
      canteens: scope.canteenIds.map((canteenId) => {
        const figures = published(byCanteen.get(String(canteenId)));
        return { canteenId, average: figures.averageRating, responses: figures.responses, suppressed: figures.suppressed };
      }),
      dishes: [...byDish.entries()]
        .map(([key, counts]) => {
          const [canteenId, dishId] = key.split('|').map(Number);
          const figures = published(counts);
          return { canteenId, dishId, average: figures.averageRating, responses: figures.responses, suppressed: figures.suppressed };
        })
        .sort((a, b) => a.canteenId - b.canteenId || a.dishId - b.dishId),
      tags: [...byTag.entries()]
        .map(([tag, counts]) => ({
          tag,
          kind: feedbackTagKind(tag, this.config.feedback),
          mentions: counts.responses,
          shareOfResponses: total.responses > 0 ? counts.responses / total.responses : null,
          lowRatingShare: counts.dissatisfied / counts.responses,
          suppressed: false,
        }))
        .sort((a, b) => b.mentions - a.mentions || (a.tag < b.tag ? -1 : 1)),
      participation: participation.filter((row) => row.canteenId === null).map((row) => ({ week: row.week, rate: ratio(row.dinerDays, row.staffOnDutyDays) })),
      priceFairness: weekLabels.map((week) => {
        const responses = byWeek.get(week)?.responses ?? 0;
        return { week, priceComplaintShare: responses > 0 ? (priceByWeek.get(week)?.responses ?? 0) / responses : null, averagePaidFen: paid.get(week) ?? null };
      }),
      trend: [...byWeek.keys()].sort().map((week) => {
        const figures = published(byWeek.get(week));
        return { week, average: figures.averageRating, suppressed: figures.suppressed };
      }),
      partialWeeks: partialWeeks(weeks, span),
      themes,
    };
  }
}
