import { daysBetween, type BudgetLineKind } from '@larder/domain';
import { ratio } from '../dashboard/dashboard.calculator';
import type { BudgetUse } from '../dashboard/dashboard.contract';
import { monthPeriod } from '../report-period';

export interface BudgetAmount {
  canteenId: number;
  /** YYYY-MM. */
  month: string;
  line: BudgetLineKind;
  amountFen: number;
}

/** A calendar month as a range covers it: `days` of its `monthDays`, partial when not all. */
export interface MonthSpan {
  month: string;
  from: string;
  to: string;
  days: number;
  monthDays: number;
  partial: boolean;
}

/** The calendar months a range touches, each with the part of it inside the range. */
export function monthSpans(range: { from: string; to: string }): MonthSpan[] {
  const spans: MonthSpan[] = [];
  for (let label = range.from.slice(0, 7); label <= range.to.slice(0, 7);) {
    const month = monthPeriod(label);
    const from = month.from < range.from ? range.from : month.from;
    const to = month.to > range.to ? range.to : month.to;
    const days = daysBetween(from, to) + 1;
    const monthDays = daysBetween(month.from, month.to) + 1;
    spans.push({ month: label, from, to, days, monthDays, partial: days < monthDays });
    const [year, m] = label.split('-').map(Number);
    label = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  }
  return spans;
}

/**
 * A line's budget for a month over the canteens: null unless every canteen has one, so a total is
 * never compared against the budgets of only some of its canteens.
 */
export function monthBudget(amounts: readonly BudgetAmount[], query: { month: string; line: BudgetLineKind; canteenIds: readonly number[] }): number | null {
  let sum = 0;
  for (const canteenId of query.canteenIds) {
    const found = amounts.find((amount) => amount.canteenId === canteenId && amount.month === query.month && amount.line === query.line);
    if (!found) return null;
    sum += found.amountFen;
  }
  return query.canteenIds.length > 0 ? sum : null;
}

/**
 * A line's budget for a range: each month's budget, a partial month's prorated by its calendar days
 * in the range; null when any month of the range has none.
 */
export function rangeBudget(amounts: readonly BudgetAmount[], query: { spans: readonly MonthSpan[]; line: BudgetLineKind; canteenIds: readonly number[] }): number | null {
  let sum = 0;
  for (const span of query.spans) {
    const month = monthBudget(amounts, { month: span.month, line: query.line, canteenIds: query.canteenIds });
    if (month === null) return null;
    sum += (month * span.days) / span.monthDays;
  }
  return Math.round(sum);
}

/** Spending against the range's budget and, for a range still running (`through` before its end), against its days so far. */
export function budgetUse(
  amounts: readonly BudgetAmount[],
  query: { range: { from: string; to: string }; through: string; line: BudgetLineKind; canteenIds: readonly number[]; spentFen: number },
): BudgetUse {
  const { range, through, line, canteenIds, spentFen } = query;
  const share = (budgetFen: number | null) => (budgetFen === null ? null : ratio(spentFen, budgetFen));
  const budgetFen = rangeBudget(amounts, { spans: monthSpans(range), line, canteenIds });
  if (through >= range.to) return { budgetFen, usedShare: share(budgetFen), toDate: null };
  const toDateFen = rangeBudget(amounts, { spans: monthSpans({ from: range.from, to: through }), line, canteenIds });
  return { budgetFen, usedShare: share(budgetFen), toDate: { through, budgetFen: toDateFen, usedShare: share(toDateFen) } };
}
