import { BudgetAmount, budgetUse } from './budget.calculator';

const amounts: BudgetAmount[] = [
  { canteenId: 1, month: '2026-12', line: 'subsidy', amountFen: 3_100_00 },
  { canteenId: 2, month: '2026-12', line: 'subsidy', amountFen: 6_200_00 },
  { canteenId: 1, month: '2026-12', line: 'ingredients', amountFen: 1_000_00 },
];
const december = { from: '2026-12-01', to: '2026-12-31' };

describe('budgetUse', () => {
  it('reads a month still running against the whole month and against its days so far', () => {
    const use = budgetUse(amounts, { range: december, through: '2026-12-07', line: 'subsidy', canteenIds: [1, 2], spentFen: 2_790_00 });
    expect(use.budgetFen).toBe(9_300_00);
    expect(use.usedShare).toBeCloseTo(0.3, 10);
    // 7 of 31 days: ¥2,100 budgeted so far, ¥2,790 spent — ahead of the budget's pace
    expect(use.toDate).toEqual({ through: '2026-12-07', budgetFen: 2_100_00, usedShare: 2_790_00 / 2_100_00 });
  });

  it('has no pace for a range that has ended, and no budget where a canteen has none', () => {
    expect(budgetUse(amounts, { range: december, through: '2026-12-31', line: 'subsidy', canteenIds: [1, 2], spentFen: 1 }).toDate).toBeNull();
    const missing = budgetUse(amounts, { range: december, through: '2026-12-07', line: 'ingredients', canteenIds: [1, 2], spentFen: 1 });
    expect(missing).toEqual({ budgetFen: null, usedShare: null, toDate: { through: '2026-12-07', budgetFen: null, usedShare: null } });
  });
});
