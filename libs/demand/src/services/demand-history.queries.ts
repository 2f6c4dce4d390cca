import type { DayKind } from '@larder/domain';

export const canteensSql = (filtered: boolean) => `SELECT id, code, site_id, opens_weekends FROM canteen ${filtered ? 'WHERE id = ANY($1::int[])' : ''} ORDER BY id`;

/** A canteen by code or id ($1 as text). */
export const CANTEEN_BY_CODE_SQL = `SELECT id FROM canteen WHERE code = $1 OR id::text = $1 ORDER BY id LIMIT 1`;

export const LATEST_SERVICE_DATE_SQL = `SELECT max(service_date)::text AS last FROM daily_meal_rollup`;

export const CALENDAR_DAYS_SQL = `SELECT day::text AS day, kind FROM calendar_day WHERE day BETWEEN $1::date AND $2::date ORDER BY day`;

export const DISH_CATEGORIES_SQL = `SELECT id, category FROM dish ORDER BY id`;

/** Per dish, its sale lines in the canteens $1 from $2 to $3, and how many of them shared a transaction with another line. */
export const DISH_LINES_SHARED_SQL = `WITH lines AS (
  SELECT l.dish_id, count(*) OVER (PARTITION BY l.canteen_id, l.transaction_id) AS n
  FROM sale_transaction t JOIN sale_line l ON l.canteen_id = t.canteen_id AND l.transaction_id = t.id
  WHERE t.canteen_id = ANY($1::int[]) AND t.service_date BETWEEN $2::date AND $3::date AND t.kind = 'sale'
)
SELECT dish_id, count(*)::int AS lines, (count(*) FILTER (WHERE n > 1))::int AS shared FROM lines GROUP BY dish_id`;

export const COVERS_SQL = `SELECT service_date::text AS service_date, meal, covers FROM daily_meal_rollup
WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date ORDER BY meal, service_date`;

export const HEADCOUNT_SQL = `SELECT day::text AS day, on_duty, on_leave, travelling, overtime, remote FROM headcount
WHERE site_id = $1 AND day BETWEEN $2::date AND $3::date ORDER BY day`;

export const SUBSIDY_RULES_SQL = `SELECT valid_from::text AS valid_from, meal, subsidy_fen FROM subsidy_rule ORDER BY valid_from`;

/** Staff at work (on duty less remote) per day on the sites without a canteen of their own. */
export const OUTLYING_ON_SITE_SQL = `SELECT h.site_id, h.day::text AS day, h.on_duty - h.remote AS on_site FROM headcount h
WHERE h.day BETWEEN $1::date AND $2::date AND NOT EXISTS (SELECT 1 FROM canteen c WHERE c.site_id = h.site_id)
ORDER BY h.site_id, h.day`;

export const MENU_ITEMS_SQL = `SELECT service_date::text AS service_date, meal, dish_id FROM menu_item
WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date ORDER BY service_date, meal, dish_id`;

export const CLOSURES_SQL = `SELECT from_date::text AS from_date, to_date::text AS to_date FROM canteen_closure
WHERE canteen_id = $1 AND to_date >= $2::date AND from_date <= $3::date`;

export const DISH_SALES_SQL = `SELECT service_date::text AS service_date, meal, dish_id, quantity, diners, prepared FROM daily_dish_rollup
WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date`;

export interface CanteenRow {
  id: number;
  code: string;
  site_id: number;
  opens_weekends: boolean;
}

export interface IdRow {
  id: number;
}

export interface LastDayRow {
  last: string | null;
}

export interface CalendarDayRow {
  day: string;
  kind: DayKind;
}

export interface DishCategoryRow {
  id: number;
  category: string;
}

export interface DishLinesRow {
  dish_id: number;
  lines: number;
  shared: number;
}

/** `meal` as stored: the caller keeps only known meal periods. */
export interface CoversRow {
  service_date: string;
  meal: string;
  covers: number;
}

export interface HeadcountRow {
  day: string;
  on_duty: number;
  on_leave: number;
  travelling: number;
  overtime: number;
  remote: number;
}

export interface SubsidyRuleRow {
  valid_from: string;
  meal: string;
  subsidy_fen: number;
}

export interface OnSiteRow {
  site_id: number;
  day: string;
  on_site: number;
}

export interface MenuItemRow {
  service_date: string;
  meal: string;
  dish_id: number;
}

export interface ClosureRow {
  from_date: string;
  to_date: string;
}

export interface DishSaleRow {
  service_date: string;
  meal: string;
  dish_id: number;
  quantity: number;
  diners: number;
  prepared: number;
}
