/**
 * What one portion of a dish costs in ingredients on each day of a range: recipe lines (gross of
 * preparation loss) priced at the cheapest supplier pack price in force that day, per unit of the
 * ingredient. A price holds from its date until the next one of the same supplier item.
 * Parameters: $1 first date, $2 last date. Yields CTEs unit_cost(d, ingredient_id, fen_per_unit)
 * and dish_cost(d, dish_id, fen_per_portion).
 */
export const COST_CTES = `
days AS (SELECT generate_series($1::date, $2::date, interval '1 day')::date AS d),
prices AS (
  SELECT si.ingredient_id, sp.valid_from,
         lead(sp.valid_from) OVER (PARTITION BY sp.supplier_item_id ORDER BY sp.valid_from) AS valid_until,
         sp.pack_price_fen / si.pack_size AS fen_per_unit
  FROM supplier_price sp JOIN supplier_item si ON si.id = sp.supplier_item_id
  WHERE si.pack_size > 0
),
unit_cost AS (
  SELECT days.d, p.ingredient_id, min(p.fen_per_unit) AS fen_per_unit
  FROM days JOIN prices p ON p.valid_from <= days.d AND (p.valid_until IS NULL OR p.valid_until > days.d)
  GROUP BY 1, 2
),
dish_cost AS (
  SELECT uc.d, rl.dish_id, sum(rl.quantity_per_portion / (1 - LEAST(rl.yield_loss, 0.95)) * uc.fen_per_unit) AS fen_per_portion
  FROM recipe_line rl JOIN unit_cost uc ON uc.ingredient_id = rl.ingredient_id
  GROUP BY 1, 2
)`;

/** One dish's ingredient cost of a portion on one day (COST_CTES' dish_cost). */
export interface PortionCostRow {
  day: string;
  dish_id: number;
  fen_per_portion: number;
}

/**
 * Every dish's portion cost on each day from $1 to $2, the one costing the rollups store and
 * planning prices with. A dish without a priced recipe line has no row on that day.
 */
export const PORTION_COSTS_SQL = `
WITH ${COST_CTES}
SELECT d::text AS day, dish_id, fen_per_portion::float8 AS fen_per_portion FROM dish_cost ORDER BY 1, 2`;

/**
 * What the overproduction of a dish rollup row (alias r, joined to dish d) costs, in fen: its wasted
 * portions, or when only kg were logged kg ÷ the dish's portion size, at the row's stored portion cost
 * (fen_per_portion, COST_CTES' dish_cost of the day). The one waste-cost rule: the cost rollup stores
 * it per canteen-day-meal and the waste figures sum it per dish, so the two always agree.
 */
export const OVERPRODUCTION_FEN = `(CASE WHEN r.wasted_portions > 0 THEN r.wasted_portions WHEN d.portion_kg > 0 THEN r.wasted_kg / d.portion_kg ELSE 0 END
           * r.fen_per_portion)`;
