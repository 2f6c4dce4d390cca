import { createServiceSeries, DishInfo, forecastPanel, formatIsoDate, Horizon, mergeLevels, PanelForecastResult, ServiceCalendar } from '@larder/forecasting';
import { ownDishForecasts, OwnDishForecast } from './dish-bottom-up';
import { DishPath, meanQuantiles } from './dish-path';
import { backtestDishes, chooseShareHalfLife, DishDay, dishQuantiles, fitShares, infoOf, perCoverOfMenu, shareResiduals } from './dish-split';

/**
 * Backtest of the product run: each series' last 112 service days, forecast 14 days ahead (the middle
 * of the horizon), its own models refitted weekly. Its errors weigh the models, set the mix with the
 * global model (over up to 91 days) and calibrate the bands; 56 days gave a short history's bands
 * little but its break's weeks to read (docs/BENCHMARKS.md, "The product's backtest window").
 */
export const RUN_BACKTEST = { testDays: 112, leadDays: 14, refitEvery: 7 } as const;
/**
 * The share model's weighting and the dishes' path are chosen on the last 56 days of that backtest:
 * the share model they test is fitted on the days before them, which a longer window leaves few and old.
 */
export const SPLIT_TEST_DAYS = 56;
/** Quantile levels stored besides p10/p50/p90 (in the `quantiles` column). */
export const EXTRA_LEVELS: readonly number[] = [0.25, 0.75, 0.8, 0.95];

/** History and horizon of one canteen × meal, already read from the rollups, menus and HR figures. */
export interface MealForecastInput {
  /** Service days (epoch days, increasing) and their covers; closed days are absent. */
  readonly days: readonly number[];
  readonly covers: readonly number[];
  /** Driver columns aligned with `days`. */
  readonly drivers: Readonly<Record<string, readonly number[]>>;
  /** Future service days, each with its menu (dish ids as strings). */
  readonly horizon: readonly { readonly day: number; readonly menu: readonly string[] }[];
  /** Driver columns aligned with `horizon`. */
  readonly horizonDrivers: Readonly<Record<string, readonly number[]>>;
  /** Past menus with portions sold, increasing by day (the share model's data). */
  readonly dishDays: readonly DishDay[];
  readonly dishInfo: ReadonlyMap<string, DishInfo>;
  readonly calendar: ServiceCalendar;
}

export interface QuantityForecast {
  readonly serviceDate: string;
  /** null for covers. */
  readonly dish: string | null;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly quantiles: Record<string, number>;
}

export interface MealForecastResult {
  readonly model: string;
  readonly backtestWape: number | null;
  readonly candidateWape: Readonly<Record<string, number | null>>;
  /** The naive covers baselines as they are (no calendar), on the same backtest: what the models must beat. */
  readonly baselineWape: { readonly seasonalNaive: number | null; readonly median4: number | null };
  /** The dishes' backtest: `wape` scores the path rule as it serves (dish-path.ts choiceWape), the baselines each dish's servings. */
  readonly dishBacktest: { readonly wape: number | null; readonly split: number | null; readonly lastServed: number | null; readonly median4: number | null };
  /** The dishes' path, chosen on the backtest window: the share model's split, each dish's own series, or their mean. */
  readonly dishPath: DishPath;
  /** Half-life (days) of the share model's history weights chosen by the backtest; null = every day alike. */
  readonly shareHalfLifeDays: number | null;
  readonly covers: readonly QuantityForecast[];
  readonly dishes: readonly (QuantityForecast & { readonly path: DishPath })[];
}

/** p10, p50, p90 and the extra levels, as the library keys them. */
const LEVELS = mergeLevels(EXTRA_LEVELS);
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Forecasts one canteen × meal (see forecastMeals; alone, the global model has only its own history to learn from).
 */
export function forecastMeal(input: MealForecastInput): MealForecastResult {
  const [result] = forecastMeals([input]);
  if (result instanceof Error) throw result;
  return result;
}

/**
 * Forecasts every canteen × meal of a run together: covers by the panel forecaster (one model
 * learned across all the series mixed with each series' own backtest-selected model, with
 * conformal quantiles), then the portions of each dish on each future day's menu by the share
 * model. A series whose dish split fails gets its error in its slot; the others are unaffected.
 * Pure and deterministic. All inputs share one calendar (the install's).
 */
/** `onStep` hears done of inputs + 1 steps: the covers panel of all series, then each series' dishes. */
export function forecastMeals(inputs: readonly MealForecastInput[], onStep?: (done: number, total: number) => void): (MealForecastResult | Error)[] {
  if (inputs.length === 0) return [];
  let panel: (PanelForecastResult | Error)[];
  try {
    panel = coversPanel(inputs);
  } catch {
    // One series the panel cannot take (e.g. no history at all) must not cost the others their forecast.
    panel = inputs.map((input) => {
      try {
        return coversPanel([input])[0];
      } catch (error) {
        return error as Error;
      }
    });
  }
  const ownDishes = ownDishForecasts(inputs, { calendar: inputs[0].calendar, levels: EXTRA_LEVELS, ...RUN_BACKTEST });
  onStep?.(1, inputs.length + 1);
  return inputs.map((input, s) => {
    const covers = panel[s];
    try {
      return covers instanceof Error ? covers : splitMeal(input, covers, ownDishes[s]);
    } catch (error) {
      return error as Error;
    } finally {
      onStep?.(s + 2, inputs.length + 1);
    }
  });
}

function coversPanel(inputs: readonly MealForecastInput[]): PanelForecastResult[] {
  return forecastPanel({
    entries: inputs.map((input) => ({
      series: createServiceSeries({ dates: input.days, values: input.covers, drivers: input.drivers }),
      horizon: { days: Int32Array.from(input.horizon, (entry) => entry.day), drivers: toColumns(input.horizonDrivers) } satisfies Horizon,
    })),
    calendar: inputs[0].calendar,
    levels: EXTRA_LEVELS,
    ...RUN_BACKTEST,
  });
}

/** The model label stored with the forecasts: the local model and the global model's share in the mix. */
export function modelLabel(covers: PanelForecastResult): string {
  return covers.globalWeight === 0 ? covers.localModel : `global${Math.round(covers.globalWeight * 100)}%+${covers.localModel}`;
}

function splitMeal(input: MealForecastInput, panel: PanelForecastResult, ownDishes: ReadonlyMap<string, OwnDishForecast>): MealForecastResult {
  const coversQuantiles = input.horizon.map((_, i) => new Map(LEVELS.map((level) => [level, panel.quantiles.get(level)![i]])));
  const covers = input.horizon.map((entry, i) => toForecast({ day: entry.day, dish: null, quantiles: coversQuantiles[i] }));

  // Dish split: the share model on all history for the forecasts, and on data visible at the start
  // of the covers backtest for the dish backtest and the dish quantile spread (its residuals).
  const coversForecast = new Map([...panel.backtest].sort(([a], [b]) => a - b).slice(-SPLIT_TEST_DAYS));
  const firstBacktestDay = Math.min(...coversForecast.keys());
  const cutoff = Number.isFinite(firstBacktestDay) ? firstBacktestDay - RUN_BACKTEST.leadDays : Number.POSITIVE_INFINITY;
  const testDishDays = input.dishDays.filter((day) => coversForecast.has(day.day));
  // How far back the split looks is chosen on the backtest window, which ends before the forecast origin.
  const chosen = chooseShareHalfLife({ dishDays: input.dishDays, cutoff, testDays: testDishDays, dishInfo: input.dishInfo });
  const earlyShares = chosen.early;
  const fullShares = fitShares(input.dishDays, input.dishInfo, chosen);
  const residuals = shareResiduals({ model: earlyShares, days: testDishDays, fallbackModel: fullShares, fallbackDays: input.dishDays, dishInfo: input.dishInfo });
  const dishBacktest = backtestDishes({ model: earlyShares, history: input.dishDays, coversForecast, leadDays: RUN_BACKTEST.leadDays, dishInfo: input.dishInfo, ownBacktest: ownDishes });
  const dishPath = dishBacktest.path;

  const dishes: (QuantityForecast & { path: DishPath })[] = [];
  input.horizon.forEach((entry, i) => {
    const perCover = perCoverOfMenu(
      fullShares,
      entry.menu.map((dish) => infoOf(input.dishInfo, dish)),
      entry.day,
    );
    for (const dish of [...entry.menu].sort()) {
      const shared = dishQuantiles({ perCover: perCover.get(dish)!, coversQuantiles: coversQuantiles[i], residuals });
      // A dish never served has no series of its own: the share model forecasts it on every path.
      const own = ownDishes.get(dish)?.quantiles.get(entry.day);
      const path = own ? dishPath : 'top-down';
      const quantiles = path === 'top-down' ? shared : path === 'bottom-up' ? own! : meanQuantiles(shared, own!);
      dishes.push({ ...toForecast({ day: entry.day, dish, quantiles }), path });
    }
  });
  return {
    model: modelLabel(panel),
    backtestWape: panel.backtestWape,
    candidateWape: panel.candidateWape,
    baselineWape: panel.baselineWape,
    dishBacktest: { wape: dishBacktest.wape, split: dishBacktest.split, lastServed: dishBacktest.lastServed, median4: dishBacktest.median4 },
    dishPath,
    shareHalfLifeDays: Number.isFinite(chosen.halfLifeDays) ? chosen.halfLifeDays : null,
    covers,
    dishes,
  };
}

function toColumns(drivers: Readonly<Record<string, readonly number[]>>): Record<string, Float64Array> {
  return Object.fromEntries(Object.entries(drivers).map(([name, values]) => [name, Float64Array.from(values)]));
}

function toForecast(params: { day: number; dish: string | null; quantiles: ReadonlyMap<number, number> }): QuantityForecast {
  const { day, dish, quantiles } = params;
  const extra: Record<string, number> = {};
  for (const level of EXTRA_LEVELS) extra[String(level)] = round2(quantiles.get(level)!);
  return {
    serviceDate: formatIsoDate(day),
    dish,
    p10: round2(quantiles.get(0.1)!),
    p50: round2(quantiles.get(0.5)!),
    p90: round2(quantiles.get(0.9)!),
    quantiles: extra,
  };
}
