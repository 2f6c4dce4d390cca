import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Canteen, query } from '@larder/database';
import { eachDate } from '@larder/domain';
import type { PaymentLine } from '../layout/payment-detail.layout';
import type { DayChannelAmount } from '../reconciliation/settlement';
import { DAY_CHANNEL_TOTALS_SQL, DayChannelTotalRow, fetchPayments, PaymentRow, paymentsCursorSql } from './payment-source.queries';

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
          await runner.query(paymentsCursorSql(cursor), [canteen.id, day]);
          try {
            for (;;) {
              const rows = await query<PaymentRow>(runner, fetchPayments(cursor, PAYMENT_FETCH_ROWS));
              if (rows.length === 0) break;
              yield rows.map((row) => ({
                occurredAt: row.occurred_at,
                serviceDate: day,
                canteenCode: canteen.code,
                timeZone: canteen.timezone,
                terminal: row.terminal,
                meal: row.meal,
                kind: row.kind,
                channel: row.channel,
                paidFen: row.amount_paid_fen,
                subsidyFen: row.subsidy_fen,
                externalId: row.external_id,
                refundOf: row.refund_of_external_id,
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
    const rows = await query<DayChannelTotalRow>(this.dataSource, DAY_CHANNEL_TOTALS_SQL, [scope.canteenIds, scope.from, scope.to]);
    return rows.map((row) => ({ date: row.day, channel: row.channel, amountFen: row.fen }));
  }
}
