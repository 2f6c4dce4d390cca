import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ParticipationService } from '../participation.service';
import { RATING_COUNTS_SQL, ratingCountsOf } from '../rating-counts.sql';
import { groupsToSuppress, publishRatings, RatingGroupCounts } from '../satisfaction.calculator';
import { SatisfactionService } from '../satisfaction.service';
import type { SatisfactionPanel } from './dashboard.contract';
import { ratio } from './dashboard.calculator';
import type { DashboardScope } from './dashboard-scope.service';

/** Tags that say the price is unfair. */
export const PRICE_COMPLAINT_TAGS = ['价格贵'];

const SCOPE = `service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)`;

/** Rating counts per ISO week, with the responses that complain about the price ($5: the tags). */
const WEEKS_SQL = `
SELECT to_char(service_date, 'IYYY-"W"IW') AS week, ${RATING_COUNTS_SQL},
       count(*) FILTER (WHERE tags && $5::text[])::int AS price_complaints
FROM feedback WHERE ${SCOPE} GROUP BY 1 ORDER BY 1`;

const PAID_SQL = `
SELECT to_char(service_date, 'IYYY-"W"IW') AS week, sum(paid_fen)::bigint AS paid, sum(covers)::bigint AS covers
FROM daily_meal_rollup WHERE ${SCOPE} GROUP BY 1`;

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** The satisfaction page: aggregated only, every group under five diners suppressed before it leaves. */
@Injectable()
export class DashboardSatisfactionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly satisfaction: SatisfactionService,
    private readonly participation: ParticipationService,
  ) {}

  /** `money: false` (the union) leaves out the price paid per cover: the union reads no money figures. */
  async panel(scope: DashboardScope, options: { money: boolean } = { money: true }): Promise<SatisfactionPanel> {
    const parameters = [scope.from, scope.to, scope.canteenIds, scope.meal];
    const [result, weekRows, paidRows, participation] = await Promise.all([
      this.satisfaction.summary(scope),
      this.dataSource.query(WEEKS_SQL, [...parameters, PRICE_COMPLAINT_TAGS]) as Promise<Record<string, unknown>[]>,
      options.money ? (this.dataSource.query(PAID_SQL, parameters) as Promise<Record<string, unknown>[]>) : Promise.resolve([]),
      this.participation.weekly(scope),
    ]);
    const weeks = weekRows.map((row) => ({
      week: String(row.week), priceComplaints: num(row.price_complaints),
      ...ratingCountsOf(row),
    }));
    // Weeks add up to the published total, so one hidden week takes the next smallest with it.
    const hidden = groupsToSuppress<RatingGroupCounts & { week: string; priceComplaints: number }>(weeks);
    const paid = new Map(paidRows.map((row) => [String(row.week), ratio(num(row.paid), num(row.covers))]));
    const weekLabels = [...new Set([...weeks.map((week) => week.week), ...paid.keys()])].sort();
    const total = result.total;
    return {
      filters: scope.filters,
      minGroupDiners: result.minGroupDiners,
      total: { average: total.averageRating, responses: total.responses, satisfiedShare: total.satisfiedShare, suppressed: total.suppressed },
      canteens: result.canteens.map((row) => ({ canteenId: row.canteenId, average: row.averageRating, responses: row.responses, suppressed: row.suppressed })),
      dishes: result.dishes.map((row) => ({ canteenId: row.canteenId, dishId: row.dishId, average: row.averageRating, responses: row.responses, suppressed: row.suppressed })),
      tags: result.tags
        .filter((tag) => tag.canteenId === null)
        .map((tag) => ({ tag: tag.tag, mentions: tag.mentions, shareOfResponses: tag.shareOfResponses, lowRatingShare: tag.lowRatingShare, suppressed: tag.suppressed })),
      participation: participation.filter((row) => row.canteenId === null).map((row) => ({ week: row.week, rate: ratio(row.dinerDays, row.staffOnDutyDays) })),
      priceFairness: weekLabels.map((week) => {
        const group = weeks.find((row) => row.week === week);
        const shown = group && !hidden.has(group) && publishRatings(group, { suppress: false }).responses !== null;
        return { week, priceComplaintShare: shown ? group.priceComplaints / group.responses : null, averagePaidFen: paid.get(week) ?? null };
      }),
      trend: weeks.map((group) => {
        const published = publishRatings(group, { suppress: hidden.has(group) });
        return { week: group.week, average: published.averageRating, suppressed: published.suppressed };
      }),
    };
  }
}
