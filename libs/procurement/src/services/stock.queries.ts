/** $1 canteen, after $2 up to $3: what received orders brought in per ingredient, in its unit. */
export const RECEIVED_SQL = `
SELECT l.ingredient_id, sum(COALESCE(l.received_packs, l.packs) * i.pack_size) AS quantity
FROM purchase_order o JOIN purchase_order_line l ON l.order_id = o.id JOIN supplier_item i ON i.id = l.supplier_item_id
WHERE o.canteen_id = $1 AND o.status = 'received' AND o.delivery_date > $2::date AND o.delivery_date <= $3::date
GROUP BY 1`;

export const INGREDIENTS_SQL = 'SELECT id, code, name, name_en, unit FROM ingredient ORDER BY code';

/** A quantity per ingredient: numeric, a number from the pool's type parsers. */
export interface ReceivedRow {
  ingredient_id: number;
  quantity: number;
}
export interface IngredientRow {
  id: number;
  code: string;
  name: string;
  name_en: string;
  unit: string;
}
