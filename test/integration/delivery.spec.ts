import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { UserAdminService } from '@larder/auth';
import { ConfigModule, LarderConfig } from '@larder/config';
import { DatabaseModule, DatabaseService, DeliveryOutbox } from '@larder/database';
import { SubscriptionService } from '@larder/delivery';
import { DemoSeedService, IngestionModule } from '@larder/ingestion';
import { JobRegistry, JobRunnerService, JobSchedulerService } from '@larder/jobs';
import { DELIVERY_JOB, NIGHTLY_JOB, PipelineModule } from '@larder/pipeline';
import { createTestDatabase, TestDatabase } from '../support/test-config';

const AS_OF = '2026-11-20';

function openContext(config: LarderConfig): Promise<INestApplicationContext> {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, IngestionModule, PipelineModule] })
  class DeliveryTestModule {}
  return NestFactory.createApplicationContext(DeliveryTestModule, { logger: false });
}

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

describe('reports and alerts pushed to subscribers', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let smtp: SMTPServer;
  let receiver: Server;
  const mails: ParsedMail[] = [];
  /** Webhook bodies the receiver accepted; the first request of all is answered 500. */
  const hooks: { msgtype: string; markdown: { content: string } }[] = [];
  let hookRequests = 0;
  const reportsDir = mkdtempSync(join(tmpdir(), 'larder-delivery-'));

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) =>
        void simpleParser(stream).then((mail) => {
          mails.push(mail);
          callback();
        }, callback),
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    receiver = createServer((request, response) => {
      void bodyOf(request).then((body) => {
        hookRequests++;
        if (hookRequests === 1) return response.writeHead(500).end('robot busy');
        hooks.push(JSON.parse(body));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    const hookPort = (receiver.address() as AddressInfo).port;

    database = await createTestDatabase();
    const base = database.config;
    database.config = {
      ...base,
      reportsDir,
      delivery: { ...base.delivery, smtpUrl: `smtp://127.0.0.1:${smtpPort}`, publicUrl: 'https://larder.example.com', webhookHosts: [`127.0.0.1:${hookPort}`], retryBaseDelayMs: 0, retryAttempts: 3 },
    };
    context = await openContext(database.config);
    await context.get(DatabaseService).migrate();
    await context.get(DemoSeedService).seed({ seed: 3, canteens: 2, employees: 400, days: 60, endDate: AS_OF, futureDays: 7 });
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
    rmSync(reportsDir, { recursive: true, force: true });
  });

  it('sends a weekly report by e-mail once and a price rise by webhook once, retrying after the receiver fails', async () => {
    const users = context.get(UserAdminService);
    const subscriptions = context.get(SubscriptionService);
    const finance = (await users.create('test', { username: 'finance-wang', role: 'finance' })).user;
    const manager = (await users.create('test', { username: 'manager-li', role: 'manager', canteens: ['C01'] })).user;
    const union = (await users.create('test', { username: 'union-zhao', role: 'union' })).user;
    const asSubscriber = (user: typeof finance, canteenIds: number[] = []) => ({ userId: user.id, username: user.username, role: user.role, canteenIds });

    await subscriptions.create(asSubscriber(finance), { topic: 'report', subject: 'waste', period: 'weekly', language: 'en', email: 'wang@example.com' });
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/robot/send?key=abc`;
    await subscriptions.create(asSubscriber(manager, [1]), { topic: 'alert', subject: 'price_rise', language: 'zh-CN', webhookUrl: hookUrl });
    // Refused: what the person may not read, a report of every canteen for a manager, a webhook host not allowed.
    await expect(subscriptions.create(asSubscriber(union), { topic: 'report', subject: 'finance', period: 'monthly', language: 'en', email: 'zhao@example.com' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(subscriptions.create(asSubscriber(manager, [1]), { topic: 'report', subject: 'waste', period: 'weekly', language: 'en', email: 'li@example.com' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(subscriptions.create(asSubscriber(manager, [1]), { topic: 'alert', subject: 'plan_ready', language: 'en', webhookUrl: 'http://10.0.0.8/hook' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });

    // A supplier raises a pack price by 30% from the data day on.
    const dataSource = context.get(DatabaseService).dataSource;
    const [latest]: { supplier_item_id: number; pack_price_fen: number }[] = await dataSource.query(
      `SELECT DISTINCT ON (supplier_item_id) supplier_item_id, pack_price_fen FROM supplier_price WHERE valid_from < $1 ORDER BY supplier_item_id, valid_from DESC LIMIT 1`,
      [AS_OF],
    );
    const raised = Math.round(latest.pack_price_fen * 1.3);
    await dataSource.query(`INSERT INTO supplier_price (supplier_item_id, valid_from, pack_price_fen) VALUES ($1, $2, $3)`, [latest.supplier_item_id, AS_OF, raised]);

    const queueStep = context
      .get(JobRegistry)
      .get(NIGHTLY_JOB)
      .steps.find((step) => step.name === 'queue-deliveries')!;
    const queued = await queueStep.run({ asOf: AS_OF });
    expect(queued.reports).toBe(1);
    expect(queued.alerts).toBeGreaterThanOrEqual(1);

    const runner = context.get(JobRunnerService);
    const first = await runner.run(DELIVERY_JOB, { trigger: 'manual', asOf: AS_OF });
    expect(first.status).toBe('succeeded');
    expect(first.steps[0].counts).toEqual({ sent: queued.reports + queued.alerts - 1, failed: 1 });
    const outbox = dataSource.getRepository(DeliveryOutbox);
    const waiting = await outbox.findBy({ status: 'pending' });
    expect(waiting).toEqual([expect.objectContaining({ channel: 'webhook', attempts: 1, lastError: expect.stringContaining('500') })]);

    // Queued again (the next night) and sent again: nothing new goes out; the failed one is retried once.
    expect(await queueStep.run({ asOf: AS_OF })).toEqual({ reports: 0, alerts: 0 });
    const second = await runner.run(DELIVERY_JOB, { trigger: 'manual', asOf: AS_OF });
    expect(second.steps[0].counts).toEqual({ sent: 1, failed: 0 });
    const third = await runner.run(DELIVERY_JOB, { trigger: 'manual', asOf: AS_OF });
    expect(third.steps[0].counts).toEqual({ sent: 0, failed: 0 });
    expect(await outbox.countBy({ status: 'sent' })).toBe(queued.reports + queued.alerts);
    // With nothing waiting, the scheduled firing leaves no run in the history.
    const runs = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM job_run WHERE name = $1`, [DELIVERY_JOB]))[0].n);
    const recorded = await runs();
    await context.get(JobSchedulerService).fire(DELIVERY_JOB, new Date());
    expect(await runs()).toBe(recorded);

    // The report: one e-mail, the workbook attached, an unsubscribe link in the text and the header.
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toBe('Larder: Food waste report 2026-W46 · all canteens');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toMatch(/^larder-waste-2026-W46-en\.xlsx$/);
    expect(mail.attachments[0].content.subarray(0, 2).toString()).toBe('PK');
    const link = /https:\/\/larder\.example\.com\/api\/subscriptions\/unsubscribe\?token=([\w-]+)/.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    expect(mail.headerLines.find((header) => header.key === 'list-unsubscribe')?.line).toContain(link![1]);

    // The alert: once, in the subscriber's language, with names and yuan, no raw keys.
    expect(hookRequests).toBe(hooks.length + 1);
    const contents = hooks.map((hook) => hook.markdown.content);
    expect(new Set(contents).size).toBe(contents.length);
    expect(hooks.every((hook) => hook.msgtype === 'markdown')).toBe(true);
    const [item]: { ingredient: string; supplier: string }[] = await dataSource.query(
      `SELECT i.name AS ingredient, s.name AS supplier FROM supplier_item si JOIN ingredient i ON i.id = si.ingredient_id JOIN supplier s ON s.id = si.supplier_id WHERE si.id = $1`,
      [latest.supplier_item_id],
    );
    const ours = contents.filter((content) => content.includes(`${item.ingredient} (${item.supplier})`) && content.includes(AS_OF));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain('供应商涨价');
    expect(ours[0]).toContain(`¥${(raised / 100).toFixed(2)}`);
    expect(ours[0]).toContain('上涨 30.0%');
    expect(contents.join('\n')).not.toMatch(/price_rise|forecast_drift|undefined|NaN/);

    // The link ends the subscription: nothing more is queued for it.
    expect(await subscriptions.unsubscribe(link![1])).toEqual({ subject: 'waste', language: 'en', already: false });
    expect(await subscriptions.unsubscribe(link![1])).toEqual(expect.objectContaining({ already: true }));
    expect(await subscriptions.list(asSubscriber(finance), 'own')).toEqual([expect.objectContaining({ subject: 'waste', active: false })]);
    await dataSource.query(`DELETE FROM delivery_outbox`);
    expect((await queueStep.run({ asOf: AS_OF })).reports).toBe(0);

    // Something waiting: the scheduled firing runs and sends it (the price rise queued again after the clean-up above).
    expect(await outbox.countBy({ status: 'pending' })).toBeGreaterThanOrEqual(1);
    const before = hooks.length;
    await context.get(JobSchedulerService).fire(DELIVERY_JOB, new Date(Date.now() + 60_000));
    expect(await runs()).toBe(recorded + 1);
    expect(hooks.length).toBeGreaterThan(before);
  });
});
