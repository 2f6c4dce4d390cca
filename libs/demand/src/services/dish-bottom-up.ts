import { createServiceSeries, dayKind, forecastPanel, PanelForecastResult, ServiceCalendar } from '@larder/forecasting';
import { DishDay } from './dish-split';

/** One dish's own forecast: its backtest by service day and its quantiles on the horizon days it is on the menu. */
export interface OwnDishForecast {
  readonly backtest: ReadonlyMap<number, number>;
  /** The point forecast (the mix) on the horizon days it is on the menu. */
  readonly point: ReadonlyMap<number, number>;
  readonly quantiles: ReadonlyMap<number, ReadonlyMap<number, number>>;
}

interface DishSeries {
  readonly dish: string;
  readonly days: number[];
  readonly values: number[];
  readonly horizon: number[];
}

/**
 * The dishes' global model fits on 10,000 rows with 50 trees at a step of 0.2 (the covers': 120,000
 * rows, 150 trees): `larder forecast` stays within 2× of its time before the global model (issue #19).
 * On the real item sets it keeps the panel's gain over autoForecast alone (docs/BENCHMARKS.md).
 */
export const DISH_GLOBAL = { maxTrainingRows: 10_000, gbm: { iterations: 50, learningRate: 0.2 } } as const;

/**
 * Each dish of every canteen meal forecast as its own series (portions on the days it was served) by
 * the library's panel path, as the covers are (forecastPanel: one global model learned across every
 * dish of the run mixed with each dish's own backtest-selected model, conformal quantiles; backtested
 * with the covers' settings): the bottom-up path. By input, dish → forecast; a dish never served has
 * none and is left to the share model, as is every dish if the panel cannot be forecast.
 */
export function ownDishForecasts(
  inputs: readonly { readonly dishDays: readonly DishDay[]; readonly horizon: readonly { readonly day: number; readonly menu: readonly string[] }[] }[],
  settings: { readonly calendar: ServiceCalendar; readonly levels: readonly number[]; readonly leadDays: number; readonly testDays: number; readonly refitEvery: number },
): Map<string, OwnDishForecast>[] {
  const dishes = inputs.flatMap((input, s) => dishSeries(input).map((entry) => ({ input: s, entry, series: createServiceSeries({ dates: entry.days, values: entry.values }) })));
  const results = inputs.map(() => new Map<string, OwnDishForecast>());
  if (dishes.length === 0) return results;
  let panel: PanelForecastResult[];
  try {
    panel = forecastPanel({ entries: dishes.map(({ entry, series }) => ({ series, horizon: { days: Int32Array.from(entry.horizon) } })), ...settings, global: DISH_GLOBAL });
  } catch {
    // The dishes' own path failing must not cost the meal its forecast: the share model serves alone.
    return results;
  }
  const ordinary = (day: number) => !splitOnly(settings.calendar, day);
  dishes.forEach(({ input, entry }, d) => {
    const quantiles = new Map(entry.horizon.flatMap((day, i) => (ordinary(day) ? [[day, new Map([...panel[d].quantiles].map(([level, values]) => [level, values[i]]))] as const] : [])));
    const point = new Map(entry.horizon.flatMap((day, i) => (ordinary(day) ? [[day, panel[d].point[i]] as const] : [])));
    results[input].set(entry.dish, { backtest: new Map([...panel[d].backtest].filter(([day]) => ordinary(day))), point, quantiles });
  });
  return results;
}

/**
 * Holidays and make-up working days are left to the share split, in the backtest as on the horizon: the
 * covers' model learns their level from every meal's years, a dish's own series has served few of them,
 * and the path is chosen on a record of ordinary days. (A night meal of the test demo forecast at 0–2
 * covers over National Day was given 1.5× the portions per cover of its history by the own series.)
 */
function splitOnly(calendar: ServiceCalendar, day: number): boolean {
  const kind = dayKind(calendar, day);
  return kind === 'holiday' || kind === 'makeup_workday';
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
