import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Canteen } from '@larder/database';
import { eachDate } from '@larder/domain';
import type { PaymentLine } from '../layout/payment-detail.layout';
import type { DayChannelAmount } from '../reconciliation/settlement';

/** Rows per fetch from the detail cursor: what the report holds of the payments at any time. */
export const PAYMENT_FETCH_ROWS = 2_000;

let cursors = 0;

/**
 * The only place reports read raw payments: a canteen-day at a time (one scan on the canteen and
 * service-date index), through a cursor fetched PAYMENT_FETCH_ROWS at a time, so neither this
 * process nor the database ever holds more than one fetch, whatever the size of a month or a day.
 * WITH HOLD: the cursor lives in the session, not in a transaction held open while the workbook
 * drains (a long-open transaction would hold back vacuum for as long as a download takes).
 */
@Injectable()
export class PaymentSourceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async *payments(scope: { canteens: Canteen[]; from: string; to: string }): AsyncGenerator<PaymentLine[]> {
    // One connection for the whole report: a cursor belongs to the session that declared it.
    const runner = this.dataSource.createQueryRunner();
    try {
      for (const canteen of scope.canteens) {
        for (const day of eachDate(scope.from, scope.to)) {
          const cursor = `larder_payment_detail_${(cursors += 1)}`;
          await runner.query(
            `DECLARE ${cursor} NO SCROLL CURSOR WITH HOLD FOR
             SELECT occurred_at, terminal, meal, kind, channel, amount_paid_fen, subsidy_fen, external_id, refund_of_external_id
             FROM sale_transaction WHERE canteen_id = $1 AND service_date = $2::date ORDER BY occurred_at, id`,
            [canteen.id, day],
          );
          try {
            for (;;) {
              const rows: Record<string, unknown>[] = await runner.query(`FETCH FORWARD ${PAYMENT_FETCH_ROWS} FROM ${cursor}`);
              if (rows.length === 0) break;
              yield rows.map((row) => ({
                occurredAt: row.occurred_at instanceof Date ? row.occurred_at : new Date(String(row.occurred_at)),
                serviceDate: day,
                canteenCode: canteen.code,
                timeZone: canteen.timezone,
                terminal: String(row.terminal),
                meal: String(row.meal),
                kind: String(row.kind),
                channel: String(row.channel),
                paidFen: Number(row.amount_paid_fen),
                subsidyFen: Number(row.subsidy_fen),
                externalId: String(row.external_id),
                refundOf: row.refund_of_external_id === null ? null : String(row.refund_of_external_id),
              }));
              if (rows.length < PAYMENT_FETCH_ROWS) break;
            }
          } finally {
            await runner.query(`CLOSE ${cursor}`);
          }
        }
      }
    } finally {
      await runner.release();
    }
  }

  /** Payments per local payment day and channel, as a card or bank settles them (refunds netted). */
  async dayChannelTotals(scope: { canteenIds: number[]; from: string; to: string }): Promise<DayChannelAmount[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT (t.occurred_at AT TIME ZONE c.timezone)::date::text AS day, t.channel, sum(t.amount_paid_fen)::bigint AS fen
       FROM sale_transaction t JOIN canteen c ON c.id = t.canteen_id
       WHERE t.canteen_id = ANY($1::int[]) AND t.service_date BETWEEN ($2::date - 1) AND ($3::date + 1)
         AND (t.occurred_at AT TIME ZONE c.timezone)::date BETWEEN $2::date AND $3::date
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [scope.canteenIds, scope.from, scope.to],
    );
    return rows.map((row) => ({ date: String(row.day), channel: String(row.channel), amountFen: Number(row.fen) }));
  }
}
