import { COST_CTES, OVERPRODUCTION_FEN } from '@larder/database';
import type { RollupWhere } from './rollup.sql';

/**
 * The rollups rebuilt per canteen-day from the dish and meal rollups: the cost rollup (canteen × day ×
 * meal) from the priced dish rollup and the waste log, spoilage priced per kg at the day's unit cost as
 * the finance and waste figures have always costed it; the channel rollup from the meal rollup's
 * payments by channel. Every statement takes $1 and $2, the first and last date (COST_CTES prices those
 * days), and a predicate on the canteen-days it rebuilds.
 */

/** $3 canteen ids (int[], null for every canteen): every canteen-day of the range. */
export const DAY_RANGE: RollupWhere = (alias) => `${alias}service_date BETWEEN $1::date AND $2::date AND ($3::int[] IS NULL OR ${alias}canteen_id = ANY($3::int[]))`;
/** $3 canteen ids, $4 dates (parallel arrays): exactly these canteen-days. */
export const DAY_PAIRS: RollupWhere = (alias) => `${alias}service_date BETWEEN $1::date AND $2::date AND (${alias}canteen_id, ${alias}service_date) IN (SELECT * FROM unnest($3::int[], $4::date[]))`;

export const deleteCostRollup = (scope: RollupWhere): string => `DELETE FROM daily_cost_rollup WHERE ${scope('')}`;

export const insertCostRollup = (scope: RollupWhere): string => `
WITH ${COST_CTES},
dishes AS (
  SELECT r.canteen_id, r.service_date, r.meal,
         COALESCE(sum(CASE WHEN r.prepared > 0 THEN r.prepared ELSE GREATEST(r.quantity, 0) END * r.fen_per_portion), 0) AS ingredient_cost_fen,
         COALESCE(sum(CASE WHEN r.prepared > 0 THEN r.prepared ELSE GREATEST(r.quantity, 0) END) FILTER (WHERE r.fen_per_portion IS NULL), 0) AS uncosted_portions,
         sum(r.prepared) AS prepared_portions, sum(r.quantity) AS sold_portions,
         sum(r.wasted_portions) AS overproduction_portions, sum(r.wasted_kg) AS overproduction_kg,
         COALESCE(sum(${OVERPRODUCTION_FEN}), 0) AS overproduction_cost_fen
  FROM daily_dish_rollup r JOIN dish d ON d.id = r.dish_id
  WHERE ${scope('r.')}
  GROUP BY 1, 2, 3
), logged AS (
  SELECT w.canteen_id, w.service_date, COALESCE(w.meal, '') AS meal,
         COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'plate'), 0) AS plate_kg,
         COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'spoilage'), 0) AS spoilage_kg,
         COALESCE(sum(w.kg * uc.fen_per_unit) FILTER (WHERE w.kind = 'spoilage'), 0) AS spoilage_cost_fen,
         COALESCE(sum(w.kg) FILTER (WHERE w.kind = 'spoilage' AND uc.fen_per_unit IS NULL), 0) AS spoilage_uncosted_kg
  FROM waste_log w
  LEFT JOIN ingredient i ON i.id = w.ingredient_id
  LEFT JOIN unit_cost uc ON uc.d = w.service_date AND uc.ingredient_id = w.ingredient_id AND i.unit IN ('kg', 'l')
  WHERE ${scope('w.')} AND w.kind IN ('plate', 'spoilage')
  GROUP BY 1, 2, 3
)
INSERT INTO daily_cost_rollup (canteen_id, service_date, meal, ingredient_cost_fen, uncosted_portions, prepared_portions, sold_portions,
  overproduction_portions, overproduction_kg, overproduction_cost_fen, plate_kg, spoilage_kg, spoilage_cost_fen, spoilage_uncosted_kg)
SELECT canteen_id, service_date, meal,
       COALESCE(d.ingredient_cost_fen, 0), COALESCE(d.uncosted_portions, 0), COALESCE(d.prepared_portions, 0), COALESCE(d.sold_portions, 0),
       COALESCE(d.overproduction_portions, 0), COALESCE(d.overproduction_kg, 0), COALESCE(d.overproduction_cost_fen, 0),
       COALESCE(l.plate_kg, 0), COALESCE(l.spoilage_kg, 0), COALESCE(l.spoilage_cost_fen, 0), COALESCE(l.spoilage_uncosted_kg, 0)
FROM dishes d FULL JOIN logged l USING (canteen_id, service_date, meal)`;

export const deleteChannelRollup = (scope: RollupWhere): string => `DELETE FROM daily_channel_rollup WHERE ${scope('')}`;

export const insertChannelRollup = (scope: RollupWhere): string => `
INSERT INTO daily_channel_rollup (canteen_id, service_date, meal, channel, paid_fen)
SELECT m.canteen_id, m.service_date, m.meal, c.key, c.value::bigint
FROM daily_meal_rollup m CROSS JOIN LATERAL jsonb_each_text(m.paid_by_channel) c
WHERE ${scope('m.')}`;
