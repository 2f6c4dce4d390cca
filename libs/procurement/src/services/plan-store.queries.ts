import type { MealPeriod } from '@larder/domain';
import type { PurchaseOrderView } from './plan-views';

const HEADER_COLUMNS = `id, canteen_id, week, version, status, service_level, forecast_run_id, created_at, created_by, approved_at, approved_by`;

export const PLAN_HEADER_SQL = `SELECT ${HEADER_COLUMNS} FROM production_plan WHERE id = $1`;

export const PLAN_LIST_SQL = `SELECT ${HEADER_COLUMNS} FROM production_plan
WHERE ($1::int IS NULL OR canteen_id = $1) AND ($2::text IS NULL OR week = $2)
ORDER BY week DESC, canteen_id, version DESC`;

export const NEXT_VERSION_SQL = 'SELECT COALESCE(max(version), 0) + 1 AS version FROM production_plan WHERE canteen_id = $1 AND week = $2';

/** Every version locked, not only approved ones: an approval committing meanwhile is waited for and then seen. */
export const LOCK_WEEK_PLANS_SQL = `SELECT status FROM production_plan WHERE canteen_id = $1 AND week = $2 FOR UPDATE`;

/** Through a CTE: the driver answers a bare UPDATE … RETURNING as [rows, count]. */
export const CANCEL_APPROVED_ORDERS_SQL = `WITH cancelled AS (
  UPDATE purchase_order SET status = 'cancelled' WHERE status = 'approved' AND plan_id IN
  (SELECT id FROM production_plan WHERE canteen_id = $1 AND week = $2 AND id <> $3)
  RETURNING id, plan_id, supplier_id, delivery_date, total_fen
) SELECT id, plan_id, supplier_id, delivery_date::text AS delivery_date, total_fen FROM cancelled ORDER BY delivery_date, supplier_id`;

/** Meals in the order of the day (breakfast to night, $2), not of their names. */
export const PLAN_LINES_SQL = `SELECT service_date::text AS service_date, meal, dish_id, forecast_p50, service_level, planned_portions, expected_leftover, expected_shortfall
FROM plan_line WHERE plan_id = $1 ORDER BY service_date, array_position($2::text[], meal), dish_id`;

export const PLAN_OVERRIDES_SQL = `SELECT id, service_date::text AS service_date, meal, dish_id, previous_portions, new_portions, reason, created_by, created_at
FROM plan_override WHERE plan_id = $1 ORDER BY created_at, id`;

/** An order's own columns (`o`: purchase_order), as every read of an order selects them; `orderColumns` maps them. */
export const ORDER_COLUMNS_SQL = `o.id, o.canteen_id, o.plan_id, o.supplier_id, o.order_date::text AS order_date, o.delivery_date::text AS delivery_date, o.status, o.total_fen, o.late`;

export const ORDERS_SQL = `SELECT ${ORDER_COLUMNS_SQL}, terms.order_cutoff, terms.lead_time_days
FROM purchase_order o
LEFT JOIN LATERAL (
  SELECT to_char(min(si.order_cutoff), 'HH24:MI') AS order_cutoff, max(si.lead_time_days) AS lead_time_days
  FROM purchase_order_line l JOIN supplier_item si ON si.id = l.supplier_item_id WHERE l.order_id = o.id
) terms ON true
WHERE ($1::uuid IS NULL OR o.plan_id = $1) AND ($2::int IS NULL OR o.canteen_id = $2) AND ($3::text IS NULL OR o.status = $3)
  AND ($4::date IS NULL OR o.delivery_date >= $4) AND ($5::date IS NULL OR o.delivery_date <= $5)
ORDER BY o.delivery_date, o.canteen_id, o.supplier_id`;

export const ORDER_LINES_SQL = `SELECT order_id, supplier_item_id, ingredient_id, packs, pack_price_fen, amount_fen, needed_quantity FROM purchase_order_line
WHERE order_id = ANY($1::uuid[]) ORDER BY supplier_item_id`;

export interface PlanHeaderRow {
  id: string;
  canteen_id: number;
  week: string;
  version: number;
  status: 'draft' | 'approved' | 'superseded';
  service_level: number | null;
  forecast_run_id: string | null;
  created_at: Date;
  created_by: string;
  approved_at: Date | null;
  approved_by: string | null;
}

export interface NextVersionRow {
  version: number;
}

export interface PlanStatusRow {
  status: PlanHeaderRow['status'];
}

export interface CancelledOrderRow {
  id: string;
  plan_id: string;
  supplier_id: number;
  delivery_date: string;
  total_fen: number;
}

export interface PlanLineRow {
  service_date: string;
  meal: MealPeriod;
  dish_id: number;
  forecast_p50: number;
  service_level: number;
  planned_portions: number;
  expected_leftover: number;
  expected_shortfall: number;
}

export interface PlanOverrideRow {
  id: string;
  service_date: string;
  meal: MealPeriod;
  dish_id: number;
  previous_portions: number;
  new_portions: number;
  reason: string;
  created_by: string;
  created_at: Date;
}

export interface OrderColumnsRow {
  id: string;
  canteen_id: number;
  plan_id: string | null;
  supplier_id: number;
  order_date: string;
  delivery_date: string;
  status: PurchaseOrderView['status'];
  total_fen: number;
  late: boolean;
}

export type OrderColumns = Pick<PurchaseOrderView, 'id' | 'canteenId' | 'planId' | 'supplierId' | 'orderDate' | 'deliveryDate' | 'status' | 'totalFen' | 'late'>;

export function orderColumns(row: OrderColumnsRow): OrderColumns {
  return {
    id: row.id,
    canteenId: row.canteen_id,
    planId: row.plan_id,
    supplierId: row.supplier_id,
    orderDate: row.order_date,
    deliveryDate: row.delivery_date,
    status: row.status,
    totalFen: row.total_fen,
    late: row.late,
  };
}

export interface OrderRow extends OrderColumnsRow {
  order_cutoff: string | null;
  lead_time_days: number | null;
}

export interface OrderLineRow {
  order_id: string;
  supplier_item_id: number;
  ingredient_id: number;
  packs: number;
  pack_price_fen: number;
  amount_fen: number;
  needed_quantity: number;
}

/** $1 plan: how many approved orders it has and their total, as exact text. */
export const APPROVED_ORDERS_SQL = `SELECT count(*)::int AS n, COALESCE(sum(total_fen), 0)::text AS fen FROM purchase_order WHERE plan_id = $1 AND status = 'approved'`;

export interface ApprovedOrdersRow {
  n: number;
  fen: string;
}
