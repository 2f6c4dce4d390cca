import type { DishCategory, IngredientUnit, MealPeriod, StorageKind } from '@larder/domain';

export const CANTEEN_BY_ID_SQL = 'SELECT id FROM canteen WHERE id = $1';
export const CANTEEN_BY_CODE_SQL = 'SELECT id FROM canteen WHERE upper(code) = upper($1)';
export const CANTEEN_SEATS_SQL = 'SELECT seats FROM canteen WHERE id = $1';

export const DISHES_SQL = 'SELECT id, category, list_price_fen, portion_kg FROM dish';
export const INGREDIENTS_SQL = 'SELECT id, unit, shelf_life_days, storage FROM ingredient';
export const RECIPE_LINES_SQL = 'SELECT dish_id, ingredient_id, quantity_per_portion, yield_loss FROM recipe_line';
export const SUPPLIER_ITEMS_SQL = 'SELECT id, supplier_id, ingredient_id, pack_size, min_order_packs, lead_time_days, delivery_weekdays, order_cutoff::text AS order_cutoff FROM supplier_item';
export const SUPPLIER_PRICES_SQL = 'SELECT supplier_item_id, valid_from::text AS valid_from, pack_price_fen FROM supplier_price';

export const MENU_SQL = `SELECT service_date::text AS service_date, meal, dish_id FROM menu_item
WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date ORDER BY 1, 2, 3`;

export const CLOSED_DAYS_SQL = `SELECT d::date::text AS day FROM canteen_closure c, generate_series(GREATEST(c.from_date, $2::date), LEAST(c.to_date, $3::date), interval '1 day') d
WHERE c.canteen_id = $1 AND c.to_date >= $2::date AND c.from_date <= $3::date`;

/** Holidays and ordinary weekends (not make-up working days). */
export const DAYS_OFF_SQL = `SELECT day::text AS day FROM calendar_day WHERE day BETWEEN $1::date AND $2::date AND kind IN ('holiday', 'weekend')`;

export const COVERS_HISTORY_SQL = `SELECT service_date::text AS service_date, meal, covers FROM daily_meal_rollup
WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date ORDER BY 1, 2`;

export const DISH_HISTORY_SQL = `SELECT service_date::text AS service_date, meal, dish_id, quantity, prepared FROM daily_dish_rollup
WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date ORDER BY 1, 2, 3`;

export const LAST_HISTORY_DAY_SQL = 'SELECT max(service_date)::text AS day FROM daily_meal_rollup WHERE canteen_id = $1';

export const LAST_COUNT_DAY_SQL = 'SELECT max(counted_on)::text AS day FROM stock_count WHERE canteen_id = $1 AND counted_on <= $2::date';

export const STOCK_COUNTS_SQL = 'SELECT ingredient_id, quantity FROM stock_count WHERE canteen_id = $1 AND counted_on = $2::date';

/** Gross use since the count ($2): what was produced until today ($3), then what approved plans cook before $4. */
export const USED_SINCE_COUNT_SQL = `WITH logged AS (
  SELECT service_date, dish_id, portions_prepared AS portions FROM production_log
  WHERE canteen_id = $1 AND service_date > $2::date AND service_date <= $3::date
), last_logged AS (SELECT COALESCE(max(service_date), $2::date) AS day FROM logged),
planned AS (
  SELECT l.service_date, l.dish_id, l.planned_portions AS portions FROM plan_line l JOIN production_plan p ON p.id = l.plan_id
  WHERE p.canteen_id = $1 AND p.status = 'approved' AND l.dish_id <> 0
    AND l.service_date > (SELECT day FROM last_logged) AND l.service_date < $4::date
)
SELECT r.ingredient_id, sum(u.portions * r.quantity_per_portion / (1 - r.yield_loss)) AS quantity
FROM (SELECT * FROM logged UNION ALL SELECT * FROM planned) u JOIN recipe_line r ON r.dish_id = u.dish_id
GROUP BY 1`;

export const SPOILED_SINCE_COUNT_SQL = `SELECT ingredient_id, sum(kg) AS kg FROM waste_log WHERE canteen_id = $1 AND kind = 'spoilage' AND ingredient_id IS NOT NULL
AND service_date > $2::date AND service_date <= $3::date GROUP BY 1`;

/** A received order counts what was delivered (验收入库), the others what was ordered; the week's ($4) own approved orders are left out. */
export const DELIVERIES_SQL = `SELECT l.ingredient_id, o.delivery_date::text AS delivery_date, sum(COALESCE(l.received_packs, l.packs) * i.pack_size) AS quantity
FROM purchase_order o JOIN purchase_order_line l ON l.order_id = o.id JOIN supplier_item i ON i.id = l.supplier_item_id
WHERE o.canteen_id = $1 AND o.status = ANY($2::text[]) AND o.delivery_date > $3::date
  AND NOT (o.status = 'approved' AND o.plan_id IN (SELECT id FROM production_plan WHERE canteen_id = $1 AND week = $4))
GROUP BY 1, 2`;

export interface IdRow {
  id: number;
}

export interface SeatsRow {
  seats: number;
}

export interface DishRow {
  id: number;
  category: DishCategory;
  list_price_fen: number;
  portion_kg: number;
}

export interface IngredientRow {
  id: number;
  unit: IngredientUnit;
  shelf_life_days: number;
  storage: StorageKind;
}

export interface RecipeLineRow {
  dish_id: number;
  ingredient_id: number;
  quantity_per_portion: number;
  yield_loss: number;
}

export interface SupplierItemRow {
  id: number;
  supplier_id: number;
  ingredient_id: number;
  pack_size: number;
  min_order_packs: number;
  lead_time_days: number;
  /** smallint[]: an array from the pg driver, '{1,2,3}' text from some paths. */
  delivery_weekdays: number[] | string;
  order_cutoff: string;
}

export interface SupplierPriceRow {
  supplier_item_id: number;
  valid_from: string;
  pack_price_fen: number;
}

export interface MenuRow {
  service_date: string;
  meal: MealPeriod;
  dish_id: number;
}

export interface DayRow {
  day: string;
}

export interface MaybeDayRow {
  day: string | null;
}

export interface CoversHistoryRow {
  service_date: string;
  meal: MealPeriod;
  covers: number;
}

export interface DishHistoryRow {
  service_date: string;
  meal: MealPeriod;
  dish_id: number;
  quantity: number;
  prepared: number;
}

export interface IngredientQuantityRow {
  ingredient_id: number;
  quantity: number;
}

export interface IngredientKgRow {
  ingredient_id: number;
  kg: number;
}

export interface DeliveryRow {
  ingredient_id: number;
  delivery_date: string;
  quantity: number;
}
