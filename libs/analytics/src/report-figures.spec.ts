import { accuracyOf } from './accuracy.calculator';
import { emptyFinanceInputs, financeFigures, sumFinanceInputs } from './finance.calculator';
import { monthPeriod, parseReportPeriod, shiftMonth, weekPeriod } from './report-period';
import { groupsToSuppress, publishRatings } from './satisfaction.calculator';

describe('report figures', () => {
  it('parses months and weeks and shifts months across years', () => {
    expect(monthPeriod('2026-02')).toEqual({ kind: 'month', label: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(weekPeriod('2026-W48')).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });
    expect(shiftMonth(monthPeriod('2026-01'), -1).label).toBe('2025-12');
    expect(shiftMonth(monthPeriod('2026-11'), -12).label).toBe('2025-11');
    expect(() => parseReportPeriod({ month: '2026-13' })).toThrow('YYYY-MM');
    expect(() => parseReportPeriod({})).toThrow('required');
    expect(() => parseReportPeriod({ month: '2026-11', week: '2026-W48' })).toThrow('not both');
  });

  it('computes ratios from sums, so totals are not averages of ratios', () => {
    const a = { ...emptyFinanceInputs(), covers: 100, paidFen: 50_000, subsidyFen: 50_000, ingredientCostFen: 60_000, dinerDays: 80, staffOnDutyDays: 100 };
    const b = { ...emptyFinanceInputs(), covers: 300, paidFen: 100_000, subsidyFen: 200_000, ingredientCostFen: 120_000, dinerDays: 200, staffOnDutyDays: 300 };
    const total = financeFigures(sumFinanceInputs([a, b], { staffOnDutyDays: 1000, serviceDays: 20 }));
    expect(total.costPerMealFen).toBe(180_000 / 400);
    expect(total.foodCostRatio).toBe(180_000 / 400_000);
    expect(total.participation).toBe(280 / 1000);
    expect(financeFigures(emptyFinanceInputs())).toMatchObject({ costPerMealFen: null, foodCostRatio: null, participation: null });
  });

  it('suppresses small groups and one more where a single hidden group could be worked out', () => {
    const groups = [{ respondents: 12 }, { respondents: 3 }, { respondents: 6 }, { respondents: 9 }];
    expect([...groupsToSuppress(groups)].map((g) => g.respondents).sort()).toEqual([3, 6]);
    expect(groupsToSuppress([{ respondents: 3 }, { respondents: 4 }, { respondents: 9 }]).size).toBe(2);
    expect(publishRatings({ responses: 4, respondents: 4, ratingSum: 20, satisfied: 4, dissatisfied: 0 }, { suppress: false }).suppressed).toBe(true);
    expect(publishRatings({ responses: 6, respondents: 5, ratingSum: 24, satisfied: 5, dissatisfied: 1 }, { suppress: false })).toMatchObject({ averageRating: 4, satisfiedShare: 5 / 6 });
  });

  it('scores forecasts as WAPE, bias and interval hits', () => {
    const pair = (p50: number, actual: number) => ({ canteenId: 1, serviceDate: '2026-11-10', meal: 'lunch', dishId: 0, p50, p10: p50 - 5, p90: p50 + 5, actual });
    expect(accuracyOf([pair(110, 100), pair(90, 100)])).toMatchObject({ wape: 0.1, bias: 0, intervalHitRate: 0 });
    expect(accuracyOf([])).toMatchObject({ wape: null, bias: null, intervalHitRate: null });
  });

  it('counts a day on a band end by the share of its tied levels inside P10–P90', () => {
    const dish = (p10: number, p50: number, p90: number, actual: number) => ({ canteenId: 1, serviceDate: '2026-11-10', meal: 'lunch', dishId: 7, p10, p50, p90, actual });
    // Strictly inside and outside count 1 and 0, as before.
    expect(accuracyOf([dish(2, 4, 6, 4.5), dish(2, 4, 6, 7)]).intervalHitRate).toBe(0.5);
    // No sale with p10 = 0 < p50: its place lies in 0–0.5, of which 0.1–0.5 is inside the band.
    expect(accuracyOf([dish(0, 1, 3, 0)]).intervalHitRate).toBeCloseTo(0.8);
    // No sale with p10 = p50 = 0 < p90: 0–0.9, of which 0.1–0.9 is inside.
    expect(accuracyOf([dish(0, 0, 2, 0)]).intervalHitRate).toBeCloseTo(0.8 / 0.9);
    // A plain count would call every one of these days inside.
    expect(accuracyOf([dish(0, 0, 0, 0)]).intervalHitRate).toBeCloseTo(0.8);
  });
});
