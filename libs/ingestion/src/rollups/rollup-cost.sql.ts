import { COST_CTES } from '@larder/database';

/**
 * The dish rollup's stored portion cost (fen_per_portion), priced with the reports' own COST_CTES so a
 * sum over the rollup equals the figure recomputed from prices and recipes. Each pair clears the rows
 * first because a dish whose recipe lost its prices must go back to null (uncosted).
 */

/** $1 first date, $2 last date, $3 canteen ids (int[], null for every canteen). */
const DAYS = (alias: string) => `${alias}service_date BETWEEN $1::date AND $2::date AND ($3::int[] IS NULL OR ${alias}canteen_id = ANY($3::int[]))`;

export const CLEAR_DISH_COST_DAYS = `UPDATE daily_dish_rollup SET fen_per_portion = NULL WHERE ${DAYS('')} AND fen_per_portion IS NOT NULL`;
export const PRICE_DISH_COST_DAYS = `
WITH ${COST_CTES}
UPDATE daily_dish_rollup r SET fen_per_portion = dc.fen_per_portion
FROM dish_cost dc
WHERE dc.d = r.service_date AND dc.dish_id = r.dish_id AND ${DAYS('r.')}`;

/** Clearing: $1 canteen ids, $2 dates, $3 meals (parallel arrays). */
export const CLEAR_DISH_COST_MEALS = `
UPDATE daily_dish_rollup SET fen_per_portion = NULL
WHERE (canteen_id, service_date, meal) IN (SELECT * FROM unnest($1::int[], $2::date[], $3::text[])) AND fen_per_portion IS NOT NULL`;
/** Pricing: $1 first date, $2 last date (spanning the meals), $3 canteen ids, $4 dates, $5 meals. */
export const PRICE_DISH_COST_MEALS = `
WITH ${COST_CTES}
UPDATE daily_dish_rollup r SET fen_per_portion = dc.fen_per_portion
FROM dish_cost dc
WHERE dc.d = r.service_date AND dc.dish_id = r.dish_id
  AND (r.canteen_id, r.service_date, r.meal) IN (SELECT * FROM unnest($3::int[], $4::date[], $5::text[]))`;
