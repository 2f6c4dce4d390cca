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
    participation: ratio(
      total(buckets, (row) => row.dinerDays),
      total(buckets, (row) => row.staffOnDutyDays),
    ),
    revenueFen,
    subsidyFen: total(buckets, (row) => row.subsidyFen),
    foodCostRatio: ratio(ingredientCostFen, revenueFen),
    wasteKg: kg(total(canteens, (row) => kg(row.overproductionKg) + row.otherWasteKg)),
    wasteShare: ratio(
      total(buckets, (row) => row.overproductionPortions),
      total(buckets, (row) => row.preparedPortions),
    ),
    // As the satisfaction report publishes its total: suppressed only when fewer than five diners answered.
    satisfaction: publishRatings(sums.ratings, { suppress: false }).averageRating,
  };
}

/** What is known of a group's distinct respondents without counting them: at least `least`, at most `most`. */
export interface RespondentBounds {
  least: number;
  most: number;
}

/**
 * The respondents a published figure can go by: publishing only asks whether there are at least
 * MIN_GROUP_DINERS of them, so a bound on the far side of the threshold publishes as the exact
 * count would. Null when the bounds straddle it and the diners must be counted.
 */
export function settledRespondents(bounds: RespondentBounds): number | null {
  if (bounds.least >= MIN_GROUP_DINERS) return bounds.least;
  if (bounds.most < MIN_GROUP_DINERS) return bounds.most;
  return null;
}

/**
 * A range's rating counts from its buckets. Responses and ratings add up; distinct respondents do
 * not, but the busiest bucket's lower bound is one for the range and the buckets' upper bounds add
 * up to one. When they settle the threshold, respondents is the bound that does; otherwise
 * `decided` is false and the caller counts them.
 */
export function rangeRatings(buckets: BucketSums[]): { counts: RatingGroupCounts; decided: boolean } {
  const counts: RatingGroupCounts = emptyRatingCounts();
  const bounds: RespondentBounds = { least: 0, most: 0 };
  for (const { ratings, respondentBounds } of buckets) {
    counts.responses += ratings.responses;
    counts.ratingSum += ratings.ratingSum;
    counts.satisfied += ratings.satisfied;
    counts.dissatisfied += ratings.dissatisfied;
    bounds.least = Math.max(bounds.least, respondentBounds.least);
    bounds.most += respondentBounds.most;
  }
  const settled = settledRespondents(bounds);
  return { counts: { ...counts, respondents: settled ?? bounds.most }, decided: settled !== null };
}
