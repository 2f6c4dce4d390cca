import { autoForecast, AutoForecastResult, createServiceSeries, ServiceCalendar } from '@larder/forecasting';
import { DishDay } from './dish-split';

/** One dish's own forecast: its backtest by service day and its quantiles on the horizon days it is on the menu. */
export interface OwnDishForecast {
  readonly backtest: ReadonlyMap<number, number>;
  readonly quantiles: ReadonlyMap<number, ReadonlyMap<number, number>>;
}

interface DishSeries {
  readonly dish: string;
  readonly days: number[];
  readonly values: number[];
  readonly horizon: number[];
}

/**
 * Each dish of every canteen meal forecast as its own series (portions on the days it was served) by
 * the library's per-series path (autoForecast: its candidates backtested with the covers' settings,
 * the best kept, quantiles from its backtest errors): the bottom-up path. By input, dish → forecast;
 * a dish never served, or one its models cannot take, has none and is left to the share model.
 */
export function ownDishForecasts(
  inputs: readonly { readonly dishDays: readonly DishDay[]; readonly horizon: readonly { readonly day: number; readonly menu: readonly string[] }[] }[],
  settings: { readonly calendar: ServiceCalendar; readonly levels: readonly number[]; readonly leadDays: number; readonly testDays: number; readonly refitEvery: number },
): Map<string, OwnDishForecast>[] {
  const { calendar, ...backtest } = settings;
  return inputs.map((input) => {
    const result = new Map<string, OwnDishForecast>();
    for (const entry of dishSeries(input)) {
      const series = createServiceSeries({ dates: entry.days, values: entry.values });
      let auto: AutoForecastResult;
      try {
        auto = autoForecast({ series, horizon: { days: Int32Array.from(entry.horizon) }, modelOptions: { calendar }, ...backtest });
      } catch {
        // A dish its own models cannot forecast is left to the share model.
        continue;
      }
      const forecasts = auto.backtests.get(auto.model)!;
      const byDay = new Map<number, number>();
      forecasts.forEach((value, i) => byDay.set(series.days[auto.backtestFrom + i], value));
      const quantiles = new Map(entry.horizon.map((day, i) => [day, new Map([...auto.forecast.quantiles].map(([level, values]) => [level, values[i]]))]));
      result.set(entry.dish, { backtest: byDay, quantiles });
    }
    return result;
  });
}

function dishSeries(input: { readonly dishDays: readonly DishDay[]; readonly horizon: readonly { readonly day: number; readonly menu: readonly string[] }[] }): DishSeries[] {
  const byDish = new Map<string, DishSeries>();
  for (const day of input.dishDays)
    for (const item of day.dishes) {
      const entry = byDish.get(item.dish) ?? { dish: item.dish, days: [], values: [], horizon: [] };
      entry.days.push(day.day);
      entry.values.push(item.quantity);
      byDish.set(item.dish, entry);
    }
  for (const { day, menu } of input.horizon) for (const dish of menu) byDish.get(dish)?.horizon.push(day);
  return [...byDish.values()];
}
