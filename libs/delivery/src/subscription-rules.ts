import { addDays, isoWeek, isoWeekday, type Role } from '@larder/domain';
import { mayReadReport, type ReportKind, type ReportLanguage } from '@larder/reporting';

/** The alerts a person may subscribe to: the dashboard's three, plans waiting for approval, and supplier price rises. */
export const SUBSCRIBABLE_ALERTS = ['forecast_drift', 'unusual_waste', 'falling_ratings', 'plan_ready', 'price_rise'] as const;
export type SubscribableAlert = (typeof SUBSCRIBABLE_ALERTS)[number];
export const REPORT_PERIODS = ['weekly', 'monthly'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** Who may receive which alert (admins receive every one): the roles that see the same figures on the dashboard. */
export const ALERT_READERS: Record<SubscribableAlert, Role[]> = {
  forecast_drift: ['manager', 'finance', 'viewer'],
  unusual_waste: ['manager', 'finance', 'viewer'],
  // Ratings of groups of five diners or more only, as the satisfaction page shows the union.
  falling_ratings: ['manager', 'finance', 'viewer', 'union'],
  plan_ready: ['manager'],
  price_rise: ['manager', 'finance'],
};

/** The periods each report is made for: finance is monthly, the purchase plan weekly (the coming week). */
export const REPORT_PERIODS_BY_KIND: Record<ReportKind, readonly ReportPeriod[]> = {
  finance: ['monthly'],
  satisfaction: ['weekly', 'monthly'],
  waste: ['weekly', 'monthly'],
  accuracy: ['weekly', 'monthly'],
  'purchase-plan': ['weekly'],
  congress: ['monthly'],
};

export function mayReceive(role: Role, subscription: { topic: 'report'; subject: ReportKind } | { topic: 'alert'; subject: SubscribableAlert }): boolean {
  if (role === 'admin') return true;
  return subscription.topic === 'report' ? mayReadReport(role, subscription.subject) : ALERT_READERS[subscription.subject].includes(role);
}

/**
 * The period a report subscription is due for on a data day: the last whole ISO week or month that
 * has ended by then, and for the purchase plan the coming week from Wednesday's data on (the night
 * to Thursday, as the scheduled purchase-plan report). Asked again on a later day it answers the
 * same period until the next one is due, so a missed night is caught up.
 */
export function duePeriod(input: { kind: ReportKind; period: ReportPeriod; asOf: string }): { week: string } | { month: string } {
  const { asOf } = input;
  const weekday = isoWeekday(asOf);
  if (input.kind === 'purchase-plan') return { week: isoWeek(addDays(asOf, weekday >= 3 ? 8 - weekday : 1 - weekday)) };
  if (input.period === 'weekly') return { week: isoWeek(addDays(asOf, -(weekday % 7))) };
  const monthEnded = addDays(asOf, 1).slice(0, 7) !== asOf.slice(0, 7);
  return { month: monthEnded ? asOf.slice(0, 7) : addDays(`${asOf.slice(0, 7)}-01`, -1).slice(0, 7) };
}

export function isReportLanguage(value: string): value is ReportLanguage {
  return value === 'zh-CN' || value === 'en';
}
