import { OVERPRODUCTION_FEN } from '@larder/database';

/** Portions cooked and thrown away per dish, priced by the one rule (OVERPRODUCTION_FEN) the cost rollup stores per canteen. */
export const DISH_WASTE_SQL = `
SELECT r.canteen_id, r.dish_id,
       sum(r.prepared)::bigint AS prepared, sum(r.quantity)::bigint AS sold,
       sum(r.wasted_portions)::bigint AS wasted_portions, sum(r.wasted_kg) AS wasted_kg,
       sum(${OVERPRODUCTION_FEN}) AS waste_fen
FROM daily_dish_rollup r
JOIN dish d ON d.id = r.dish_id
WHERE r.service_date BETWEEN $1::date AND $2::date AND r.canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR r.meal = $4)
GROUP BY 1, 2`;

/** Per canteen from the cost rollup, where overproduction is costed by OVERPRODUCTION_FEN as DISH_WASTE_SQL costs it per dish, and spoilage at the day's unit cost. */
export const CANTEEN_WASTE_SQL = `
SELECT canteen_id, sum(prepared_portions)::bigint AS prepared, sum(sold_portions)::bigint AS sold,
       sum(overproduction_portions)::bigint AS overproduction_portions, sum(overproduction_kg) AS overproduction_kg,
       sum(overproduction_cost_fen) AS overproduction_fen, sum(plate_kg) AS plate_kg, sum(spoilage_kg) AS spoilage_kg,
       sum(spoilage_cost_fen) AS spoilage_fen, sum(spoilage_uncosted_kg) AS spoilage_uncosted_kg
FROM daily_cost_rollup
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
GROUP BY 1`;

export const DAILY_WASTE_SQL = `
SELECT service_date::text AS day, canteen_id,
       COALESCE(sum(kg) FILTER (WHERE kind = 'overproduction'), 0) AS over_kg,
       COALESCE(sum(kg) FILTER (WHERE kind = 'plate'), 0) AS plate_kg,
       COALESCE(sum(kg) FILTER (WHERE kind = 'spoilage'), 0) AS spoil_kg
FROM waste_log WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
GROUP BY 1, 2 ORDER BY 1, 2`;

export interface DishWasteRow {
  canteen_id: number;
  dish_id: number;
  prepared: number | null;
  sold: number | null;
  wasted_portions: number | null;
  wasted_kg: number | null;
  waste_fen: number | null;
}

export interface CanteenWasteRow {
  canteen_id: number;
  prepared: number | null;
  sold: number | null;
  overproduction_portions: number | null;
  overproduction_kg: number | null;
  overproduction_fen: number | null;
  plate_kg: number | null;
  spoilage_kg: number | null;
  spoilage_fen: number | null;
  spoilage_uncosted_kg: number | null;
}

export interface DailyWasteRow {
  day: string;
  canteen_id: number;
  over_kg: number;
  plate_kg: number;
  spoil_kg: number;
}
