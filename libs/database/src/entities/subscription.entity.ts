import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type SubscriptionTopic = 'report' | 'alert';
export type DeliveryChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/**
 * What one user asked to be sent: a report on a period (weekly, monthly) or an alert kind, for one
 * canteen or all the user may read, in one language, by e-mail and/or webhook.
 */
@Entity()
@Index(['userId'])
export class Subscription {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  topic!: SubscriptionTopic;

  /** The report kind (finance, waste…) or the alert kind (forecast_drift, plan_ready…). */
  @Column({ type: 'text' })
  subject!: string;

  /** Reports only: 'weekly' or 'monthly'. */
  @Column({ type: 'text', nullable: true })
  period!: string | null;

  /** Null: every canteen the user may read. */
  @Column({ type: 'integer', nullable: true })
  canteenId!: number | null;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  webhookUrl!: string | null;

  /** In every e-mail's unsubscribe link; it grants nothing but ending this subscription. */
  @Column({ type: 'text', unique: true })
  unsubscribeToken!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * One message to send: a subscription's event (a report's period, an alert) on one channel. The
 * unique key makes each event go out at most once however often it is queued; a failed send is
 * tried again after a growing delay, with its attempts and last error kept.
 */
@Entity()
@Index(['subscriptionId', 'eventKey', 'channel'], { unique: true })
@Index(['status', 'nextAttemptAt'])
export class DeliveryOutbox {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  subscriptionId!: string;

  @Column({ type: 'text' })
  eventKey!: string;

  @Column({ type: 'text' })
  channel!: DeliveryChannel;

  /** What happened (a report request, an alert's figures), worded in the subscriber's language when sent. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
