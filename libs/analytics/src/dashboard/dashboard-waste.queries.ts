export const PLATE_PORTIONS_SQL = `SELECT COALESCE(sum(portions), 0)::bigint AS portions FROM waste_log
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND kind = 'plate' AND ($4::text IS NULL OR meal = $4)`;

export const CANTEEN_COVERS_SQL = `SELECT canteen_id, sum(covers)::bigint AS covers FROM daily_meal_rollup
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4) GROUP BY 1`;

export interface PlatePortionsRow {
  portions: number;
}

export interface CanteenCoversRow {
  canteen_id: number;
  covers: number;
}
