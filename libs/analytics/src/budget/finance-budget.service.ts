import { Injectable } from '@nestjs/common';
import { monthSpans, rangeBudget } from './budget.calculator';
import { BudgetService } from './budget.service';

/** The budget of a range for one group of canteens, line by line; null where no budget is set. */
export interface RangeBudget {
  ingredientsFen: number | null;
  subsidyFen: number | null;
  labourFen: number | null;
}

/** Budgets of a range for several canteen groups (each canteen, the total) from one read; the page and the workbook both ask here. */
@Injectable()
export class FinanceBudgetService {
  constructor(private readonly budgets: BudgetService) {}

  async forGroups(range: { from: string; to: string }, groups: readonly (readonly number[])[]): Promise<RangeBudget[]> {
    const spans = monthSpans(range);
    const canteenIds = [...new Set(groups.flat())];
    const amounts = await this.budgets.amounts({ canteenIds, fromMonth: spans[0].month, toMonth: spans[spans.length - 1].month });
    return groups.map((group) => ({
      ingredientsFen: rangeBudget(amounts, { spans, line: 'ingredients', canteenIds: group }),
      subsidyFen: rangeBudget(amounts, { spans, line: 'subsidy', canteenIds: group }),
      labourFen: rangeBudget(amounts, { spans, line: 'labour', canteenIds: group }),
    }));
  }
}
