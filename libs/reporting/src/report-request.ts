import { REPORT_KINDS, type ReportKind } from '@larder/analytics';
import type { ProgressListener } from '@larder/domain';
import type { ReportLanguage } from './layout/labels';

// The kinds and their readers are the dashboard contract's, shared with the web page.
export { mayReadReport, REPORT_KINDS, REPORT_READERS, type ReportKind } from '@larder/analytics';

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

/** What a user asks for, from the CLI, the API or a schedule. */
export interface ReportRequest {
  kind: ReportKind;
  month?: string;
  week?: string;
  /** Canteen code (C01) or id, several comma-separated (or repeated in a query); all canteens when absent. */
  canteen?: string | string[];
  /** One meal period (breakfast, lunch, dinner, night); all meals when absent. */
  meal?: string;
  /** Accuracy only: one dish, by code or id, scored against its portions sold; all dishes and covers when absent. */
  dish?: string;
  /** Congress summary: print the per-meal subsidy and prices (false or absent: the reader may read no money, as the union). */
  money?: boolean;
  language?: ReportLanguage;
  /** Finance only: the card or bank settlement file to reconcile (CSV: date, channel, amount). */
  settlement?: { name: string; text: string };
  /** Finance only: the month's payments, one line each, for audit, instead of the finance workbook (which leaves them out to stay printable). */
  paymentsDetail?: boolean;
  /** Purchase plan only: the orders of these plans, whatever day they deliver; absent = every order delivering in the week. */
  planIds?: string[];
  /** When the report counts as made (tests pin it); now when absent. */
  now?: Date;
  /** Who asked, for the audit log: a user name, `token:<name>`, `cli` or `scheduler`. */
  requestedBy?: string;
  /** How far the report is: scope checked, figures read, charts drawn, sheets written, workbook saved. */
  onProgress?: ProgressListener;
}

/** What was written, for the CLI's --json, the API's headers and the scheduler's history. */
export interface ReportSummary {
  kind: ReportKind;
  period: string;
  from: string;
  to: string;
  /** The canteen codes, comma-separated; null for all canteens. */
  canteen: string | null;
  meal: string | null;
  /** The dish's code when the report is of one dish (accuracy), else null. */
  dish: string | null;
  language: ReportLanguage;
  charts: boolean;
  /** The headline figures as Larder computed them (fen for money), to compare with the workbook. */
  totals: Record<string, number | null>;
  fileName: string;
  bytes?: number;
  path?: string;
  seconds: number;
}
