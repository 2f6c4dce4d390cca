import type { DeliveryChannel, SubscriptionTopic } from '@larder/database';
import type { Role } from '@larder/domain';
import type { DeliveryEvent } from '../delivery-event';

export const ANY_DUE_SQL = `SELECT EXISTS (SELECT 1 FROM delivery_outbox WHERE status = 'pending' AND next_attempt_at <= now()) AS due`;

/**
 * $1 how many, $2 lease minutes: the due rows, leased so a second process skips them until the lease
 * ends. A SELECT over the UPDATE, so the rows come back as rows (TypeORM answers a bare UPDATE with [rows, count]).
 */
export const CLAIM_SQL = `WITH due AS (
         SELECT id FROM delivery_outbox WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at, created_at LIMIT $1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE delivery_outbox o SET next_attempt_at = now() + ($2::int * interval '1 minute') FROM due WHERE o.id = due.id
         RETURNING o.id, o.subscription_id, o.event_key, o.channel, o.payload, o.attempts)
       SELECT c.id, c.event_key, c.channel, c.payload, c.attempts, s.email, s.webhook_url, s.language, s.unsubscribe_token, s.active AND u.active AS active, u.username
         FROM claimed c JOIN subscription s ON s.id = c.subscription_id JOIN app_user u ON u.id = s.user_id`;

/** Every name an alert may mention, in both languages. */
export const NAMES_SQL = `SELECT 'canteen' AS kind, id, name, name_en FROM canteen UNION ALL SELECT 'dish', id, name, name_en FROM dish
       UNION ALL SELECT 'supplier', id, name, name_en FROM supplier UNION ALL SELECT 'ingredient', id, name, name_en FROM ingredient`;

/** $1 this ISO week: the drafts waiting for the weeks after it. */
export const DRAFT_PLANS_SQL = `SELECT id, canteen_id, week, version FROM production_plan WHERE status = 'draft' AND week > $1 ORDER BY canteen_id, week`;

/** $1–$2 dates, $3 threshold: pack prices that rose by the threshold or more over the price before. */
export const PRICE_RISES_SQL = `SELECT p.supplier_item_id, p.valid_from::text AS valid_from, p.pack_price_fen AS price_fen, prev.pack_price_fen AS previous_fen, si.supplier_id, si.ingredient_id
         FROM supplier_price p
         JOIN supplier_item si ON si.id = p.supplier_item_id
         JOIN LATERAL (SELECT q.pack_price_fen FROM supplier_price q WHERE q.supplier_item_id = p.supplier_item_id AND q.valid_from < p.valid_from
                       ORDER BY q.valid_from DESC LIMIT 1) prev ON true
        WHERE p.valid_from BETWEEN $1::date AND $2::date AND prev.pack_price_fen > 0 AND p.pack_price_fen >= prev.pack_price_fen * (1 + $3::numeric)
        ORDER BY p.valid_from, p.supplier_item_id`;

/** $1 a user, or null for everyone's. */
export const SUBSCRIPTIONS_SQL = `SELECT s.id, u.username, s.topic, s.subject, s.period, c.code, s.language, s.email, s.webhook_url, s.active, s.created_at
         FROM subscription s JOIN app_user u ON u.id = s.user_id LEFT JOIN canteen c ON c.id = s.canteen_id
        WHERE $1::uuid IS NULL OR s.user_id = $1 ORDER BY u.username, s.created_at`;

export const ACTIVE_SUBSCRIPTIONS_SQL = `SELECT s.id, s.topic, s.subject, s.period, s.canteen_id, s.email, s.webhook_url, u.role, u.canteen_ids
         FROM subscription s JOIN app_user u ON u.id = s.user_id WHERE s.active AND u.active ORDER BY s.created_at`;

/** Queues the items once each (subscription, event, channel); returns the ids of those added. */
export const QUEUE_SQL = `INSERT INTO delivery_outbox (id, subscription_id, event_key, channel, payload, next_attempt_at)
       SELECT * , now() FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[])
       ON CONFLICT (subscription_id, event_key, channel) DO NOTHING RETURNING id`;

export interface DueRow {
  id: string;
  event_key: string;
  channel: DeliveryChannel;
  payload: DeliveryEvent;
  attempts: number;
  email: string | null;
  webhook_url: string | null;
  language: string;
  unsubscribe_token: string;
  active: boolean;
  username: string;
}

export interface NameRow {
  kind: 'canteen' | 'dish' | 'supplier' | 'ingredient';
  id: number;
  name: string;
  name_en: string | null;
}

export interface PlanRow {
  id: string;
  canteen_id: number;
  week: string;
  version: number;
}

export interface PriceRow {
  supplier_item_id: number;
  valid_from: string;
  price_fen: number;
  previous_fen: number;
  supplier_id: number;
  ingredient_id: number;
}

export interface ViewRow {
  id: string;
  username: string;
  topic: SubscriptionTopic;
  subject: string;
  period: string | null;
  code: string | null;
  language: string;
  email: string | null;
  webhook_url: string | null;
  active: boolean;
  created_at: Date;
}

/** An active subscription of an active person, with that person's rights now. */
export interface SubscriptionRow {
  id: string;
  topic: 'report' | 'alert';
  subject: string;
  period: string | null;
  canteen_id: number | null;
  email: string | null;
  webhook_url: string | null;
  role: Role;
  canteen_ids: number[];
}
