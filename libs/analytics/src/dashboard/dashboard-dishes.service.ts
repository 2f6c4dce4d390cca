import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { query } from '@larder/database';
import { ratingCountsOf } from '../rating-counts.sql';
import { groupsToSuppress, publishRatings } from '../satisfaction.calculator';
import type { DishDetailPanel, DishesPanel, DishRow } from './dashboard.contract';
import { menuEngineering, quantityRanks, rankChange } from './dashboard.calculator';
import type { DashboardScope } from './dashboard-scope.service';
import {
  COVERS_SQL,
  CountRow,
  CoversRow,
  DISH_COUNT_SQL,
  DISH_DAILY_SQL,
  DISH_RATINGS_SQL,
  DISH_SQL,
  DISH_WEEKS_SQL,
  DishDayRow,
  DishRatingsRow,
  DishSumsRow,
  DishWeekRow,
  TREND_SQL,
  WeekRatingsRow,
} from './dashboard-dishes.queries';

/** Dishes drawn in the weekly trend chart: the best sellers of the range. */
export const TREND_TOP_DISHES = 8;

interface DishSums {
  dishId: number;
  quantity: number;
  revenueFen: number;
  wastedPortions: number;
  costFen: number;
  costedPortions: number;
}

function marginOf(sums: DishSums): { marginFen: number | null; ingredientCostFen: number | null } {
  if (sums.quantity <= 0 || sums.costedPortions <= 0) return { marginFen: null, ingredientCostFen: null };
  const costPerPortion = sums.costFen / sums.costedPortions;
  return { marginFen: Math.round(sums.revenueFen / sums.quantity - costPerPortion), ingredientCostFen: Math.round(costPerPortion) };
}

/** The dishes page (menu engineering matrix, ranks, ratings) and one dish's detail. */
@Injectable()
export class DashboardDishesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dishes(scope: DashboardScope): Promise<DishesPanel> {
    const [current, previous, coverRows, ratings] = await Promise.all([
      this.sums(scope, scope, null),
      this.sums(scope, scope.previous, null),
      query<CoversRow>(this.dataSource, COVERS_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal]),
      this.ratings(scope),
    ]);
    const [covers] = coverRows;
    const margins = new Map(current.map((sums) => [sums.dishId, marginOf(sums).marginFen]));
    const matrix = menuEngineering(current.map((sums) => ({ dishId: sums.dishId, quantity: sums.quantity, marginFen: margins.get(sums.dishId) ?? null })));
    const ranksNow = quantityRanks(current);
    const ranksBefore = quantityRanks(previous);
    const dishes: DishRow[] = current
      .map((sums) => ({
        dishId: sums.dishId,
        quantity: sums.quantity,
        shareOfCovers: covers.covers > 0 ? sums.quantity / covers.covers : 0,
        revenueFen: sums.revenueFen,
        marginFen: margins.get(sums.dishId) ?? null,
        rating: ratings.get(sums.dishId) ?? null,
        wastedPortions: sums.wastedPortions,
        quadrant: matrix.quadrants.get(sums.dishId) ?? null,
        rankChange: rankChange(ranksNow, ranksBefore, sums.dishId),
      }))
      .sort((a, b) => b.quantity - a.quantity || a.dishId - b.dishId);
    const top = dishes.slice(0, TREND_TOP_DISHES).map((row) => row.dishId);
    const trendRows = await query<DishWeekRow>(this.dataSource, TREND_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal, top]);
    return {
      filters: scope.filters,
      dishes,
      popularityThreshold: matrix.popularityThreshold,
      marginThresholdFen: matrix.marginThresholdFen,
      trend: trendRows.map((row) => ({ week: row.week, dishId: row.dish_id, quantity: row.quantity })),
    };
  }

  async dish(scope: DashboardScope, dishId: number): Promise<DishDetailPanel> {
    const [known] = await query<CountRow>(this.dataSource, DISH_COUNT_SQL, [dishId]);
    if (known.n === 0) throw new LarderError('NOT_FOUND', `no dish with id ${dishId}`);
    const parameters = [scope.from, scope.to, scope.canteenIds, scope.meal, dishId];
    const daily = await query<DishDayRow>(this.dataSource, DISH_DAILY_SQL, parameters);
    const weeks = await query<WeekRatingsRow>(this.dataSource, DISH_WEEKS_SQL, parameters);
    const groups = weeks.map((row) => ({ week: row.week, ...ratingCountsOf(row) }));
    // As in the satisfaction report: one hidden week takes the next smallest with it.
    const hidden = groupsToSuppress(groups);
    const [sums] = await this.sums(scope, scope, dishId);
    const margin = sums ? marginOf(sums) : { marginFen: null, ingredientCostFen: null };
    return {
      filters: scope.filters,
      dishId,
      daily: daily.map((row) => ({
        date: row.date,
        quantity: row.quantity,
        prepared: row.prepared,
        wastedPortions: row.wasted_portions,
        wastedKg: Math.round(row.wasted_kg * 1000) / 1000,
        revenueFen: row.revenue_fen,
      })),
      ratings: groups.map((group) => {
        const published = publishRatings(group, { suppress: hidden.has(group) });
        return { week: group.week, average: published.averageRating, responses: published.responses };
      }),
      marginFen: margin.marginFen,
      ingredientCostFen: margin.ingredientCostFen,
    };
  }

  private async sums(scope: DashboardScope, range: { from: string; to: string }, dishId: number | null): Promise<DishSums[]> {
    const rows = await query<DishSumsRow>(this.dataSource, DISH_SQL, [range.from, range.to, scope.canteenIds, scope.meal, dishId]);
    return rows.map((row) => ({
      dishId: row.dish_id,
      quantity: row.quantity,
      revenueFen: row.revenue_fen,
      wastedPortions: row.wasted_portions,
      costFen: row.cost_fen ?? 0,
      costedPortions: row.costed,
    }));
  }

  /** Average rating per dish over the chosen canteens, suppressed under five diners (and its complement). */
  private async ratings(scope: DashboardScope): Promise<Map<number, number | null>> {
    const rows = await query<DishRatingsRow>(this.dataSource, DISH_RATINGS_SQL, [scope.from, scope.to, scope.canteenIds, scope.meal]);
    const groups = rows.map((row) => ({ dishId: row.dish_id, ...ratingCountsOf(row) }));
    const hidden = groupsToSuppress(groups);
    return new Map(groups.map((group) => [group.dishId, publishRatings(group, { suppress: hidden.has(group) }).averageRating]));
  }
}
