import type { MealPeriod } from '@larder/domain';

export const RUN_SQL = 'SELECT id, as_of::text AS as_of FROM forecast_run WHERE id = $1';

/** $1 run, $2 canteen, $3–$4: the run's stored quantiles. */
export const FORECASTS_SQL = `
SELECT service_date::text AS service_date, meal, dish_id, p10, p50, p90, quantiles FROM forecast
WHERE run_id = $1 AND canteen_id = $2 AND service_date BETWEEN $3::date AND $4::date`;

export interface RunRow {
  id: string;
  as_of: string;
}

/** A stored forecast row as the query selects it. */
export interface ForecastRow {
  service_date: string;
  meal: MealPeriod;
  dish_id: number;
  p10: number;
  p50: number;
  p90: number;
  quantiles: string | Record<string, number> | null;
}
