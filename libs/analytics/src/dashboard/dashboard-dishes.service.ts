import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { sqlNumber } from '@larder/database';
import { RATING_COUNTS_SQL, ratingCountsOf } from '../rating-counts.sql';
import { groupsToSuppress, publishRatings } from '../satisfaction.calculator';
import type { DishDetailPanel, DishesPanel, DishRow } from './dashboard.contract';
import { menuEngineering, quantityRanks, rankChange } from './dashboard.calculator';
import type { DashboardScope } from './dashboard-scope.service';

/** Dishes drawn in the weekly trend chart: the best sellers of the range. */
export const TREND_TOP_DISHES = 8;

const MEAL = (column: string) => `($4::text IS NULL OR ${column} = $4)`;
const RANGE = (alias: string) => `${alias}.service_date BETWEEN $1::date AND $2::date AND ${alias}.canteen_id = ANY($3::int[]) AND ${MEAL(`${alias}.meal`)}`;

/**
 * Per dish: sold, revenue (paid + subsidy, as the lines carry it), wasted, and the recipe cost of the
 * portions sold at the day's prices (the same costing as the finance report). $5: one dish or null.
 */
const DISH_SQL = `
SELECT r.dish_id, sum(r.quantity)::bigint AS quantity, sum(r.revenue_fen)::bigint AS revenue_fen, sum(r.wasted_portions)::bigint AS wasted_portions,
       sum(GREATEST(r.quantity, 0) * r.fen_per_portion) AS cost_fen, COALESCE(sum(GREATEST(r.quantity, 0)) FILTER (WHERE r.fen_per_portion IS NOT NULL), 0)::bigint AS costed
FROM daily_dish_rollup r
WHERE ${RANGE('r')} AND ($5::int IS NULL OR r.dish_id = $5)
GROUP BY 1`;

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
      this.dataSource.query(`SELECT COALESCE(sum(covers), 0)::bigint AS covers FROM daily_meal_rollup m WHERE ${RANGE('m')}`, [scope.from, scope.to, scope.canteenIds, scope.meal]) as Promise<
        Record<string, unknown>[]
      >,
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
        shareOfCovers: sqlNumber(covers.covers) > 0 ? sums.quantity / sqlNumber(covers.covers) : 0,
        revenueFen: sums.revenueFen,
        marginFen: margins.get(sums.dishId) ?? null,
        rating: ratings.get(sums.dishId) ?? null,
        wastedPortions: sums.wastedPortions,
        quadrant: matrix.quadrants.get(sums.dishId) ?? null,
        rankChange: rankChange(ranksNow, ranksBefore, sums.dishId),
      }))
      .sort((a, b) => b.quantity - a.quantity || a.dishId - b.dishId);
    const top = dishes.slice(0, TREND_TOP_DISHES).map((row) => row.dishId);
    const trendRows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT to_char(r.service_date, 'IYYY-"W"IW') AS week, r.dish_id, sum(r.quantity)::bigint AS quantity
       FROM daily_dish_rollup r WHERE ${RANGE('r')} AND r.dish_id = ANY($5::int[]) GROUP BY 1, 2 ORDER BY 1, 2`,
      [scope.from, scope.to, scope.canteenIds, scope.meal, top],
    );
    return {
      filters: scope.filters,
      dishes,
      popularityThreshold: matrix.popularityThreshold,
      marginThresholdFen: matrix.marginThresholdFen,
      trend: trendRows.map((row) => ({ week: String(row.week), dishId: sqlNumber(row.dish_id), quantity: sqlNumber(row.quantity) })),
    };
  }

  async dish(scope: DashboardScope, dishId: number): Promise<DishDetailPanel> {
    const [known] = (await this.dataSource.query('SELECT count(*)::int AS n FROM dish WHERE id = $1', [dishId])) as { n: number }[];
    if (sqlNumber(known.n) === 0) throw new LarderError('NOT_FOUND', `no dish with id ${dishId}`);
    const parameters = [scope.from, scope.to, scope.canteenIds, scope.meal, dishId];
    const daily: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT r.service_date::text AS date, sum(r.quantity)::bigint AS quantity, sum(r.prepared)::bigint AS prepared, sum(r.wasted_portions)::bigint AS wasted_portions,
              COALESCE(sum(r.wasted_kg), 0) AS wasted_kg, sum(r.revenue_fen)::bigint AS revenue_fen
       FROM daily_dish_rollup r WHERE ${RANGE('r')} AND r.dish_id = $5 GROUP BY 1 ORDER BY 1`,
      parameters,
    );
    const weeks: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT to_char(service_date, 'IYYY-"W"IW') AS week, ${RATING_COUNTS_SQL}
       FROM feedback f WHERE ${RANGE('f')} AND f.dish_id = $5 GROUP BY 1 ORDER BY 1`,
      parameters,
    );
    const groups = weeks.map((row) => ({ week: String(row.week), ...ratingCountsOf(row) }));
    // As in the satisfaction report: one hidden week takes the next smallest with it.
    const hidden = groupsToSuppress(groups);
    const [sums] = await this.sums(scope, scope, dishId);
    const margin = sums ? marginOf(sums) : { marginFen: null, ingredientCostFen: null };
    return {
      filters: scope.filters,
      dishId,
      daily: daily.map((row) => ({
        date: String(row.date), quantity: sqlNumber(row.quantity), prepared: sqlNumber(row.prepared), wastedPortions: sqlNumber(row.wasted_portions),
        wastedKg: Math.round(sqlNumber(row.wasted_kg) * 1000) / 1000, revenueFen: sqlNumber(row.revenue_fen),
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
    const rows: Record<string, unknown>[] = await this.dataSource.query(DISH_SQL, [range.from, range.to, scope.canteenIds, scope.meal, dishId]);
    return rows.map((row) => ({
      dishId: sqlNumber(row.dish_id), quantity: sqlNumber(row.quantity), revenueFen: sqlNumber(row.revenue_fen), wastedPortions: sqlNumber(row.wasted_portions),
      costFen: sqlNumber(row.cost_fen), costedPortions: sqlNumber(row.costed),
    }));
  }

  /** Average rating per dish over the chosen canteens, suppressed under five diners (and its complement). */
  private async ratings(scope: DashboardScope): Promise<Map<number, number | null>> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT dish_id, ${RATING_COUNTS_SQL} FROM feedback f WHERE ${RANGE('f')} AND f.dish_id IS NOT NULL GROUP BY 1`,
      [scope.from, scope.to, scope.canteenIds, scope.meal],
    );
    const groups = rows.map((row) => ({ dishId: sqlNumber(row.dish_id), ...ratingCountsOf(row) }));
    const hidden = groupsToSuppress(groups);
    return new Map(groups.map((group) => [group.dishId, publishRatings(group, { suppress: hidden.has(group) }).averageRating]));
  }
}
