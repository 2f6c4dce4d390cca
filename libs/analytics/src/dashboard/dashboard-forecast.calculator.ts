import { compareCodes } from '@larder/domain';
import type { ForecastPair } from '../accuracy.calculator';

/** The forecast a canteen-day-meal was judged by: the latest run made before the day. */
export interface LatestForecast {
  canteenId: number;
  serviceDate: string;
  meal: string;
  p10: number;
  p50: number;
  p90: number;
}

/** What a canteen-day-meal sold: covers where the meal rollup has it, and the chosen dish's quantity where the dish rollup has it. */
export interface MealActual {
  canteenId: number;
  serviceDate: string;
  meal: string;
  covers: number | null;
  quantity: number | null;
}

export interface ForecastPoint {
  date: string;
  actual: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

const key = (row: { canteenId: number; serviceDate: string; meal: string }) => `${row.canteenId}|${row.serviceDate}|${row.meal}`;
/** Forecasts are stored to the cent; summing them in floating point must not add noise. */
const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * Daily actuals (covers, or the dish's quantity when dishId is not 0) against the summed forecasts;
 * a day appears when it has either, with null for the side it lacks. For a dish, every day with
 * payments appears too, so that a day the canteens served without the dish is a gap in the chart's
 * line rather than left off its axis; a forecast meal with payments that did not sell the dish sold
 * zero, as forecastPairs scores it.
 */
export function forecastSeries(input: { latest: LatestForecast[]; actuals: MealActual[]; dishId: number }): ForecastPoint[] {
  const days = new Map<string, ForecastPoint>();
  const day = (date: string): ForecastPoint => {
    let point = days.get(date);
    if (!point) days.set(date, (point = { date, actual: null, p10: null, p50: null, p90: null }));
    return point;
  };
  for (const row of input.actuals) {
    const sold = input.dishId === 0 ? row.covers : row.quantity;
    if (sold === null && row.covers === null) continue;
    const point = day(row.serviceDate);
    if (sold !== null) point.actual = (point.actual ?? 0) + sold;
  }
  const paid = new Set(input.actuals.filter((row) => row.covers !== null).map(key));
  for (const row of input.latest) {
    const point = day(row.serviceDate);
    point.p10 = cents((point.p10 ?? 0) + row.p10);
    point.p50 = cents((point.p50 ?? 0) + row.p50);
    point.p90 = cents((point.p90 ?? 0) + row.p90);
    if (point.actual === null && paid.has(key(row))) point.actual = 0;
  }
  return [...days.values()].sort((a, b) => compareCodes(a.date, b.date));
}

/**
 * Each forecast paired with what happened, for the meals that had payments (a meal without them,
 * closed or not yet imported, is left out rather than scored against zero); a dish not sold in such a
 * meal sold zero.
 */
export function forecastPairs(input: { latest: LatestForecast[]; actuals: MealActual[]; dishId: number }): ForecastPair[] {
  const actuals = new Map(input.actuals.filter((row) => row.covers !== null).map((row) => [key(row), row]));
  const pairs: ForecastPair[] = [];
  for (const row of input.latest) {
    const meal = actuals.get(key(row));
    if (!meal) continue;
    const actual = input.dishId === 0 ? meal.covers! : (meal.quantity ?? 0);
    pairs.push({ canteenId: row.canteenId, serviceDate: row.serviceDate, meal: row.meal, dishId: input.dishId, p50: row.p50, p10: row.p10, p90: row.p90, actual });
  }
  return pairs.sort((a, b) => a.canteenId - b.canteenId || compareCodes(a.serviceDate, b.serviceDate) || compareCodes(a.meal, b.meal));
}
