import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeliveryChannel, query } from '@larder/database';
import type { ReportKind } from '@larder/reporting';
import type { DeliveryEvent } from '../delivery-event';
import { duePeriod, mayReceive, ReportPeriod, SubscribableAlert } from '../subscription-rules';
import { AlertSourceService } from './alert-source.service';
import { ACTIVE_SUBSCRIPTIONS_SQL, QUEUE_SQL, SubscriptionRow } from './delivery.queries';

interface QueuedItem {
  subscriptionId: string;
  key: string;
  channel: DeliveryChannel;
  event: DeliveryEvent;
}

/**
 * Turns the data day's due reports and current alerts into outbox rows, one per subscription,
 * event and channel. The unique key drops what was queued before, so running it again (the next
 * night, a second process) sends nothing twice; a person who lost the right to read something no
 * longer gets it.
 */
@Injectable()
export class DeliveryQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alerts: AlertSourceService,
  ) {}

  async queue(asOf: string): Promise<{ reports: number; alerts: number }> {
    const subscriptions = await query<SubscriptionRow>(this.dataSource, ACTIVE_SUBSCRIPTIONS_SQL);
    const reports = subscriptions.filter((row) => row.topic === 'report' && mayReceive(row.role, { topic: 'report', subject: row.subject as ReportKind }));
    const alertRows = subscriptions.filter((row) => row.topic === 'alert' && mayReceive(row.role, { topic: 'alert', subject: row.subject as SubscribableAlert }));
    const items: QueuedItem[] = [];
    for (const row of reports) {
      if (row.role === 'manager' && (row.canteen_id === null || !row.canteen_ids.includes(row.canteen_id))) continue;
      const period = duePeriod({ kind: row.subject as ReportKind, period: row.period as ReportPeriod, asOf });
      const label = 'month' in period ? period.month : period.week;
      items.push(...channelsOf(row, { key: `report:${row.subject}:${label}`, event: { type: 'report', kind: row.subject as ReportKind, ...period, canteenId: row.canteen_id } }));
    }
    const current = alertRows.length > 0 ? await this.alerts.current(asOf) : [];
    for (const row of alertRows) {
      for (const { key, alert } of current) {
        if (alert.kind !== row.subject) continue;
        // An alert of no one canteen (a supplier's price) concerns every canteen.
        if (row.canteen_id !== null && alert.canteenId !== null && alert.canteenId !== row.canteen_id) continue;
        if (row.role === 'manager' && alert.canteenId !== null && !row.canteen_ids.includes(alert.canteenId)) continue;
        items.push(...channelsOf(row, { key, event: { type: 'alert', alert } }));
      }
    }
    const inserted = await this.insert(items);
    return { reports: inserted.filter((item) => item.event.type === 'report').length, alerts: inserted.filter((item) => item.event.type === 'alert').length };
  }

  /** Adds the items not queued before; returns those it added. */
  private async insert(items: QueuedItem[]): Promise<QueuedItem[]> {
    if (items.length === 0) return [];
    const ids = items.map(() => randomUUID());
    const rows = await query<{ id: string }>(this.dataSource, QUEUE_SQL, [
      ids,
      items.map((item) => item.subscriptionId),
      items.map((item) => item.key),
      items.map((item) => item.channel),
      items.map((item) => JSON.stringify(item.event)),
    ]);
    const added = new Set(rows.map((row) => row.id));
    return items.filter((_item, index) => added.has(ids[index]));
  }
}

function channelsOf(row: SubscriptionRow, item: { key: string; event: DeliveryEvent }): QueuedItem[] {
  const channels: DeliveryChannel[] = [...(row.email ? ['email' as const] : []), ...(row.webhook_url ? ['webhook' as const] : [])];
  return channels.map((channel) => ({ subscriptionId: row.id, key: item.key, channel, event: item.event }));
}
