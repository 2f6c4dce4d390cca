import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlNumber } from '@larder/database';
import { RATING_COUNTS_SQL, ratingCountsOf } from './rating-counts.sql';
import { emptyRatingCounts, groupsToSuppress, MIN_GROUP_DINERS, publishRatings, RatingFigures } from './satisfaction.calculator';

export interface SatisfactionScope {
  from: string;
  to: string;
  canteenIds: number[];
  /** One meal period only; absent or null for every response, as the reports ask. */
  meal?: string | null;
}

export interface CanteenRatings extends RatingFigures {
  canteenId: number;
}

export interface DishRatings extends RatingFigures {
  canteenId: number;
  dishId: number;
}

export interface TagFigures {
  /** Null for all canteens together. */
  canteenId: number | null;
  tag: string;
  suppressed: boolean;
  mentions: number | null;
  /** Share of the canteen's (or all) responses that carry the tag. */
  shareOfResponses: number | null;
  /** Share of the mentions that came with a rating of 1 or 2: high for complaints. */
  lowRatingShare: number | null;
}

export interface WeeklyRatings extends RatingFigures {
  week: string;
  canteenId: number;
}

export interface SatisfactionResult {
  total: RatingFigures;
  canteens: CanteenRatings[];
  dishes: DishRatings[];
  tags: TagFigures[];
  weeks: WeeklyRatings[];
  minGroupDiners: number;
}

const SCOPE = `service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)`;

/** Ratings and tags from the feedback table, aggregated and with small groups suppressed before anything leaves. */
@Injectable()
export class SatisfactionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async satisfaction(scope: SatisfactionScope): Promise<SatisfactionResult> {
    const [summary, weeks] = await Promise.all([this.summary(scope), this.weeks(this.parameters(scope))]);
    return { ...summary, weeks };
  }

  /** Everything but the weekly series per canteen, which the dashboard draws from its own weekly read. */
  async summary(scope: SatisfactionScope): Promise<Omit<SatisfactionResult, 'weeks'>> {
    const parameters = this.parameters(scope);
    // Independent reads: on a server each takes a pooled connection of its own.
    const [groups, tagRows] = (await Promise.all([
      this.dataSource.query(
        `SELECT canteen_id, dish_id, GROUPING(canteen_id)::int AS all_canteens, GROUPING(dish_id)::int AS all_dishes, ${RATING_COUNTS_SQL}
         FROM feedback WHERE ${SCOPE} GROUP BY GROUPING SETS ((), (canteen_id), (canteen_id, dish_id))`,
        parameters,
      ),
      this.dataSource.query(
        `SELECT canteen_id, GROUPING(canteen_id)::int AS all_canteens, tag, ${RATING_COUNTS_SQL}
         FROM feedback CROSS JOIN LATERAL unnest(tags) AS tag WHERE ${SCOPE}
         GROUP BY GROUPING SETS ((tag), (canteen_id, tag)) ORDER BY all_canteens DESC, canteen_id, responses DESC, tag`,
        parameters,
      ),
    ])) as Record<string, unknown>[][];
    const totalRow = groups.find((row) => sqlNumber(row.all_canteens) === 1);
    const canteenRows = groups.filter((row) => sqlNumber(row.all_canteens) === 0 && sqlNumber(row.all_dishes) === 1);
    const dishRows = groups.filter((row) => sqlNumber(row.all_dishes) === 0 && row.dish_id !== null);
    const canteens = this.publishWithin(canteenRows, (row, figures) => ({ canteenId: sqlNumber(row.canteen_id), ...figures }));
    const dishes: DishRatings[] = [];
    for (const canteenId of scope.canteenIds) {
      const own = dishRows.filter((row) => sqlNumber(row.canteen_id) === canteenId);
      dishes.push(...this.publishWithin(own, (row, figures) => ({ canteenId, dishId: sqlNumber(row.dish_id), ...figures })));
    }
    return {
      total: publishRatings(totalRow ? ratingCountsOf(totalRow) : emptyRatingCounts(), { suppress: false }),
      canteens,
      dishes: dishes.sort((a, b) => a.canteenId - b.canteenId || a.dishId - b.dishId),
      tags: this.tags(tagRows, totalRow ? sqlNumber(totalRow.responses) : 0, canteenRows),
      minGroupDiners: MIN_GROUP_DINERS,
    };
  }

  private parameters(scope: SatisfactionScope): unknown[] {
    return [scope.from, scope.to, scope.canteenIds, scope.meal ?? null];
  }

  private publishWithin<T>(rows: Record<string, unknown>[], shape: (row: Record<string, unknown>, figures: RatingFigures) => T): T[] {
    const withCounts = rows.map((row) => ({ row, ...ratingCountsOf(row) }));
    const hidden = groupsToSuppress(withCounts);
    return withCounts.map((group) => shape(group.row, publishRatings(group, { suppress: hidden.has(group) })));
  }

  private tags(rows: Record<string, unknown>[], totalResponses: number, canteenRows: Record<string, unknown>[]): TagFigures[] {
    const responsesOf = new Map(canteenRows.map((row) => [sqlNumber(row.canteen_id), sqlNumber(row.responses)]));
    return rows.map((row) => {
      const canteenId = sqlNumber(row.all_canteens) === 1 ? null : sqlNumber(row.canteen_id);
      const group = ratingCountsOf(row);
      const base = canteenId === null ? totalResponses : (responsesOf.get(canteenId) ?? 0);
      const suppressed = group.respondents < MIN_GROUP_DINERS;
      return {
        canteenId, tag: String(row.tag), suppressed,
        mentions: suppressed ? null : group.responses,
        shareOfResponses: suppressed || base === 0 ? null : group.responses / base,
        lowRatingShare: suppressed ? null : group.dissatisfied / group.responses,
      };
    });
  }

  private async weeks(parameters: unknown[]): Promise<WeeklyRatings[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT to_char(service_date, 'IYYY-"W"IW') AS week, canteen_id, ${RATING_COUNTS_SQL}
       FROM feedback WHERE ${SCOPE} GROUP BY 1, 2 ORDER BY 1, 2`,
      parameters,
    );
    // Weeks add up to the published month, so one hidden week per canteen takes a second one with it.
    const canteenIds = [...new Set(rows.map((row) => sqlNumber(row.canteen_id)))];
    return canteenIds
      .flatMap((canteenId) => this.publishWithin(rows.filter((row) => sqlNumber(row.canteen_id) === canteenId), (row, figures) => ({ week: String(row.week), canteenId, ...figures })))
      .sort((a, b) => a.week.localeCompare(b.week) || a.canteenId - b.canteenId);
  }
}
