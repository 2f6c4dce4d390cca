import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { webhookHostAllowed } from './subscription.service';

const WEBHOOK_TIMEOUT_MS = 10_000;

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  unsubscribeUrl: string;
  attachment?: { fileName: string; content: Buffer };
}

/** E-mail through the configured SMTP server (nodemailer), one pooled transport per process. */
@Injectable()
export class MailSender implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(@Inject(LARDER_CONFIG) private readonly config: LarderConfig) {}

  async send(message: MailMessage): Promise<void> {
    const url = this.config.delivery.smtpUrl;
    if (url === null) throw new Error('no SMTP server is configured (LARDER_SMTP_URL)');
    this.transport ??= createTransport(url);
    await this.transport.sendMail({
      from: this.config.delivery.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      list: { unsubscribe: message.unsubscribeUrl },
      attachments: message.attachment
        ? [{ filename: message.attachment.fileName, content: message.attachment.content, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }]
        : [],
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

/**
 * A chat tool's incoming webhook (WeCom or DingTalk group robot): the JSON is POSTed; a status
 * other than 2xx, or a robot's `errcode` other than 0, is a failure to retry.
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(LARDER_CONFIG) private readonly config: LarderConfig) {}

  async send(url: string, body: unknown): Promise<void> {
    if (!webhookHostAllowed(url, this.config.delivery.webhookHosts)) throw new Error(`the webhook host is not in LARDER_WEBHOOK_HOSTS: ${new URL(url).host}`);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`the webhook answered ${response.status} ${text.slice(0, 200)}`);
    let answer: { errcode?: unknown; errmsg?: unknown } | null = null;
    try {
      answer = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    } catch {
      answer = null;
    }
    if (answer && typeof answer.errcode === 'number' && answer.errcode !== 0)
      throw new Error(`the webhook refused the message: errcode ${answer.errcode} ${String(answer.errmsg ?? '').slice(0, 200)}`);
  }
}
