import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { maskPersonalText } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { query } from '@larder/database';
import { ReportService } from '@larder/reporting';
import { localName } from '@larder/domain';
import type { DeliveryEvent, Names, ReportLanguage } from '../delivery-event';
import { renderMessage, webhookBody } from '../delivery-message';
import { isReportLanguage } from '../subscription-rules';
import { MailSender, WebhookSender } from './channel-senders';
import { ANY_DUE_SQL, CLAIM_SQL, DueRow, NAMES_SQL, NameRow } from './delivery.queries';

/** Rows one run takes; the rest wait for the next run. */
const BATCH = 100;
/** How long a taken row is left to its sender before another run may take it again (a report can take a minute). */
const LEASE_MINUTES = 15;

/**
 * Sends what waits in the outbox: takes due rows (skipping those another process holds), words
 * each in its subscriber's language, sends it, and records the outcome. A failure is tried again
 * after base × 2^(attempt-1); after the last attempt the row stays failed with its error.
 */
@Injectable()
export class DeliverySenderService {
  private readonly logger = new Logger(DeliverySenderService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly reports: ReportService,
    private readonly mail: MailSender,
    private readonly webhooks: WebhookSender,
  ) {}

  async sendDue(): Promise<{ sent: number; failed: number }> {
    const due = await this.claim();
    if (due.length === 0) return { sent: 0, failed: 0 };
    const names = await this.names();
    let sent = 0;
    for (const row of due) {
      try {
        if (!row.active) throw new Error('unsubscribed');
        await this.deliver(row, names);
        await this.dataSource.query(`UPDATE delivery_outbox SET status = 'sent', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = $1`, [row.id]);
        sent++;
      } catch (error) {
        const message = maskPersonalText(error instanceof Error ? error.message : String(error)).slice(0, 500);
        const final = !row.active || row.attempts + 1 >= this.config.delivery.retryAttempts;
        const delayMs = this.config.delivery.retryBaseDelayMs * 2 ** row.attempts;
        await this.dataSource.query(
          `UPDATE delivery_outbox SET attempts = attempts + 1, last_error = $2, status = $3, next_attempt_at = now() + ($4::bigint * interval '1 millisecond') WHERE id = $1`,
          [row.id, message, final ? 'failed' : 'pending', delayMs],
        );
        this.logger.warn(`delivery ${row.event_key} by ${row.channel} for ${row.username} failed (attempt ${row.attempts + 1}${final ? ', giving up' : ''}): ${message}`);
      }
    }
    return { sent, failed: due.length - sent };
  }

  /** Whether anything waits to be sent now. */
  async hasDue(): Promise<boolean> {
    const [row] = await query<{ due: boolean }>(this.dataSource, ANY_DUE_SQL);
    return row.due;
  }

  /** Takes the due rows for this run: leased, so a second process skips them until the lease ends. */
  private claim(): Promise<DueRow[]> {
    return query<DueRow>(this.dataSource, CLAIM_SQL, [BATCH, LEASE_MINUTES]);
  }

  private async deliver(row: DueRow, names: (language: ReportLanguage) => Names): Promise<void> {
    const language: ReportLanguage = isReportLanguage(row.language) ? row.language : 'zh-CN';
    const unsubscribeUrl = `${this.config.delivery.publicUrl}/api/subscriptions/unsubscribe?token=${encodeURIComponent(row.unsubscribe_token)}`;
    const message = renderMessage({ event: row.payload, names: names(language), language, unsubscribeUrl });
    if (row.channel === 'webhook') {
      if (!row.webhook_url) throw new Error('the subscription has no webhook URL any more');
      return this.webhooks.send(row.webhook_url, webhookBody(message, row.webhook_url));
    }
    if (!row.email) throw new Error('the subscription has no e-mail address any more');
    const attachment = row.payload.type === 'report' ? await this.workbook(row.payload, language, row.username) : undefined;
    await this.mail.send({ to: row.email, subject: message.subject, text: message.text, unsubscribeUrl, attachment });
  }

  /** The report's workbook, written by the report writers into memory; the export is audited as the subscriber's. */
  private async workbook(event: Extract<DeliveryEvent, { type: 'report' }>, language: ReportLanguage, username: string): Promise<{ fileName: string; content: Buffer }> {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        chunks.push(chunk);
        done();
      },
    });
    const request = {
      kind: event.kind,
      month: event.month,
      week: event.week,
      canteen: event.canteenId === null ? undefined : String(event.canteenId),
      language,
      requestedBy: `subscription:${username}`,
    };
    const summary = await this.reports.write(request, sink);
    await finished(sink);
    return { fileName: summary.fileName, content: Buffer.concat(chunks) };
  }

  private async names(): Promise<(language: ReportLanguage) => Names> {
    const rows = await query<NameRow>(this.dataSource, NAMES_SQL);
    const byKey = new Map(rows.map((row) => [`${row.kind}:${row.id}`, row]));
    return (language) => {
      const name = (kind: NameRow['kind'], id: number) => {
        const row = byKey.get(`${kind}:${id}`);
        return row ? localName({ name: row.name, nameEn: row.name_en }, language) : `#${id}`;
      };
      return { canteen: (id) => name('canteen', id), dish: (id) => name('dish', id), supplier: (id) => name('supplier', id), ingredient: (id) => name('ingredient', id) };
    };
  }
}
