import { groupsToSuppress, MIN_GROUP_DINERS } from './satisfaction.calculator';

/** One site's counts over a period, as the database gives them. */
export interface SiteSubsidyCounts {
  siteId: number;
  /** False for a remote site: its staff have no canteen of their own. */
  hasCanteen: boolean;
  /** Staff on the payroll on the last day of the period with a headcount. */
  staff: number;
  /** Distinct members of the site's staff who bought at least one meal in any canteen. */
  diners: number;
  /** Employer subsidy on their meals (refunds netted). */
  usedFen: number;
  /** What their days on duty entitled them to: one subsidised meal a day on duty. */
  entitledFen: number;
}

export interface SiteSubsidyReach {
  siteId: number;
  hasCanteen: boolean;
  staff: number;
  /** Null when the site's group is hidden (under five diners, or hidden with one that is). */
  diners: number | null;
  /** diners / staff. */
  reach: number | null;
  usedFen: number | null;
  entitledFen: number | null;
  /** usedFen / entitledFen. */
  usedShare: number | null;
  hidden: boolean;
}

export interface SubsidyReach {
  sites: SiteSubsidyReach[];
  /** Every site together, hidden ones included: complementary suppression keeps them from being worked out. */
  total: Omit<SiteSubsidyReach, 'siteId' | 'hasCanteen'>;
  /** The group size under which a site is hidden. */
  minGroup: number;
}

/**
 * Subsidy reach per site for finance and the union: aggregates only. A site with fewer than five
 * diners is hidden, and with it the next smallest when it is the only one (the satisfaction rule,
 * groupsToSuppress), so that the published total minus the shown sites never gives a group under five.
 */
export function subsidyReach(counts: readonly SiteSubsidyCounts[], threshold = MIN_GROUP_DINERS): SubsidyReach {
  const groups = counts.map((site) => ({ ...site, respondents: site.diners }));
  const hidden = groupsToSuppress(groups, threshold);
  const sum = (pick: (site: SiteSubsidyCounts) => number) => counts.reduce((total, site) => total + pick(site), 0);
  const figures = (site: Omit<SiteSubsidyCounts, 'siteId' | 'hasCanteen'>, hide: boolean) => ({
    staff: site.staff,
    diners: hide ? null : site.diners,
    reach: hide || site.staff === 0 ? null : site.diners / site.staff,
    usedFen: hide ? null : site.usedFen,
    entitledFen: hide ? null : site.entitledFen,
    usedShare: hide || site.entitledFen === 0 ? null : site.usedFen / site.entitledFen,
    hidden: hide,
  });
  const totalCounts = { staff: sum((site) => site.staff), diners: sum((site) => site.diners), usedFen: sum((site) => site.usedFen), entitledFen: sum((site) => site.entitledFen) };
  return {
    sites: groups.map((site) => ({ siteId: site.siteId, hasCanteen: site.hasCanteen, ...figures(site, hidden.has(site)) })),
    total: figures(totalCounts, totalCounts.diners < threshold),
    minGroup: threshold,
  };
}

/** The union reads no money: the same figures with the amounts taken out, the shares kept. */
export function withoutMoney(reach: SubsidyReach): SubsidyReach {
  const strip = <T extends { usedFen: number | null; entitledFen: number | null }>(row: T): T => ({ ...row, usedFen: null, entitledFen: null });
  return { ...reach, sites: reach.sites.map(strip), total: strip(reach.total) };
}
