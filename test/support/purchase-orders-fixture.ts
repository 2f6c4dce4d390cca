import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { lineAmountFen } from '@larder/procurement';

export interface OrderLineSpec {
  /** The supplier item, by its place among the demo's items of the ingredient category (ordered by id). */
  category: string;
  packs: number;
  packPriceFen: number;
  /** What the delivery note said; absent for an order not received. */
  received?: { packs: number; packPriceFen: number | null };
}

/**
 * Writes a purchase order straight into the tables, as the purchasing page would leave it, on the
 * first demo supplier item of each line's category; returns the lines' supplier and ingredient ids.
 */
export async function insertOrder(
  dataSource: DataSource,
  order: { canteenId: number; deliveryDate: string; status: 'sent' | 'received' | 'cancelled'; lines: OrderLineSpec[] },
): Promise<{ supplierId: number; ingredientId: number }[]> {
  const picked: { id: number; supplier_id: number; ingredient_id: number }[] = [];
  for (const line of order.lines) {
    const [item] = await dataSource.query(
      `SELECT si.id, si.supplier_id, si.ingredient_id FROM supplier_item si JOIN ingredient i ON i.id = si.ingredient_id WHERE i.category = $1 ORDER BY si.id LIMIT 1`,
      [line.category],
    );
    if (!item) throw new Error(`no demo supplier item in category ${line.category}`);
    picked.push(item);
  }
  // One order per supplier, as Larder writes them.
  const bySupplier = new Map<number, number[]>();
  picked.forEach((item, index) => bySupplier.set(item.supplier_id, [...(bySupplier.get(item.supplier_id) ?? []), index]));
  for (const [supplierId, indexes] of bySupplier) {
    const id = randomUUID();
    const total = indexes.reduce((sum, index) => sum + lineAmountFen(order.lines[index].packs, order.lines[index].packPriceFen), 0);
    await dataSource.query(`INSERT INTO purchase_order (id, canteen_id, supplier_id, order_date, delivery_date, status, total_fen) VALUES ($1, $2, $3, $4::date - 2, $4, $5, $6)`, [
      id,
      order.canteenId,
      supplierId,
      order.deliveryDate,
      order.status,
      total,
    ]);
    for (const index of indexes) {
      const line = order.lines[index];
      await dataSource.query(
        `INSERT INTO purchase_order_line (order_id, supplier_item_id, canteen_id, ingredient_id, packs, pack_price_fen, amount_fen, needed_quantity, received_packs, received_pack_price_fen)
         VALUES ($1, $2, $3, $4, $5::int, $6, $7, $5::numeric, $8, $9)`,
        [
          id,
          picked[index].id,
          order.canteenId,
          picked[index].ingredient_id,
          line.packs,
          line.packPriceFen,
          lineAmountFen(line.packs, line.packPriceFen),
          line.received?.packs ?? null,
          line.received?.packPriceFen ?? null,
        ],
      );
    }
  }
  return picked.map((item) => ({ supplierId: item.supplier_id, ingredientId: item.ingredient_id }));
}
