/**
 * Which path forecasts a canteen meal's dishes: top-down (covers × share model), bottom-up (each dish
 * its own series) or their mean. On the per-item tuning sets neither wins everywhere — bottom-up where
 * the item mix moves, the mean on dense dishes — and choosing by the last 56 days' record beat top-down
 * on every set (docs/BENCHMARKS.md, "Choosing the path by its record").
 */

/** In order of preference on ties: the share model's path first. */
export const DISH_PATHS = ['top-down', 'mean', 'bottom-up'] as const;
export type DishPath = (typeof DISH_PATHS)[number];

/** One dish-day of the backtest record: what was sold and each path's point forecast of it, made `lead` days ahead. */
export interface PathRecord {
  readonly actual: number;
  readonly points: Readonly<Record<DishPath, number>>;
}

/**
 * Errors within this share of the portions sold (0.01 point of WAPE) are a tie: paths that both split
 * the record all but exactly differ by the backtest's rounding, and the split knows the day's menu.
 */
const TIE = 1e-4;

/** The path with the least absolute error over the record; ties and an empty record keep top-down. */
export function chooseDishPath(record: readonly PathRecord[]): DishPath {
  const sold = record.reduce((sum, entry) => sum + entry.actual, 0);
  let best: DishPath = DISH_PATHS[0];
  let bestError = Number.POSITIVE_INFINITY;
  for (const path of DISH_PATHS) {
    const error = record.reduce((sum, entry) => sum + Math.abs(entry.points[path] - entry.actual), 0);
    if (error < bestError - TIE * sold) [best, bestError] = [path, error];
  }
  return best;
}

/** A dish-day of the backtest window, dated, and whether the dish had its own forecast of it (else every path is the split). */
export interface DatedPathRecord extends PathRecord {
  readonly day: number;
  readonly ownSeries: boolean;
}

/**
 * The path rule's own backtest over the window, as a WAPE (null when nothing sold): each day is served
 * by the path that the record known `leadDays` before it chooses (the split while that record is
 * empty), so the figure scores the rule as it works, not the path the whole window picks in hindsight.
 * Dish-days without the dish's own forecast count on every path as the split, as they are served.
 */
export function choiceWape(record: readonly DatedPathRecord[], leadDays: number): number | null {
  const known = record.filter((entry) => entry.ownSeries);
  const pathOn = new Map<number, DishPath>();
  let sold = 0;
  let error = 0;
  for (const entry of record) {
    let path = pathOn.get(entry.day);
    if (path === undefined) {
      path = chooseDishPath(known.filter((past) => past.day <= entry.day - leadDays));
      pathOn.set(entry.day, path);
    }
    sold += entry.actual;
    error += Math.abs(entry.points[path] - entry.actual);
  }
  return sold > 0 ? error / sold : null;
}

/** The mean path's quantiles: the two paths' level by level. */
export function meanQuantiles(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): Map<number, number> {
  return new Map([...a].map(([level, value]) => [level, (value + b.get(level)!) / 2]));
}

/** The model stored with a dish forecast: which path served it, after the covers' model. */
export function dishModelLabel(coversModel: string, path: DishPath): string {
  if (path === 'top-down') return `${coversModel}+shares`;
  return path === 'bottom-up' ? 'own series' : `mean(${coversModel}+shares, own series)`;
}
