import { groupsToSuppress } from '../satisfaction.calculator';

/** One group's sums as read: distinct diners and money, before suppression. */
export interface StaffGroupSums {
  dimension: 'department' | 'grade';
  /** '' for diners HR's staff list does not name (or no grade given). */
  name: string;
  diners: number;
  subsidyFen: number;
  paidFen: number;
}

export interface StaffGroupFigures {
  dimension: 'department' | 'grade';
  name: string;
  suppressed: boolean;
  diners: number | null;
  subsidyFen: number | null;
  paidFen: number | null;
}

/**
 * Each dimension's groups with those under five diners hidden, and one more where a single hidden
 * group could be worked out from the others and the total (groupsToSuppress, the satisfaction
 * figures' owner of that rule).
 */
export function publishStaffGroups(sums: readonly StaffGroupSums[]): StaffGroupFigures[] {
  const out: StaffGroupFigures[] = [];
  for (const dimension of ['department', 'grade'] as const) {
    const groups = sums.filter((group) => group.dimension === dimension).map((group) => ({ ...group, respondents: group.diners }));
    const hidden = groupsToSuppress(groups);
    for (const group of groups.sort((a, b) => b.diners - a.diners || a.name.localeCompare(b.name))) {
      const suppressed = hidden.has(group);
      out.push({ dimension, name: group.name, suppressed, diners: suppressed ? null : group.diners, subsidyFen: suppressed ? null : group.subsidyFen, paidFen: suppressed ? null : group.paidFen });
    }
  }
  return out;
}
