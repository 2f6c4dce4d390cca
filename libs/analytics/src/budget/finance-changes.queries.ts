import type { MealPeriod } from '@larder/domain';

/** Subsidy rules in $1–$2 that changed a meal's subsidy: each with the amount of the rule before it. */
export const SUBSIDY_CHANGES_SQL = `
SELECT r.valid_from::text AS date, r.meal, p.subsidy_fen AS before, r.subsidy_fen AS after FROM subsidy_rule r
CROSS JOIN LATERAL (SELECT subsidy_fen FROM subsidy_rule e WHERE e.meal = r.meal AND e.valid_from < r.valid_from ORDER BY e.valid_from DESC LIMIT 1) p
WHERE r.valid_from BETWEEN $1::date AND $2::date AND p.subsidy_fen <> r.subsidy_fen ORDER BY r.valid_from, r.meal`;

/** Price lists in $1–$2 that replaced an earlier price of the same supplier item, counted per date. */
export const PRICE_CHANGES_SQL = `
SELECT p.valid_from::text AS date, count(*)::int AS items FROM supplier_price p
WHERE p.valid_from BETWEEN $1::date AND $2::date
  AND EXISTS (SELECT 1 FROM supplier_price e WHERE e.supplier_item_id = p.supplier_item_id AND e.valid_from < p.valid_from)
GROUP BY p.valid_from ORDER BY p.valid_from`;

/** Dishes introduced and retired in $1–$2, counted per date. */
export const MENU_CHANGES_SQL = `
SELECT date::text AS date, count(*) FILTER (WHERE added)::int AS added, count(*) FILTER (WHERE NOT added)::int AS removed FROM (
  SELECT introduced_on AS date, true AS added FROM dish WHERE introduced_on BETWEEN $1::date AND $2::date
  UNION ALL SELECT retired_on, false FROM dish WHERE retired_on BETWEEN $1::date AND $2::date) d
GROUP BY date ORDER BY date`;

export interface SubsidyChangeRow {
  date: string;
  meal: MealPeriod;
  before: number;
  after: number;
}

export interface PriceChangeRow {
  date: string;
  items: number;
}

export interface MenuChangeRow {
  date: string;
  added: number;
  removed: number;
}
