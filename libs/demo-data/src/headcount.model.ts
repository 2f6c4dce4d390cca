import type { HeadcountRow } from './demo-rows';
import type { SiteKind, SiteModel } from './organisation';
import { Random } from './random';
import type { DayInfo } from './service-calendar';

interface SiteProfile {
  travelling: number;
  /** Share of staff rostered on days off: depots, the control centre and stations run every day. */
  dutyOnDaysOff: number;
  /** Share of those on duty working away from the site's canteen: track work, stations, meetings elsewhere. */
  away: number;
  overtime: number;
}

const PROFILES: Record<SiteKind, SiteProfile> = {
  headquarters: { travelling: 0.025, dutyOnDaysOff: 0.03, away: 0.03, overtime: 0.06 },
  depot: { travelling: 0.008, dutyOnDaysOff: 0.33, away: 0.1, overtime: 0.09 },
  office: { travelling: 0.01, dutyOnDaysOff: 0.45, away: 0.02, overtime: 0.05 },
  remote: { travelling: 0.004, dutyOnDaysOff: 0.62, away: 0.91, overtime: 0.05 },
};

export function typicalOvertimeShare(kind: SiteKind): number {
  return PROFILES[kind].overtime;
}

/** Staff on the books grows about 2% over the history, as the network opens stations. */
export function employedOn(params: { site: SiteModel; day: DayInfo; historyDays: number }): number {
  const progress = Math.min(1, params.day.index / Math.max(1, params.historyDays - 1));
  return Math.round(params.site.employees * (0.98 + 0.02 * progress));
}

/**
 * HR's daily figures for a site. Planned days (after the history) carry no noise: a plan is smooth.
 * Leave peaks in the summer holidays and on the bridge days around public holidays.
 */
export function siteHeadcount(params: { site: SiteModel; day: DayInfo; historyDays: number; random: Random; planned: boolean }): HeadcountRow {
  const { site, day, random, planned } = params;
  const profile = PROFILES[site.kind];
  const jitter = (spread: number) => (planned ? 1 : Math.exp(spread * random.normal()));
  const employees = employedOn(params);
  let onLeave: number;
  let travelling: number;
  let onDuty: number;
  let overtimeShare: number;
  if (day.working) {
    const summer = (day.month === 7 && day.dayOfMonth >= 10) || day.month === 8;
    const leaveShare = (0.035 + (summer ? 0.045 : 0) + (day.bridgeDay ? 0.07 : 0) + (day.weekday === 5 ? 0.01 : 0)) * jitter(0.12);
    onLeave = Math.round(employees * leaveShare);
    travelling = Math.round(employees * profile.travelling * jitter(0.2));
    onDuty = employees - onLeave - travelling;
    const closingBooks = site.kind === 'headquarters' && day.dayOfMonth >= 26 ? (day.month % 3 === 0 ? 2 : 1.6) : 1;
    overtimeShare = profile.overtime * closingBooks * (day.beforeBreak ? 0.4 : 1);
  } else {
    onLeave = 0;
    travelling = Math.round(employees * profile.travelling * 0.5 * jitter(0.2));
    const holidayCut = day.kind === 'holiday' ? 0.85 : 1;
    onDuty = Math.round(employees * profile.dutyOnDaysOff * holidayCut * jitter(0.05));
    overtimeShare = profile.overtime * 0.5;
  }
  const remote = Math.round(onDuty * Math.min(0.99, profile.away * jitter(0.1)));
  const overtime = Math.round(onDuty * overtimeShare * jitter(0.15));
  return { siteId: site.row.id, day: day.date, employees, onDuty, onLeave, travelling, overtime, remote };
}
