import { noteText } from './cells';
import { fill, Labels } from './labels';

/** A participation total as a sheet shows it, with the counts it is the ratio of. */
export interface ParticipationBasis {
  dinerDays: number;
  staffOnDutyDays: number;
  /** The figure in the total's cell (dinerDays / staffOnDutyDays, null without staff). */
  participation: number | null;
  /** The staff of every site count (no canteen was named), not only the canteens' own sites. */
  allSites: boolean;
}

/**
 * The line under a participation total in the finance and satisfaction workbooks: the total is not
 * the canteens' rows added up, so it names its denominator and the sites counted, with its counts.
 */
export function participationBasis(labels: Labels, basis: ParticipationBasis): string {
  const rate = basis.participation === null ? labels.noDataCell : noteText.percent(basis.participation);
  const values = { diners: noteText.count(basis.dinerDays), staff: noteText.count(basis.staffOnDutyDays), rate };
  return fill(basis.allSites ? labels.participationAllSites : labels.participationCanteenSites, values);
}
