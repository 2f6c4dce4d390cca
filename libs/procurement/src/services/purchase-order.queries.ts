import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { query } from '@larder/database';
import { lineAmountFen, receiptDifferences, type OrderStatus } from '../planning/order-rules';
import type { PurchaseOrderDetail, PurchaseOrderEditView, PurchaseOrderLineDetail } from './plan-views';
import { ORDER_COLUMNS_SQL, orderColumns, type OrderColumnsRow } from './plan-store.queries';

/** An order's own columns, with its plan's week and its supplier and canteen named. */
interface OrderHeaderRow extends OrderColumnsRow {
  week: string | null;
  supplier_code: string;
  supplier_name: string;
  supplier_name_en: string;
  contact: string | null;
  address: string | null;
  phone: string | null;
  canteen_code: string;
  canteen_name: string;
  canteen_name_en: string;
}

interface OrderLineRow {
  supplier_item_id: number;
  ingredient_id: number;
  packs: number;
  pack_price_fen: number;
  amount_fen: string;
  needed_quantity: string;
  ingredient_code: string;
  ingredient_name: string;
  ingredient_name_en: string;
  unit: string;
  sku: string;
  pack_size: string;
  min_order_packs: number;
  lead_time_days: number;
  order_cutoff: string;
  received_packs: number | null;
  received_pack_price_fen: number | null;
}

interface ChangeRow {
  created_at: Date;
  created_by: string;
  supplier_item_id: number;
  previous_packs: number;
  new_packs: number;
  reason: string;
}

export type OrderHeader = Omit<PurchaseOrderDetail, 'lines' | 'edits' | 'nextStatuses' | 'editable' | 'orderCutoff' | 'leadTimeDays' | 'receivedTotalFen'>;

/** Reads one purchase order with its supplier, canteen and lines; writes its lines and status. Callers own the transactions. */
@Injectable()
export class PurchaseOrderQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The order's header; `lock` holds the row until the transaction ends. */
  async header(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<OrderHeader | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    const rows = await query<OrderHeaderRow>(
      manager,
      `SELECT ${ORDER_COLUMNS_SQL}, p.week, s.code AS supplier_code, s.name AS supplier_name, s.name_en AS supplier_name_en, s.contact, s.address, s.phone,
              c.code AS canteen_code, c.name AS canteen_name, c.name_en AS canteen_name_en
       FROM purchase_order o
       JOIN supplier s ON s.id = o.supplier_id
       JOIN canteen c ON c.id = o.canteen_id
       LEFT JOIN production_plan p ON p.id = o.plan_id
       WHERE o.id = $1 ${lock ? 'FOR UPDATE OF o' : ''}`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ...orderColumns(row),
      week: row.week,
      supplier: { id: Number(row.supplier_id), code: row.supplier_code, name: row.supplier_name, nameEn: row.supplier_name_en, contact: row.contact, address: row.address, phone: row.phone },
      canteen: { id: Number(row.canteen_id), code: row.canteen_code, name: row.canteen_name, nameEn: row.canteen_name_en },
    };
  }

  async lines(orderId: string, manager: EntityManager = this.dataSource.manager): Promise<PurchaseOrderLineDetail[]> {
    const rows = await query<OrderLineRow>(
      manager,
      `SELECT l.supplier_item_id, l.ingredient_id, l.packs, l.pack_price_fen, l.amount_fen::text AS amount_fen, l.needed_quantity::text AS needed_quantity,
              i.code AS ingredient_code, i.name AS ingredient_name, i.name_en AS ingredient_name_en, i.unit,
              si.sku, si.pack_size::text AS pack_size, si.min_order_packs, si.lead_time_days, to_char(si.order_cutoff, 'HH24:MI') AS order_cutoff,
              l.received_packs, l.received_pack_price_fen
       FROM purchase_order_line l
       JOIN ingredient i ON i.id = l.ingredient_id
       JOIN supplier_item si ON si.id = l.supplier_item_id
       WHERE l.order_id = $1
       ORDER BY i.code, si.sku`,
      [orderId],
    );
    return rows.map((row) => {
      const ordered = { packs: Number(row.packs), packPriceFen: Number(row.pack_price_fen) };
      const received = row.received_packs === null ? null : { packs: Number(row.received_packs), packPriceFen: Number(row.received_pack_price_fen ?? row.pack_price_fen) };
      return {
        supplierItemId: Number(row.supplier_item_id),
        ingredientId: Number(row.ingredient_id),
        ...ordered,
        amountFen: Number(row.amount_fen),
        neededQuantity: Number(row.needed_quantity),
        ingredient: { id: Number(row.ingredient_id), code: row.ingredient_code, name: row.ingredient_name, nameEn: row.ingredient_name_en, unit: row.unit },
        sku: row.sku,
        packSize: Number(row.pack_size),
        minOrderPacks: Number(row.min_order_packs),
        leadTimeDays: Number(row.lead_time_days),
        orderCutoff: row.order_cutoff,
        receivedPacks: received?.packs ?? null,
        receivedPackPriceFen: received?.packPriceFen ?? null,
        receivedAmountFen: received ? lineAmountFen(received.packs, received.packPriceFen) : null,
        differences: received ? receiptDifferences(ordered, received) : [],
      };
    });
  }

  /** The changes made to the order's lines, oldest first. */
  async edits(orderId: string): Promise<PurchaseOrderEditView[]> {
    const rows = await query<ChangeRow>(
      this.dataSource,
      `SELECT created_at, created_by, supplier_item_id, previous_packs, new_packs, reason FROM purchase_order_change WHERE order_id = $1 ORDER BY created_at, id`,
      [orderId],
    );
    return rows.map((row) => ({
      at: new Date(row.created_at).toISOString(),
      actor: row.created_by,
      supplierItemId: Number(row.supplier_item_id),
      fromPacks: Number(row.previous_packs),
      toPacks: Number(row.new_packs),
      reason: row.reason,
    }));
  }

  /** Keeps a change with its reason, in the caller's transaction. */
  async insertChange(manager: EntityManager, change: { orderId: string; supplierItemId: number; previousPacks: number; newPacks: number; reason: string; createdBy: string }): Promise<void> {
    await manager.query('INSERT INTO purchase_order_change (id, order_id, supplier_item_id, previous_packs, new_packs, reason, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      randomUUID(),
      change.orderId,
      change.supplierItemId,
      change.previousPacks,
      change.newPacks,
      change.reason,
      change.createdBy,
    ]);
  }

  /** Sets a line's packs and amount, then the order's total as the sum of its lines. */
  async setLine(manager: EntityManager, params: { orderId: string; supplierItemId: number; packs: number; amountFen: number }): Promise<void> {
    await manager.query('UPDATE purchase_order_line SET packs = $3, amount_fen = $4 WHERE order_id = $1 AND supplier_item_id = $2', [
      params.orderId,
      params.supplierItemId,
      params.packs,
      params.amountFen,
    ]);
    await manager.query('UPDATE purchase_order SET total_fen = (SELECT COALESCE(sum(amount_fen), 0) FROM purchase_order_line WHERE order_id = $1) WHERE id = $1', [params.orderId]);
  }

  /** Records what one line delivered. */
  async setReceived(manager: EntityManager, params: { orderId: string; supplierItemId: number; packs: number; packPriceFen: number }): Promise<void> {
    await manager.query('UPDATE purchase_order_line SET received_packs = $3, received_pack_price_fen = $4 WHERE order_id = $1 AND supplier_item_id = $2', [
      params.orderId,
      params.supplierItemId,
      params.packs,
      params.packPriceFen,
    ]);
  }

  async setStatus(manager: EntityManager, orderId: string, status: OrderStatus): Promise<void> {
    await manager.query('UPDATE purchase_order SET status = $2 WHERE id = $1', [orderId, status]);
  }
}
