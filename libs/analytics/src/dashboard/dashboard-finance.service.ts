import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays } from '@larder/domain';
import { sqlNumber } from '@larder/database';
import { budgetFromLastYear, financeFigures, emptyFinanceInputs, FinanceFigures } from '../finance.calculator';
import { FinanceService } from '../finance.service';
import type { FinancePanel } from './dashboard.contract';
import { BucketSums, DashboardDailyService } from './dashboard-daily.service';
import { ratio } from './dashboard.calculator';
import type { DashboardScope } from './dashboard-scope.service';

/** The same calendar dates a year earlier (29 February falls back to the 28th). */
function yearEarlier(date: string): string {
  const shifted = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  return shifted.endsWith('-02-29') ? addDays(shifted, -1) : shifted;
}

function row(figures: FinanceFigures) {
  return {
    covers: figures.covers, costPerMealFen: figures.costPerMealFen, foodCostPct: figures.foodCostRatio, revenueFen: figures.revenueFen,
    subsidyFen: figures.subsidyFen, ingredientCostFen: figures.ingredientCostFen, wasteCostFen: figures.wasteCostFen,
  };
}

/** Finance page: the finance report's figures per canteen and in total, the month by month budget and the subsidy. */
@Injectable()
export class DashboardFinanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly finance: FinanceService,
    private readonly daily: DashboardDailyService,
  ) {}

  async panel(scope: DashboardScope): Promise<FinancePanel> {
    const [result, monthly, lastYear, [subsidyRow]] = await Promise.all([
      // The panel shows no participation; the overview does, from its own read.
      this.finance.figures({ ...scope, participation: false }),
      this.months(scope, scope),
      this.months(scope, { from: yearEarlier(scope.from), to: yearEarlier(scope.to) }),
      this.dataSource.query(
        `SELECT count(*)::int AS meals, COALESCE(sum(subsidy_fen), 0)::bigint AS subsidy FROM daily_meal_rollup
         WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)`,
        [yearEarlier(scope.from), yearEarlier(scope.to), scope.canteenIds, scope.meal],
      ) as Promise<Record<string, unknown>[]>,
    ]);
    const lastYearByMonth = new Map(lastYear.map((bucket) => [bucket.bucket.slice(5, 7), bucket]));
    // Without a budget of its own, the subsidy budget is what the same dates cost a year earlier.
    const budgetFen = sqlNumber(subsidyRow.meals) > 0 ? sqlNumber(subsidyRow.subsidy) : null;
    const spentFen = result.total.subsidyFen;
    return {
      filters: scope.filters,
      canteens: result.canteens.map((canteen) => ({ canteenId: canteen.canteenId, ...row(canteen.figures) })),
      total: row(result.total),
      byChannel: Object.entries(result.total.paidByChannel).map(([channel, paidFen]) => ({ channel, paidFen })).sort((a, b) => b.paidFen - a.paidFen),
      subsidy: { spentFen, budgetFen, usedShare: budgetFen === null ? null : ratio(spentFen, budgetFen) },
      budget: monthly.map((bucket) => {
        const before = lastYearByMonth.get(bucket.bucket.slice(5, 7));
        const budget = budgetFromLastYear(before ? figuresOf(before) : null, 0);
        return { month: bucket.bucket.slice(0, 7), budgetCostFen: budget?.ingredientCostFen ?? null, actualCostFen: Math.round(bucket.ingredientCostFen) };
      }),
      // Settlement files are checked when the finance report is made with one; none is stored for the dashboard.
      reconciliation: { status: 'no_settlement', checkedDays: 0, mismatchedDays: 0, differenceFen: 0 },
      monthly: monthly.map((bucket) => {
        const figures = figuresOf(bucket);
        return { month: bucket.bucket.slice(0, 7), costPerMealFen: figures.costPerMealFen, foodCostPct: figures.foodCostRatio };
      }),
    };
  }

  private months(scope: DashboardScope, range: { from: string; to: string }): Promise<BucketSums[]> {
    return this.daily.sums({ from: range.from, to: range.to, canteenIds: scope.canteenIds, meal: scope.meal, grain: 'month', allSites: scope.allSites, parts: ['meals', 'costs'] });
  }
}

function figuresOf(bucket: BucketSums): FinanceFigures {
  return financeFigures({ ...emptyFinanceInputs(), covers: bucket.covers, paidFen: bucket.paidFen, subsidyFen: bucket.subsidyFen, ingredientCostFen: Math.round(bucket.ingredientCostFen) });
}
