/**
 * Choosing a dish path at a refit origin from its recent out-of-sample record: top-down (covers ×
 * share model, offered menu), bottom-up (each item its own series) or their mean. Each candidate's
 * forecasts of the last CHOICE_WINDOW_DAYS calendar days up to the origin, each made from data dated
 * ≤ day − lead, are scored against what was sold; the least absolute error wins (pooled over the
 * items, or per item). Ties and an empty record keep top-down, the product's path.
 */

/** In order of preference on ties: the product's path first. */
export const DISH_PATHS = ['top-down', 'mean', 'bottom-up'] as const;
export type DishPath = (typeof DISH_PATHS)[number];
export const CHOICE_WINDOW_DAYS = 56;

/** One item-day of the record: what was sold and each path's point forecast of it. */
export interface PathRecord {
  readonly item: string;
  readonly day: number;
  readonly actual: number;
  readonly points: Readonly<Record<DishPath, number>>;
}

export interface PathChoice {
  readonly pooled: DishPath;
  readonly byItem: ReadonlyMap<string, DishPath>;
}

/** The choice at `origin` from the records of days origin − 55 … origin (all knowable at the origin). */
export function choosePaths(records: readonly PathRecord[], origin: number): PathChoice {
  const window = records.filter((record) => record.day <= origin && record.day > origin - CHOICE_WINDOW_DAYS);
  const byItem = new Map<string, PathRecord[]>();
  for (const record of window) byItem.set(record.item, [...(byItem.get(record.item) ?? []), record]);
  return { pooled: leastError(window), byItem: new Map([...byItem].map(([item, rows]) => [item, leastError(rows)])) };
}

function leastError(records: readonly PathRecord[]): DishPath {
  let best: DishPath = DISH_PATHS[0];
  let bestError = Number.POSITIVE_INFINITY;
  for (const path of DISH_PATHS) {
    const error = records.reduce((sum, record) => sum + Math.abs(record.points[path] - record.actual), 0);
    if (error < bestError) [best, bestError] = [path, error];
  }
  return best;
}
