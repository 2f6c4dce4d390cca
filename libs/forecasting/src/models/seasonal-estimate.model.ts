import { addDays, IsoDate, isoWeekday } from '@larder/domain';
import { quantileOfSorted } from '../core/quantiles';
import { median } from '../core/same-weekday';
import type { QuantileDistribution } from '../waste/waste-forecast';

/** The target of covers rather than of a dish. */
const COVERS_DISH_ID = 0;

/** One meal of one day. */
export interface MealDay<M extends string = string> {
  readonly serviceDate: IsoDate;
  readonly meal: M;
}

/** Covers of one canteen's meal on one day, from the rollups. */
export interface CoversHistory<M extends string = string> extends MealDay<M> {
  readonly covers: number;
}

/** A dish on the menu of a meal. */
export interface EstimateSlot<M extends string = string> extends MealDay<M> {
  readonly dishId: number;
}

/** Portions of a dish sold and prepared at one meal, from the rollups. */
export interface DishSalesHistory<M extends string = string> extends EstimateSlot<M> {
  readonly sold: number;
  readonly prepared: number;
}

export interface SeasonalEstimateInput<M extends string = string> {
  readonly canteenId: number;
  readonly covers: readonly CoversHistory<M>[];
  readonly dishes: readonly DishSalesHistory<M>[];
  /** The menu to estimate: every dish on it (covers are estimated for each day and meal that has one). */
  readonly slots: readonly EstimateSlot<M>[];
  /** Last day of history the estimate may use. */
  readonly asOf: IsoDate;
  /** Holidays and weekends that are not make-up working days: they are compared only with each other. */
  readonly daysOff?: ReadonlySet<IsoDate>;
  /** Days of history for dish ratios and errors (default 84: three turns of a 4-week menu cycle). */
  readonly windowDays?: number;
  /** Category of each dish, for dishes never served here before. */
  readonly categories?: ReadonlyMap<number, string>;
}

/** One estimated target: covers (dish 0) or a dish at a canteen's meal on a day. */
export interface EstimatedDemand<M extends string = string> extends EstimateSlot<M> {
  readonly canteenId: number;
  readonly distribution: QuantileDistribution;
}

export const ESTIMATE_LEVELS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;
const SAME_DAY_COUNT = 4;
const RECENT_OCCURRENCES = 6;
const MIN_RESIDUALS = 30;

/**
 * The fallback when no stored forecast exists: covers = median of the last four same-weekday service
 * days of the same kind (working / day off); dish portions = covers × the dish's recent portions per
 * cover at that meal (menus repeat on a 4-week cycle); quantiles = the point times empirical quantiles
 * of this very estimator's relative errors over the window. Sell-outs (sold ≥ prepared) understate
 * demand: they are left out of the ratios when the dish has other days, but kept in the errors.
 */
export function seasonalEstimate<M extends string>(input: SeasonalEstimateInput<M>): EstimatedDemand<M>[] {
  const windowDays = input.windowDays ?? 84;
  const windowStart = addDays(input.asOf, -windowDays + 1);
  const daysOff = input.daysOff ?? new Set<IsoDate>();
  const coversByMeal = new Map<M, CoversHistory<M>[]>();
  for (const row of input.covers) {
    if (row.serviceDate > input.asOf || row.covers <= 0) continue;
    append(coversByMeal, row.meal, row);
  }
  for (const rows of coversByMeal.values()) rows.sort((a, b) => (a.serviceDate < b.serviceDate ? -1 : 1));
  const coversOn = new Map<string, number>(input.covers.map((row) => [`${row.serviceDate}|${row.meal}`, row.covers]));
  const estimateCovers = (meal: M, date: IsoDate, before: IsoDate) => coversEstimate({ rows: coversByMeal.get(meal) ?? [], date, before, daysOff });

  const recent = input.dishes.filter((row) => row.serviceDate <= input.asOf && row.serviceDate >= windowStart);
  const ratios = dishRatios({ rows: recent, coversOn, categories: input.categories });

  // Relative errors of the estimator on the window, per meal (covers and dishes separately).
  const coverErrors = new Map<M, number[]>();
  const dishErrors = new Map<M, number[]>();
  for (const [meal, rows] of coversByMeal) {
    for (const row of rows) {
      if (row.serviceDate < windowStart) continue;
      const estimate = estimateCovers(meal, row.serviceDate, row.serviceDate);
      if (estimate > 0) append(coverErrors, meal, row.covers / estimate);
    }
  }
  for (const row of recent) {
    const covers = estimateCovers(row.meal, row.serviceDate, row.serviceDate);
    const point = covers * ratios.of(row.meal, row.dishId);
    if (point > 0) append(dishErrors, row.meal, row.sold / point);
  }
  const allCoverErrors = [...coverErrors.values()].flat();
  const allDishErrors = [...dishErrors.values()].flat();
  const spreadOf = (pool: Map<M, number[]>, all: number[], meal: M) => errorQuantiles((pool.get(meal)?.length ?? 0) >= MIN_RESIDUALS ? pool.get(meal)! : all);

  const result: EstimatedDemand<M>[] = [];
  const seenMeals = new Set<string>();
  for (const slot of input.slots) {
    const covers = estimateCovers(slot.meal, slot.serviceDate, addDays(input.asOf, 1));
    const mealKey = `${slot.serviceDate}|${slot.meal}`;
    if (!seenMeals.has(mealKey)) {
      seenMeals.add(mealKey);
      result.push({
        canteenId: input.canteenId,
        serviceDate: slot.serviceDate,
        meal: slot.meal,
        dishId: COVERS_DISH_ID,
        distribution: scaled(covers, spreadOf(coverErrors, allCoverErrors, slot.meal)),
      });
    }
    if (slot.dishId === COVERS_DISH_ID) continue;
    const point = covers * ratios.of(slot.meal, slot.dishId);
    result.push({ canteenId: input.canteenId, serviceDate: slot.serviceDate, meal: slot.meal, dishId: slot.dishId, distribution: scaled(point, spreadOf(dishErrors, allDishErrors, slot.meal)) });
  }
  return result;
}

/** Median covers of the last four earlier service days with the same weekday and day kind, falling back to any recent days of that kind. */
function coversEstimate(params: { rows: readonly CoversHistory<string>[]; date: IsoDate; before: IsoDate; daysOff: ReadonlySet<IsoDate> }): number {
  const { rows, date, before, daysOff } = params;
  const off = daysOff.has(date);
  const weekday = isoWeekday(date);
  const same: number[] = [];
  const kind: number[] = [];
  const any: number[] = [];
  for (let i = rows.length - 1; i >= 0 && same.length < SAME_DAY_COUNT; i--) {
    const row = rows[i];
    if (row.serviceDate >= before) continue;
    if (any.length < SAME_DAY_COUNT) any.push(row.covers);
    if (daysOff.has(row.serviceDate) !== off) continue;
    if (kind.length < SAME_DAY_COUNT) kind.push(row.covers);
    // A day off is compared with days off on any weekday; a working day with the same weekday.
    if (off || isoWeekday(row.serviceDate) === weekday) same.push(row.covers);
    if (daysBetweenLimit(row.serviceDate, date)) break;
  }
  const pick = same.length >= 2 ? same : kind.length >= 2 ? kind : any;
  return pick.length === 0 ? 0 : median(Float64Array.from(pick));
}

/** Stop looking more than a year back. */
function daysBetweenLimit(earlier: IsoDate, date: IsoDate): boolean {
  return addDays(earlier, 366) < date;
}

function dishRatios<M extends string>(params: { rows: readonly DishSalesHistory<M>[]; coversOn: ReadonlyMap<string, number>; categories?: ReadonlyMap<number, string> }) {
  const occurrences = new Map<string, { ratio: number; censored: boolean; date: IsoDate }[]>();
  for (const row of params.rows) {
    const covers = params.coversOn.get(`${row.serviceDate}|${row.meal}`) ?? 0;
    if (covers <= 0) continue;
    const key = `${row.meal}|${row.dishId}`;
    const list = occurrences.get(key) ?? [];
    list.push({ ratio: row.sold / covers, censored: row.prepared > 0 && row.sold >= row.prepared, date: row.serviceDate });
    occurrences.set(key, list);
  }
  const byDish = new Map<string, number>();
  const byCategory = new Map<string, { sum: number; n: number }>();
  const byMeal = new Map<string, { sum: number; n: number }>();
  for (const [key, list] of occurrences) {
    const open = list.filter((entry) => !entry.censored);
    const use = (open.length > 0 ? open : list).sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, RECENT_OCCURRENCES);
    const ratio = use.reduce((sum, entry) => sum + entry.ratio, 0) / use.length;
    byDish.set(key, ratio);
    const [meal, dish] = key.split('|');
    const category = params.categories?.get(Number(dish));
    if (category !== undefined) add(byCategory, `${meal}|${category}`, ratio);
    add(byMeal, meal, ratio);
  }
  return {
    of(meal: M, dishId: number): number {
      const own = byDish.get(`${meal}|${dishId}`);
      if (own !== undefined) return own;
      const category = params.categories?.get(dishId);
      const peers = category !== undefined ? byCategory.get(`${meal}|${category}`) : undefined;
      if (peers) return peers.sum / peers.n;
      const meals = byMeal.get(meal);
      return meals ? meals.sum / meals.n : 0;
    },
  };
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add(map: Map<string, { sum: number; n: number }>, key: string, value: number): void {
  const entry = map.get(key) ?? { sum: 0, n: 0 };
  entry.sum += value;
  entry.n += 1;
  map.set(key, entry);
}

/** Quantiles of relative errors at ESTIMATE_LEVELS; without history a ±25 % spread around the point. */
function errorQuantiles(errors: readonly number[]): number[] {
  if (errors.length < 5) return ESTIMATE_LEVELS.map((level) => 1 + (level - 0.5) * 0.6);
  const sorted = Float64Array.from(errors).sort();
  return ESTIMATE_LEVELS.map((level) => quantileOfSorted(sorted, level));
}

function scaled(point: number, factors: readonly number[]) {
  return { levels: [...ESTIMATE_LEVELS], values: factors.map((factor) => Math.max(0, point * factor)) };
}
