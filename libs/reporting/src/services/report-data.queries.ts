export const DISH_NAMES_SQL = 'SELECT id, code, name, name_en FROM dish';

/** The order lines of the plans $2 in the canteens $1, cancelled orders left out, in the order the report lists them. */
export const PURCHASE_PLAN_LINES_SQL = `SELECT s.id AS supplier_id, s.code AS supplier_code, s.name AS supplier_name, s.name_en AS supplier_name_en, s.contact,
       o.id AS order_id, o.order_date::text AS order_date, o.delivery_date::text AS delivery_date, o.status, o.late,
       c.code AS canteen_code, c.name AS canteen_name, c.name_en AS canteen_name_en,
       i.code AS ingredient_code, i.name AS ingredient_name, i.name_en AS ingredient_name_en, i.unit,
       si.sku, si.pack_size, l.packs, l.pack_price_fen, l.amount_fen
FROM purchase_order o
JOIN purchase_order_line l ON l.order_id = o.id
JOIN supplier s ON s.id = o.supplier_id
JOIN canteen c ON c.id = o.canteen_id
JOIN ingredient i ON i.id = l.ingredient_id
JOIN supplier_item si ON si.id = l.supplier_item_id
WHERE o.plan_id = ANY($2::uuid[]) AND o.canteen_id = ANY($1::int[]) AND o.status <> 'cancelled'
ORDER BY s.code, o.delivery_date, c.code, i.code, si.sku`;

export const PLAN_VERSIONS_SQL = 'SELECT id, canteen_id, week, version, status FROM production_plan WHERE canteen_id = ANY($1::int[]) AND week = ANY($2::text[])';

export interface DishNameRow {
  id: number;
  code: string;
  name: string;
  name_en: string;
}

export interface PurchasePlanLineRow {
  supplier_id: number;
  supplier_code: string;
  supplier_name: string;
  supplier_name_en: string;
  contact: string | null;
  order_id: string;
  order_date: string;
  delivery_date: string;
  status: string;
  late: boolean;
  canteen_code: string;
  canteen_name: string;
  canteen_name_en: string;
  ingredient_code: string;
  ingredient_name: string;
  ingredient_name_en: string;
  unit: string;
  sku: string;
  pack_size: number;
  packs: number;
  pack_price_fen: number;
  amount_fen: number;
}

export interface PlanVersionRow {
  id: string;
  canteen_id: number;
  week: string;
  version: number;
  status: string;
}
