import type { RatingGroupCounts } from './satisfaction.calculator';

/**
 * The rating counts of a group of feedback rows, as RatingGroupCounts reads them. Diners are told
 * apart byte by byte (COLLATE "C"): a pseudonym is an opaque code, and under the database's
 * linguistic collation the sort behind count(DISTINCT) takes about twice as long.
 */
const RATING_TOTALS_SQL = `COALESCE(sum(rating), 0)::int AS rating_sum, count(*) FILTER (WHERE rating >= 4)::int AS satisfied,
  count(*) FILTER (WHERE rating <= 2)::int AS dissatisfied`;

export const RATING_COUNTS_SQL = `count(*)::int AS responses,
  (count(DISTINCT diner_pseudonym COLLATE "C") + count(*) FILTER (WHERE diner_pseudonym IS NULL))::int AS respondents,
  ${RATING_TOTALS_SQL}`;

/** As RATING_COUNTS_SQL with the responses for respondents: no diner answers twice per response, so an upper bound, and far cheaper. */
export const RATING_BOUND_SQL = `count(*)::int AS responses, count(*)::int AS respondents, ${RATING_TOTALS_SQL}`;

/** The columns RATING_COUNTS_SQL and RATING_BOUND_SQL select. */
export interface RatingCountsRow {
  responses: number;
  respondents: number;
  rating_sum: number;
  satisfied: number;
  dissatisfied: number;
}

/** A row of a statement that selected RATING_COUNTS_SQL. */
export function ratingCountsOf(row: RatingCountsRow): RatingGroupCounts {
  return { responses: row.responses, respondents: row.respondents, ratingSum: row.rating_sum, satisfied: row.satisfied, dissatisfied: row.dissatisfied };
}
