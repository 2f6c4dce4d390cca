export const CANTEENS_SQL = 'SELECT id, code, name, name_en FROM canteen ORDER BY id';
export const DISHES_SQL = 'SELECT id, code, name, name_en, category FROM dish ORDER BY id';
export const SUPPLIERS_SQL = 'SELECT id, code, name, name_en FROM supplier ORDER BY id';
export const INGREDIENTS_SQL = 'SELECT id, code, name, name_en FROM ingredient ORDER BY id';
export const SPAN_SQL = 'SELECT min(service_date)::text AS first, max(service_date)::text AS last FROM daily_meal_rollup WHERE canteen_id = ANY($1::int[])';

/** A canteen, supplier or ingredient as the filter bar names it. */
export interface NamedRow {
  id: number;
  code: string;
  name: string;
  name_en: string | null;
}

export interface DishNameRow extends NamedRow {
  category: string;
}

export interface SpanRow {
  first: string | null;
  last: string | null;
}
