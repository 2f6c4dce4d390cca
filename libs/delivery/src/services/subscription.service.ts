import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, canteenIdsOf } from '@larder/auth';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { query, Subscription, SubscriptionTopic } from '@larder/database';
import type { Role } from '@larder/domain';
import { isReportKind, REPORT_KINDS, REPORT_LANGUAGES } from '@larder/reporting';
import { SUBSCRIPTIONS_SQL, ViewRow } from './delivery.queries';
import { isReportLanguage, mayReceive, REPORT_PERIODS_BY_KIND, ReportPeriod, SUBSCRIBABLE_ALERTS, SubscribableAlert } from '../subscription-rules';

/** The person asking: their id, name, role and canteens (a manager's own; empty for roles that see all). */
export interface Subscriber {
  userId: string;
  username: string;
  role: Role;
  canteenIds: number[];
}

export interface SubscriptionRequest {
  topic: SubscriptionTopic;
  /** A report kind (topic report) or an alert kind (topic alert). */
  subject: string;
  period?: ReportPeriod;
  /** A canteen code; absent: every canteen the person may read. */
  canteen?: string;
  language: string;
  email?: string;
  webhookUrl?: string;
}

export interface SubscriptionView {
  id: string;
  username: string;
  topic: SubscriptionTopic;
  subject: string;
  period: string | null;
  /** Canteen code, null for all the person may read. */
  canteen: string | null;
  language: string;
  email: string | null;
  webhookUrl: string | null;
  active: boolean;
  createdAt: Date;
}

/**
 * People's subscriptions: each manages their own, an admin sees everyone's. A subscription is
 * refused unless its owner may read what it sends (the report's or the alert's readers) for the
 * canteen it names; the delivery checks again with the owner's rights at the time.
 */
@Injectable()
export class SubscriptionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly audit: AuditService,
  ) {}

  async list(subscriber: Subscriber, scope: 'own' | 'all'): Promise<SubscriptionView[]> {
    if (scope === 'all' && subscriber.role !== 'admin') throw new LarderError('FORBIDDEN', "only admins see everyone's subscriptions");
    const rows = await query<ViewRow>(this.dataSource, SUBSCRIPTIONS_SQL, [scope === 'all' ? null : subscriber.userId]);
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      topic: row.topic,
      subject: row.subject,
      period: row.period,
      canteen: row.code,
      language: row.language,
      email: row.email,
      webhookUrl: row.webhook_url,
      active: row.active,
      createdAt: new Date(row.created_at),
    }));
  }

  async create(subscriber: Subscriber, request: SubscriptionRequest): Promise<SubscriptionView> {
    const checked = this.checkSubject(request);
    if (!mayReceive(subscriber.role, checked)) throw new LarderError('FORBIDDEN', `the ${subscriber.role} role does not receive ${request.subject}`);
    const canteenId = await this.canteenOf(subscriber, request);
    if (!isReportLanguage(request.language)) throw new LarderError('VALIDATION_FAILED', `language must be one of ${REPORT_LANGUAGES.join(', ')}`, { field: 'language' });
    if (!request.email && !request.webhookUrl) throw new LarderError('VALIDATION_FAILED', 'give an e-mail address, a webhook URL or both', { field: 'email' });
    if (request.webhookUrl) this.checkWebhook(request.webhookUrl);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Subscription).insert({
        id,
        userId: subscriber.userId,
        topic: request.topic,
        subject: request.subject,
        period: request.topic === 'report' ? request.period! : null,
        canteenId,
        language: request.language,
        email: request.email ?? null,
        webhookUrl: request.webhookUrl ?? null,
        unsubscribeToken: randomBytes(24).toString('base64url'),
        active: true,
      });
      await this.audit.record(
        { actor: subscriber.username, action: 'subscription.create', detail: { id, topic: request.topic, subject: request.subject, period: request.period ?? null, canteenId } },
        manager,
      );
    });
    return (await this.list(subscriber, 'own')).find((view) => view.id === id)!;
  }

  /** Ends a subscription for good, with what it had waiting to be sent. Its owner or an admin may. */
  async remove(subscriber: Subscriber, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await manager.getRepository(Subscription).findOneBy({ id });
      if (!found || (found.userId !== subscriber.userId && subscriber.role !== 'admin')) throw new LarderError('NOT_FOUND', `no subscription ${id}`);
      await manager.query(`DELETE FROM delivery_outbox WHERE subscription_id = $1`, [id]);
      await manager.getRepository(Subscription).delete({ id });
      await this.audit.record({ actor: subscriber.username, action: 'subscription.delete', detail: { id, topic: found.topic, subject: found.subject } }, manager);
    });
  }

  /** The link in an e-mail: stops the subscription (kept, inactive), with nothing more than its token. */
  async unsubscribe(token: string): Promise<{ subject: string; language: string; already: boolean }> {
    const found = token.length >= 16 && token.length <= 64 ? await this.dataSource.getRepository(Subscription).findOneBy({ unsubscribeToken: token }) : null;
    if (!found) throw new LarderError('NOT_FOUND', 'this unsubscribe link is not known (it may have been removed)');
    if (!found.active) return { subject: found.subject, language: found.language, already: true };
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Subscription).update({ id: found.id }, { active: false });
      await manager.query(`UPDATE delivery_outbox SET status = 'failed', last_error = 'unsubscribed' WHERE subscription_id = $1 AND status = 'pending'`, [found.id]);
      await this.audit.record({ actor: 'unsubscribe-link', action: 'subscription.unsubscribe', detail: { id: found.id, subject: found.subject } }, manager);
    });
    return { subject: found.subject, language: found.language, already: false };
  }

  private checkSubject(request: SubscriptionRequest): { topic: 'report'; subject: (typeof REPORT_KINDS)[number] } | { topic: 'alert'; subject: SubscribableAlert } {
    if (request.topic === 'report') {
      if (!isReportKind(request.subject)) throw new LarderError('VALIDATION_FAILED', `subject must be a report: ${REPORT_KINDS.join(', ')}`, { field: 'subject' });
      const periods = REPORT_PERIODS_BY_KIND[request.subject];
      if (!request.period || !periods.includes(request.period))
        throw new LarderError('VALIDATION_FAILED', `the ${request.subject} report comes ${periods.join(' or ')}: give period ${periods.join(' or ')}`, { field: 'period' });
      return { topic: 'report', subject: request.subject };
    }
    if (!(SUBSCRIBABLE_ALERTS as readonly string[]).includes(request.subject))
      throw new LarderError('VALIDATION_FAILED', `subject must be an alert: ${SUBSCRIBABLE_ALERTS.join(', ')}`, { field: 'subject' });
    if (request.period) throw new LarderError('VALIDATION_FAILED', 'alerts come when they happen: leave period out', { field: 'period' });
    return { topic: 'alert', subject: request.subject as SubscribableAlert };
  }

  /** A manager names one of their canteens; a report for all canteens needs a role that sees them all. */
  private async canteenOf(subscriber: Subscriber, request: SubscriptionRequest): Promise<number | null> {
    const restricted = subscriber.role === 'manager';
    if (request.canteen === undefined) {
      if (restricted && request.topic === 'report') throw new LarderError('VALIDATION_FAILED', 'choose one of your canteens for a report', { field: 'canteen' });
      return null;
    }
    const [id] = await canteenIdsOf(this.dataSource, [request.canteen], 'canteen');
    if (restricted && !subscriber.canteenIds.includes(id)) throw new LarderError('FORBIDDEN', `canteen ${request.canteen} is not one of yours`);
    return id;
  }

  private checkWebhook(url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new LarderError('VALIDATION_FAILED', 'webhookUrl is not a URL', { field: 'webhookUrl' });
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new LarderError('VALIDATION_FAILED', 'webhookUrl must be an http(s) address', { field: 'webhookUrl' });
    if (!webhookHostAllowed(url, this.config.delivery.webhookHosts)) {
      throw new LarderError('VALIDATION_FAILED', `webhooks go only to ${this.config.delivery.webhookHosts.join(', ')} (LARDER_WEBHOOK_HOSTS), not ${parsed.host}`, { field: 'webhookUrl' });
    }
  }
}

/** Whether a URL's host is one webhooks may go to. */
export function webhookHostAllowed(url: string, hosts: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return hosts.includes(parsed.host.toLowerCase()) || hosts.includes(parsed.hostname.toLowerCase());
  } catch {
    return false;
  }
}
