/**
 * Supplier spend is what was bought: each line of a received order at the packs and the pack price on
 * its delivery note (the ordered price where the note gave none), booked in the month of delivery.
 * Orders not yet received are commitments, not spend. This is the one place the rule is written.
 */
export const RECEIVED_SPEND_SQL = `
SELECT to_char(o.delivery_date, 'YYYY-MM') AS month, o.supplier_id, i.category,
       sum(l.received_packs::bigint * COALESCE(l.received_pack_price_fen, l.pack_price_fen))::bigint AS spend_fen
FROM purchase_order o
JOIN purchase_order_line l ON l.order_id = o.id
JOIN ingredient i ON i.id = l.ingredient_id
WHERE o.status = 'received' AND l.received_packs IS NOT NULL
  AND o.delivery_date BETWEEN $1::date AND $2::date AND o.canteen_id = ANY($3::int[])
GROUP BY 1, 2, 3`;

/** Orders due in the range still waiting for receipt (approved or sent): said beside the spend, not in it. */
export const AWAITING_RECEIPT_SQL = `
SELECT count(*)::int AS orders, COALESCE(sum(total_fen), 0)::bigint AS total_fen FROM purchase_order
WHERE status IN ('approved', 'sent') AND delivery_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[])`;

export const SPEND_SUPPLIERS_SQL = 'SELECT id, code, name, name_en FROM supplier WHERE id = ANY($1::int[])';

export interface SpendRow {
  month: string;
  supplier_id: number;
  category: string;
  spend_fen: number;
}

export interface AwaitingRow {
  orders: number;
  total_fen: number;
}

export interface SpendSupplierRow {
  id: number;
  code: string;
  name: string;
  name_en: string | null;
}
