import { median as medianOf } from 'simple-statistics';
import { DishInfo, DishShareModel, quantileOfSorted } from '@larder/forecasting';
import { choiceWape, chooseDishPath, DatedPathRecord, DishPath } from './dish-path';

/** One past service of a canteen × meal: its covers and every dish on that day's menu with portions sold. */
export interface DishDay {
  readonly day: number;
  readonly covers: number;
  /** `censored`: sold out, so `quantity` is a lower bound of demand; errors are not scored on it. */
  readonly dishes: readonly { readonly dish: string; readonly quantity: number; readonly diners?: number; readonly censored?: boolean }[];
}

/** Fewer residuals than this and the share model's in-sample residuals calibrate the dish quantiles. */
const MIN_RESIDUALS = 10;

/**
 * Half-lives (days) the share model may weigh its history with, longest first: every day alike, or
 * recent days more. Dish tastes drift, and seasonal or new dishes rise and fall, so on some canteens
 * the last few months split a menu better than a whole year; `chooseShareHalfLife` picks by backtest.
 */
export const SHARE_HALF_LIVES: readonly number[] = [Number.POSITIVE_INFINITY, 180, 90, 45];

/**
 * Precisions of the share model's weekday prior (`weekdayPriorStrength`) tried after the half-life:
 * none (no weekday effect), or 30. Some dishes sell more on some weekdays (cakes on weekends, fish on
 * Fridays); whether a canteen's history says so well enough is for its backtest window to tell. 30:
 * on the per-item tuning sets' history before their test windows (the split of the actual total, 8–16
 * weekly origins, lead 7), precisions from 1 to 100 split within 0.12 point of each other (Kiel's
 * groups 14.3 %, London's dishes 83.7–83.8 %, its top 20 44.1 %; no weekday effect 15.4, 84.5, 44.8 %),
 * and a strong one keeps a dish seen on a weekday once from a wild effect there.
 */
export const SHARE_WEEKDAY_STRENGTHS: readonly number[] = [Number.POSITIVE_INFINITY, 30];

/** How the share model weighs its history: the half-life of a day's weight and the weekday prior's precision. */
export interface ShareWeighting {
  readonly halfLifeDays: number;
  readonly weekdayPriorStrength: number;
}

const EVERY_DAY_ALIKE: ShareWeighting = { halfLifeDays: Number.POSITIVE_INFINITY, weekdayPriorStrength: Number.POSITIVE_INFINITY };

/** Fits the share model on the given days (dishes without DishInfo get an `unknown` category). */
export function fitShares(days: readonly DishDay[], dishInfo: ReadonlyMap<string, DishInfo>, weighting: ShareWeighting = EVERY_DAY_ALIKE): DishShareModel {
  const seen = new Set<string>();
  for (const day of days) for (const item of day.dishes) seen.add(item.dish);
  const dishes = [...seen].sort().map((dish) => infoOf(dishInfo, dish));
  return new DishShareModel(weighting).fit({ days: days.map((day) => ({ day: day.day, covers: day.covers, dishes: day.dishes })), dishes });
}

/** WAPE of a share model's split on the given days, given each day's actual covers (the split alone); null without sales. */
export function splitWape(params: { model: DishShareModel; days: readonly DishDay[]; dishInfo: ReadonlyMap<string, DishInfo> }): number | null {
  let error = 0;
  let actual = 0;
  for (const day of params.days) {
    const expected = params.model.portions({ covers: day.covers, day: day.day, menu: day.dishes.map((item) => infoOf(params.dishInfo, item.dish)) });
    for (const item of day.dishes) {
      if (item.censored) continue;
      error += Math.abs(item.quantity - expected.get(item.dish)!);
      actual += item.quantity;
    }
  }
  return actual > 0 ? error / actual : null;
}

/**
 * The half-life of `SHARE_HALF_LIVES` whose model, fitted on data up to `cutoff`, splits the test days'
 * actual covers best (lowest WAPE; a shorter one must do strictly better), then at that half-life the
 * weekday prior of `SHARE_WEEKDAY_STRENGTHS` that does (a weekday effect must do strictly better than
 * none). Uses only data the caller passes, so a backtest window before the forecast origin keeps the
 * choice honest. Returns the winner's early model for the caller's dish backtest and residuals.
 */
export function chooseShareHalfLife(params: { dishDays: readonly DishDay[]; cutoff: number; testDays: readonly DishDay[]; dishInfo: ReadonlyMap<string, DishInfo> }): ShareWeighting & {
  early: DishShareModel;
  wape: number | null;
} {
  const training = params.dishDays.filter((day) => day.day <= params.cutoff);
  // Without test days there is nothing to choose by: every day alike.
  const choosing = params.testDays.length > 0 && training.length > 0;
  let best: (ShareWeighting & { early: DishShareModel; wape: number | null }) | null = null;
  const consider = (weighting: ShareWeighting) => {
    const early = fitShares(training, params.dishInfo, weighting);
    const wape = splitWape({ model: early, days: params.testDays, dishInfo: params.dishInfo });
    if (best === null || (wape !== null && (best.wape === null || wape < best.wape))) best = { ...weighting, early, wape };
  };
  for (const halfLifeDays of choosing ? SHARE_HALF_LIVES : SHARE_HALF_LIVES.slice(0, 1)) consider({ halfLifeDays, weekdayPriorStrength: SHARE_WEEKDAY_STRENGTHS[0] });
  const halfLifeDays = best!.halfLifeDays;
  if (choosing) for (const weekdayPriorStrength of SHARE_WEEKDAY_STRENGTHS.slice(1)) consider({ halfLifeDays, weekdayPriorStrength });
  return best!;
}

export function infoOf(dishInfo: ReadonlyMap<string, DishInfo>, dish: string): DishInfo {
  return dishInfo.get(dish) ?? { dish, category: 'unknown', group: 'main' };
}

/**
 * Dish-level noise on top of the covers error: for each dish served on `days`, the Pearson-style
 * residual (actual − expected) / √expected, the expectation taken from the share model with the
 * day's *actual* covers. Dividing by √expected (count noise grows like the square root of the
 * count) lets residuals of small and large dishes be pooled. Falls back to `fallbackDays`
 * (in-sample) when `days` give too few residuals. Sorted ascending.
 */
export function shareResiduals(input: {
  readonly model: DishShareModel;
  readonly days: readonly DishDay[];
  readonly fallbackModel: DishShareModel;
  readonly fallbackDays: readonly DishDay[];
  readonly dishInfo: ReadonlyMap<string, DishInfo>;
}): Float64Array {
  const collect = (model: DishShareModel, days: readonly DishDay[]) => {
    const residuals: number[] = [];
    for (const day of days) {
      const expected = model.portions({ covers: day.covers, day: day.day, menu: day.dishes.map((item) => infoOf(input.dishInfo, item.dish)) });
      for (const item of day.dishes) {
        const value = expected.get(item.dish)!;
        if (value > 0 && !item.censored) residuals.push((item.quantity - value) / Math.sqrt(value));
      }
    }
    return residuals;
  };
  let residuals = collect(input.model, input.days);
  if (residuals.length < MIN_RESIDUALS) residuals = collect(input.fallbackModel, input.fallbackDays);
  return Float64Array.from(residuals).sort();
}

/**
 * Dish quantiles from the covers quantiles and the dish residual spread. The dish median is
 * m = covers p50 × portions-per-cover × share, so the dish medians of a group add up to covers p50 ×
 * portions per cover. A level τ moves it by the covers' deviation m × (c_τ / c_50 − 1) and the dish
 * noise (r_τ − r_50) × √m (r = residuals of `shareResiduals`), combined as independent errors:
 * q_τ = m + sign(τ − ½) × √((m (c_τ/c_50 − 1))² + ((r_τ − r_50) √m)²), floored at 0. Both
 * deviations grow with |τ − ½|, so the dish quantiles are ordered like the covers quantiles.
 */
export function dishQuantiles(input: {
  /** Portions per cover of the dish's group × its share on that day's menu. */
  readonly perCover: number;
  readonly coversQuantiles: ReadonlyMap<number, number>;
  /** Sorted residuals from `shareResiduals`. */
  readonly residuals: Float64Array;
}): Map<number, number> {
  const { perCover, coversQuantiles, residuals } = input;
  const c50 = coversQuantiles.get(0.5)!;
  const median = perCover * c50;
  const residualMedian = residuals.length > 0 ? quantileOfSorted(residuals, 0.5) : 0;
  const result = new Map<number, number>();
  for (const [level, covers] of coversQuantiles) {
    if (level === 0.5 || !(c50 > 0)) {
      result.set(level, perCover * covers);
      continue;
    }
    const coversDeviation = median * (covers / c50 - 1);
    const dishDeviation = residuals.length > 0 ? (quantileOfSorted(residuals, level) - residualMedian) * Math.sqrt(median) : 0;
    const sign = level < 0.5 ? -1 : 1;
    result.set(level, Math.max(0, median + sign * Math.hypot(coversDeviation, dishDeviation)));
  }
  return result;
}

/** Portions per cover × share for each dish of the menu of an epoch day (what dish quantiles scale the covers by). */
export function perCoverOfMenu(model: DishShareModel, menu: readonly DishInfo[], day: number): Map<string, number> {
  return model.portions({ covers: 1, menu, day });
}

export interface DishBacktest {
  /** The path rule as it serves (choiceWape): the split, each dish's own series or their mean, chosen on the record known at each day. */
  readonly wape: number | null;
  /** The share model's split alone. */
  readonly split: number | null;
  /** The path the whole window's record chooses: what the forecasts take. */
  readonly path: DishPath;
  readonly lastServed: number | null;
  readonly median4: number | null;
  readonly pairs: number;
}

/**
 * Scores dish portions over the covers backtest days: system = backtested covers forecast × share
 * model fitted on data older than the first test day − lead; baselines = the dish's quantity the last
 * time it was served (lastServed) and the median of its last 4 servings (median4), both only from
 * servings at least `leadDays` older. A dish never served before is given the mean dish quantity of
 * the latest visible service by the baselines. With each dish's own backtest (the bottom-up path), the
 * same pass records every path's forecast and chooses the path (chooseDishPath) and scores the choice.
 */
export function backtestDishes(input: {
  readonly model: DishShareModel;
  readonly history: readonly DishDay[];
  /** Backtested covers forecasts by epoch day (finite only). */
  readonly coversForecast: ReadonlyMap<number, number>;
  readonly leadDays: number;
  readonly dishInfo: ReadonlyMap<string, DishInfo>;
  /** Each dish's own backtest forecasts by epoch day, made `leadDays` ahead. */
  readonly ownBacktest?: ReadonlyMap<string, { readonly backtest: ReadonlyMap<number, number> }>;
}): DishBacktest {
  const { history, leadDays } = input;
  const servings = new Map<string, { day: number; quantity: number }[]>();
  for (const day of history)
    for (const item of day.dishes) {
      // The baselines remember what sold, sell-outs included: that is what a cook going by last time has.
      const list = servings.get(item.dish) ?? [];
      list.push({ day: day.day, quantity: item.quantity });
      servings.set(item.dish, list);
    }
  let actualSum = 0;
  const errors = { split: 0, lastServed: 0, median4: 0 };
  const record: DatedPathRecord[] = [];
  for (const day of history) {
    const covers = input.coversForecast.get(day.day);
    if (covers === undefined) continue;
    const visibleUntil = day.day - leadDays;
    const expected = input.model.portions({ covers, day: day.day, menu: day.dishes.map((item) => infoOf(input.dishInfo, item.dish)) });
    const fallback = meanOfLatestDay(history, visibleUntil);
    for (const item of day.dishes) {
      if (item.censored) continue;
      const past = (servings.get(item.dish) ?? []).filter((serving) => serving.day <= visibleUntil).map((serving) => serving.quantity);
      const last = past.length > 0 ? past[past.length - 1] : fallback;
      const median = past.length > 0 ? medianOf(past.slice(-4)) : fallback;
      const split = expected.get(item.dish)!;
      actualSum += item.quantity;
      errors.split += Math.abs(item.quantity - split);
      errors.lastServed += Math.abs(item.quantity - last);
      errors.median4 += Math.abs(item.quantity - median);
      record.push(pathEntry({ day: day.day, actual: item.quantity, split, own: input.ownBacktest?.get(item.dish)?.backtest.get(day.day) }));
    }
  }
  const wape = (error: number) => (actualSum > 0 ? error / actualSum : null);
  return {
    wape: choiceWape(record, leadDays),
    split: wape(errors.split),
    path: chooseDishPath(record.filter((entry) => entry.ownSeries)),
    lastServed: wape(errors.lastServed),
    median4: wape(errors.median4),
    pairs: record.length,
  };
}

function pathEntry(params: { day: number; actual: number; split: number; own: number | undefined }): DatedPathRecord {
  const { day, actual, split, own } = params;
  if (own === undefined || !Number.isFinite(own)) return { day, actual, ownSeries: false, points: { 'top-down': split, 'bottom-up': split, mean: split } };
  return { day, actual, ownSeries: true, points: { 'top-down': split, 'bottom-up': own, mean: (split + own) / 2 } };
}

function meanOfLatestDay(history: readonly DishDay[], visibleUntil: number): number {
  for (let i = history.length - 1; i >= 0; i--) {
    const day = history[i];
    if (day.day > visibleUntil || day.dishes.length === 0) continue;
    return day.dishes.reduce((sum, item) => sum + item.quantity, 0) / day.dishes.length;
  }
  return 0;
}
