import { SeriesSet } from './real-dataset';

/**
 * The tuning sets cut to the shape of a school or university canteen's history: two autumn terms a
 * year apart (1 September – 23 December of `year − 1` and `year`), the second's days from 31 October
 * scored. Used by two-terms.bench.ts, panel-holdout.bench.ts and dish-split.bench.ts alike.
 */
export function autumnTerms(year: number): { readonly testFrom: string; readonly cut: (set: SeriesSet) => SeriesSet } {
  const inTerms = (date: string) => [year - 1, year].some((term) => date >= `${term}-09-01` && date <= `${term}-12-23`);
  return { testFrom: `${year}-10-31`, cut: (set) => ({ ...set, rows: set.rows.filter((row) => inTerms(row.date)) }) };
}
