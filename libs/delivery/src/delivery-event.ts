import type { ReportKind, ReportLanguage } from '@larder/reporting';
import type { SubscribableAlert } from './subscription-rules';

/** An alert as it is queued: what and where, with the numbers the sentence is made of. */
export interface DeliveredAlert {
  kind: SubscribableAlert;
  severity: 'info' | 'warning' | 'critical';
  canteenId: number | null;
  dishId: number | null;
  /** The day it is about (unusual waste, a new price). */
  date?: string;
  /** The ISO week it is about (a plan). */
  week?: string;
  supplierId?: number;
  ingredientId?: number;
  figures: Record<string, number>;
}

/** What an outbox row carries: a report to write and attach, or an alert to word. */
export type DeliveryEvent = { type: 'report'; kind: ReportKind; month?: string; week?: string; canteenId: number | null } | { type: 'alert'; alert: DeliveredAlert };

/** Names of the things a message speaks of, in the subscriber's language. */
export interface Names {
  canteen(id: number): string;
  dish(id: number): string;
  supplier(id: number): string;
  ingredient(id: number): string;
}

export interface RenderedMessage {
  subject: string;
  /** Plain text (the e-mail body). */
  text: string;
  /** Markdown for a chat tool's incoming webhook. */
  markdown: string;
}

export type { ReportLanguage };
