export const MEALS_SQL = `
SELECT canteen_id, sum(covers)::bigint AS covers, sum(transactions)::bigint AS transactions, sum(refunds)::bigint AS refunds,
       sum(paid_fen)::bigint AS paid_fen, sum(subsidy_fen)::bigint AS subsidy_fen
FROM daily_meal_rollup WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
GROUP BY 1`;

export const CHANNELS_SQL = `
SELECT canteen_id, channel, sum(paid_fen)::bigint AS paid_fen
FROM daily_channel_rollup
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
GROUP BY 1, 2`;

/** Portions prepared (sold, where the kitchen logged nothing) at the recipe cost of the day, summed in the cost rollup. */
export const INGREDIENT_COST_SQL = `
SELECT canteen_id, sum(ingredient_cost_fen) AS cost_fen, sum(uncosted_portions)::bigint AS uncosted
FROM daily_cost_rollup
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
GROUP BY 1`;

export interface MealMoneyRow {
  canteen_id: number;
  covers: number;
  transactions: number;
  refunds: number;
  paid_fen: number;
  subsidy_fen: number;
}

export interface ChannelRow {
  canteen_id: number;
  channel: string;
  paid_fen: number;
}

export interface IngredientCostRow {
  canteen_id: number;
  cost_fen: number | null;
  uncosted: number;
}
