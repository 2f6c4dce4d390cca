import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import { ratingCountsOf, RatingCountsRow } from './rating-counts.sql';
import { GROUPS_SQL, RatingGroupRow, TAGS_SQL, TagRow, WEEKS_SQL, WeekRow } from './satisfaction.queries';
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
    const [groups, tagRows] = await Promise.all([query<RatingGroupRow>(this.dataSource, GROUPS_SQL, parameters), query<TagRow>(this.dataSource, TAGS_SQL, parameters)]);
    const totalRow = groups.find((row) => row.all_canteens === 1);
    const canteenRows = groups.filter((row) => row.all_canteens === 0 && row.all_dishes === 1);
    const dishRows = groups.filter((row) => row.all_dishes === 0 && row.dish_id !== null);
    const canteens = this.publishWithin(canteenRows, (row, figures) => ({ canteenId: row.canteen_id ?? 0, ...figures }));
    const dishes: DishRatings[] = [];
    for (const canteenId of scope.canteenIds) {
      const own = dishRows.filter((row) => row.canteen_id === canteenId);
      dishes.push(...this.publishWithin(own, (row, figures) => ({ canteenId, dishId: row.dish_id ?? 0, ...figures })));
    }
    return {
      total: publishRatings(totalRow ? ratingCountsOf(totalRow) : emptyRatingCounts(), { suppress: false }),
      canteens,
      dishes: dishes.sort((a, b) => a.canteenId - b.canteenId || a.dishId - b.dishId),
      tags: this.tags(tagRows, totalRow?.responses ?? 0, canteenRows),
      minGroupDiners: MIN_GROUP_DINERS,
    };
  }

  private parameters(scope: SatisfactionScope): unknown[] {
    return [scope.from, scope.to, scope.canteenIds, scope.meal ?? null];
  }

  private publishWithin<Row extends RatingCountsRow, T>(rows: Row[], shape: (row: Row, figures: RatingFigures) => T): T[] {
    const withCounts = rows.map((row) => ({ row, ...ratingCountsOf(row) }));
    const hidden = groupsToSuppress(withCounts);
    return withCounts.map((group) => shape(group.row, publishRatings(group, { suppress: hidden.has(group) })));
  }

  private tags(rows: TagRow[], totalResponses: number, canteenRows: RatingGroupRow[]): TagFigures[] {
    const responsesOf = new Map(canteenRows.map((row) => [row.canteen_id, row.responses]));
    return rows.map((row) => {
      const canteenId = row.all_canteens === 1 ? null : row.canteen_id;
      const group = ratingCountsOf(row);
      const base = canteenId === null ? totalResponses : (responsesOf.get(canteenId) ?? 0);
      const suppressed = group.respondents < MIN_GROUP_DINERS;
      return {
        canteenId,
        tag: row.tag,
        suppressed,
        mentions: suppressed ? null : group.responses,
        shareOfResponses: suppressed || base === 0 ? null : group.responses / base,
        lowRatingShare: suppressed ? null : group.dissatisfied / group.responses,
      };
    });
  }

  private async weeks(parameters: unknown[]): Promise<WeeklyRatings[]> {
    const rows = await query<WeekRow>(this.dataSource, WEEKS_SQL, parameters);
    // Weeks add up to the published month, so one hidden week per canteen takes a second one with it.
    const canteenIds = [...new Set(rows.map((row) => row.canteen_id))];
    return canteenIds
      .flatMap((canteenId) =>
        this.publishWithin(
          rows.filter((row) => row.canteen_id === canteenId),
          (row, figures) => ({ week: row.week, canteenId, ...figures }),
        ),
      )
      .sort((a, b) => a.week.localeCompare(b.week) || a.canteenId - b.canteenId);
  }
}
