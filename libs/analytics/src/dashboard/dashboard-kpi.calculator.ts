import { emptyRatingCounts, MIN_GROUP_DINERS, publishRatings, RatingGroupCounts } from '../satisfaction.calculator';
import type { BucketSums, RangeSums } from './dashboard-daily.service';
import { ratio } from './dashboard.calculator';

/** The overview's KPI values for one range, equal to the finance, waste and satisfaction reports' totals. */
export interface RangeKpis {
  covers: number;
  participation: number | null;
  revenueFen: number;
  subsidyFen: number;
  foodCostRatio: number | null;
  wasteKg: number;
  wasteShare: number | null;
  satisfaction: number | null;
}

const kg = (value: number) => Math.round(value * 1000) / 1000;
const total = <T>(rows: T[], value: (row: T) => number) => rows.reduce((sum, row) => sum + value(row), 0);

/**
 * A range's KPIs from its bucket sums. Costs are rounded to the fen per canteen (ingredients and
 * spoilage apart) and overproduction kg to the gram per canteen before adding up, as FinanceService
 * and WasteService do, so the figures match the reports to the last digit.
 */
export function rangeKpis(sums: RangeSums): RangeKpis {
  const { buckets, canteens } = sums;
  const revenueFen = total(buckets, (row) => row.paidFen + row.subsidyFen);
  const ingredientCostFen = total(canteens, (row) => Math.round(row.ingredientCostFen) + Math.round(row.spoilageCostFen));
  return {
    covers: total(buckets, (row) => row.covers),
    participation: ratio(total(buckets, (row) => row.dinerDays), total(buckets, (row) => row.staffOnDutyDays)),
    revenueFen,
    subsidyFen: total(buckets, (row) => row.subsidyFen),
    foodCostRatio: ratio(ingredientCostFen, revenueFen),
    wasteKg: kg(total(canteens, (row) => kg(row.overproductionKg) + row.otherWasteKg)),
    wasteShare: ratio(total(buckets, (row) => row.overproductionPortions), total(buckets, (row) => row.preparedPortions)),
    // As the satisfaction report publishes its total: suppressed only when fewer than five diners answered.
    satisfaction: publishRatings(sums.ratings, { suppress: false }).averageRating,
  };
}

/**
 * A range's rating counts from its buckets. Responses and ratings add up; distinct respondents do
 * not, but a published total only asks whether there are at least MIN_GROUP_DINERS of them: the
 * busiest bucket's count is a lower bound and the buckets' sum an upper one. When the bounds settle
 * it, respondents is the bound that does (so the answer publishes as the exact count would);
 * otherwise `decided` is false and the caller counts them.
 */
export function rangeRatings(buckets: BucketSums[]): { counts: RatingGroupCounts; decided: boolean } {
  const counts: RatingGroupCounts = emptyRatingCounts();
  let busiest = 0;
  for (const { ratings } of buckets) {
    counts.responses += ratings.responses;
    counts.respondents += ratings.respondents;
    counts.ratingSum += ratings.ratingSum;
    counts.satisfied += ratings.satisfied;
    counts.dissatisfied += ratings.dissatisfied;
    busiest = Math.max(busiest, ratings.respondents);
  }
  if (busiest >= MIN_GROUP_DINERS) return { counts: { ...counts, respondents: busiest }, decided: true };
  return { counts, decided: counts.respondents < MIN_GROUP_DINERS };
}
