/**
 * The dish path as `larder forecast` runs it, replayed at the origins the bench gives (the nightly run
 * `lead` days before each day, or the weekly refit's): each item's own series by the product's
 * `ownDishForecasts` (forecastPanel over the items, RUN_BACKTEST's window and lead), and the path chosen
 * by `chooseDishPath` on the product's record — the item's own backtest of the set's last SPLIT_TEST_DAYS
 * service days against the share split's forecast of the same days — pooled over the set's items. The bench's
 * "Larder bottom-up" is `larder backtest`'s panel at the exact lead with the covers' global model; this
 * is what the product serves.
 */
import { ServiceCalendar } from '@larder/forecasting';
import { chooseDishPath, DishPath, PathRecord } from '../../../libs/demand/src/services/dish-path';
import { ownDishForecasts } from '../../../libs/demand/src/services/dish-bottom-up';
import { DishDay } from '../../../libs/demand/src/services/dish-split';
import { RUN_BACKTEST, SPLIT_TEST_DAYS } from '../../../libs/demand/src/services/meal-forecaster';

/** Calendar days `larder forecast` looks ahead. */
const HORIZON_DAYS = 28;

export interface Forecast {
  readonly point: number;
  readonly quantiles: ReadonlyMap<number, number>;
}

export interface ProductDishForecast {
  /** The item's own series' forecast, or none (never served before the origin: the product splits it). */
  readonly own: Forecast | null;
  /** Its point forecast (the mix the p50 is set around). */
  readonly ownPoint: number | null;
  /** The path the product takes at the origin that forecasts this item-day. */
  readonly path: DishPath;
}

/**
 * For every target item-day, the product's own-series forecast from the refit origin `originOf(day)`
 * and the path chosen there. `split` is the share split's forecast of an item-day made `lead` days
 * before it (the bench's top-down, offered menu): the record's other half.
 */
export function productDishPath(params: {
  readonly days: readonly DishDay[];
  readonly targets: readonly { readonly item: string; readonly day: number }[];
  readonly originOf: (day: number) => number;
  readonly split: ReadonlyMap<string, { readonly point: number }>;
  readonly calendar: ServiceCalendar;
  readonly levels: readonly number[];
}): { forecasts: Map<string, ProductDishForecast>; choices: Map<number, DishPath> } {
  const { days } = params;
  const actual = new Map(days.flatMap((day) => day.dishes.map((item) => [`${item.dish}|${day.day}`, item.quantity] as const)));
  const origins = [...new Set(params.targets.map((target) => params.originOf(target.day)))].sort((a, b) => a - b);
  const result = new Map<string, ProductDishForecast>();
  const choices = new Map<number, DishPath>();
  for (const origin of origins) {
    const visible = days.filter((day) => day.day <= origin);
    // The run's whole horizon, as the product forecasts it (a lone day after the origin would read as the first day after a break).
    const horizon = days.filter((day) => day.day > origin && day.day <= origin + HORIZON_DAYS).map((day) => ({ day: day.day, menu: day.dishes.map((item) => item.dish) }));
    const [own] = ownDishForecasts([{ dishDays: visible, horizon }], { calendar: params.calendar, levels: params.levels, ...RUN_BACKTEST });
    // The product chooses on the last SPLIT_TEST_DAYS service days of the meal's backtest.
    const recordFrom = visible.length > 0 ? visible[Math.max(0, visible.length - SPLIT_TEST_DAYS)].day : Number.POSITIVE_INFINITY;
    const record: PathRecord[] = [];
    for (const [item, forecast] of own)
      for (const [day, point] of forecast.backtest) {
        if (day < recordFrom) continue;
        const split = params.split.get(`${item}|${day}`);
        const sold = actual.get(`${item}|${day}`);
        if (!split || sold === undefined || !Number.isFinite(point)) continue;
        record.push({ actual: sold, points: { 'top-down': split.point, 'bottom-up': point, mean: (split.point + point) / 2 } });
      }
    const path = chooseDishPath(record);
    choices.set(origin, path);
    for (const { day, menu } of horizon.filter((entry) => params.originOf(entry.day) === origin))
      for (const item of menu) {
        const quantiles = own.get(item)?.quantiles.get(day);
        const point = own.get(item)?.point.get(day);
        result.set(`${item}|${day}`, { own: quantiles ? { point: quantiles.get(0.5)!, quantiles } : null, ownPoint: point ?? null, path });
      }
  }
  return { forecasts: result, choices };
}
