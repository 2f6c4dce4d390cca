/** A canteen's ($1) payments of one service day ($2), in the order they were made, behind a cursor held by the session. */
export function paymentsCursorSql(cursor: string): string {
  return `DECLARE ${cursor} NO SCROLL CURSOR WITH HOLD FOR
SELECT occurred_at, terminal, meal, kind, channel, amount_paid_fen, subsidy_fen, external_id, refund_of_external_id
FROM sale_transaction WHERE canteen_id = $1 AND service_date = $2::date ORDER BY occurred_at, id`;
}

export function fetchPayments(cursor: string, rows: number): string {
  return `FETCH FORWARD ${rows} FROM ${cursor}`;
}

/** Payments of the canteens $1 per local payment day from $2 to $3 and channel, refunds netted. */
export const DAY_CHANNEL_TOTALS_SQL = `SELECT (t.occurred_at AT TIME ZONE c.timezone)::date::text AS day, t.channel, sum(t.amount_paid_fen)::bigint AS fen
FROM sale_transaction t JOIN canteen c ON c.id = t.canteen_id
WHERE t.canteen_id = ANY($1::int[]) AND t.service_date BETWEEN ($2::date - 1) AND ($3::date + 1)
  AND (t.occurred_at AT TIME ZONE c.timezone)::date BETWEEN $2::date AND $3::date
GROUP BY 1, 2 ORDER BY 1, 2`;

export interface PaymentRow {
  occurred_at: Date;
  terminal: string;
  meal: string;
  kind: string;
  channel: string;
  amount_paid_fen: number;
  subsidy_fen: number;
  external_id: string;
  refund_of_external_id: string | null;
}

export interface DayChannelTotalRow {
  day: string;
  channel: string;
  fen: number;
}
