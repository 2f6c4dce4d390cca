import { MonthSpan, monthSpans } from '../budget/budget.calculator';
import { financeFigures, emptyFinanceInputs, FinanceFigures, hasFinanceData } from '../finance.calculator';
import { monthOf, shiftMonth } from '../report-period';
import { previousRange } from './dashboard.calculator';
import type { BucketSums } from './dashboard-daily.service';
import type { FinanceMonth, FinanceSummary } from './dashboard.contract';

/** A month's bucket as finance figures: ratios from the sums, as the reports form them. */
export function bucketFigures(bucket: BucketSums | undefined): FinanceFigures {
  if (!bucket) return financeFigures(emptyFinanceInputs());
  return financeFigures({ ...emptyFinanceInputs(), covers: bucket.covers, paidFen: bucket.paidFen, subsidyFen: bucket.subsidyFen, ingredientCostFen: Math.round(bucket.ingredientCostFen) });
}

export function financeMonth(span: MonthSpan, bucket: BucketSums | undefined): FinanceMonth {
  const figures = bucketFigures(bucket);
  return {
    month: span.month,
    days: span.days,
    monthDays: span.monthDays,
    partial: span.partial,
    covers: figures.covers,
    revenueFen: figures.revenueFen,
    paidFen: figures.paidFen,
    subsidyFen: figures.subsidyFen,
    ingredientCostFen: figures.ingredientCostFen,
    costPerMealFen: figures.costPerMealFen,
    foodCostPct: figures.foodCostRatio,
  };
}

/** The months of a range from month buckets (keyed by their first day); a month without data has zeros. */
export function financeMonths(range: { from: string; to: string }, buckets: readonly BucketSums[]): FinanceMonth[] {
  const byMonth = new Map(buckets.map((bucket) => [bucket.bucket.slice(0, 7), bucket]));
  return monthSpans(range).map((span) => financeMonth(span, byMonth.get(span.month)));
}

/** Whether a range starts on a month's first day and ends on a month's last. */
export function isWholeMonths(range: { from: string; to: string }): boolean {
  return range.from.endsWith('-01') && monthOf(range.to).to === range.to;
}

/**
 * The period just before: as many whole months before a whole-month range (month over month), else as
 * many days. `through` is the last day compared (comparedThrough): a whole-month range still running is
 * set against the same days of the months before, 1–5 December against 1–5 November.
 */
export function previousPeriod(range: { from: string; to: string }, through = range.to): { from: string; to: string } {
  if (!isWholeMonths(range)) return previousRange({ from: range.from, to: through });
  const months = monthSpans(range).length;
  const last = shiftMonth(monthOf(through), -months);
  const sameDay = `${last.from.slice(0, 8)}${through.slice(8)}`;
  return { from: shiftMonth(monthOf(range.from), -months).from, to: through === range.to || sameDay > last.to ? last.to : sameDay };
}

/** The twelve months up to the range's last month; the last is partial when the range ends inside it. */
export function trailingTwelveMonths(range: { to: string }): { from: string; to: string } {
  return { from: shiftMonth(monthOf(range.to), -11).from, to: range.to };
}

export function financeSummary(range: { from: string; to: string }, figures: FinanceFigures): FinanceSummary | null {
  if (!hasFinanceData(figures)) return null;
  return { ...range, covers: figures.covers, revenueFen: figures.revenueFen, subsidyFen: figures.subsidyFen, ingredientCostFen: figures.ingredientCostFen, costPerMealFen: figures.costPerMealFen };
}
