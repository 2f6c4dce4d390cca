import { Injectable } from '@nestjs/common';
import { budgetUse, monthSpans, rangeBudget } from '../budget/budget.calculator';
import { BudgetService } from '../budget/budget.service';
import { FinanceChangesService } from '../budget/finance-changes.service';
import { StaffGroupsService } from '../budget/staff-groups.service';
import { SupplierSpendService } from '../spend/supplier-spend.service';
import type { FinanceFigures } from '../finance.calculator';
import { FinanceService } from '../finance.service';
import { yearEarlierRange } from '../report-period';
import type { FinancePanel } from './dashboard.contract';
import { DashboardDailyService } from './dashboard-daily.service';
import type { DashboardScope } from './dashboard-scope.service';
import { financeMonths, financeSummary, previousPeriod, trailingTwelveMonths } from './finance-months.calculator';
import { revenueParts } from './revenue-parts.calculator';

function row(figures: FinanceFigures) {
  return {
    covers: figures.covers,
    costPerMealFen: figures.costPerMealFen,
    foodCostPct: figures.foodCostRatio,
    revenueFen: figures.revenueFen,
    subsidyFen: figures.subsidyFen,
    ingredientCostFen: figures.ingredientCostFen,
    wasteCostFen: figures.wasteCostFen,
  };
}

/**
 * Finance page: the finance report's figures per canteen and in total, against the budget table, the
 * same dates a year earlier and the period before, month by month, with what changed the figures.
 */
@Injectable()
export class DashboardFinanceService {
  constructor(
    private readonly finance: FinanceService,
    private readonly daily: DashboardDailyService,
    private readonly budgets: BudgetService,
    private readonly changes: FinanceChangesService,
    private readonly staffGroups: StaffGroupsService,
    private readonly spend: SupplierSpendService,
  ) {}

  async panel(scope: DashboardScope): Promise<FinancePanel> {
    // A range still running is compared through its last day with data, a year and a period earlier.
    const lastYearRange = yearEarlierRange({ from: scope.from, to: scope.comparedThrough });
    const previous = previousPeriod(scope, scope.comparedThrough);
    const twelve = trailingTwelveMonths(scope);
    const figures = (range: { from: string; to: string }) => this.finance.figures({ ...scope, ...range, participation: false });
    const spans = monthSpans(scope);
    const [result, lastYear, before, months, lastYearMonths, trailing, amounts, changes, staffGroups, supplierSpend] = await Promise.all([
      // The panel shows no participation; the overview does, from its own read.
      figures(scope),
      figures(lastYearRange),
      figures(previous),
      this.months(scope, scope),
      this.months(scope, lastYearRange),
      this.months(scope, twelve),
      this.budgets.amounts({ canteenIds: scope.canteenIds, fromMonth: spans[0].month, toMonth: spans[spans.length - 1].month }),
      this.changes.changes(scope),
      this.staffGroups.figures(scope),
      this.spend.spend(scope),
    ]);
    const total = result.total;
    const use = (line: 'subsidy' | 'ingredients', spentFen: number) => budgetUse(amounts, { range: scope, through: scope.comparedThrough, line, canteenIds: scope.canteenIds, spentFen });
    const subsidy = use('subsidy', total.subsidyFen);
    const ingredients = use('ingredients', total.ingredientCostFen);
    const budget = {
      ingredientsFen: ingredients.budgetFen,
      subsidyFen: subsidy.budgetFen,
      labourFen: rangeBudget(amounts, { spans, line: 'labour', canteenIds: scope.canteenIds }),
      prorated: spans.some((span) => span.partial),
    };
    // A month a year earlier with nothing served has nothing to compare with: null, not zeros.
    const lastYearByMonth = new Map(
      financeMonths(lastYearRange, lastYearMonths)
        .filter((month) => month.covers > 0 || month.revenueFen > 0)
        .map((month) => [month.month.slice(5), month]),
    );
    return {
      filters: scope.filters,
      canteens: result.canteens.map((canteen) => ({ canteenId: canteen.canteenId, ...row(canteen.figures) })),
      total: row(total),
      revenueParts: revenueParts(total),
      budget,
      subsidy: { spentFen: total.subsidyFen, ...subsidy },
      ingredients: { costFen: total.ingredientCostFen, ...ingredients },
      sameTimeLastYear: financeSummary(lastYearRange, lastYear.total),
      previousPeriod: financeSummary(previous, before.total),
      months: financeMonths(scope, months).map((month, index) => ({
        ...month,
        ingredientBudgetFen: rangeBudget(amounts, { spans: [spans[index]], line: 'ingredients', canteenIds: scope.canteenIds }),
        subsidyBudgetFen: rangeBudget(amounts, { spans: [spans[index]], line: 'subsidy', canteenIds: scope.canteenIds }),
        lastYear: lastYearByMonth.get(month.month.slice(5)) ?? null,
      })),
      trailing12: financeMonths(twelve, trailing),
      changes,
      staffGroups,
      supplierSpend,
    };
  }

  private months(scope: DashboardScope, range: { from: string; to: string }) {
    return this.daily.sums({ from: range.from, to: range.to, canteenIds: scope.canteenIds, meal: scope.meal, grain: 'month', allSites: scope.allSites, parts: ['meals', 'costs'] });
  }
}
